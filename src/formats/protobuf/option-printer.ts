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
 * Confluent normalises numbers through Java's `DecimalFormat` without grouping: integers print in
 * decimal (hex and octal spellings disappear) and fractions keep at most three digits, rounded half
 * to even. Values it cannot parse (`inf`, `nan`) stay as written. *(inferred from the formatter's
 * defaults)*
 */
export function normalizeNumber(text: string): string {
  const trimmed = text.startsWith("+") ? text.slice(1) : text;
  const negative = trimmed.startsWith("-");
  const body = negative ? trimmed.slice(1) : trimmed;
  let result: string | undefined;
  if (/^0[xX][0-9a-fA-F]+$/.test(body)) result = BigInt(body).toString();
  else if (/^0[0-7]+$/.test(body)) result = BigInt(`0o${body.slice(1)}`).toString();
  else if (/^[0-9]+$/.test(body)) result = BigInt(body).toString();
  else if (/^([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/.test(body)) result = formatFraction(Number(body));
  if (result === undefined) return text;
  return negative && result !== "0" ? `-${result}` : result;
}

function formatFraction(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const scaled = value * 1000;
  const floor = Math.floor(scaled);
  const diff = scaled - floor;
  let rounded = floor;
  if (diff > 0.5 || (diff === 0.5 && floor % 2 !== 0)) rounded = floor + 1;
  const integer = BigInt(Math.trunc(rounded / 1000)).toString();
  const fraction = String(rounded % 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return fraction === "" ? integer : `${integer}.${fraction}`;
}
