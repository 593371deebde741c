// The registry's description of a JSON Schema difference. The sentence depends only on the type's
// group; it names the path and the two labels, the reader's first.

import type { Labels } from "../../types.js";
import type { DifferenceType } from "./types.js";

type Template = (path: string, reader: string, writer: string) => string;

const GROUPS: ReadonlyArray<[ReadonlySet<DifferenceType>, Template]> = [
  [
    new Set<DifferenceType>([
      "MAXIMUM_ADDED",
      "MINIMUM_ADDED",
      "EXCLUSIVE_MAXIMUM_ADDED",
      "EXCLUSIVE_MINIMUM_ADDED",
      "MULTIPLE_OF_ADDED",
      "MAX_LENGTH_ADDED",
      "MIN_LENGTH_ADDED",
      "PATTERN_ADDED",
      "REQUIRED_ATTRIBUTE_ADDED",
      "MAX_PROPERTIES_ADDED",
      "MIN_PROPERTIES_ADDED",
      "DEPENDENCY_ARRAY_ADDED",
      "DEPENDENCY_SCHEMA_ADDED",
      "MAX_ITEMS_ADDED",
      "MIN_ITEMS_ADDED",
      "MAX_CONTAINS_ADDED",
      "MIN_CONTAINS_ADDED",
      "UNIQUE_ITEMS_ADDED",
      "ADDITIONAL_ITEMS_REMOVED",
      "ADDITIONAL_PROPERTIES_REMOVED",
      "UNEVALUATED_PROPERTIES_REMOVED",
      "UNEVALUATED_ITEMS_REMOVED",
    ]),
    (path, reader, writer) =>
      `The keyword at path '${path}' in the ${reader} schema is not present in the ${writer} schema`,
  ],
  [
    new Set<DifferenceType>([
      "MIN_LENGTH_INCREASED",
      "MINIMUM_INCREASED",
      "EXCLUSIVE_MINIMUM_INCREASED",
      "MIN_PROPERTIES_INCREASED",
      "MULTIPLE_OF_EXPANDED",
      "MIN_ITEMS_INCREASED",
      "MIN_CONTAINS_INCREASED",
    ]),
    (path, reader, writer) =>
      `The value at path '${path}' in the ${reader} schema is more than its value in the ${writer} schema`,
  ],
  [
    new Set<DifferenceType>([
      "MAX_LENGTH_DECREASED",
      "MAXIMUM_DECREASED",
      "MAX_ITEMS_DECREASED",
      "MAX_CONTAINS_DECREASED",
      "EXCLUSIVE_MAXIMUM_DECREASED",
      "MAX_PROPERTIES_DECREASED",
    ]),
    (path, reader, writer) =>
      `The value at path '${path}' in the ${reader} schema is less than its value in the ${writer} schema`,
  ],
  [
    new Set<DifferenceType>(["PATTERN_CHANGED", "MULTIPLE_OF_CHANGED", "DEPENDENCY_ARRAY_CHANGED"]),
    (path, reader, writer) =>
      `The value at path '${path}' is different between the ${reader} and ${writer} schema`,
  ],
  [
    new Set<DifferenceType>([
      "ADDITIONAL_ITEMS_NARROWED",
      "ENUM_ARRAY_NARROWED",
      "SUM_TYPE_NARROWED",
      "ADDITIONAL_PROPERTIES_NARROWED",
      "UNEVALUATED_PROPERTIES_NARROWED",
      "UNEVALUATED_ITEMS_NARROWED",
    ]),
    (path, reader, writer) =>
      `An array or combined type at path '${path}' has fewer elements in the ${reader} schema than the ${writer} schema`,
  ],
  [
    new Set<DifferenceType>([
      "DEPENDENCY_ARRAY_EXTENDED",
      "PRODUCT_TYPE_EXTENDED",
      "SUM_TYPE_EXTENDED",
      "NOT_TYPE_EXTENDED",
    ]),
    (path, reader, writer) =>
      `An array or combined type at path '${path}' has more elements in the ${reader} schema than the ${writer} schema`,
  ],
  [
    new Set<DifferenceType>([
      "TYPE_CHANGED",
      "TYPE_NARROWED",
      "COMBINED_TYPE_CHANGED",
      "COMBINED_TYPE_SUBSCHEMAS_CHANGED",
      "ENUM_ARRAY_CHANGED",
    ]),
    (path, reader, writer) =>
      `A type at path '${path}' is different between the ${reader} schema and the ${writer} schema`,
  ],
  [
    new Set<DifferenceType>([
      "REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL",
      "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL",
      "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL",
      "ITEM_ADDED_TO_OPEN_CONTENT_MODEL",
    ]),
    (path, reader, writer) =>
      `The ${reader} schema has an open content model and has a property or item at path '${path}' which is missing in the ${writer} schema`,
  ],
  [
    new Set<DifferenceType>(["REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL"]),
    (path, reader, writer) =>
      `The ${reader} schema has an unopen content model and has a required property at path '${path}' which is missing in the ${writer} schema`,
  ],
  [
    new Set<DifferenceType>([
      "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL",
      "ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL",
    ]),
    (path, reader, writer) =>
      `The ${reader} schema has a closed content model and is missing a property or item present at path '${path}' in the ${writer} schema`,
  ],
  [
    new Set<DifferenceType>([
      "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
      "ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
    ]),
    (path, reader, writer) =>
      `A property or item is missing in the ${reader} schema but present at path '${path}' in the ${writer} schema and is not covered by its partially open content model`,
  ],
  [
    new Set<DifferenceType>([
      "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
      "ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
    ]),
    (path, reader, writer) =>
      `The ${reader} schema has a property or item at path '${path}' which is missing in the ${writer} schema and is not covered by its partially open content model`,
  ],
];

/**
 * The registry's sentence for `type` at `path` with the reader's label in the first slot and the
 * writer's in the second; empty for the types it does not describe (most compatible ones, and
 * SCHEMA_ADDED).
 */
export function describeDifference(type: DifferenceType, path: string, labels: Labels): string {
  const template = GROUPS.find(([types]) => types.has(type))?.[1];
  if (template === undefined) return "";
  return template(path, labels.reader, labels.writer);
}
