// JSON values the way Avro Java holds and writes them: it reads schemas into a Jackson tree, so a
// default of `1.50` becomes a double and is written back as `1.5`, and a repeated key keeps its
// first position but its last value. The canonical string depends on these details.

import type { JsonNode, JsonNumber, JsonObject } from "../jsontext/index.js";

/** Whether Jackson reads this number as an integral node (IntNode, LongNode, BigIntegerNode). */
export function isIntegralLexeme(lexeme: string): boolean {
  return /^-?\d+$/.test(lexeme);
}

/** Java's `Double.toString`, shortest round-trip digits (JDK 19+). */
export function javaDoubleToString(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "Infinity";
  if (value === -Infinity) return "-Infinity";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  return formatJavaDecimal(value, value.toExponential());
}

/** Java's `Float.toString` for a value already rounded to single precision. */
export function javaFloatToString(value: number): string {
  const f = Math.fround(value);
  if (Number.isNaN(f)) return "NaN";
  if (f === Infinity) return "Infinity";
  if (f === -Infinity) return "-Infinity";
  if (f === 0) return Object.is(f, -0) ? "-0.0" : "0.0";
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = f.toExponential(digits - 1);
    if (Math.fround(Number(candidate)) === f) return formatJavaDecimal(f, candidate);
  }
  return formatJavaDecimal(f, f.toExponential(8));
}

/** Lays out `d.ddde±x` digits as Java does: plain between 10^-3 and 10^7, else `d.dddEx`. */
function formatJavaDecimal(value: number, exponential: string): string {
  const sign = value < 0 ? "-" : "";
  const m = /^-?(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(exponential);
  if (!m) return String(value);
  const digits = (m[1]! + (m[2] ?? "")).replace(/0+$/, "") || "0";
  const exp = Number(m[3]);
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e7) {
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
      const frac = digits.slice(exp + 1) || "0";
      return `${sign}${intPart}.${frac}`;
    }
    return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || "0"}E${exp}`;
}

/** How Jackson writes a number node that was read from `lexeme`. */
export function jacksonNumber(node: JsonNumber): string {
  if (isIntegralLexeme(node.lexeme)) return BigInt(node.lexeme).toString();
  return javaNumberLiteral(node.value);
}

/** A double as Jackson writes it: NaN and infinities are quoted by default. */
export function javaNumberLiteral(value: number): string {
  const text = javaDoubleToString(value);
  return Number.isFinite(value) ? text : `"${text}"`;
}

const HEX = "0123456789ABCDEF";

/** A JSON string literal as Jackson escapes it (short escapes where JSON has them, else `\u00XX`). */
export function jacksonQuote(value: string): string {
  let out = '"';
  let chunkStart = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
    out += value.slice(chunkStart, i);
    chunkStart = i + 1;
    switch (c) {
      case 0x22:
        out += '\\"';
        break;
      case 0x5c:
        out += "\\\\";
        break;
      case 0x08:
        out += "\\b";
        break;
      case 0x09:
        out += "\\t";
        break;
      case 0x0a:
        out += "\\n";
        break;
      case 0x0c:
        out += "\\f";
        break;
      case 0x0d:
        out += "\\r";
        break;
      default:
        out += `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
    }
  }
  return out + value.slice(chunkStart) + '"';
}

/** Keys of an object as a Jackson ObjectNode holds them: first position, last value. */
export function jacksonEntries(node: JsonObject): { key: string; value: JsonNode }[] {
  const index = new Map<string, number>();
  const out: { key: string; value: JsonNode }[] = [];
  for (const entry of node.entries) {
    const at = index.get(entry.key);
    if (at === undefined) {
      index.set(entry.key, out.length);
      out.push({ key: entry.key, value: entry.value });
    } else {
      out[at]!.value = entry.value;
    }
  }
  return out;
}

export interface WriteJsonOptions {
  /** Sort object keys recursively (Confluent's normalisation uses a TreeMap-backed node factory). */
  sortKeys?: boolean;
}

/** Compact JSON of a value as Jackson's `writeTree` would print it. */
export function writeJson(node: JsonNode, options: WriteJsonOptions = {}): string {
  switch (node.kind) {
    case "object": {
      const entries = jacksonEntries(node);
      if (options.sortKeys) entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return `{${entries.map((e) => `${jacksonQuote(e.key)}:${writeJson(e.value, options)}`).join(",")}}`;
    }
    case "array":
      return `[${node.items.map((item) => writeJson(item, options)).join(",")}]`;
    case "string":
      return jacksonQuote(node.value);
    case "number":
      return jacksonNumber(node);
    case "boolean":
      return node.value ? "true" : "false";
    case "null":
      return "null";
  }
}

/**
 * Jackson's `JsonNode.equals`: objects ignore key order, an integral number never equals a
 * floating one (`1` vs `1.0`), doubles compare by value.
 */
export function jacksonEquals(a: JsonNode, b: JsonNode): boolean {
  switch (a.kind) {
    case "object": {
      if (b.kind !== "object") return false;
      const ae = jacksonEntries(a);
      const bm = new Map(jacksonEntries(b).map((e) => [e.key, e.value]));
      if (ae.length !== bm.size) return false;
      return ae.every((e) => {
        const other = bm.get(e.key);
        return other !== undefined && jacksonEquals(e.value, other);
      });
    }
    case "array":
      return (
        b.kind === "array" &&
        a.items.length === b.items.length &&
        a.items.every((item, i) => jacksonEquals(item, b.items[i]!))
      );
    case "number": {
      if (b.kind !== "number") return false;
      const ai = isIntegralLexeme(a.lexeme);
      if (ai !== isIntegralLexeme(b.lexeme)) return false;
      if (ai) return BigInt(a.lexeme) === BigInt(b.lexeme);
      return a.value === b.value || (Number.isNaN(a.value) && Number.isNaN(b.value));
    }
    case "string":
    case "boolean":
      return b.kind === a.kind && b.value === a.value;
    case "null":
      return b.kind === "null";
  }
}
