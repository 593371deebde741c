// Option rendering in Confluent's canonical layout (ProtobufSchemaUtils): a single bracketed option
// stays on the field's line (`[packed = true]`), several go one per line, aggregate values open a
// block with `key: value` entries separated by commas.

import type { OptionDecl, OptionMapEntry, OptionValue } from "./ast.js";

/** What normalisation changes in option values; absent for the plain canonical form. */
export interface OptionNormalizer {
  /** Fully qualified name of an extension written inside `(...)` or `[...]`, if it resolves. */
  resolveExtension(name: string): string | undefined;
}

/** Java's `appendIndented`: every line gets two spaces; trailing empty lines vanish (String.split). */
export function indent(text: string): string {
  const lines = text.split("\n");
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.map((line) => `  ${line}\n`).join("");
}

/** The escapes Confluent writes back into string literals; other characters stay as they are. */
export function escapeString(value: string): string {
  let out = "";
  for (const c of value) {
    switch (c) {
      case "\x07":
        out += "\\a";
        break;
      case "\b":
        out += "\\b";
        break;
      case "\f":
        out += "\\f";
        break;
      case "\n":
        out += "\\n";
        break;
      case "\r":
        out += "\\r";
        break;
      case "\t":
        out += "\\t";
        break;
      case "\v":
        out += "\\v";
        break;
      case "\\":
        out += "\\\\";
        break;
      case "'":
        out += "\\'";
        break;
      case '"':
        out += '\\"';
        break;
      default:
        out += c;
    }
  }
  return out;
}

export function optionName(option: OptionDecl): string {
  const head = option.parenthesized ? `(${option.name})` : option.name;
  return [head, ...option.path].join(".");
}

/** `name = value` without the `option` keyword or the trailing semicolon. */
export function optionText(option: OptionDecl, normalize: boolean): string {
  return `${optionName(option)}${valueSuffix(option.value, normalize)}`;
}

function valueSuffix(value: OptionValue, normalize: boolean): string {
  switch (value.kind) {
    case "map":
      return ` = {\n${mapBody(value.entries, normalize)}}`;
    case "list":
      return ` = ${bracketed(value.items.map((item) => valueText(item, normalize)))}`;
    default:
      return ` = ${valueText(value, normalize)}`;
  }
}

/** `option …;` statement line. */
export function optionStatement(option: OptionDecl, normalize: boolean): string {
  return `option ${optionText(option, normalize)};\n`;
}

/** `[a]` for one entry, otherwise one entry per line inside `[` … `]`. */
export function bracketed(items: string[]): string {
  if (items.length === 1) return `[${items[0]}]`;
  const body = items.map((item, i) => indent(i < items.length - 1 ? `${item},` : item)).join("");
  return `[\n${body}]`;
}

function mapBody(entries: OptionMapEntry[], normalize: boolean): string {
  return entries
    .map((entry, i) => {
      const separator = i < entries.length - 1 ? "," : "";
      return indent(`${entry.key}: ${valueText(entry.value, normalize)}${separator}`);
    })
    .join("");
}

export function valueText(value: OptionValue, normalize: boolean): string {
  switch (value.kind) {
    case "string":
      return `"${escapeString(value.value)}"`;
    case "number":
      return normalize ? normalizeNumber(value.text) : value.text;
    case "boolean":
    case "enum":
      return value.text;
    case "map":
      return `{\n${mapBody(value.entries, normalize)}}`;
    case "list": {
      if (normalize && value.items.length === 1) return valueText(value.items[0]!, normalize);
      const body = value.items
        .map((item, i) => indent(`${valueText(item, normalize)}${i < value.items.length - 1 ? "," : ""}`))
        .join("");
      return `[\n${body}]`;
    }
  }
}

/**
 * Confluent normalises numbers by parsing them with commons-lang `NumberUtils.createNumber` and
 * printing them with Java's `DecimalFormat` without grouping. Integers print in decimal (hex and
 * octal spellings disappear). A fraction with up to 7 decimals is parsed as a float, up to 16 as a
 * double, beyond that exactly; it prints with at most three decimals, rounded half to even, and a
 * negative value keeps its sign even when it rounds to zero. Values it cannot parse (`inf`, `nan`)
 * stay as written. *(inferred from those libraries' documented defaults)*
 */
export function normalizeNumber(text: string): string {
  const trimmed = text.startsWith("+") ? text.slice(1) : text;
  const negative = trimmed.startsWith("-");
  const body = negative ? trimmed.slice(1) : trimmed;
  let integer: bigint | undefined;
  if (/^0[xX][0-9a-fA-F]+$/.test(body)) integer = BigInt(body);
  else if (/^0[0-7]+$/.test(body)) integer = BigInt(`0o${body.slice(1)}`);
  else if (/^[0-9]+$/.test(body)) integer = BigInt(body);
  if (integer !== undefined) return (negative ? -integer : integer).toString();
  const match = /^([0-9]*)(?:\.([0-9]*))?(?:[eE]([-+]?[0-9]+))?$/.exec(body);
  if (!match || `${match[1]}${match[2] ?? ""}` === "") return text;
  const decimals = (match[2] ?? "").length;
  const exact =
    decimals > 16 ? exactDecimal(match[1] ?? "", match[2] ?? "", Number(match[3] ?? "0")) : undefined;
  const value = decimals <= 7 ? Math.fround(Number(body)) : Number(body);
  const digits = exact ?? (value < 1e21 ? value.toFixed(20) : BigInt(value).toString());
  return `${negative ? "-" : ""}${roundHalfEven(digits, 3)}`;
}

/** The plain decimal expansion of `int.frac × 10^exponent`. */
function exactDecimal(int: string, frac: string, exponent: number): string {
  const digits = `${int}${frac}`;
  const point = int.length + exponent;
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Rounds a plain decimal string to `places` decimals, half to even, dropping trailing zeros. */
function roundHalfEven(decimal: string, places: number): string {
  const [whole = "0", fraction = ""] = decimal.split(".");
  const kept = fraction.slice(0, places).padEnd(places, "0");
  const rest = fraction.slice(places);
  let units = BigInt(`${whole}${kept}`);
  const firstDropped = rest[0] ?? "0";
  const restAfterFirst = rest.slice(1);
  const above = firstDropped > "5" || (firstDropped === "5" && /[1-9]/.test(restAfterFirst));
  const tie = firstDropped === "5" && !/[1-9]/.test(restAfterFirst);
  if (above || (tie && units % 2n === 1n)) units += 1n;
  const scale = 10n ** BigInt(places);
  const fractionDigits = (units % scale).toString().padStart(places, "0").replace(/0+$/, "");
  const wholeDigits = (units / scale).toString();
  return fractionDigits === "" ? wholeDigits : `${wholeDigits}.${fractionDigits}`;
}
