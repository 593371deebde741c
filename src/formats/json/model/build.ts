// Builds the node-kind model of compatibility.md §3.2 from the JSON of a schema, the way the
// registry's loader shapes it: one node per schema object, a synthetic allOf when several keyword
// families meet, a synthetic anyOf for a `type` array, and lazily resolved references that all
// lead to one node object per definition.

import { member, type JsonNode, type JsonObject } from "../../jsontext/index.js";
import type { SourceLocation } from "../../types.js";
import { isModernDraft } from "../draft.js";
import {
  familyKeywords,
  familyOfType,
  idKeyword,
  isTypeName,
  type KeywordFamily,
  type TypeName,
} from "../keywords.js";
import type { ResourceSet, SchemaDocument } from "../resources.js";
import { buildArray, buildNumber, buildObject, buildString } from "./families.js";
import type {
  CombinedNode,
  ConditionalNode,
  Criterion,
  NodeCommon,
  ReferenceNode,
  SchemaNode,
} from "./nodes.js";

const CRITERIA: readonly Criterion[] = ["allOf", "anyOf", "oneOf"];

/** Keyword families sniffed when `type` does not consume them, in the loader's order. */
const SNIFFED_FAMILIES: readonly KeywordFamily[] = ["array", "object", "number", "string", "conditional"];

export class ModelBuilder {
  private readonly cache = new Map<JsonNode, SchemaNode>();

  constructor(private readonly resources: ResourceSet) {}

  /** The model of the main document's root. */
  buildRoot(): SchemaNode {
    const main = this.resources.main;
    return this.build(main.root, main);
  }

  /** The node of one schema; the same JSON always yields the same node object. */
  build(json: JsonNode, document: SchemaDocument): SchemaNode {
    const cached = this.cache.get(json);
    if (cached !== undefined) return cached;
    const node = this.create(json, document);
    this.cache.set(json, node);
    return node;
  }

  private create(json: JsonNode, document: SchemaDocument): SchemaNode {
    const base = { location: locationOf(json, document), json, annotations: {} };
    if (json.kind === "boolean") {
      return json.value ? { ...base, kind: "empty", isTrue: true } : { ...base, kind: "false" };
    }
    if (json.kind !== "object") throw new Error(`not a schema: ${json.kind}`);
    const modern = isModernDraft(document.draft);
    const ref = member(json, "$ref");
    // Up to draft 7 a `$ref` replaces its object: sibling keywords are ignored.
    if (!modern && ref?.kind === "string") return this.reference(ref.value, json, document);

    const parts: SchemaNode[] = [];
    if (ref?.kind === "string") parts.push(this.reference(ref.value, json, document));
    const enumValues = member(json, "enum");
    if (enumValues?.kind === "array") parts.push({ ...part(base), kind: "enum", values: enumValues.items });
    const combined = this.combinators(json, document, base);
    if (combined !== undefined) parts.push(combined);
    const not = member(json, "not");
    if (not !== undefined) parts.push({ ...part(base), kind: "not", schema: this.build(not, document) });
    const constValue = member(json, "const");
    if (constValue !== undefined && document.draft !== "4")
      parts.push({ ...part(base), kind: "const", value: constValue });

    const consumed = new Set<KeywordFamily>();
    const typed = this.typed(json, document, base, consumed);
    if (typed !== undefined) parts.push(typed);
    for (const family of SNIFFED_FAMILIES) {
      if (consumed.has(family)) continue;
      if (!familyKeywords(document.draft, family).some((k) => member(json, k) !== undefined)) continue;
      parts.push(
        family === "conditional"
          ? this.conditional(json, document, base)
          : this.family(family, json, document, base, undefined),
      );
    }

    let node: SchemaNode;
    if (parts.length === 0) node = { ...base, kind: "empty", isTrue: false };
    else if (parts.length === 1) node = parts[0]!;
    else node = { ...part(base), kind: "combined", criterion: "allOf", subschemas: parts, synthetic: true };
    node.annotations = annotationsOf(json, document);
    const connectType = member(json, "connect.type");
    if (connectType?.kind === "string") node.connectType = connectType.value;
    return node;
  }

  private reference(ref: string, json: JsonObject, document: SchemaDocument): ReferenceNode {
    const resources = this.resources;
    let target: SchemaNode | undefined;
    const build = (j: JsonNode, d: SchemaDocument): SchemaNode => this.build(j, d);
    return {
      kind: "reference",
      ref,
      location: locationOf(json, document),
      json,
      annotations: {},
      get target(): SchemaNode {
        if (target === undefined) {
          const resolved = resources.resolve(ref, document, json);
          // Parsing has already reported every unresolvable reference.
          if (!resolved.ok) throw new Error(resolved.message);
          target = build(resolved.target.node, resolved.target.document);
        }
        return target;
      },
    };
  }

