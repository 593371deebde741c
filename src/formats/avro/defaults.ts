// Field default validation as Avro Java applies it when defaults are validated (strict parsing):
// the JSON kind must fit the type, and a union default must fit the union's FIRST branch, also
// when the union sits inside an array, a map or a record default (Avro 1.11's isValidDefault; Avro
// 1.12 accepts any branch, the registry's behaviour as documented is the first branch).

import type { JsonNode } from "../jsontext/index.js";
import { jacksonEntries, isIntegralLexeme, writeJson } from "./jackson.js";
import type { AvroType } from "./model.js";

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

function fitsIntegral(node: JsonNode, min: bigint, max: bigint): boolean {
  if (node.kind !== "number" || !isIntegralLexeme(node.lexeme)) return false;
  const v = BigInt(node.lexeme);
  return v >= min && v <= max;
}

/** Avro Java's `isValidDefault` with first-branch union semantics. */
export function isValidDefault(type: AvroType, value: JsonNode | undefined): boolean {
  if (value === undefined) return false;
  switch (type.type) {
    case "record": {
      if (value.kind !== "object") return false;
      const given = new Map(jacksonEntries(value).map((e) => [e.key, e.value]));
      return type.fields.every((f) =>
        isValidDefault(f.type, given.has(f.name) ? given.get(f.name) : f.default),
      );
    }
    case "enum":
    case "fixed":
    case "string":
    case "bytes":
      return value.kind === "string";
    case "array":
      return value.kind === "array" && value.items.every((item) => isValidDefault(type.items, item));
    case "map":
      return (
        value.kind === "object" && jacksonEntries(value).every((e) => isValidDefault(type.values, e.value))
      );
    case "union":
      return type.branches.length > 0 && isValidDefault(type.branches[0]!, value);
    case "int":
      return fitsIntegral(value, INT_MIN, INT_MAX);
    case "long":
      return fitsIntegral(value, LONG_MIN, LONG_MAX);
    case "float":
    case "double":
      return value.kind === "number";
    case "boolean":
      return value.kind === "boolean";
    case "null":
      return value.kind === "null";
  }
}

/** What the type expects, in words, for error messages. */
export function describeType(type: AvroType): string {
  switch (type.type) {
    case "record":
    case "enum":
    case "fixed":
      return `${type.type} ${type.full}`;
    case "array":
      return `array of ${describeType(type.items)}`;
    case "map":
      return `map of ${describeType(type.values)}`;
    case "union":
      return `union [${type.branches.map(describeType).join(", ")}]`;
    default:
      return type.type;
  }
}

/** A readable explanation of why `value` is not a valid default for `type`. */
export function explainInvalidDefault(type: AvroType, value: JsonNode): string {
  const shown = abbreviate(writeJson(value));
  if (type.type === "union") {
    const first = type.branches[0];
    const firstText = first === undefined ? "nothing" : describeType(first);
    return `default ${shown} does not match the union's first branch (${firstText}); a union default must match its first branch`;
  }
  if (type.type === "record" && value.kind === "object") {
    const given = new Map(jacksonEntries(value).map((e) => [e.key, e.value]));
    const bad = type.fields.find(
      (f) => !isValidDefault(f.type, given.has(f.name) ? given.get(f.name) : f.default),
    );
    if (bad !== undefined) {
      return given.has(bad.name)
        ? `default ${shown} is not a valid ${describeType(type)}: its "${bad.name}" is not a valid ${describeType(bad.type)}`
        : `default ${shown} is not a valid ${describeType(type)}: it lacks "${bad.name}", which has no default`;
    }
  }
  return `default ${shown} is not a valid ${describeType(type)}`;
}

function abbreviate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
