// Confluent's `normalize=true` for Avro: it writes the schema in a sorted form (its
// AvroSchemaUtils.toNormalizedString, adapted from Avro's SchemaNormalization) and parses that text
// again. This module writes that text; parse.ts re-parses it and renders it canonically.
// Effects: properties and aliases sorted, keys inside defaults and properties sorted, empty
// named-type docs dropped, `error` written as `record`, defaults converted through the field's type
// (Avro's JacksonUtils.toObject: an int default of a double field becomes 1.0, a default of the
// wrong kind disappears). Fields, symbols and union branches keep their order.

import type { JsonNode } from "../jsontext/index.js";
import {
  isIntegralLexeme,
  jacksonEntries,
  jacksonQuote,
  javaFloatToString,
  javaNumberLiteral,
  writeJson,
} from "./jackson.js";
import type { AvroField, AvroProp, AvroType, FixedType, NamedType, PrimitiveType } from "./model.js";

export function buildNormalizedText(root: AvroType, referenceRootNames: readonly string[]): string {
  const written = new Set(referenceRootNames);
  const out: string[] = [];
  build(root, written, out);
  return out.join("");
}

function build(t: AvroType, written: Set<string>, out: string[]): void {
  switch (t.type) {
    case "union":
      out.push("[");
      t.branches.forEach((b, i) => {
        if (i > 0) out.push(",");
        build(b, written, out);
      });
      out.push("]");
      return;
    case "array":
    case "map":
      out.push(`{"type":"${t.type}","${t.type === "array" ? "items" : "values"}":`);
      build(t.type === "array" ? t.items : t.values, written, out);
      sortedProps(t.props, out);
      out.push("}");
      return;
    case "record":
    case "enum":
    case "fixed":
      buildNamed(t, written, out);
      return;
    default:
      buildPrimitive(t, out);
  }
}

function buildNamed(t: NamedType, written: Set<string>, out: string[]): void {
  if (written.has(t.full)) {
    out.push(jacksonQuote(t.full));
    return;
  }
  written.add(t.full);
  out.push(`{"name":${jacksonQuote(t.full)},"type":"${t.type}"`);
  if (t.type === "enum") {
    out.push(`,"symbols":[${t.symbols.map(jacksonQuote).join(",")}]`);
  } else if (t.type === "fixed") {
    out.push(`,"size":${t.size}`);
    const logical = logicalAttributes(t);
    if (logical !== undefined) out.push(logical);
  } else {
    out.push(',"fields":[');
    t.fields.forEach((f, i) => {
      if (i > 0) out.push(",");
      out.push(`{"name":${jacksonQuote(f.name)},"type":`);
      build(f.type, written, out);
      fieldAttributes(f, out);
      out.push("}");
    });
    out.push("]");
  }
  if (t.doc !== undefined && t.doc !== "") out.push(`,"doc":${jacksonQuote(t.doc)}`);
  if (t.aliases.length > 0) {
    // Avro 1.12 getAliases(): an alias without namespace inside a namespaced type reads ".Name".
    const aliases = t.aliases.map((a) => (a.space === null && t.space !== null ? `.${a.name}` : a.full));
    out.push(`,"aliases":[${[...new Set(aliases)].sort(compare).map(jacksonQuote).join(",")}]`);
  }
  if (t.type === "enum" && t.enumDefault !== undefined) out.push(`,"default":${jacksonQuote(t.enumDefault)}`);
  sortedProps(t.props, out);
  out.push("}");
}

function buildPrimitive(t: PrimitiveType, out: string[]): void {
  const logical = logicalAttributes(t);
  if (logical === undefined && t.props.length === 0) {
    out.push(`"${t.type}"`);
    return;
  }
  out.push(`{"type":"${t.type}"`);
  if (logical !== undefined) out.push(logical);
  sortedProps(t.props, out);
  out.push("}");
}

function fieldAttributes(f: AvroField, out: string[]): void {
  out.push(`,"order":"${f.order.toUpperCase()}"`);
  if (f.doc !== undefined) out.push(`,"doc":${jacksonQuote(f.doc)}`);
  if (f.aliases.length > 0)
    out.push(`,"aliases":[${[...f.aliases].sort(compare).map(jacksonQuote).join(",")}]`);
  if (f.default !== undefined) {
    const value = convertDefault(f.default, f.type);
    if (value !== undefined) out.push(`,"default":${value}`);
  }
  sortedProps(f.props, out);
}

