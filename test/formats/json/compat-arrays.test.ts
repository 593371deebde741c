import { describe, expect, it } from "vitest";
import { arr, type Case, expectDiff, findings, int, str, summary } from "./helpers.js";

const D2019 = "https://json-schema.org/draft/2019-09/schema";
const D2020 = "https://json-schema.org/draft/2020-12/schema";
const tuple = (items: unknown[], extra: Record<string, unknown> = {}): unknown => arr({ items, ...extra });

describe("the all-items schema", () => {
  it.each<Case>([
    [
      "compared",
      arr({ items: str() }),
      arr({ items: str({ maxLength: 2 }) }),
      ["MAX_LENGTH_ADDED #/items/maxLength !"],
    ],
    ["added", arr(), arr({ items: str() }), ["SCHEMA_ADDED #/items !"]],
    ["removed", arr({ items: str() }), arr(), ["SCHEMA_REMOVED #/items"]],
  ])("%s", (...c) => expectDiff(c));

  it("gives SCHEMA_ADDED an empty description although it is incompatible", () => {
    expect(findings(arr({ items: str() }), arr())[0]).toMatchObject({ compatible: false, description: "" });
  });
});

describe("tuples", () => {
  it.each<Case>([
    [
      "positions compared pairwise",
      tuple([str()]),
      tuple([str({ maxLength: 1 })]),
      ["MAX_LENGTH_ADDED #/items/0/maxLength !"],
    ],
    [
      "grew, old schema open",
      tuple([str()]),
      tuple([str(), int()]),
      ["ITEM_ADDED_TO_OPEN_CONTENT_MODEL #/items/1 !"],
    ],
    [
      "grew by an empty schema, old schema open",
      tuple([str()]),
      tuple([str(), {}]),
      ["ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL #/items/1"],
    ],
    [
      "grew, old schema closed",
      tuple([str()], { additionalItems: false }),
      tuple([str(), int()], { additionalItems: false }),
      ["ITEM_ADDED_TO_CLOSED_CONTENT_MODEL #/items/1"],
    ],
    [
      "grew, covered by the old additionalItems",
      tuple([str()], { additionalItems: int() }),
      tuple([str(), int()], { additionalItems: int() }),
      ["ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/items/1"],
    ],
    [
      "grew, not covered by the old additionalItems",
      tuple([str()], { additionalItems: int() }),
      tuple([str(), str()], { additionalItems: int() }),
      ["TYPE_CHANGED #/items/1 !", "ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/items/1 !"],
    ],
    [
      "shrank, new schema open",
      tuple([str(), int()]),
      tuple([str()]),
      ["ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL #/items/1"],
    ],
    [
      "shrank, new schema closed",
      tuple([str(), int()], { additionalItems: false }),
      tuple([str()], { additionalItems: false }),
      ["ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL #/items/1 !"],
    ],
    [
      "shrank by a false slot, new schema closed",
      tuple([str(), false], { additionalItems: false }),
      tuple([str()], { additionalItems: false }),
      ["ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL #/items/1"],
    ],
    [
      "shrank, covered by the new additionalItems",
      tuple([str(), int()], { additionalItems: int() }),
      tuple([str()], { additionalItems: int() }),
      ["ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/items/1"],
    ],
    [
      "shrank, not covered by the new additionalItems",
      tuple([str(), str()], { additionalItems: int() }),
      tuple([str()], { additionalItems: int() }),
      ["TYPE_CHANGED #/items/1 !", "ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/items/1 !"],
    ],
    [
      "shrank, covered by a restrictive unevaluatedItems",
      { $schema: D2019, type: "array", items: [str(), str()] },
      { $schema: D2019, type: "array", items: [str()], unevaluatedItems: str() },
      [
        "ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/items/1",
        "UNEVALUATED_ITEMS_NARROWED #/unevaluatedItems !",
      ],
    ],
  ])("%s", (...c) => expectDiff(c));
});

