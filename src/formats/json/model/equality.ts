// Equality the way the registry's Java model sees it: enum and const values compare by Java value
// type (so `1` and `1.0` differ, key order does not matter), and combined subschemas are
// de-duplicated by structural equality of their models.

import type { JsonNode } from "../../jsontext/index.js";
import type { SchemaNode } from "./nodes.js";

/** A string equal for two JSON values exactly when the registry's model holds them equal. */
export function valueKey(value: JsonNode): string {
  switch (value.kind) {
    case "string":
      return `s${JSON.stringify(value.value)}`;
    case "number":
      // Integral lexemes become Java integers, the others doubles: 1 and 1.0 are different values.
      return /^-?\d+$/.test(value.lexeme) ? `i${BigInt(value.lexeme)}` : `d${value.value}`;
    case "boolean":
      return `b${value.value}`;
    case "null":
      return "n";
    case "array":
      return `[${value.items.map(valueKey).join(",")}]`;
    case "object": {
      const last = new Map<string, JsonNode>();
      for (const e of value.entries) last.set(e.key, e.value);
      const keys = [...last.keys()].sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${valueKey(last.get(k)!)}`).join(",")}}`;
    }
  }
}

/**
 * Structural equality of two models, as used to collapse duplicate subschemas of a combination.
 * References are equal when they are written the same, so cycles end there.
 */
export function modelEquals(a: SchemaNode, b: SchemaNode): boolean {
  return structureKey(a) === structureKey(b);
}

const keyCache = new WeakMap<SchemaNode, string>();

function structureKey(node: SchemaNode): string {
  const cached = keyCache.get(node);
  if (cached !== undefined) return cached;
  const key = JSON.stringify(describeNode(node));
  keyCache.set(node, key);
  return key;
}

function describeNode(node: SchemaNode): unknown {
  const { id, title, description } = node.annotations;
  const common = {
    kind: node.kind,
    id,
    title,
    description,
    default: node.annotations.default && valueKey(node.annotations.default),
    connectType: node.connectType,
  };
  const sub = (n: SchemaNode | undefined): string | undefined =>
    n === undefined ? undefined : structureKey(n);
  const map = (m: Map<string, SchemaNode>): [string, string | undefined][] =>
    [...m]
      .map(([k, v]) => [k, sub(v)] as [string, string | undefined])
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  const num = (n: { value: number } | undefined): number | undefined => n?.value;
  switch (node.kind) {
    case "string":
      return { ...common, minLength: node.minLength, maxLength: node.maxLength, pattern: node.pattern };
    case "number":
      return {
        ...common,
        integer: node.integer,
        maximum: num(node.maximum),
        minimum: num(node.minimum),
        exclusiveMaximum: num(node.exclusiveMaximum),
        exclusiveMinimum: num(node.exclusiveMinimum),
        multipleOf: num(node.multipleOf),
      };
    case "object":
      return {
        ...common,
        properties: map(node.properties),
        patternProperties: node.patternProperties.map((p) => [p.source, sub(p.schema)]),
        permits: node.permitsAdditionalProperties,
        additional: sub(node.additionalPropertiesSchema),
        unevaluated: sub(node.unevaluatedProperties),
        required: [...new Set(node.required)].sort(),
        propertyDependencies: [...node.propertyDependencies]
          .map(([k, v]) => [k, [...new Set(v)].sort()])
          .sort(),
        schemaDependencies: map(node.schemaDependencies),
        minProperties: node.minProperties,
        maxProperties: node.maxProperties,
      };
    case "array":
      return {
        ...common,
        allItems: sub(node.allItems),
        tupleItems: node.tupleItems?.map(sub),
        permits: node.permitsAdditionalItems,
        additional: sub(node.additionalItemsSchema),
        unevaluated: sub(node.unevaluatedItems),
        contains: sub(node.contains),
        minItems: node.minItems,
        maxItems: node.maxItems,
        uniqueItems: node.uniqueItems,
        minContains: node.minContains,
        maxContains: node.maxContains,
      };
    case "enum":
      return { ...common, values: [...new Set(node.values.map(valueKey))].sort() };
    case "const":
      return { ...common, value: valueKey(node.value) };
    case "combined":
      return { ...common, criterion: node.criterion, subschemas: node.subschemas.map(sub) };
    case "not":
      return { ...common, schema: sub(node.schema) };
    case "reference":
      return { ...common, ref: node.ref };
    case "empty":
      return { ...common, isTrue: node.isTrue };
    case "conditional":
      return { ...common, if: sub(node.ifSchema), then: sub(node.thenSchema), else: sub(node.elseSchema) };
    default:
      return common;
  }
}
