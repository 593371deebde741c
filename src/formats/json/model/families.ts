// The typed nodes (string, number, object, array) read from their keyword families, with the
// draft 2019-09/2020-12 keywords translated into the same shape as the older drafts.

import { member, type JsonNode, type JsonNumber, type JsonObject } from "../../jsontext/index.js";
import { isModernDraft } from "../draft.js";
import { compilePattern } from "../regex.js";
import type { SchemaDocument } from "../resources.js";
import type { ArrayNode, NodeCommon, NumberNode, ObjectNode, SchemaNode, StringNode } from "./nodes.js";

export interface FamilyContext {
  json: JsonObject;
  document: SchemaDocument;
  build(json: JsonNode): SchemaNode;
}

type Fields<N> = Omit<N, keyof NodeCommon>;

export function buildString({ json }: FamilyContext): Fields<StringNode> {
  const node: Fields<StringNode> = { kind: "string" };
  const minLength = count(json, "minLength");
  if (minLength !== undefined) node.minLength = minLength;
  const maxLength = count(json, "maxLength");
  if (maxLength !== undefined) node.maxLength = maxLength;
  const pattern = member(json, "pattern");
  if (pattern?.kind === "string") node.pattern = pattern.value;
  return node;
}

export function buildNumber({ json, document }: FamilyContext, integer: boolean): Fields<NumberNode> {
  const node: Fields<NumberNode> = { kind: "number", integer };
  for (const key of ["maximum", "minimum", "multipleOf"] as const) {
    const value = number(json, key);
    if (value !== undefined) node[key] = value;
  }
  // Draft 4 spells exclusive bounds as boolean flags on maximum/minimum; those are not compared.
  if (document.draft !== "4") {
    for (const key of ["exclusiveMaximum", "exclusiveMinimum"] as const) {
      const value = number(json, key);
      if (value !== undefined) node[key] = value;
    }
  }
  return node;
}

export function buildObject({ json, document, build }: FamilyContext): Fields<ObjectNode> {
  const modern = isModernDraft(document.draft);
  const node: Fields<ObjectNode> = {
    kind: "object",
    properties: new Map(),
    patternProperties: [],
    permitsAdditionalProperties: true,
    required: [],
    propertyDependencies: new Map(),
    schemaDependencies: new Map(),
  };
  const properties = member(json, "properties");
  if (properties?.kind === "object") {
    for (const { key, value } of properties.entries) node.properties.set(key, build(value));
  }
  const patternProperties = member(json, "patternProperties");
  if (patternProperties?.kind === "object") {
    for (const { key, value } of patternProperties.entries) {
      const regex = compilePattern(key);
      if (regex !== undefined) node.patternProperties.push({ source: key, regex, schema: build(value) });
    }
  }
  const additional = member(json, "additionalProperties");
  if (additional?.kind === "boolean") node.permitsAdditionalProperties = additional.value;
  // `{}` is a schema (the empty one); `true` is not, the loader keeps no schema for it.
  else if (additional !== undefined) node.additionalPropertiesSchema = build(additional);
  const unevaluated = member(json, "unevaluatedProperties");
  if (modern && unevaluated !== undefined) node.unevaluatedProperties = build(unevaluated);
  const required = member(json, "required");
  if (required?.kind === "array") {
    for (const item of required.items) if (item.kind === "string") node.required.push(item.value);
  }
  readDependencies(member(json, "dependencies"), node, build);
  if (modern) {
    readDependencies(member(json, "dependentRequired"), node, build);
    readDependencies(member(json, "dependentSchemas"), node, build);
  }
  const minProperties = count(json, "minProperties");
  if (minProperties !== undefined) node.minProperties = minProperties;
  const maxProperties = count(json, "maxProperties");
  if (maxProperties !== undefined) node.maxProperties = maxProperties;
  return node;
}

/** `dependencies` mixes property lists and schemas; `dependentRequired`/`dependentSchemas` split them. */
function readDependencies(
  value: JsonNode | undefined,
  node: Fields<ObjectNode>,
  build: FamilyContext["build"],
): void {
  if (value?.kind !== "object") return;
  for (const { key, value: dependency } of value.entries) {
    if (dependency.kind === "array") {
      const names = dependency.items.flatMap((item) => (item.kind === "string" ? [item.value] : []));
      node.propertyDependencies.set(key, names);
    } else {
      node.schemaDependencies.set(key, build(dependency));
    }
  }
}

export function buildArray({ json, document, build }: FamilyContext): Fields<ArrayNode> {
  const node: Fields<ArrayNode> = { kind: "array", permitsAdditionalItems: true, uniqueItems: false };
  const items = member(json, "items");
  if (document.draft === "2020-12") {
    const prefixItems = member(json, "prefixItems");
    if (prefixItems?.kind === "array") {
      node.tupleItems = prefixItems.items.map(build);
      // Next to `prefixItems`, `items` plays the part of the older `additionalItems`.
      if (items !== undefined) readAdditionalItems(items, node, build);
    } else if (items !== undefined) {
      node.allItems = build(items);
    }
  } else {
    if (items?.kind === "array") node.tupleItems = items.items.map(build);
    else if (items !== undefined) node.allItems = build(items);
    const additionalItems = member(json, "additionalItems");
    if (additionalItems !== undefined) readAdditionalItems(additionalItems, node, build);
  }
  const unevaluated = member(json, "unevaluatedItems");
  if (isModernDraft(document.draft) && unevaluated !== undefined) node.unevaluatedItems = build(unevaluated);
  const contains = member(json, "contains");
  if (document.draft !== "4" && contains !== undefined) node.contains = build(contains);
  const minItems = count(json, "minItems");
  if (minItems !== undefined) node.minItems = minItems;
  const maxItems = count(json, "maxItems");
  if (maxItems !== undefined) node.maxItems = maxItems;
  const uniqueItems = member(json, "uniqueItems");
  if (uniqueItems?.kind === "boolean") node.uniqueItems = uniqueItems.value;
  // Before 2019-09 these are unknown keywords, which the registry still compares when numeric.
  const minContains = count(json, "minContains");
  if (minContains !== undefined) node.minContains = minContains;
  const maxContains = count(json, "maxContains");
  if (maxContains !== undefined) node.maxContains = maxContains;
  return node;
}

function readAdditionalItems(value: JsonNode, node: Fields<ArrayNode>, build: FamilyContext["build"]): void {
  if (value.kind === "boolean") node.permitsAdditionalItems = value.value;
  else node.additionalItemsSchema = build(value);
}

function number(json: JsonObject, key: string): JsonNumber | undefined {
  const value = member(json, key);
  return value?.kind === "number" ? value : undefined;
}

/** A count keyword's value; the registry reads these as Java ints. */
function count(json: JsonObject, key: string): number | undefined {
  return number(json, key)?.value;
}
