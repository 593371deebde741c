import { describe, expect, it } from "vitest";
import { type Case, expectDiff, int, obj, str, summary } from "./helpers.js";

const D2019 = "https://json-schema.org/draft/2019-09/schema";
const closed = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}): unknown =>
  obj(properties, { additionalProperties: false, ...extra });
const partial = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}): unknown =>
  obj(properties, { additionalProperties: str(), ...extra });

describe("required", () => {
  it.each<Case>([
    [
      "became required without default",
      obj({ a: str() }),
      obj({ a: str() }, { required: ["a"] }),
      ["REQUIRED_ATTRIBUTE_ADDED #/required/a !"],
    ],
    [
      "became required with a default",
      obj({ a: str() }),
      obj({ a: str({ default: "x" }) }, { required: ["a"] }),
      ["DEFAULT_CHANGED #/properties/a", "REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED #/required/a"],
    ],
    [
      "became optional",
      obj({ a: str() }, { required: ["a"] }),
      obj({ a: str() }),
      ["REQUIRED_ATTRIBUTE_REMOVED #/required/a"],
    ],
    [
      "required names without a property schema are not examined",
      { type: "object", required: ["x"] },
      { type: "object" },
      [],
    ],
    [
      "nested property comparison",
      obj({ a: str({ maxLength: 9 }) }),
      obj({ a: str({ maxLength: 3 }) }),
      ["MAX_LENGTH_DECREASED #/properties/a/maxLength !"],
    ],
  ])("%s", (...c) => expectDiff(c));
});

describe("properties in an open content model", () => {
  it.each<Case>([
    [
      "optional property added",
      obj({ a: str() }),
      obj({ a: str(), b: str() }),
      ["OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/b !"],
    ],
    [
      "required property added",
      obj({}),
      obj({ b: str() }, { required: ["b"] }),
      ["REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/b !"],
    ],
    [
      "required property with default added",
      obj({}),
      obj({ b: str({ default: "x" }) }, { required: ["b"] }),
      ["REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL #/properties/b !"],
    ],
    [
      "property with the empty schema added",
      obj({}),
      obj({ b: {} }),
      ["PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL #/properties/b"],
    ],
    [
      "property with true added",
      obj({}),
      obj({ b: true }),
      ["PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL #/properties/b"],
    ],
    [
      "property removed",
      obj({ a: str(), b: str() }),
      obj({ a: str() }),
      ["PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL #/properties/b"],
    ],
    [
      "additionalProperties: true is still open",
      obj({ b: str() }),
      obj({}, { additionalProperties: true }),
      ["PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL #/properties/b"],
    ],
  ])("%s", (...c) => expectDiff(c));
});

describe("properties in a closed content model", () => {
  it.each<Case>([
    [
      "property removed",
      closed({ a: str(), b: str() }),
      closed({ a: str() }),
      ["PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL #/properties/b !"],
    ],
    [
      "property with false removed",
      closed({ a: str(), b: false }),
      closed({ a: str() }),
      ["PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL #/properties/b"],
    ],
    [
      "optional property added",
      closed({ a: str() }),
      closed({ a: str(), b: str() }),
      ["OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/b"],
    ],
    [
      "required property added",
      closed({}),
      closed({ b: str() }, { required: ["b"] }),
      ["REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/b !"],
    ],
    [
      "required property with default added",
      closed({}),
      closed({ b: str({ default: "x" }) }, { required: ["b"] }),
      ["REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/b"],
    ],
    [
      "patternProperties that do not match the name close the model for it",
      obj({ b: str() }),
      obj({}, { patternProperties: { "^x_": str() } }),
      ["PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL #/properties/b !"],
    ],
  ])("%s", (...c) => expectDiff(c));
});

