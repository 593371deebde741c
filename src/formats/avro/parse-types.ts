// Builds the Avro model from a located JSON tree, checking what Avro Java's Schema.Parser checks.
// Problems are collected rather than thrown, each with the line and column of the offending node;
// after a problem a placeholder type keeps the walk going so that independent problems are found too.

import type { SchemaIssue, SourceLocation } from "../types.js";
import { member, type JsonNode, type JsonObject } from "../jsontext/index.js";
import { explainInvalidDefault, isValidDefault } from "./defaults.js";
import { isIntegralLexeme, javaDoubleToString } from "./jackson.js";
import {
  PRIMITIVE_NAMES,
  type AvroField,
  type AvroName,
  type AvroProp,
  type AvroType,
  type EnumType,
  type FieldOrder,
  type FixedType,
  type NamedType,
  type PrimitiveType,
  type PrimitiveTypeName,
  type RecordType,
} from "./model.js";
import { closestName, isValidName, isValidNamespace, makeName } from "./names.js";

const SCHEMA_RESERVED = new Set([
  "doc",
  "fields",
  "items",
  "name",
  "namespace",
  "size",
  "symbols",
  "values",
  "type",
  "aliases",
]);
const ENUM_RESERVED = new Set([...SCHEMA_RESERVED, "default"]);
const FIELD_RESERVED = new Set(["default", "doc", "name", "order", "type", "aliases"]);

/** State shared by the main text and its references: they are parsed into one name table. */
export interface ParseState {
  readonly strict: boolean;
  readonly names: Map<string, NamedType>;
  readonly errors: SchemaIssue[];
  /** Placeholders standing in for types that failed to parse. */
  readonly invalid: WeakSet<AvroType>;
  nextId: number;
}

export function newParseState(strict: boolean): ParseState {
  return { strict, names: new Map(), errors: [], invalid: new WeakSet(), nextId: 0 };
}

export class TypeParser {
  constructor(
    private readonly state: ParseState,
    private readonly source: string | undefined,
  ) {}

  parse(node: JsonNode, space: string | null): AvroType {
    switch (node.kind) {
      case "string":
        return this.resolve(node.value, space, node);
      case "object":
        return this.parseObject(node, space);
      case "array":
        return this.parseUnion(node.items, space, node);
      default:
        return this.fail(
          node,
          `a schema must be a type name, an object or an array (union), found ${describeKind(node)}`,
        );
    }
  }

  private loc(node: { start: { line: number; column: number } }): SourceLocation {
    const at: SourceLocation = { line: node.start.line, column: node.start.column };
    if (this.source !== undefined) at.source = this.source;
    return at;
  }

  private error(node: { start: { line: number; column: number } }, message: string): void {
    this.state.errors.push({ ...this.loc(node), message });
  }

  private fail(node: JsonNode, message: string): AvroType {
    this.error(node, message);
    const placeholder: PrimitiveType = {
      id: this.state.nextId++,
      type: "null",
      props: [],
      location: this.loc(node),
    };
    this.state.invalid.add(placeholder);
    return placeholder;
  }

  private resolve(name: string, space: string | null, node: JsonNode): AvroType {
    if (PRIMITIVE_NAMES.has(name)) return this.primitive(name as PrimitiveTypeName, [], node);
    const names = this.state.names;
    const qualified = name.includes(".") || space === null ? name : `${space}.${name}`;
    // Avro Java falls back to the null namespace for an unqualified name not found in the current
    // one. Names must be defined before use, as in Avro 1.11's parser *(Avro 1.12 may also accept
    // forward references; not reproduced)*.
    const found = names.get(qualified) ?? (name.includes(".") ? undefined : names.get(name));
    if (found !== undefined) return found;
    const hint = closestName(qualified, names.keys());
    const suffix = hint === undefined ? "" : ` (did you mean "${hint}"?)`;
    const where = qualified === name ? "" : ` (looked up as "${qualified}")`;
    return this.fail(
      node,
      `unknown type "${name}"${where}${suffix}; named types must be defined before they are used`,
    );
  }

  private primitive(type: PrimitiveTypeName, props: AvroProp[], node: JsonNode): PrimitiveType {
    return { id: this.state.nextId++, type, props, location: this.loc(node) };
  }

