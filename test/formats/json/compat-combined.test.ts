import { describe, it } from "vitest";
import { type Case, expectDiff, int, str } from "./helpers.js";

const nul = { type: "null" };
const bool = { type: "boolean" };

describe("plain schema against a combination", () => {
  it.each<Case>([
    ["plain becomes one alternative of anyOf", str(), { anyOf: [str(), nul] }, ["SUM_TYPE_EXTENDED #/"]],
    ["plain becomes one alternative of oneOf", str(), { oneOf: [nul, str()] }, ["SUM_TYPE_EXTENDED #/"]],
    [
      "the first compatible alternative brings its differences",
      str({ maxLength: 3 }),
      { anyOf: [int(), str()] },
      ["SUM_TYPE_EXTENDED #/", "MAX_LENGTH_REMOVED #/maxLength"],
    ],
    ["no alternative reads the plain schema", str(), { anyOf: [int(), nul] }, ["TYPE_CHANGED #/ !"]],
    [
      "plain into a two-member allOf changes the type",
      str(),
      { allOf: [str(), { maxLength: 3 }] },
      ["TYPE_CHANGED #/ !"],
    ],
    ["plain into a single-member combination that reads it", str(), { anyOf: [str()] }, []],
    [
      "plain into a single-member combination that does not",
      str(),
      { allOf: [str({ maxLength: 3 })] },
      ["TYPE_CHANGED #/ !"],
    ],
    [
      "allOf narrowed to one of its conjuncts",
      { allOf: [{ type: "object" }, { type: "object", properties: { a: str() } }] },
      { type: "object" },
      ["PRODUCT_TYPE_NARROWED #/"],
    ],
    ["anyOf collapsed to a plain schema", { anyOf: [str(), nul] }, str(), ["TYPE_CHANGED #/ !"]],
    ["single-member anyOf unwrapped", { anyOf: [str()] }, str(), []],
  ])("%s", (...c) => expectDiff(c));
});

describe("criterion changes", () => {
  it.each<Case>([
    [
      "oneOf to anyOf extends",
      { oneOf: [str(), nul] },
      { anyOf: [str(), nul] },
      ["COMBINED_TYPE_EXTENDED #/"],
    ],
    [
      "allOf to anyOf extends",
      { allOf: [str(), { maxLength: 3 }] },
      { anyOf: [str(), { maxLength: 3 }] },
      ["COMBINED_TYPE_EXTENDED #/"],
    ],
    [
      "anyOf to oneOf changes and stops",
      { anyOf: [str(), nul] },
      { oneOf: [str(), int()] },
      ["COMBINED_TYPE_CHANGED #/ !"],
    ],
    [
      "anyOf to allOf changes",
      { anyOf: [str(), nul] },
      { allOf: [str(), nul] },
      ["COMBINED_TYPE_CHANGED #/ !"],
    ],
    ["two singletons extend", { allOf: [str()] }, { oneOf: [str()] }, ["COMBINED_TYPE_EXTENDED #/"]],
    [
      "singleton original to oneOf extends",
      { allOf: [str()] },
      { oneOf: [str(), nul] },
      ["COMBINED_TYPE_EXTENDED #/", "SUM_TYPE_EXTENDED #/"],
    ],
    [
      "allOf to a singleton extends",
      { allOf: [str(), { minLength: 1 }] },
      { oneOf: [str()] },
      ["COMBINED_TYPE_EXTENDED #/", "PRODUCT_TYPE_NARROWED #/"],
    ],
  ])("%s", (...c) => expectDiff(c));
});

describe("subschema matching", () => {
  it.each<Case>([
    [
      "anyOf gains a branch",
      { anyOf: [str(), nul] },
      { anyOf: [str(), nul, int()] },
      ["SUM_TYPE_EXTENDED #/"],
    ],
    ["anyOf loses a branch", { anyOf: [str(), nul] }, { anyOf: [str()] }, ["SUM_TYPE_NARROWED #/ !"]],
    [
      "oneOf loses a branch",
      { oneOf: [str(), nul, int()] },
      { oneOf: [str(), nul] },
      ["SUM_TYPE_NARROWED #/ !"],
    ],
    [
      "allOf gains a conjunct",
      { allOf: [str(), { minLength: 1 }] },
      { allOf: [str(), { minLength: 1 }, { maxLength: 9 }] },
      ["PRODUCT_TYPE_EXTENDED #/ !"],
    ],
    [
      "allOf loses a conjunct",
      { allOf: [str(), { minLength: 1 }, { maxLength: 9 }] },
      { allOf: [str(), { minLength: 1 }] },
      ["PRODUCT_TYPE_NARROWED #/"],
    ],
    ["branches reordered", { anyOf: [str(), nul] }, { anyOf: [nul, str()] }, []],
    [
      "no branch can be paired",
      { anyOf: [str(), nul] },
      { anyOf: [int(), bool] },
      ["COMBINED_TYPE_SUBSCHEMAS_CHANGED #/ !"],
    ],
    [
      "one branch cannot be paired",
      { anyOf: [str(), int()] },
      { anyOf: [str(), bool] },
      ["COMBINED_TYPE_SUBSCHEMAS_CHANGED #/ !"],
    ],
    [
      "matched pairs report their differences at the original's index",
      { anyOf: [str({ maxLength: 3 }), int()] },
      { anyOf: [int(), str()] },
      ["MAX_LENGTH_REMOVED #/anyOf/0/maxLength"],
    ],
    [
      "a maximum matching, not a greedy one",
      { anyOf: [str({ maxLength: 3 }), str()] },
      { anyOf: [str(), str({ maxLength: 5 })] },
      ["MAX_LENGTH_INCREASED #/anyOf/0/maxLength"],
    ],
    [
      "duplicate subschemas collapse before counting",
      { anyOf: [str(), str(), nul] },
      { anyOf: [str(), nul] },
      [],
    ],
  ])("%s", (...c) => expectDiff(c));
});

describe("synthetic combinations", () => {
  it.each<Case>([
    [
      "adding a combinator next to type makes a synthetic allOf",
      str(),
      { type: "string", anyOf: [{ maxLength: 3 }, { minLength: 5 }] },
      ["TYPE_CHANGED #/ !"],
    ],
    [
      "removing it keeps the typed conjunct",
      { type: "string", anyOf: [{ maxLength: 3 }, { minLength: 5 }] },
      str(),
      ["PRODUCT_TYPE_NARROWED #/"],
    ],
    [
      "enum next to type is a synthetic allOf too",
      str(),
      { type: "string", enum: ["a"] },
      ["TYPE_CHANGED #/ !"],
    ],
    ["a type array is a synthetic anyOf", str(), { type: ["string", "null"] }, ["SUM_TYPE_EXTENDED #/"]],
    ["narrowing a type array to one type", { type: ["string", "null"] }, str(), ["TYPE_CHANGED #/ !"]],
    ["type arrays in another order", { type: ["string", "null"] }, { type: ["null", "string"] }, []],
    [
      "type array members carry the keywords",
      { type: ["string", "null"], maxLength: 5 },
      { type: ["string", "null"], maxLength: 3 },
      ["COMBINED_TYPE_SUBSCHEMAS_CHANGED #/ !"],
    ],
    [
      "integer widened to a number type array",
      int(),
      { type: ["number", "null"] },
      ["TYPE_EXTENDED #/", "SUM_TYPE_EXTENDED #/"],
    ],
  ])("%s", (...c) => expectDiff(c));
});
