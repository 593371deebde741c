import { describe, expect, it } from "vitest";
import { jsonFormat } from "../../../src/formats/json/index.js";
import { arr, findings, LABELS, obj, parseDoc, str, summary } from "./helpers.js";

const D2019 = "https://json-schema.org/draft/2019-09/schema";
const closed = (properties: Record<string, unknown>): unknown =>
  obj(properties, { additionalProperties: false });

describe("STRICT versus LENIENT", () => {
  // writer, reader, the one difference found: incompatible under STRICT, compatible under LENIENT.
  it.each<[string, unknown, unknown, string]>([
    [
      "ADDITIONAL_PROPERTIES_NARROWED",
      obj({}),
      obj({}, { additionalProperties: str() }),
      "#/additionalProperties",
    ],
    [
      "ADDITIONAL_PROPERTIES_REMOVED",
      obj({}),
      obj({}, { additionalProperties: false }),
      "#/additionalProperties",
    ],
    [
      "UNEVALUATED_PROPERTIES_NARROWED",
      { $schema: D2019, type: "object" },
      { $schema: D2019, type: "object", unevaluatedProperties: str() },
      "#/unevaluatedProperties",
    ],
    [
      "UNEVALUATED_PROPERTIES_REMOVED",
      { $schema: D2019, type: "object" },
      { $schema: D2019, type: "object", unevaluatedProperties: false },
      "#/unevaluatedProperties",
    ],
    [
      "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL",
      obj({}),
      obj({ a: str({ default: "" }) }, { required: ["a"] }),
      "#/properties/a",
    ],
    ["OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", obj({}), obj({ a: str() }), "#/properties/a"],
    ["PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", closed({ a: str() }), closed({}), "#/properties/a"],
  ])("%s", (type, writer, reader, path) => {
    expect(summary(reader, writer)).toEqual([`${type} ${path} !`]);
    expect(summary(reader, writer, "LENIENT")).toEqual([`${type} ${path}`]);
  });

  it("accepts PROPERTY_ADDED_NOT_COVERED… only under LENIENT, where the covering check is also lenient", () => {
    const writer = obj({}, { additionalProperties: { type: "object" } });
    const reader = obj({ a: obj({ x: str() }) }, { additionalProperties: { type: "object" } });
    expect(summary(reader, writer)).toEqual([
      "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/a !",
      "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/a",
      "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/a/properties/x !",
    ]);
    expect(summary(reader, writer, "LENIENT")).toEqual([
      "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/a",
      "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/a",
      "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/a/properties/x",
    ]);
  });

  it("classifies PROPERTY_REMOVED_NOT_COVERED… as compatible only under LENIENT", () => {
    const reader = obj({}, { additionalProperties: { type: "object", additionalProperties: false } });
    const writer = obj(
      { a: { type: "object" } },
      { additionalProperties: { type: "object", additionalProperties: false } },
    );
    expect(summary(reader, writer)).toEqual([
      "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/a !",
      "ADDITIONAL_PROPERTIES_REMOVED #/properties/a/additionalProperties !",
    ]);
    expect(summary(reader, writer, "LENIENT")).toEqual([
      "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/a",
      "ADDITIONAL_PROPERTIES_REMOVED #/properties/a/additionalProperties",
    ]);
  });

  it("lets a lenient verdict change which anyOf branch is chosen", () => {
    const writer = obj({});
    const reader = { anyOf: [obj({ a: str() }), { type: "null" }] };
    expect(summary(reader, writer)).toEqual(["TYPE_CHANGED #/ !"]);
    expect(summary(reader, writer, "LENIENT")).toEqual([
      "SUM_TYPE_EXTENDED #/",
      "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/a",
    ]);
  });

  it("does not relax array content models", () => {
    expect(
      summary(arr({ items: [str()] }), arr({ items: [str()], additionalItems: str() }), "LENIENT"),
    ).toEqual(["ADDITIONAL_ITEMS_EXTENDED #/additionalItems"]);
    expect(summary(arr({ items: [str(), str()] }), arr({ items: [str()] }), "LENIENT")).toEqual([
      "ITEM_ADDED_TO_OPEN_CONTENT_MODEL #/items/1 !",
    ]);
  });
});

