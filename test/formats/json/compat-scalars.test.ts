import { describe, expect, it } from "vitest";
import { type Case, expectDiff, findings, int, num, str, summary } from "./helpers.js";

describe("strings", () => {
  it.each<Case>([
    ["maxLength added", str(), str({ maxLength: 5 }), ["MAX_LENGTH_ADDED #/maxLength !"]],
    ["maxLength removed", str({ maxLength: 5 }), str(), ["MAX_LENGTH_REMOVED #/maxLength"]],
    [
      "maxLength increased",
      str({ maxLength: 5 }),
      str({ maxLength: 6 }),
      ["MAX_LENGTH_INCREASED #/maxLength"],
    ],
    [
      "maxLength decreased",
      str({ maxLength: 6 }),
      str({ maxLength: 5 }),
      ["MAX_LENGTH_DECREASED #/maxLength !"],
    ],
    ["maxLength unchanged", str({ maxLength: 6 }), str({ maxLength: 6 }), []],
    ["minLength added", str(), str({ minLength: 1 }), ["MIN_LENGTH_ADDED #/minLength !"]],
    ["minLength removed", str({ minLength: 1 }), str(), ["MIN_LENGTH_REMOVED #/minLength"]],
    [
      "minLength increased",
      str({ minLength: 1 }),
      str({ minLength: 2 }),
      ["MIN_LENGTH_INCREASED #/minLength !"],
    ],
    [
      "minLength decreased",
      str({ minLength: 2 }),
      str({ minLength: 1 }),
      ["MIN_LENGTH_DECREASED #/minLength"],
    ],
    ["pattern added", str(), str({ pattern: "^a" }), ["PATTERN_ADDED #/pattern !"]],
    ["pattern removed", str({ pattern: "^a" }), str(), ["PATTERN_REMOVED #/pattern"]],
    [
      "pattern changed, compared as text",
      str({ pattern: "^a" }),
      str({ pattern: "^(a)" }),
      ["PATTERN_CHANGED #/pattern !"],
    ],
    ["format is ignored", str({ format: "email" }), str({ format: "uri" }), []],
  ])("%s", (...c) => expectDiff(c));
});