describe("properties in a partially open content model", () => {
  it.each<Case>([
    [
      "added property covered by additionalProperties",
      partial({}),
      partial({ b: str() }),
      [
        "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/b",
        "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/b",
      ],
    ],
    [
      "added property not covered",
      partial({}),
      partial({ b: str({ maxLength: 2 }) }),
      [
        "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/b !",
        "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/b",
        "MAX_LENGTH_ADDED #/properties/b/maxLength !",
      ],
    ],
    [
      "added required property, covered",
      partial({}),
      partial({ b: str() }, { required: ["b"] }),
      [
        "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/b",
        "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/b !",
      ],
    ],
    [
      "removed property covered",
      partial({ b: str() }),
      partial({}),
      ["PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/b"],
    ],
    [
      "removed property not covered",
      partial({ b: int() }),
      partial({}),
      [
        "TYPE_CHANGED #/properties/b !",
        "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/b !",
      ],
    ],
    [
      "patternProperties cover by search, not full match",
      obj({ xay: str() }),
      obj({}, { patternProperties: { a: str() } }),
      ["PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/xay"],
    ],
    [
      "the first matching pattern wins over additionalProperties",
      obj({ x_1: int() }, { additionalProperties: str() }),
      obj({}, { patternProperties: { "^x_": int() }, additionalProperties: str() }),
      ["PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/x_1"],
    ],
    [
      "a restrictive unevaluatedProperties covers when additionalProperties is absent",
      { $schema: D2019, type: "object", properties: { b: str() } },
      { $schema: D2019, type: "object", unevaluatedProperties: str() },
      [
        "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/b",
        "UNEVALUATED_PROPERTIES_NARROWED #/unevaluatedProperties !",
      ],
    ],
  ])("%s", (...c) => expectDiff(c));
});

describe("dependencies", () => {
  const deps = (dependencies: Record<string, unknown>): unknown =>
    obj({ a: str(), b: str(), c: str() }, { dependencies });
  it.each<Case>([
    [
      "property dependency added",
      deps({}),
      deps({ a: ["b"] }),
      ["DEPENDENCY_ARRAY_ADDED #/dependencies/a !"],
    ],
    [
      "property dependency removed",
      deps({ a: ["b"] }),
      deps({}),
      ["DEPENDENCY_ARRAY_REMOVED #/dependencies/a"],
    ],
    [
      "property dependency extended",
      deps({ a: ["b"] }),
      deps({ a: ["b", "c"] }),
      ["DEPENDENCY_ARRAY_EXTENDED #/dependencies/a !"],
    ],
    [
      "property dependency narrowed",
      deps({ a: ["b", "c"] }),
      deps({ a: ["c"] }),
      ["DEPENDENCY_ARRAY_NARROWED #/dependencies/a"],
    ],
    [
      "property dependency changed",
      deps({ a: ["b"] }),
      deps({ a: ["c"] }),
      ["DEPENDENCY_ARRAY_CHANGED #/dependencies/a !"],
    ],
    ["property dependency reordered", deps({ a: ["b", "c"] }), deps({ a: ["c", "b"] }), []],
    [
      "schema dependency added",
      deps({}),
      deps({ a: { required: ["b"] } }),
      ["DEPENDENCY_SCHEMA_ADDED #/dependencies/a !"],
    ],
    [
      "schema dependency removed",
      deps({ a: { required: ["b"] } }),
      deps({}),
      ["DEPENDENCY_SCHEMA_REMOVED #/dependencies/a"],
    ],
    [
      "schema dependency compared",
      deps({ a: { properties: { b: { maxLength: 5 } } } }),
      deps({ a: { properties: { b: { maxLength: 4 } } } }),
      ["MAX_LENGTH_DECREASED #/dependencies/a/properties/b/maxLength !"],
    ],
  ])("%s", (...c) => expectDiff(c));
});

describe("additionalProperties", () => {
  it.each<Case>([
    [
      "forbidden in the new schema",
      obj({}),
      obj({}, { additionalProperties: false }),
      ["ADDITIONAL_PROPERTIES_REMOVED #/additionalProperties !"],
    ],
    [
      "allowed in the new schema",
      obj({}, { additionalProperties: false }),
      obj({}),
      ["ADDITIONAL_PROPERTIES_ADDED #/additionalProperties"],
    ],
    [
      "schema introduced",
      obj({}),
      obj({}, { additionalProperties: str() }),
      ["ADDITIONAL_PROPERTIES_NARROWED #/additionalProperties !"],
    ],
    [
      "schema dropped",
      obj({}, { additionalProperties: str() }),
      obj({}),
      ["ADDITIONAL_PROPERTIES_EXTENDED #/additionalProperties"],
    ],
    [
      "{} counts as a schema",
      obj({}),
      obj({}, { additionalProperties: {} }),
      ["ADDITIONAL_PROPERTIES_NARROWED #/additionalProperties !"],
    ],
    ["true is the same as absent", obj({}), obj({}, { additionalProperties: true }), []],
    [
      "both schemas compared",
      obj({}, { additionalProperties: str() }),
      obj({}, { additionalProperties: str({ maxLength: 3 }) }),
      ["MAX_LENGTH_ADDED #/additionalProperties/maxLength !"],
    ],
  ])("%s", (...c) => expectDiff(c));
});