describe("additionalItems", () => {
  it.each<Case>([
    [
      "forbidden in the new schema",
      tuple([str()]),
      tuple([str()], { additionalItems: false }),
      ["ADDITIONAL_ITEMS_REMOVED #/additionalItems !"],
    ],
    [
      "allowed in the new schema",
      tuple([str()], { additionalItems: false }),
      tuple([str()]),
      ["ADDITIONAL_ITEMS_ADDED #/additionalItems"],
    ],
    [
      "schema introduced",
      tuple([str()]),
      tuple([str()], { additionalItems: str() }),
      ["ADDITIONAL_ITEMS_NARROWED #/additionalItems !"],
    ],
    [
      "schema dropped",
      tuple([str()], { additionalItems: str() }),
      tuple([str()]),
      ["ADDITIONAL_ITEMS_EXTENDED #/additionalItems"],
    ],
    [
      "schemas compared",
      tuple([str()], { additionalItems: str() }),
      tuple([str()], { additionalItems: str({ minLength: 2 }) }),
      ["MIN_LENGTH_ADDED #/additionalItems/minLength !"],
    ],
  ])("%s", (...c) => expectDiff(c));

  it("stays incompatible under LENIENT", () => {
    expect(summary(tuple([str()], { additionalItems: false }), tuple([str()]), "LENIENT")).toEqual([
      "ADDITIONAL_ITEMS_REMOVED #/additionalItems !",
    ]);
  });
});

describe("unevaluatedItems state table", () => {
  const u = (value: unknown): unknown =>
    value === undefined
      ? { $schema: D2020, type: "array" }
      : { $schema: D2020, type: "array", unevaluatedItems: value };
  it.each<[string, unknown, unknown, string[]]>([
    ["absent → false", undefined, false, ["UNEVALUATED_ITEMS_REMOVED #/unevaluatedItems !"]],
    ["absent → schema", undefined, str(), ["UNEVALUATED_ITEMS_NARROWED #/unevaluatedItems !"]],
    ["false → absent", false, undefined, ["UNEVALUATED_ITEMS_ADDED #/unevaluatedItems"]],
    ["false → schema", false, str(), ["UNEVALUATED_ITEMS_ADDED #/unevaluatedItems"]],
    ["schema → absent", str(), undefined, ["UNEVALUATED_ITEMS_EXTENDED #/unevaluatedItems"]],
    ["schema → false", str(), false, ["UNEVALUATED_ITEMS_REMOVED #/unevaluatedItems !"]],
    ["true → schema", true, str(), ["UNEVALUATED_ITEMS_NARROWED #/unevaluatedItems !"]],
    ["schema → true", str(), true, ["UNEVALUATED_ITEMS_EXTENDED #/unevaluatedItems"]],
    [
      "schema → schema is compared",
      int(),
      int({ maximum: 3 }),
      ["MAXIMUM_ADDED #/unevaluatedItems/maximum !"],
    ],
  ])("%s", (_, before, after, expected) => {
    expect(summary(u(after), u(before))).toEqual(expected);
  });

  it("stays incompatible under LENIENT", () => {
    expect(summary(u(false), u(undefined), "LENIENT")).toEqual([
      "UNEVALUATED_ITEMS_REMOVED #/unevaluatedItems !",
    ]);
  });
});