describe("numbers", () => {
  it.each<Case>([
    ["maximum added", num(), num({ maximum: 9 }), ["MAXIMUM_ADDED #/maximum !"]],
    ["maximum removed", num({ maximum: 9 }), num(), ["MAXIMUM_REMOVED #/maximum"]],
    ["maximum increased", num({ maximum: 9 }), num({ maximum: 10 }), ["MAXIMUM_INCREASED #/maximum"]],
    ["maximum decreased", num({ maximum: 10 }), num({ maximum: 9.5 }), ["MAXIMUM_DECREASED #/maximum !"]],
    ["maximum 1 vs 1.0 is no change", num({ maximum: 1 }), '{"type":"number","maximum":1.0}', []],
    ["minimum added", num(), num({ minimum: 0 }), ["MINIMUM_ADDED #/minimum !"]],
    ["minimum removed", num({ minimum: 0 }), num(), ["MINIMUM_REMOVED #/minimum"]],
    ["minimum increased", num({ minimum: 0 }), num({ minimum: 1 }), ["MINIMUM_INCREASED #/minimum !"]],
    ["minimum decreased", num({ minimum: 1 }), num({ minimum: -1 }), ["MINIMUM_DECREASED #/minimum"]],
    [
      "exclusiveMaximum added",
      num(),
      num({ exclusiveMaximum: 5 }),
      ["EXCLUSIVE_MAXIMUM_ADDED #/exclusiveMaximum !"],
    ],
    [
      "exclusiveMaximum removed",
      num({ exclusiveMaximum: 5 }),
      num(),
      ["EXCLUSIVE_MAXIMUM_REMOVED #/exclusiveMaximum"],
    ],
    [
      "exclusiveMaximum increased",
      num({ exclusiveMaximum: 5 }),
      num({ exclusiveMaximum: 6 }),
      ["EXCLUSIVE_MAXIMUM_INCREASED #/exclusiveMaximum"],
    ],
    [
      "exclusiveMinimum added",
      num(),
      num({ exclusiveMinimum: 0 }),
      ["EXCLUSIVE_MINIMUM_ADDED #/exclusiveMinimum !"],
    ],
    [
      "exclusiveMinimum removed",
      num({ exclusiveMinimum: 0 }),
      num(),
      ["EXCLUSIVE_MINIMUM_REMOVED #/exclusiveMinimum"],
    ],
    [
      "exclusiveMinimum increased",
      num({ exclusiveMinimum: 0 }),
      num({ exclusiveMinimum: 1 }),
      ["EXCLUSIVE_MINIMUM_INCREASED #/exclusiveMinimum !"],
    ],
    [
      "exclusiveMinimum decreased",
      num({ exclusiveMinimum: 1 }),
      num({ exclusiveMinimum: 0 }),
      ["EXCLUSIVE_MINIMUM_DECREASED #/exclusiveMinimum"],
    ],
    ["multipleOf added", num(), num({ multipleOf: 2 }), ["MULTIPLE_OF_ADDED #/multipleOf !"]],
    ["multipleOf removed", num({ multipleOf: 2 }), num(), ["MULTIPLE_OF_REMOVED #/multipleOf"]],
    [
      "multipleOf expanded (new is a multiple of old)",
      num({ multipleOf: 2 }),
      num({ multipleOf: 6 }),
      ["MULTIPLE_OF_EXPANDED #/multipleOf !"],
    ],
    [
      "multipleOf reduced (old is a multiple of new)",
      num({ multipleOf: 6 }),
      num({ multipleOf: 3 }),
      ["MULTIPLE_OF_REDUCED #/multipleOf"],
    ],
    [
      "multipleOf changed",
      num({ multipleOf: 4 }),
      num({ multipleOf: 6 }),
      ["MULTIPLE_OF_CHANGED #/multipleOf !"],
    ],
    [
      "multipleOf decimals compare exactly",
      num({ multipleOf: 0.1 }),
      num({ multipleOf: 0.3 }),
      ["MULTIPLE_OF_EXPANDED #/multipleOf !"],
    ],
    [
      "multipleOf 0.5 equals 0.50",
      '{"type":"number","multipleOf":0.5}',
      '{"type":"number","multipleOf":0.50}',
      [],
    ],
    ["integer to number extends", int(), num(), ["TYPE_EXTENDED #/"]],
    ["number to integer narrows", num(), int(), ["TYPE_NARROWED #/ !"]],
  ])("%s", (...c) => expectDiff(c));

  it("ignores draft 4 boolean exclusive bounds", () => {
    const d4 = "http://json-schema.org/draft-04/schema#";
    const before = { $schema: d4, type: "number", maximum: 5 };
    const after = { $schema: d4, type: "number", maximum: 5, exclusiveMaximum: true };
    expect(summary(after, before)).toEqual([]);
  });
});

describe("the exclusiveMaximum quirk", () => {
  it("reports a decrease below the new maximum as the registry does, flagged", () => {
    const [f] = findings(num({ exclusiveMaximum: 5, maximum: 4 }), num({ exclusiveMaximum: 8 }));
    expect(f).toMatchObject({
      errorType: "EXCLUSIVE_MAXIMUM_DECREASED",
      path: "#/exclusiveMaximum",
      compatible: false,
    });
    expect(f?.quirk).toMatch(/maximum/);
  });

  it("stays silent, like the registry, when the old limit is within the new maximum", () => {
    expect(summary(num({ exclusiveMaximum: 5, maximum: 10 }), num({ exclusiveMaximum: 8 }))).toEqual([
      "MAXIMUM_ADDED #/maximum !",
    ]);
  });

  it("reports the real decrease where the registry would fail without a verdict", () => {
    const all = findings(num({ exclusiveMaximum: 5 }), num({ exclusiveMaximum: 8 }));
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ errorType: "EXCLUSIVE_MAXIMUM_DECREASED", compatible: false });
    expect(all[0]?.quirk).toMatch(/error instead of a verdict/);
  });
});

