import { describe, expect, it } from "vitest";
import { parseDoc, str, summary } from "./helpers.js";

const D4 = "http://json-schema.org/draft-04/schema#";
const D6 = "http://json-schema.org/draft-06/schema#";
const D7 = "http://json-schema.org/draft-07/schema#";
const D2019 = "https://json-schema.org/draft/2019-09/schema";
const D2020 = "https://json-schema.org/draft/2020-12/schema";

describe("draft detection", () => {
  it.each([
    [D4, "4"],
    [D6, "6"],
    [D7, "7"],
    ["http://json-schema.org/draft-07/schema", "7"],
    [D2019, "2019-09"],
    [D2020, "2020-12"],
    ["https://example.com/my-meta-schema", "7"],
  ])("%s is draft %s", (url, draft) => {
    expect(parseDoc({ $schema: url }).draft).toBe(draft);
  });

  it("defaults to draft 7", () => {
    expect(parseDoc({}).draft).toBe("7");
  });
});

describe("draft 4", () => {
  it.each<[string, unknown, unknown, string[]]>([
    ["id is the identifier", { $schema: D4, id: "a.json" }, { $schema: D4, id: "b.json" }, ["ID_CHANGED #/"]],
    ["$id is an unknown keyword", { $schema: D4, $id: "a.json" }, { $schema: D4, $id: "b.json" }, []],
    ["const is an unknown keyword", { $schema: D4, const: 1 }, { $schema: D4, const: 2 }, []],
    [
      "moving to draft 7 with the same identifier",
      { $schema: D4, id: "a.json", type: "string" },
      { $schema: D7, $id: "a.json", type: "string" },
      [],
    ],
  ])("%s", (_, writer, reader, expected) => {
    expect(summary(reader, writer)).toEqual(expected);
  });
});

describe("draft 6", () => {
  it.each<[string, unknown, unknown, string[]]>([
    [
      "const is compared",
      { $schema: D6, const: 1 },
      { $schema: D6, const: 2 },
      ["ENUM_ARRAY_CHANGED #/const !"],
    ],
    [
      "boolean subschemas",
      { $schema: D6, type: "array", items: {} },
      { $schema: D6, type: "array", items: false },
      ["TYPE_CHANGED #/items !"],
    ],
    [
      "a false subschema reads as anything",
      { $schema: D6, type: "array", items: false },
      { $schema: D6, type: "array", items: str() },
      [],
    ],
    [
      "numeric exclusiveMinimum",
      { $schema: D6, exclusiveMinimum: 1 },
      { $schema: D6, exclusiveMinimum: 2 },
      ["EXCLUSIVE_MINIMUM_INCREASED #/exclusiveMinimum !"],
    ],
    [
      "if/then/else are unknown keywords",
      { $schema: D6, if: str() },
      { $schema: D6, if: { type: "integer" } },
      [],
    ],
  ])("%s", (_, writer, reader, expected) => {
    expect(summary(reader, writer)).toEqual(expected);
  });
});

describe("draft 7", () => {
  it.each<[string, unknown, unknown, string[]]>([
    ["if/then/else make a conditional node", { if: str(), then: str() }, str(), ["TYPE_CHANGED #/ !"]],
    [
      "conditional content is not compared",
      { if: str(), then: str() },
      { if: { type: "integer" }, else: str() },
      [],
    ],
    [
      "$ref siblings are ignored",
      { definitions: { a: str() }, $ref: "#/definitions/a" },
      { definitions: { a: str() }, $ref: "#/definitions/a", maxLength: 1 },
      [],
    ],
  ])("%s", (_, writer, reader, expected) => {
    expect(summary(reader, writer)).toEqual(expected);
  });
});

describe("draft 2019-09", () => {
  const d = (extra: Record<string, unknown>): unknown => ({ $schema: D2019, ...extra });
  it.each<[string, unknown, unknown, string[]]>([
    [
      "$ref next to a type makes a synthetic allOf",
      d({ $defs: { a: str() }, $ref: "#/$defs/a" }),
      d({ $defs: { a: str() }, $ref: "#/$defs/a", type: "string" }),
      ["TYPE_CHANGED #/ !"],
    ],
    [
      "$anchor references",
      d({ $defs: { a: { $anchor: "name", type: "string" } }, items: { $ref: "#name" } }),
      d({ $defs: { a: { $anchor: "name", type: "string", maxLength: 2 } }, items: { $ref: "#name" } }),
      ["MAX_LENGTH_ADDED #/items/maxLength !"],
    ],
    [
      "dependentRequired is reported under dependencies",
      d({ type: "object", dependentRequired: { a: ["b"] } }),
      d({ type: "object", dependentRequired: { a: ["b", "c"] } }),
      ["DEPENDENCY_ARRAY_EXTENDED #/dependencies/a !"],
    ],
    [
      "dependentSchemas is reported under dependencies",
      d({ type: "object" }),
      d({ type: "object", dependentSchemas: { a: { required: ["b"] } } }),
      ["DEPENDENCY_SCHEMA_ADDED #/dependencies/a !"],
    ],
    [
      "array items is still a tuple",
      d({ type: "array", items: [str()] }),
      d({ type: "array", items: [str(), str()] }),
      ["ITEM_ADDED_TO_OPEN_CONTENT_MODEL #/items/1 !"],
    ],
    [
      "minContains compared",
      d({ type: "array", contains: str() }),
      d({ type: "array", contains: str(), minContains: 2 }),
      ["MIN_CONTAINS_ADDED #/minContains !"],
    ],
  ])("%s", (_, writer, reader, expected) => {
    expect(summary(reader, writer)).toEqual(expected);
  });
});

describe("draft 2020-12", () => {
  const d = (extra: Record<string, unknown>): unknown => ({ $schema: D2020, ...extra });
  it.each<[string, unknown, unknown, string[]]>([
    [
      "prefixItems compared pairwise",
      d({ prefixItems: [str()] }),
      d({ prefixItems: [str({ minLength: 1 })] }),
      ["MIN_LENGTH_ADDED #/items/0/minLength !"],
    ],
    [
      "unevaluatedProperties closes the model",
      d({ type: "object", properties: { a: str(), b: str() }, unevaluatedProperties: false }),
      d({ type: "object", properties: { a: str() }, unevaluatedProperties: false }),
      ["PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL #/properties/b !"],
    ],
    [
      "unevaluatedProperties: true keeps it open",
      d({ type: "object", properties: { a: str(), b: str() } }),
      d({ type: "object", properties: { a: str() }, unevaluatedProperties: true }),
      [
        "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL #/properties/b",
        "UNEVALUATED_PROPERTIES_NARROWED #/unevaluatedProperties !",
      ],
    ],
    [
      "$defs and definitions are both searchable",
      d({ $defs: { a: str() }, definitions: { b: str() }, properties: { x: { $ref: "#/$defs/a" } } }),
      d({ $defs: { a: str() }, definitions: { b: str() }, properties: { x: { $ref: "#/definitions/b" } } }),
      [],
    ],
  ])("%s", (_, writer, reader, expected) => {
    expect(summary(reader, writer)).toEqual(expected);
  });
});