describe("array bounds", () => {
  const c2019 = (extra: Record<string, unknown>): unknown => ({
    $schema: D2019,
    type: "array",
    contains: str(),
    ...extra,
  });
  it.each<Case>([
    ["maxItems added", arr(), arr({ maxItems: 3 }), ["MAX_ITEMS_ADDED #/maxItems !"]],
    ["maxItems removed", arr({ maxItems: 3 }), arr(), ["MAX_ITEMS_REMOVED #/maxItems"]],
    ["maxItems increased", arr({ maxItems: 3 }), arr({ maxItems: 4 }), ["MAX_ITEMS_INCREASED #/maxItems"]],
    ["maxItems decreased", arr({ maxItems: 4 }), arr({ maxItems: 3 }), ["MAX_ITEMS_DECREASED #/maxItems !"]],
    ["minItems added", arr(), arr({ minItems: 1 }), ["MIN_ITEMS_ADDED #/minItems !"]],
    ["minItems removed", arr({ minItems: 1 }), arr(), ["MIN_ITEMS_REMOVED #/minItems"]],
    ["minItems increased", arr({ minItems: 1 }), arr({ minItems: 2 }), ["MIN_ITEMS_INCREASED #/minItems !"]],
    ["minItems decreased", arr({ minItems: 2 }), arr({ minItems: 1 }), ["MIN_ITEMS_DECREASED #/minItems"]],
    ["uniqueItems added", arr(), arr({ uniqueItems: true }), ["UNIQUE_ITEMS_ADDED #/uniqueItems !"]],
    [
      "uniqueItems removed",
      arr({ uniqueItems: true }),
      arr({ uniqueItems: false }),
      ["UNIQUE_ITEMS_REMOVED #/uniqueItems"],
    ],
    ["maxContains added", c2019({}), c2019({ maxContains: 2 }), ["MAX_CONTAINS_ADDED #/maxContains !"]],
    ["maxContains removed", c2019({ maxContains: 2 }), c2019({}), ["MAX_CONTAINS_REMOVED #/maxContains"]],
    [
      "maxContains increased",
      c2019({ maxContains: 2 }),
      c2019({ maxContains: 3 }),
      ["MAX_CONTAINS_INCREASED #/maxContains"],
    ],
    [
      "maxContains decreased",
      c2019({ maxContains: 3 }),
      c2019({ maxContains: 2 }),
      ["MAX_CONTAINS_DECREASED #/maxContains !"],
    ],
    ["minContains added", c2019({}), c2019({ minContains: 2 }), ["MIN_CONTAINS_ADDED #/minContains !"]],
    ["minContains removed", c2019({ minContains: 2 }), c2019({}), ["MIN_CONTAINS_REMOVED #/minContains"]],
    [
      "minContains increased",
      c2019({ minContains: 2 }),
      c2019({ minContains: 3 }),
      ["MIN_CONTAINS_INCREASED #/minContains !"],
    ],
    [
      "minContains decreased",
      c2019({ minContains: 3 }),
      c2019({ minContains: 2 }),
      ["MIN_CONTAINS_DECREASED #/minContains"],
    ],
    ["contains itself is not compared", arr({ contains: str() }), arr({ contains: int() }), []],
    [
      "numeric maxContains is compared in draft 7 too",
      arr({ maxContains: 3 }),
      arr({ maxContains: 2 }),
      ["MAX_CONTAINS_DECREASED #/maxContains !"],
    ],
  ])("%s", (...c) => expectDiff(c));
});

describe("draft 2020-12 prefixItems and items", () => {
  const d = (extra: Record<string, unknown>): unknown => ({ $schema: D2020, type: "array", ...extra });
  it.each<Case>([
    [
      "prefixItems are the tuple",
      d({ prefixItems: [str()] }),
      d({ prefixItems: [str(), int()] }),
      ["ITEM_ADDED_TO_OPEN_CONTENT_MODEL #/items/1 !"],
    ],
    [
      "items: false next to prefixItems closes the tuple",
      d({ prefixItems: [str()], items: false }),
      d({ prefixItems: [str(), int()], items: false }),
      ["ITEM_ADDED_TO_CLOSED_CONTENT_MODEL #/items/1"],
    ],
    [
      "items next to prefixItems is additionalItems",
      d({ prefixItems: [str()] }),
      d({ prefixItems: [str()], items: false }),
      ["ADDITIONAL_ITEMS_REMOVED #/additionalItems !"],
    ],
    [
      "items schema next to prefixItems covers removed positions",
      d({ prefixItems: [str(), int()] }),
      d({ prefixItems: [str()], items: int() }),
      [
        "ADDITIONAL_ITEMS_NARROWED #/additionalItems !",
        "ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/items/1",
      ],
    ],
    [
      "items alone is the all-items schema",
      d({ items: str() }),
      d({ items: str({ maxLength: 1 }) }),
      ["MAX_LENGTH_ADDED #/items/maxLength !"],
    ],
  ])("%s", (...c) => expectDiff(c));
});
