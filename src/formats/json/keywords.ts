// Which keywords hold subschemas in each draft, and which keyword families make a typed node.

import type { Draft } from "./draft.js";
import { isModernDraft } from "./draft.js";

/** Where a keyword keeps its subschemas. */
export type SchemaSlot = "schema" | "schemaMap" | "schemaList" | "schemaOrList";

const DRAFT4_SLOTS: Record<string, SchemaSlot> = {
  additionalProperties: "schema",
  additionalItems: "schema",
  items: "schemaOrList",
  not: "schema",
  properties: "schemaMap",
  patternProperties: "schemaMap",
  // `definitions` and `$defs` are both searchable by `$ref` in every draft.
  definitions: "schemaMap",
  $defs: "schemaMap",
  allOf: "schemaList",
  anyOf: "schemaList",
  oneOf: "schemaList",
};

const DRAFT6_SLOTS: Record<string, SchemaSlot> = {
  ...DRAFT4_SLOTS,
  contains: "schema",
  propertyNames: "schema",
};

const DRAFT7_SLOTS: Record<string, SchemaSlot> = {
  ...DRAFT6_SLOTS,
  if: "schema",
  then: "schema",
  else: "schema",
};

const DRAFT2019_SLOTS: Record<string, SchemaSlot> = {
  ...DRAFT7_SLOTS,
  dependentSchemas: "schemaMap",
  unevaluatedProperties: "schema",
  unevaluatedItems: "schema",
};

const { additionalItems: _dropped, ...DRAFT2019_WITHOUT_ADDITIONAL_ITEMS } = DRAFT2019_SLOTS;
const DRAFT2020_SLOTS: Record<string, SchemaSlot> = {
  ...DRAFT2019_WITHOUT_ADDITIONAL_ITEMS,
  items: "schema",
  prefixItems: "schemaList",
};

const SLOTS_BY_DRAFT: Record<Draft, Record<string, SchemaSlot>> = {
  "4": DRAFT4_SLOTS,
  "6": DRAFT6_SLOTS,
  "7": DRAFT7_SLOTS,
  "2019-09": DRAFT2019_SLOTS,
  "2020-12": DRAFT2020_SLOTS,
};

/**
 * The slot of a subschema-holding keyword in `draft`, or undefined. `dependencies` is special (its
 * values are arrays or schemas) and handled by the callers.
 */
export function schemaSlot(draft: Draft, keyword: string): SchemaSlot | undefined {
  const slots = SLOTS_BY_DRAFT[draft];
  return Object.hasOwn(slots, keyword) ? slots[keyword] : undefined;
}

export type KeywordFamily = "string" | "number" | "object" | "array" | "conditional";

const STRING_KEYWORDS = ["minLength", "maxLength", "pattern", "format"];
const NUMBER_KEYWORDS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"];
const OBJECT_KEYWORDS = [
  "properties",
  "patternProperties",
  "additionalProperties",
  "required",
  "dependencies",
  "minProperties",
  "maxProperties",
];
const ARRAY_KEYWORDS = ["items", "additionalItems", "minItems", "maxItems", "uniqueItems"];

/** The keywords whose presence makes a node of `family` when `type` does not say otherwise. */
export function familyKeywords(draft: Draft, family: KeywordFamily): readonly string[] {
  switch (family) {
    case "string":
      return STRING_KEYWORDS;
    case "number":
      return NUMBER_KEYWORDS;
    case "object":
      if (draft === "4") return OBJECT_KEYWORDS;
      if (!isModernDraft(draft)) return [...OBJECT_KEYWORDS, "propertyNames"];
      return [
        ...OBJECT_KEYWORDS,
        "propertyNames",
        "dependentRequired",
        "dependentSchemas",
        "unevaluatedProperties",
      ];
    case "array":
      if (draft === "4") return ARRAY_KEYWORDS;
      if (!isModernDraft(draft)) return [...ARRAY_KEYWORDS, "contains"];
      return [
        ...ARRAY_KEYWORDS.filter((k) => draft !== "2020-12" || k !== "additionalItems"),
        "contains",
        "minContains",
        "maxContains",
        "unevaluatedItems",
        ...(draft === "2020-12" ? ["prefixItems"] : []),
      ];
    case "conditional":
      return draft === "4" || draft === "6" ? [] : ["if", "then", "else"];
  }
}

/** `type` names JSON Schema defines. */
export const TYPE_NAMES = ["string", "number", "integer", "boolean", "object", "array", "null"] as const;
export type TypeName = (typeof TYPE_NAMES)[number];

export function isTypeName(name: string): name is TypeName {
  return (TYPE_NAMES as readonly string[]).includes(name);
}

/** The family a `type` name consumes; boolean and null have no keywords. */
export function familyOfType(type: TypeName): KeywordFamily | undefined {
  switch (type) {
    case "string":
      return "string";
    case "number":
    case "integer":
      return "number";
    case "object":
      return "object";
    case "array":
      return "array";
    default:
      return undefined;
  }
}

/** The keyword naming a schema's identifier: `id` in draft 4, `$id` afterwards. */
export function idKeyword(draft: Draft): "id" | "$id" {
  return draft === "4" ? "id" : "$id";
}