describe("descriptions and rendering", () => {
  it.each<[string, unknown, unknown, string]>([
    [
      "keyword only in the reader",
      str(),
      str({ maxLength: 1 }),
      "The keyword at path '#/maxLength' in the new schema is not present in the old schema",
    ],
    [
      "reader value larger",
      str({ minLength: 1 }),
      str({ minLength: 2 }),
      "The value at path '#/minLength' in the new schema is more than its value in the old schema",
    ],
    [
      "reader value smaller",
      str({ maxLength: 2 }),
      str({ maxLength: 1 }),
      "The value at path '#/maxLength' in the new schema is less than its value in the old schema",
    ],
    [
      "value differs",
      str({ pattern: "a" }),
      str({ pattern: "b" }),
      "The value at path '#/pattern' is different between the new and old schema",
    ],
    [
      "fewer elements",
      { enum: [1, 2] },
      { enum: [1] },
      "An array or combined type at path '#/enum' has fewer elements in the new schema than the old schema",
    ],
    [
      "more elements",
      { allOf: [str()] },
      { allOf: [str(), { maxLength: 2 }] },
      "An array or combined type at path '#/' has more elements in the new schema than the old schema",
    ],
    [
      "type differs",
      str(),
      { type: "null" },
      "A type at path '#/' is different between the new schema and the old schema",
    ],
    [
      "open content model",
      obj({}),
      obj({ a: str() }),
      "The new schema has an open content model and has a property or item at path '#/properties/a' which is missing in the old schema",
    ],
    [
      "unopen content model",
      closed({}),
      obj({ a: str() }, { additionalProperties: false, required: ["a"] }),
      "The new schema has an unopen content model and has a required property at path '#/properties/a' which is missing in the old schema",
    ],
    [
      "closed content model",
      closed({ a: str() }),
      closed({}),
      "The new schema has a closed content model and is missing a property or item present at path '#/properties/a' in the old schema",
    ],
  ])("%s", (_, writer, reader, description) => {
    expect(findings(reader, writer).find((f) => !f.compatible)?.description).toBe(description);
  });

  it("puts the reader's label first whatever the labels are", () => {
    const [f] = jsonFormat.canRead(parseDoc(str({ maxLength: 1 })), parseDoc(str()), {
      labels: { reader: "old", writer: "new" },
    });
    expect(f?.description).toBe(
      "The keyword at path '#/maxLength' in the old schema is not present in the new schema",
    );
  });

  it("leaves most compatible types undescribed but keeps the registry's sentence where it has one", () => {
    expect(findings(str(), str({ maxLength: 1 }))[0]).toMatchObject({
      errorType: "MAX_LENGTH_REMOVED",
      description: "",
    });
    expect(findings({ anyOf: [str(), { type: "null" }] }, str())[0]?.description).toMatch(
      /has more elements in the new schema/,
    );
  });

  it("renders a message with the registry's closing single quote", () => {
    const [f] = findings({ type: "null" }, str());
    expect(jsonFormat.renderMessage(f!)).toBe(
      `{errorType:"TYPE_CHANGED", description:"A type at path '#/' is different between the new schema and the old schema'}`,
    );
  });

  it("splices property names into paths without escaping", () => {
    expect(findings(obj({ "a/b%s": str({ maxLength: 1 }) }), obj({ "a/b%s": str() }))[0]?.description).toBe(
      "The keyword at path '#/properties/a/b%s/maxLength' in the new schema is not present in the old schema",
    );
  });
});

describe("locations and order", () => {
  const writer =
    '{\n  "type": "object",\n  "properties": {\n    "a": { "type": "string", "maxLength": 9 }\n  }\n}';
  const reader =
    '{\n  "type": "object",\n  "properties": {\n    "a": {\n      "type": "string",\n      "maxLength": 3\n    },\n    "b": { "type": "integer" }\n  },\n  "required": ["b"]\n}';

  it("points at the keyword on each side and at the closest enclosing element where it is missing", () => {
    const all = jsonFormat.canRead(parseDoc(reader), parseDoc(writer), { labels: LABELS });
    expect(all.map((f) => [f.errorType, f.readerLocation, f.writerLocation])).toEqual([
      ["MAX_LENGTH_DECREASED", { line: 6, column: 7 }, { line: 4, column: 30 }],
      ["REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", { line: 8, column: 10 }, { line: 3, column: 3 }],
    ]);
  });

  it("sorts findings by path", () => {
    const paths = findings(
      obj({ z: str({ maxLength: 1 }), a: str({ maxLength: 1 }) }),
      obj({ z: str(), a: str() }),
    ).map((f) => f.path);
    expect(paths).toEqual(["#/properties/a/maxLength", "#/properties/z/maxLength"]);
  });
});
