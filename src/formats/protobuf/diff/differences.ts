// The registry's Protobuf difference types, which of them are compatible, and the description
// Confluent attaches to each incompatible one. The registry fills the reader's label in first
// and the writer's second. The wording (including its double space and odd phrasings) is
// reproduced as the registry prints it.

import type { Located } from "../ast.js";

export const DIFFERENCE_TYPES = [
  "PACKAGE_CHANGED",
  "MESSAGE_ADDED",
  "MESSAGE_REMOVED",
  "MESSAGE_MOVED",
  "ENUM_ADDED",
  "ENUM_REMOVED",
  "ENUM_CONST_ADDED",
  "ENUM_CONST_CHANGED",
  "ENUM_CONST_REMOVED",
  "FIELD_ADDED",
  "FIELD_REMOVED",
  "FIELD_NAME_CHANGED",
  "FIELD_KIND_CHANGED",
  "FIELD_SCALAR_KIND_CHANGED",
  "FIELD_NAMED_TYPE_CHANGED",
  "FIELD_NUMERIC_LABEL_CHANGED",
  "FIELD_STRING_OR_BYTES_LABEL_CHANGED",
  "REQUIRED_FIELD_ADDED",
  "REQUIRED_FIELD_REMOVED",
  "ONEOF_ADDED",
  "ONEOF_REMOVED",
  "ONEOF_FIELD_ADDED",
  "ONEOF_FIELD_REMOVED",
  "ONEOF_FIELD_MOVED_TO_TOP_LEVEL",
  "MULTIPLE_FIELDS_MOVED_TO_ONEOF",
  "FIELD_MOVED_TO_EXISTING_ONEOF",
] as const;

export type DifferenceType = (typeof DIFFERENCE_TYPES)[number];

/** One difference between original (writer) and update (reader), with the elements it concerns. */
export interface Difference {
  type: DifferenceType;
  path: string;
  original?: Located;
  update?: Located;
}

const COMPATIBLE: ReadonlySet<DifferenceType> = new Set<DifferenceType>([
  "MESSAGE_ADDED",
  "MESSAGE_MOVED",
  "ENUM_ADDED",
  "ENUM_REMOVED",
  "ENUM_CONST_ADDED",
  "ENUM_CONST_CHANGED",
  "ENUM_CONST_REMOVED",
  "FIELD_ADDED",
  "FIELD_REMOVED",
  "FIELD_NAME_CHANGED",
  "FIELD_STRING_OR_BYTES_LABEL_CHANGED",
  "ONEOF_ADDED",
  "ONEOF_REMOVED",
  "ONEOF_FIELD_ADDED",
  "ONEOF_FIELD_MOVED_TO_TOP_LEVEL",
]);

export function isCompatible(type: DifferenceType): boolean {
  return COMPATIBLE.has(type);
}

type Describe = (path: string, reader: string, writer: string) => string;

const DESCRIPTIONS: Partial<Record<DifferenceType, Describe>> = {
  PACKAGE_CHANGED: (p, r, w) =>
    `The package at '${p}' in the ${r} schema does not match the package in the ${w} schema`,
  MESSAGE_REMOVED: (p, r, w) => `The ${r} schema is missing a MESSAGE type at path '${p}' in the ${w} schema`,
  FIELD_KIND_CHANGED: (p, r, w) =>
    `The type of a field at path '${p}' in the ${r} schema does not match the ${w} schema`,
  FIELD_SCALAR_KIND_CHANGED: (p, r, w) =>
    `The kind of a SCALAR field at path '${p}' in the ${r} schema does not match its kind in the ${w} schema`,
  FIELD_NAMED_TYPE_CHANGED: (p, r, w) =>
    `The type of a MESSAGE field at path '${p}' in the ${r} schema does not match its type in the ${w} schema`,
  FIELD_NUMERIC_LABEL_CHANGED: (p, r, w) =>
    `The label for a NUMERIC field at path '${p}' in the ${r} schema does not match its label in the ${w} schema`,
  REQUIRED_FIELD_ADDED: (p, r, w) =>
    `A required field  at path '${p}' in the ${r} schema is missing in the ${w} schema`,
  REQUIRED_FIELD_REMOVED: (p, r, w) =>
    `The ${r} schema is missing a required field at path: '${p}' in the ${w} schema`,
  ONEOF_FIELD_REMOVED: (p, r, w) =>
    `The ${r} schema is missing a oneof field at path '${p}' in the ${w} schema`,
  MULTIPLE_FIELDS_MOVED_TO_ONEOF: (p, r, w) =>
    `Multiple fields in the oneof at path '${p}' in the ${r} schema are outside a oneof in the ${w} schema`,
  FIELD_MOVED_TO_EXISTING_ONEOF: (p, r, w) =>
    `A field in the oneof at path '${p}' in the ${r} schema is outside an existing oneof in the ${w} schema`,
};

/** Confluent's description with both labels spliced in (reader first); empty for compatible types. */
export function describeDifference(
  type: DifferenceType,
  path: string,
  reader: string,
  writer: string,
): string {
  return DESCRIPTIONS[type]?.(path, reader, writer) ?? "";
}
