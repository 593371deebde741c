// The node kinds the registry's differ dispatches on (compatibility.md §3.2).

import type { JsonNode, JsonNumber } from "../../jsontext/index.js";
import type { SourceLocation } from "../../types.js";

export interface Annotations {
  id?: string;
  title?: string;
  description?: string;
  default?: JsonNode;
}

/** What every node carries, whatever its kind. */
export interface NodeCommon {
  /** Where the schema (object or boolean) the node was built from starts. */
  location: SourceLocation;
  /** That schema's JSON; the members of a synthetic combination share their parent's. */
  json: JsonNode;
  annotations: Annotations;
  /** `connect.type`, the one unknown keyword the comparison looks at. */
  connectType?: string;
}

export interface StringNode extends NodeCommon {
  kind: "string";
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

export interface NumberNode extends NodeCommon {
  kind: "number";
  integer: boolean;
  maximum?: JsonNumber;
  minimum?: JsonNumber;
  /** Numeric form only (draft 6+); draft 4's boolean flags are not compared. */
  exclusiveMaximum?: JsonNumber;
  exclusiveMinimum?: JsonNumber;
  multipleOf?: JsonNumber;
}

export interface BooleanNode extends NodeCommon {
  kind: "boolean";
}

export interface NullNode extends NodeCommon {
  kind: "null";
}

export interface PatternProperty {
  source: string;
  regex: RegExp;
  schema: SchemaNode;
}

export interface ObjectNode extends NodeCommon {
  kind: "object";
  properties: Map<string, SchemaNode>;
  patternProperties: PatternProperty[];
  /** False only for `additionalProperties: false`. */
  permitsAdditionalProperties: boolean;
  /** The schema of `additionalProperties` when it is one; `true` and absence leave it undefined. */
  additionalPropertiesSchema?: SchemaNode;
  unevaluatedProperties?: SchemaNode;
  required: string[];
  propertyDependencies: Map<string, string[]>;
  schemaDependencies: Map<string, SchemaNode>;
  minProperties?: number;
  maxProperties?: number;
}

export interface ArrayNode extends NodeCommon {
  kind: "array";
  /** `items` as one schema for every element. */
  allItems?: SchemaNode;
  /** Positional schemas: draft ≤2019-09 array `items`, or 2020-12 `prefixItems`. */
  tupleItems?: SchemaNode[];
  /** False for `additionalItems: false` (or 2020-12 `items: false` next to `prefixItems`). */
  permitsAdditionalItems: boolean;
  additionalItemsSchema?: SchemaNode;
  unevaluatedItems?: SchemaNode;
  /** Kept for completeness; the registry does not compare it. */
  contains?: SchemaNode;
  minItems?: number;
  maxItems?: number;
  uniqueItems: boolean;
  minContains?: number;
  maxContains?: number;
}

export interface EnumNode extends NodeCommon {
  kind: "enum";
  values: JsonNode[];
}

export interface ConstNode extends NodeCommon {
  kind: "const";
  value: JsonNode;
}

export type Criterion = "allOf" | "anyOf" | "oneOf";

export interface CombinedNode extends NodeCommon {
  kind: "combined";
  criterion: Criterion;
  subschemas: SchemaNode[];
  /** Made by the loader (several keyword families, or a `type` array), not written as a combinator. */
  synthetic: boolean;
}

export interface NotNode extends NodeCommon {
  kind: "not";
  schema: SchemaNode;
}

export interface ReferenceNode extends NodeCommon {
  kind: "reference";
  ref: string;
  /** The referred schema; every reference to one definition yields the same object. */
  readonly target: SchemaNode;
}

export interface EmptyNode extends NodeCommon {
  kind: "empty";
  /** `true` is a subtype of the empty schema, but a distinct class to the comparison. */
  isTrue: boolean;
}

export interface FalseNode extends NodeCommon {
  kind: "false";
}

export interface ConditionalNode extends NodeCommon {
  kind: "conditional";
  ifSchema?: SchemaNode;
  thenSchema?: SchemaNode;
  elseSchema?: SchemaNode;
}

export type SchemaNode =
  | StringNode
  | NumberNode
  | BooleanNode
  | NullNode
  | ObjectNode
  | ArrayNode
  | EnumNode
  | ConstNode
  | CombinedNode
  | NotNode
  | ReferenceNode
  | EmptyNode
  | FalseNode
  | ConditionalNode;

export type SchemaKind = SchemaNode["kind"];

/** Follows references until a non-reference node. */
export function dereference(node: SchemaNode): SchemaNode {
  let current = node;
  const seen = new Set<SchemaNode>();
  while (current.kind === "reference") {
    if (seen.has(current)) return current; // `$ref` chain that only refers to itself
    seen.add(current);
    current = current.target;
  }
  return current;
}