describe("defaults", () => {
  it("flags equal object defaults reported as changed, as the registry does", () => {
    const [f] = findings({ type: "array", default: [1] }, { type: "array", default: [1] });
    expect(f).toMatchObject({ errorType: "DEFAULT_CHANGED", compatible: true });
    expect(f?.quirk).toMatch(/by identity/);
  });

  it("does not flag a real change of an object default", () => {
    expect(
      findings({ type: "object", default: { a: 2 } }, { type: "object", default: { a: 1 } })[0]?.quirk,
    ).toBeUndefined();
  });
});

describe("kinds, enum, const and not", () => {
  it.each<Case>([
    ["string to integer", str(), int(), ["TYPE_CHANGED #/ !"]],
    ["boolean to null", { type: "boolean" }, { type: "null" }, ["TYPE_CHANGED #/ !"]],
    ["anything to the empty schema", str(), {}, []],
    ["anything to true", { type: "object" }, true, []],
    ["false to anything", false, str(), []],
    ["empty schema to a typed one", {}, str(), ["TYPE_CHANGED #/ !"]],
    ["true to false", true, false, ["TYPE_CHANGED #/ !"]],
    [
      "connect.type bytes on both sides",
      { type: "string", "connect.type": "bytes" },
      { type: "null", "connect.type": "bytes" },
      [],
    ],
    ["title changed", str({ title: "a" }), str({ title: "b" }), ["TITLE_CHANGED #/"]],
    ["description changed", str({ description: "a" }), str(), ["DESCRIPTION_CHANGED #/"]],
    ["$id changed", str({ $id: "a.json" }), str({ $id: "b.json" }), ["ID_CHANGED #/"]],
    ["scalar default changed", str({ default: "a" }), str({ default: "b" }), ["DEFAULT_CHANGED #/"]],
    ["equal scalar defaults", str({ default: "a" }), str({ default: "a" }), []],
    [
      "object defaults always look changed",
      { type: "object", default: {} },
      { type: "object", default: {} },
      ["DEFAULT_CHANGED #/"],
    ],
    ["enum extended", { enum: ["a"] }, { enum: ["a", "b"] }, ["ENUM_ARRAY_EXTENDED #/enum"]],
    ["enum narrowed", { enum: ["a", "b"] }, { enum: ["b"] }, ["ENUM_ARRAY_NARROWED #/enum !"]],
    ["enum changed", { enum: ["a", "b"] }, { enum: ["b", "c"] }, ["ENUM_ARRAY_CHANGED #/enum !"]],
    ["enum reordered", { enum: ["a", "b"] }, { enum: ["b", "a"] }, []],
    ["enum 1 and 1.0 differ", '{"enum":[1]}', '{"enum":[1.0]}', ["ENUM_ARRAY_CHANGED #/enum !"]],
    ["enum objects ignore key order", { enum: [{ a: 1, b: 2 }] }, { enum: [{ b: 2, a: 1 }] }, []],
    ["const changed", { const: "a" }, { const: "b" }, ["ENUM_ARRAY_CHANGED #/const !"]],
    ["const unchanged", { const: 1 }, { const: 1 }, []],
    ["enum to const changes the kind", { enum: ["a"] }, { const: "a" }, ["TYPE_CHANGED #/ !"]],
    [
      "not narrowed: the new negation excludes less",
      { not: str() },
      { not: str({ maxLength: 3 }) },
      ["NOT_TYPE_NARROWED #/not"],
    ],
    [
      "not extended: the new negation excludes more",
      { not: str({ maxLength: 3 }) },
      { not: str() },
      ["NOT_TYPE_EXTENDED #/not !"],
    ],
    [
      "not of the same schema still reports narrowed",
      { not: str() },
      { not: str() },
      ["NOT_TYPE_NARROWED #/not"],
    ],
    [
      "conditional nodes compare only annotations",
      { if: str(), then: str() },
      { if: int(), title: "t" },
      ["TITLE_CHANGED #/"],
    ],
  ])("%s", (...c) => expectDiff(c));
});
