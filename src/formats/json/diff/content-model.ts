// Open, partially open and closed content models of objects and arrays (compatibility.md §3.5–3.6).

import { dereference, type ArrayNode, type ObjectNode, type SchemaNode } from "../model/nodes.js";

/** `{}` and `true` both accept anything; `false` accepts nothing. */
function acceptsAnything(node: SchemaNode): boolean {
  return dereference(node).kind === "empty";
}

function acceptsNothing(node: SchemaNode): boolean {
  return dereference(node).kind === "false";
}

/** A schema that constrains without being `true`, `{}` or `false`. */
function isRestrictive(node: SchemaNode | undefined): node is SchemaNode {
  return node !== undefined && !acceptsAnything(node) && !acceptsNothing(node);
}

/** Additional properties allowed without a schema, no patternProperties, unevaluated absent or `true`. */
export function isOpenObject(node: ObjectNode): boolean {
  return (
    node.patternProperties.length === 0 &&
    node.additionalPropertiesSchema === undefined &&
    node.permitsAdditionalProperties &&
    (node.unevaluatedProperties === undefined || acceptsAnything(node.unevaluatedProperties))
  );
}

/**
 * The schema a partially open object applies to an undeclared property `name`: the first
 * patternProperties regex found anywhere in the name, else the additionalProperties schema, else
 * (only when additionalProperties says nothing) a restrictive unevaluatedProperties schema.
 */
export function coveringPropertySchema(node: ObjectNode, name: string): SchemaNode | undefined {
  for (const pattern of node.patternProperties) {
    if (pattern.regex.test(name)) return pattern.schema;
  }
  if (node.additionalPropertiesSchema !== undefined) return node.additionalPropertiesSchema;
  if (node.permitsAdditionalProperties && isRestrictive(node.unevaluatedProperties))
    return node.unevaluatedProperties;
  return undefined;
}

/** Additional items allowed without a schema, unevaluatedItems absent or accepting anything. */
export function isOpenArray(node: ArrayNode): boolean {
  return (
    node.permitsAdditionalItems &&
    node.additionalItemsSchema === undefined &&
    (node.unevaluatedItems === undefined || acceptsAnything(node.unevaluatedItems))
  );
}

/** The additionalItems schema, else a restrictive unevaluatedItems when additional items are unspecified. */
export function coveringItemSchema(node: ArrayNode): SchemaNode | undefined {
  if (node.additionalItemsSchema !== undefined) return node.additionalItemsSchema;
  if (node.permitsAdditionalItems && isRestrictive(node.unevaluatedItems)) return node.unevaluatedItems;
  return undefined;
}

/** The state of an unevaluatedProperties/unevaluatedItems keyword, as its comparison table reads it. */
export type UnevaluatedState = "absent" | "false" | "anything" | "schema";

export function unevaluatedState(node: SchemaNode | undefined): UnevaluatedState {
  if (node === undefined) return "absent";
  if (acceptsNothing(node)) return "false";
  if (acceptsAnything(node)) return "anything";
  return "schema";
}