  private combinators(
    json: JsonObject,
    document: SchemaDocument,
    base: NodeBaseFields,
  ): CombinedNode | undefined {
    const found: CombinedNode[] = [];
    for (const criterion of CRITERIA) {
      const list = member(json, criterion);
      if (list?.kind !== "array") continue;
      found.push({
        ...part(base),
        kind: "combined",
        criterion,
        subschemas: list.items.map((item) => this.build(item, document)),
        synthetic: false,
      });
    }
    if (found.length <= 1) return found[0];
    return { ...part(base), kind: "combined", criterion: "allOf", subschemas: found, synthetic: true };
  }

  /** The node(s) `type` asks for; a type array becomes a synthetic anyOf of one node per type. */
  private typed(
    json: JsonObject,
    document: SchemaDocument,
    base: NodeBaseFields,
    consumed: Set<KeywordFamily>,
  ): SchemaNode | undefined {
    const type = member(json, "type");
    if (type === undefined) return undefined;
    const names: TypeName[] = [];
    if (type.kind === "string" && isTypeName(type.value)) names.push(type.value);
    if (type.kind === "array") {
      for (const item of type.items)
        if (item.kind === "string" && isTypeName(item.value)) names.push(item.value);
    }
    const nodes = names.map((name) => {
      const family = familyOfType(name);
      if (family !== undefined) consumed.add(family);
      return this.typedNode(name, json, document, base);
    });
    if (type.kind === "string") return nodes[0];
    return { ...part(base), kind: "combined", criterion: "anyOf", subschemas: nodes, synthetic: true };
  }

  private typedNode(
    name: TypeName,
    json: JsonObject,
    document: SchemaDocument,
    base: NodeBaseFields,
  ): SchemaNode {
    switch (name) {
      case "boolean":
        return { ...part(base), kind: "boolean" };
      case "null":
        return { ...part(base), kind: "null" };
      case "integer":
        return this.family("number", json, document, base, true);
      default:
        return this.family(
          familyOfType(name) as Exclude<KeywordFamily, "conditional">,
          json,
          document,
          base,
          false,
        );
    }
  }

  private family(
    family: Exclude<KeywordFamily, "conditional">,
    json: JsonObject,
    document: SchemaDocument,
    base: NodeBaseFields,
    integer: boolean | undefined,
  ): SchemaNode {
    const ctx = { json, document, build: (j: JsonNode) => this.build(j, document) };
    switch (family) {
      case "string":
        return { ...part(base), ...buildString(ctx) };
      case "number":
        return { ...part(base), ...buildNumber(ctx, integer ?? false) };
      case "object":
        return { ...part(base), ...buildObject(ctx) };
      case "array":
        return { ...part(base), ...buildArray(ctx) };
    }
  }

  private conditional(json: JsonObject, document: SchemaDocument, base: NodeBaseFields): SchemaNode {
    const sub = (key: string): SchemaNode | undefined => {
      const value = member(json, key);
      return value === undefined ? undefined : this.build(value, document);
    };
    const node: ConditionalNode = { ...part(base), kind: "conditional" };
    const [ifSchema, thenSchema, elseSchema] = [sub("if"), sub("then"), sub("else")];
    if (ifSchema) node.ifSchema = ifSchema;
    if (thenSchema) node.thenSchema = thenSchema;
    if (elseSchema) node.elseSchema = elseSchema;
    return node;
  }
}

type NodeBaseFields = Pick<NodeCommon, "location" | "json" | "annotations">;

/** Base fields for a member node: each gets its own (empty) annotations object. */
function part(base: NodeBaseFields): NodeBaseFields {
  return { location: base.location, json: base.json, annotations: {} };
}

export function locationOf(json: JsonNode, document: SchemaDocument): SourceLocation {
  const location: SourceLocation = { line: json.start.line, column: json.start.column };
  if (document.source !== undefined) location.source = document.source;
  return location;
}

function annotationsOf(json: JsonObject, document: SchemaDocument): NodeCommon["annotations"] {
  const annotations: NodeCommon["annotations"] = {};
  const id = member(json, idKeyword(document.draft));
  if (id?.kind === "string") annotations.id = id.value;
  const title = member(json, "title");
  if (title?.kind === "string") annotations.title = title.value;
  const description = member(json, "description");
  if (description?.kind === "string") annotations.description = description.value;
  const defaultValue = member(json, "default");
  if (defaultValue !== undefined) annotations.default = defaultValue;
  return annotations;
}