  private parseObject(node: JsonObject, space: string | null): AvroType {
    const typeNode = member(node, "type");
    if (typeNode === undefined) return this.fail(node, `missing "type" in a schema object`);
    if (typeNode.kind !== "string") {
      return this.fail(typeNode, `"type" must be a string naming a type, found ${describeKind(typeNode)}`);
    }
    const type = typeNode.value;
    if (PRIMITIVE_NAMES.has(type))
      return this.primitive(type as PrimitiveTypeName, this.props(node, SCHEMA_RESERVED), node);
    switch (type) {
      case "record":
      case "error":
        return this.parseRecord(node, space, type === "error");
      case "enum":
        return this.parseEnum(node, space);
      case "fixed":
        return this.parseFixed(node, space);
      case "array": {
        const items = member(node, "items");
        if (items === undefined) return this.fail(node, `array has no "items" type`);
        const parsed = this.parse(items, space);
        return {
          id: this.state.nextId++,
          type: "array",
          items: parsed,
          props: this.props(node, SCHEMA_RESERVED),
          location: this.loc(node),
        };
      }
      case "map": {
        const values = member(node, "values");
        if (values === undefined) return this.fail(node, `map has no "values" type`);
        const parsed = this.parse(values, space);
        return {
          id: this.state.nextId++,
          type: "map",
          values: parsed,
          props: this.props(node, SCHEMA_RESERVED),
          location: this.loc(node),
        };
      }
      default:
        // {"type": "com.acme.Address"} is a reference to a named type; other attributes are ignored.
        return this.resolve(type, space, typeNode);
    }
  }

  private props(node: JsonObject, reserved: ReadonlySet<string>): AvroProp[] {
    const out: AvroProp[] = [];
    const index = new Map<string, number>();
    for (const entry of node.entries) {
      if (reserved.has(entry.key)) continue;
      const at = index.get(entry.key);
      if (at === undefined) {
        index.set(entry.key, out.length);
        out.push({ key: entry.key, value: entry.value });
      } else {
        out[at] = { key: entry.key, value: entry.value };
      }
    }
    return out;
  }

  /** Name, namespace and their validation; undefined when there is no usable name. */
  private parseName(node: JsonObject, space: string | null, what: string): AvroName | undefined {
    const nameNode = member(node, "name");
    if (nameNode === undefined || nameNode.kind !== "string") {
      this.error(
        nameNode ?? node,
        nameNode === undefined ? `${what} has no "name"` : `${what} "name" must be a string`,
      );
      return undefined;
    }
    const nsNode = member(node, "namespace");
    const explicit = nsNode?.kind === "string" ? nsNode.value : undefined;
    const name = makeName(nameNode.value, explicit ?? space);
    let ok = true;
    if (!isValidName(name.name, this.state.strict)) {
      this.error(nameNode, `invalid ${what} name "${name.name}": ${this.nameRule()}`);
      ok = false;
    }
    if (this.state.strict) {
      const ownSpace = nameNode.value.includes(".")
        ? nameNode.value.slice(0, nameNode.value.lastIndexOf("."))
        : explicit;
      if (ownSpace !== undefined && !isValidNamespace(ownSpace)) {
        const at = nameNode.value.includes(".") || nsNode === undefined ? nameNode : nsNode;
        this.error(
          at,
          `invalid namespace "${ownSpace}": each dot-separated part must match [A-Za-z_][A-Za-z0-9_]*`,
        );
        ok = false;
      }
    }
    if (name.space === null && PRIMITIVE_NAMES.has(name.name)) {
      this.error(nameNode, `a named type may not be called "${name.name}", the name of a primitive type`);
      ok = false;
    }
    return ok ? name : undefined;
  }

  private nameRule(): string {
    return this.state.strict
      ? "names must start with a letter or _ and contain only letters, digits and _ ([A-Za-z_][A-Za-z0-9_]*)"
      : "names must start with a letter or _ and contain only letters, digits and _";
  }

  private doc(node: JsonObject): string | undefined {
    const doc = member(node, "doc");
    return doc?.kind === "string" ? doc.value : undefined;
  }

  private register(type: NamedType, nameNode: JsonNode): boolean {
    const existing = this.state.names.get(type.full);
    if (existing !== undefined) {
      const where =
        existing.location.source === undefined
          ? `line ${existing.location.line}`
          : `reference "${existing.location.source}"`;
      this.error(
        nameNode,
        `type "${type.full}" is already defined (${where}); a named type can be defined only once`,
      );
      return false;
    }
    this.state.names.set(type.full, type);
    return true;
  }

  private aliases(node: JsonObject, space: string | null): AvroName[] {
    const seen = new Map<string, AvroName>();
    for (const text of this.aliasStrings(node)) {
      const alias = makeName(text.value, space);
      if (!isValidName(alias.name, this.state.strict)) {
        this.error(text, `invalid alias "${text.value}": ${this.nameRule()}`);
        continue;
      }
      if (!seen.has(alias.full)) seen.set(alias.full, alias);
    }
    return [...seen.values()];
  }

