import { describe, expect, it } from "vitest";
import { jsonFormat } from "../../../src/formats/json/index.js";
import type { ResolvedReference, SchemaIssue } from "../../../src/formats/types.js";

function errorsOf(schema: string, references?: ResolvedReference[]): SchemaIssue[] {
  const r = jsonFormat.parse({ schemaType: "JSON", schema, ...(references ? { references } : {}) });
  if (r.ok) throw new Error("expected the schema to be refused");
  return r.errors;
}

const D4 = "http://json-schema.org/draft-04/schema#";
const D2020 = "https://json-schema.org/draft/2020-12/schema";

describe("broken schemas are refused with located, actionable messages", () => {
  it.each<[string, string, number, number, RegExp]>([
    ["invalid JSON", '{\n  "type": "string",\n}', 3, 1, /invalid JSON: trailing comma/],
    [
      "type is not a string",
      '{\n  "type": 5\n}',
      2,
      11,
      /"type" must be one of "string", .* found 5 \(at #\/type\)/,
    ],
    [
      "unknown type name",
      '{"properties": {"a": {"type": "strin"}}}',
      1,
      31,
      /names an unknown type "strin".*at #\/properties\/a\/type/,
    ],
    ["type listed twice", '{"type": ["string", "string"]}', 1, 10, /lists "string" twice/],
    [
      "required is not an array",
      '{\n  "type": "object",\n  "required": "a"\n}',
      3,
      15,
      /"required" must be an array of strings, found "a"/,
    ],
    ["properties is an array", '{"properties": []}', 1, 16, /"properties" must be an object, found an array/],
    [
      "negative minLength",
      '{"type": "string",\n "minLength": -1}',
      2,
      15,
      /"minLength" must be a non-negative integer, found -1/,
    ],
    [
      "fractional maxItems",
      '{"maxItems": 1.5}',
      1,
      14,
      /"maxItems" must be a non-negative integer, found 1\.5/,
    ],
    ["multipleOf zero", '{"multipleOf": 0}', 1, 16, /"multipleOf" must be a number greater than 0/],
    [
      "invalid pattern",
      '{"type": "string", "pattern": "(a"}',
      1,
      31,
      /"pattern" is not a valid regular expression/,
    ],
    [
      "invalid patternProperties regex",
      '{"patternProperties": {\n  "[a": {}\n}}',
      2,
      3,
      /"\[a" is not a valid regular expression.*at #\/patternProperties\/\[a/,
    ],
    [
      "non-schema in a schema list",
      '{"anyOf": [{"type": "string"}, 5]}',
      1,
      32,
      /must be a schema \(an object or a boolean\), found 5 \(at #\/anyOf\/1\)/,
    ],
    ["empty allOf", '{"allOf": []}', 1, 11, /"allOf" must not be empty/],
    ["not is a string", '{"not": "string"}', 1, 9, /"not" must be a schema/],
    [
      "draft 7 exclusiveMaximum as a flag",
      '{"maximum": 5, "exclusiveMaximum": true}',
      1,
      36,
      /"exclusiveMaximum" must be a number, found true/,
    ],
    [
      "draft 4 boolean subschema",
      `{"$schema": "${D4}", "items": true}`,
      1,
      65,
      /"items" must be a schema \(an object\), found true/,
    ],
    [
      "draft 4 numeric exclusiveMinimum",
      `{"$schema": "${D4}", "minimum": 1, "exclusiveMinimum": 1}`,
      1,
      90,
      /"exclusiveMinimum" must be a boolean/,
    ],
    [
      "draft 2020-12 tuple items",
      `{"$schema": "${D2020}", "items": [{}]}`,
      1,
      70,
      /use prefixItems for tuples/,
    ],
    [
      "dependencies listing a number",
      '{"dependencies": {"a": ["b", 1]}}',
      1,
      18,
      /"a" must list property names/,
    ],
    [
      "unresolvable pointer",
      '{"properties": {\n  "a": {"$ref": "#/definitions/missing"}\n}}',
      2,
      17,
      /cannot resolve \$ref "#\/definitions\/missing": JSON pointer .* not found/,
    ],
    [
      "external document not supplied",
      '{"items": {"$ref": "other.json#/x"}}',
      1,
      20,
      /document "other.json" is not among the references/,
    ],
    ["unknown anchor", '{"items": {"$ref": "#nowhere"}}', 1, 20, /no schema declares the anchor "nowhere"/],
    [
      "reference to a non-schema",
      '{"definitions": {"n": 3}, "$ref": "#/definitions/n"}',
      1,
      23,
      /must be a schema .*found 3 \(at #\/definitions\/n\)/,
    ],
    [
      "reference to an array",
      '{"required": ["a"], "properties": {"a": {"$ref": "#/required"}}}',
      1,
      50,
      /\$ref "#\/required" points to an array, not to a schema/,
    ],
    [
      "a reference that only refers to itself",
      '{"definitions": {"a": {"$ref": "#/definitions/a"}}, "type": "object"}',
      1,
      32,
      /only leads back to itself/,
    ],
    [
      "root is not a schema",
      '"string"',
      1,
      1,
      /a JSON Schema must be an object or a boolean, found "string"/,
    ],
  ])("%s", (_, schema, line, column, message) => {
    const [first] = errorsOf(schema);
    expect(first).toMatchObject({ line, column });
    expect(first?.message).toMatch(message);
  });

  it("reports every problem at once", () => {
    const errors = errorsOf(
      '{\n  "type": "strng",\n  "minLength": -2,\n  "properties": {"a": {"maxLength": "3"}}\n}',
    );
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, 11],
      [3, 16],
      [4, 37],
    ]);
  });

  it("locates problems inside a reference in that reference", () => {
    const errors = errorsOf('{"$ref": "common.json"}', [
      { name: "common.json", schema: '{\n  "type": "object",\n  "minProperties": "1"\n}' },
    ]);
    expect(errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: 20,
        source: "common.json",
        message: expect.stringMatching(/"minProperties" must be a non-negative integer/),
      }),
    ]);
  });

  it("locates invalid JSON in a reference", () => {
    const errors = errorsOf('{"$ref": "common.json"}', [{ name: "common.json", schema: '{"type": }' }]);
    expect(errors).toEqual([
      expect.objectContaining({
        line: 1,
        column: 10,
        source: "common.json",
        message: expect.stringMatching(/invalid JSON in reference "common.json"/),
      }),
    ]);
  });
});

describe("well-formed schemas are accepted", () => {
  it.each([
    ["boolean root", "true"],
    ["unknown keywords", '{"x-extension": {"anything": [1, 2]}, "connect.type": "bytes"}'],
    [
      "draft 4 with id and boolean flags",
      `{"$schema": "${D4}", "id": "a.json", "maximum": 3, "exclusiveMaximum": true}`,
    ],
    [
      "$ref with a JSON pointer into properties",
      '{"properties": {"a": {"type": "string"}, "b": {"$ref": "#/properties/a"}}}',
    ],
    ["unicode-only pattern syntax", '{"pattern": "^\\\\p{L}+$"}'],
    ["legacy-only pattern syntax", '{"pattern": "^[a-z\\\\_]+$"}'],
  ])("%s", (_, schema) => {
    expect(jsonFormat.parse({ schemaType: "JSON", schema }).ok).toBe(true);
  });
});