function sortedProps(props: readonly AvroProp[], out: string[]): void {
  for (const p of [...props].sort((a, b) => compare(a.key, b.key))) {
    out.push(`,${jacksonQuote(p.key)}:${writeJson(p.value, { sortKeys: true })}`);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The attributes Confluent writes first for a valid logical type (they keep that position when the
 * text is parsed again, since a repeated JSON key keeps its first place). Validity follows Avro 1.12's
 * LogicalTypes; an invalid logical type is only a property.
 */
function logicalAttributes(t: PrimitiveType | FixedType): string | undefined {
  const prop = (key: string): JsonNode | undefined => t.props.find((p) => p.key === key)?.value;
  const logical = prop("logicalType");
  if (logical?.kind !== "string") return undefined;
  const name = logical.value;
  const head = `,"logicalType":${jacksonQuote(name)}`;
  const size = t.type === "fixed" ? t.size : undefined;
  switch (name) {
    case "decimal": {
      if (t.type !== "bytes" && t.type !== "fixed") return undefined;
      const precision = intProp(prop("precision"));
      const scale = intProp(prop("scale"));
      if (precision === null || scale === null || precision === undefined || precision <= 0) return undefined;
      if (size !== undefined && precision > maxDecimalPrecision(size)) return undefined;
      const s = scale ?? 0;
      if (s < 0 || s > precision) return undefined;
      return `${head},"precision":${precision}${s !== 0 ? `,"scale":${s}` : ""}`;
    }
    case "big-decimal":
      return t.type === "bytes" ? head : undefined;
    case "uuid":
      return t.type === "string" || size === 16 ? head : undefined;
    case "date":
    case "time-millis":
      return t.type === "int" ? head : undefined;
    case "time-micros":
    case "timestamp-millis":
    case "timestamp-micros":
    case "timestamp-nanos":
    case "local-timestamp-millis":
    case "local-timestamp-micros":
    case "local-timestamp-nanos":
      return t.type === "long" ? head : undefined;
    case "duration":
      return size === 12 ? head : undefined;
    default:
      return undefined;
  }
}

/** undefined when absent, null when present but not an int (the logical type is then invalid). */
function intProp(node: JsonNode | undefined): number | undefined | null {
  if (node === undefined) return undefined;
  if (node.kind !== "number" || !isIntegralLexeme(node.lexeme) || Math.abs(node.value) > 2 ** 31 - 1)
    return null;
  return node.value;
}

function maxDecimalPrecision(size: number): number {
  return Math.floor(Math.log10(2 ** (8 * size - 1) - 1));
}

/**
 * Avro's `JacksonUtils.toObject(default, fieldSchema)` followed by Confluent's sorted re-encoding.
 * Returns undefined where Avro yields no value (the default is then dropped). Conversions that
 * would make Avro Java throw are not reproduced: the value is then kept as it is *(inferred)*.
 */
function convertDefault(value: JsonNode, type: AvroType | undefined): string | undefined {
  const t = type?.type === "union" ? type.branches[0] : type;
  switch (value.kind) {
    case "null":
      return "null";
    case "boolean":
      return value.value ? "true" : "false";
    case "number":
      return convertNumber(value.lexeme, value.value, t);
    case "string":
      if (t === undefined || t.type === "string" || t.type === "enum") return jacksonQuote(value.value);
      // bytes and fixed go through ISO-8859-1 bytes and back: characters above U+00FF become "?".
      if (t.type === "bytes" || t.type === "fixed")
        return jacksonQuote(value.value.replace(/[\u0100-\u{10ffff}]/gu, "?"));
      return undefined;
    case "array": {
      const items = t?.type === "array" ? t.items : undefined;
      return `[${value.items.map((item) => convertDefault(item, items) ?? "null").join(",")}]`;
    }
    case "object": {
      const entries = jacksonEntries(value).sort((a, b) => compare(a.key, b.key));
      const fieldType = (key: string): AvroType | undefined =>
        t?.type === "map" ? t.values : t?.type === "record" ? t.fieldsByName.get(key)?.type : undefined;
      return `{${entries.map((e) => `${jacksonQuote(e.key)}:${convertDefault(e.value, fieldType(e.key)) ?? "null"}`).join(",")}}`;
    }
  }
}

function convertNumber(lexeme: string, value: number, t: AvroType | undefined): string | undefined {
  if (isIntegralLexeme(lexeme)) {
    const big = BigInt(lexeme);
    if (big < -(2n ** 63n) || big >= 2n ** 63n) return undefined; // a BigIntegerNode has no conversion
    if (t === undefined || t.type === "int" || t.type === "long") return big.toString();
    if (t.type === "float") return floatLiteral(Number(big));
    if (t.type === "double") return javaNumberLiteral(Number(big));
    return undefined;
  }
  if (t === undefined || t.type === "double") return javaNumberLiteral(value);
  if (t.type === "float") return floatLiteral(value);
  return undefined;
}

function floatLiteral(value: number): string {
  const text = javaFloatToString(value);
  return Number.isFinite(Math.fround(value)) ? text : `"${text}"`;
}