  private aliasStrings(node: JsonObject): { value: string; start: { line: number; column: number } }[] {
    const aliases = member(node, "aliases");
    if (aliases === undefined) return [];
    if (aliases.kind !== "array") {
      this.error(aliases, `"aliases" must be an array of strings`);
      return [];
    }
    const out: { value: string; start: { line: number; column: number } }[] = [];
    for (const item of aliases.items) {
      if (item.kind === "string") out.push(item);
      else this.error(item, `an alias must be a string, found ${describeKind(item)}`);
    }
    return out;
  }

  private parseRecord(node: JsonObject, space: string | null, isError: boolean): AvroType {
    const what = isError ? "error" : "record";
    const name = this.parseName(node, space, what);
    const fieldsNode = member(node, "fields");
    const record: RecordType = {
      id: this.state.nextId++,
      type: "record",
      isError,
      ...(name ?? { name: "", space: null, full: "" }),
      doc: this.doc(node),
      aliases: this.aliases(node, name?.space ?? null),
      props: this.props(node, SCHEMA_RESERVED),
      fields: [],
      fieldsByName: new Map(),
      location: this.loc(node),
    };
    const registered = name !== undefined && this.register(record, member(node, "name")!);
    if (!registered) this.state.invalid.add(record);
    if (fieldsNode === undefined || fieldsNode.kind !== "array") {
      this.error(fieldsNode ?? node, `${what} "${name?.full ?? "?"}" has no "fields" array`);
      return record;
    }
    for (const fieldNode of fieldsNode.items) {
      const field = this.parseField(fieldNode, record);
      if (field === undefined) continue;
      const previous = record.fieldsByName.get(field.name);
      if (previous !== undefined) {
        this.error(
          fieldNode,
          `duplicate field "${field.name}" in ${what} "${record.full}" (first defined at line ${previous.location.line})`,
        );
        continue;
      }
      record.fields.push(field);
      record.fieldsByName.set(field.name, field);
    }
    return record;
  }

  private parseField(node: JsonNode, record: RecordType): AvroField | undefined {
    if (node.kind !== "object") {
      this.error(node, `a field must be an object with "name" and "type", found ${describeKind(node)}`);
      return undefined;
    }
    const nameNode = member(node, "name");
    if (nameNode === undefined || nameNode.kind !== "string") {
      this.error(
        nameNode ?? node,
        nameNode === undefined ? `field has no "name"` : `field "name" must be a string`,
      );
      return undefined;
    }
    const name = nameNode.value;
    if (!isValidName(name, this.state.strict))
      this.error(nameNode, `invalid field name "${name}": ${this.nameRule()}`);
    const typeNode = member(node, "type");
    if (typeNode === undefined) {
      this.error(node, `field "${name}" has no "type"`);
      return undefined;
    }
    const type = this.parse(typeNode, record.space);
    const defaultValue = this.fieldDefault(node, name, type);
    return {
      name,
      pos: record.fields.length,
      type,
      doc: this.doc(node),
      default: defaultValue,
      order: this.order(node, name),
      aliases: [...new Set(this.aliasStrings(node).map((a) => a.value))],
      props: this.props(node, FIELD_RESERVED),
      location: this.loc(node),
    };
  }

  private order(node: JsonObject, field: string): FieldOrder {
    const order = member(node, "order");
    if (order === undefined) return "ascending";
    const value = order.kind === "string" ? order.value.toLowerCase() : undefined;
    if (value === "ascending" || value === "descending" || value === "ignore") return value;
    this.error(order, `field "${field}": "order" must be "ascending", "descending" or "ignore"`);
    return "ascending";
  }

  private fieldDefault(node: JsonObject, field: string, type: AvroType): JsonNode | undefined {
    let value = member(node, "default");
    if (value === undefined) return undefined;
    if (value.kind === "string" && (type.type === "float" || type.type === "double")) {
      // Avro Java turns a textual float/double default into a number (Double.parseDouble).
      const parsed = parseJavaDouble(value.value);
      if (parsed === undefined) {
        this.error(value, `field "${field}": default "${value.value}" is not a number`);
        return undefined;
      }
      value = {
        kind: "number",
        lexeme: javaDoubleToString(parsed),
        value: parsed,
        start: value.start,
        end: value.end,
      };
    }
    if (this.state.strict && !this.dependsOnInvalid(type) && !isValidDefault(type, value)) {
      this.error(value, `field "${field}": ${explainInvalidDefault(type, value)}`);
    }
    return value;
  }

  /** No default check against a type that failed to parse: the first error already says why. */
  private dependsOnInvalid(type: AvroType): boolean {
    return this.state.errors.length > 0 && containsInvalid(type, this.state.invalid);
  }