describe("unevaluatedProperties state table", () => {
  const u = (value: unknown): unknown =>
    value === undefined
      ? { $schema: D2019, type: "object" }
      : { $schema: D2019, type: "object", unevaluatedProperties: value };
  it.each<[string, unknown, unknown, string[]]>([
    ["absent → false", undefined, false, ["UNEVALUATED_PROPERTIES_REMOVED #/unevaluatedProperties !"]],
    ["absent → schema", undefined, str(), ["UNEVALUATED_PROPERTIES_NARROWED #/unevaluatedProperties !"]],
    ["absent → true", undefined, true, ["UNEVALUATED_PROPERTIES_NARROWED #/unevaluatedProperties !"]],
    ["false → absent", false, undefined, ["UNEVALUATED_PROPERTIES_ADDED #/unevaluatedProperties"]],
    ["false → true", false, true, ["UNEVALUATED_PROPERTIES_ADDED #/unevaluatedProperties"]],
    ["false → schema", false, str(), ["UNEVALUATED_PROPERTIES_ADDED #/unevaluatedProperties"]],
    ["schema → absent", str(), undefined, ["UNEVALUATED_PROPERTIES_EXTENDED #/unevaluatedProperties"]],
    ["true → absent", true, undefined, ["UNEVALUATED_PROPERTIES_EXTENDED #/unevaluatedProperties"]],
    ["schema → false", str(), false, ["UNEVALUATED_PROPERTIES_REMOVED #/unevaluatedProperties !"]],
    ["true → false", true, false, ["UNEVALUATED_PROPERTIES_REMOVED #/unevaluatedProperties !"]],
    ["true → schema", true, str(), ["UNEVALUATED_PROPERTIES_NARROWED #/unevaluatedProperties !"]],
    ["schema → true", str(), true, ["UNEVALUATED_PROPERTIES_EXTENDED #/unevaluatedProperties"]],
    [
      "schema → schema is compared",
      str(),
      str({ maxLength: 1 }),
      ["MAX_LENGTH_ADDED #/unevaluatedProperties/maxLength !"],
    ],
    ["{} → true accept the same", {}, true, []],
    ["false → false", false, false, []],
  ])("%s", (_, before, after, expected) => {
    expect(summary(u(after), u(before))).toEqual(expected);
  });

  it("is not a keyword before draft 2019-09", () => {
    expect(summary({ type: "object", unevaluatedProperties: false }, { type: "object" })).toEqual([]);
  });
});

describe("property counts", () => {
  it.each<Case>([
    [
      "maxProperties added",
      obj({}),
      obj({}, { maxProperties: 3 }),
      ["MAX_PROPERTIES_ADDED #/maxProperties !"],
    ],
    [
      "maxProperties removed",
      obj({}, { maxProperties: 3 }),
      obj({}),
      ["MAX_PROPERTIES_REMOVED #/maxProperties"],
    ],
    [
      "maxProperties increased",
      obj({}, { maxProperties: 3 }),
      obj({}, { maxProperties: 4 }),
      ["MAX_PROPERTIES_INCREASED #/maxProperties"],
    ],
    [
      "maxProperties decreased",
      obj({}, { maxProperties: 4 }),
      obj({}, { maxProperties: 3 }),
      ["MAX_PROPERTIES_DECREASED #/maxProperties !"],
    ],
    [
      "minProperties added",
      obj({}),
      obj({}, { minProperties: 1 }),
      ["MIN_PROPERTIES_ADDED #/minProperties !"],
    ],
    [
      "minProperties removed",
      obj({}, { minProperties: 1 }),
      obj({}),
      ["MIN_PROPERTIES_REMOVED #/minProperties"],
    ],
    [
      "minProperties increased",
      obj({}, { minProperties: 1 }),
      obj({}, { minProperties: 2 }),
      ["MIN_PROPERTIES_INCREASED #/minProperties !"],
    ],
    [
      "minProperties decreased",
      obj({}, { minProperties: 2 }),
      obj({}, { minProperties: 1 }),
      ["MIN_PROPERTIES_DECREASED #/minProperties"],
    ],
  ])("%s", (...c) => expectDiff(c));
});