  private parseEnum(node: JsonObject, space: string | null): AvroType {
    const name = this.parseName(node, space, "enum");
    const symbolsNode = member(node, "symbols");
    if (symbolsNode === undefined || symbolsNode.kind !== "array") {
      return this.fail(symbolsNode ?? node, `enum "${name?.full ?? "?"}" has no "symbols" array`);
    }
    const symbols: string[] = [];
    for (const item of symbolsNode.items) {
      if (item.kind !== "string") {
        this.error(item, `an enum symbol must be a string, found ${describeKind(item)}`);
      } else if (!isValidName(item.value, this.state.strict)) {
        this.error(
          item,
          `invalid enum symbol "${item.value}": ${this.nameRule().replace("names", "symbols")}`,
        );
      } else if (symbols.includes(item.value)) {
        this.error(item, `duplicate enum symbol "${item.value}"`);
      } else {
        symbols.push(item.value);
      }
    }
    const defaultNode = member(node, "default");
    const enumDefault = defaultNode?.kind === "string" ? defaultNode.value : undefined;
    // Avro's EnumSchema constructor checks this whatever the parser's default validation says.
    if (enumDefault !== undefined && !symbols.includes(enumDefault)) {
      this.error(
        defaultNode!,
        `enum default "${enumDefault}" is not one of the symbols [${symbols.join(", ")}]`,
      );
    }
    const type: EnumType = {
      id: this.state.nextId++,
      type: "enum",
      ...(name ?? { name: "", space: null, full: "" }),
      doc: this.doc(node),
      symbols,
      enumDefault,
      aliases: this.aliases(node, name?.space ?? null),
      props: this.props(node, ENUM_RESERVED),
      location: this.loc(node),
    };
    if (name === undefined || !this.register(type, member(node, "name")!)) this.state.invalid.add(type);
    return type;
  }

  private parseFixed(node: JsonObject, space: string | null): AvroType {
    const name = this.parseName(node, space, "fixed");
    const sizeNode = member(node, "size");
    const size =
      sizeNode?.kind === "number" &&
      isIntegralLexeme(sizeNode.lexeme) &&
      sizeNode.value >= 0 &&
      sizeNode.value <= 2 ** 31 - 1
        ? sizeNode.value
        : undefined;
    if (size === undefined) {
      return this.fail(
        sizeNode ?? node,
        `fixed "${name?.full ?? "?"}" needs a "size" that is a non-negative integer`,
      );
    }
    const type: FixedType = {
      id: this.state.nextId++,
      type: "fixed",
      ...(name ?? { name: "", space: null, full: "" }),
      doc: this.doc(node),
      size,
      aliases: this.aliases(node, name?.space ?? null),
      props: this.props(node, SCHEMA_RESERVED),
      location: this.loc(node),
    };
    if (name === undefined || !this.register(type, member(node, "name")!)) this.state.invalid.add(type);
    return type;
  }

  private parseUnion(items: JsonNode[], space: string | null, node: JsonNode): AvroType {
    const branches: AvroType[] = [];
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const branch = this.parse(item, space);
      branches.push(branch);
      if (this.state.invalid.has(branch)) return;
      if (branch.type === "union") {
        this.error(item, `a union may not directly contain another union (branch ${i})`);
        return;
      }
      const key = "full" in branch ? branch.full : branch.type;
      const first = seen.get(key);
      if (first !== undefined) {
        this.error(
          item,
          `union contains "${key}" twice (branches ${first} and ${i}); only named types may repeat a kind`,
        );
      } else {
        seen.set(key, i);
      }
    });
    return { id: this.state.nextId++, type: "union", branches, props: [], location: this.loc(node) };
  }
}

function containsInvalid(type: AvroType, invalid: WeakSet<AvroType>, seen = new Set<AvroType>()): boolean {
  if (invalid.has(type)) return true;
  if (seen.has(type)) return false;
  seen.add(type);
  switch (type.type) {
    case "union":
      return type.branches.some((b) => containsInvalid(b, invalid, seen));
    case "array":
      return containsInvalid(type.items, invalid, seen);
    case "map":
      return containsInvalid(type.values, invalid, seen);
    case "record":
      return type.fields.some((f) => containsInvalid(f.type, invalid, seen));
    default:
      return false;
  }
}

function describeKind(node: JsonNode): string {
  return node.kind === "null"
    ? "null"
    : `${node.kind === "object" || node.kind === "array" ? "an" : "a"} ${node.kind}`;
}

/** Java's Double.parseDouble on the forms a schema author may write; undefined when Java would throw. */
function parseJavaDouble(text: string): number | undefined {
  const t = text.trim();
  const m = /^([+-]?)(NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[fFdD]?$/.exec(t);
  if (!m) return undefined;
  const body = m[2]!;
  if (body === "NaN") return NaN;
  const v = body === "Infinity" ? Infinity : Number(body);
  return m[1] === "-" ? -v : v;
}
