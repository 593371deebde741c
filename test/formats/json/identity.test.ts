import { describe, expect, it } from "vitest";
import { jsonFormat } from "../../../src/formats/json/index.js";

function parse(schema: string) {
  const r = jsonFormat.parse({ schemaType: "JSON", schema });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.schema;
}

describe("canonical and normalized forms", () => {
  it("drops whitespace but keeps key order and number lexemes", () => {
    const doc = parse('{\n  "type": "number",\n  "maximum": 1.0,\n  "minimum": 1e2\n}');
    expect(doc.canonical()).toBe('{"type":"number","maximum":1.0,"minimum":1e2}');
  });

  it("never lets whitespace matter", () => {
    expect(jsonFormat.equivalent(parse('{"type":"string"}'), parse(' {\n\t"type" :  "string"\n}\n'))).toBe(
      true,
    );
  });

  it("treats key order as a difference unless normalized", () => {
    const a = parse('{"type":"string","title":"t"}');
    const b = parse('{"title":"t","type":"string"}');
    expect(jsonFormat.equivalent(a, b)).toBe(false);
    expect(a.normalized()).toBe(b.normalized());
    expect(a.normalized()).toBe('{"title":"t","type":"string"}');
  });

  it("keeps 1.0 and 1 apart, normalized or not", () => {
    const a = parse('{"maximum":1.0}');
    const b = parse('{"maximum":1}');
    expect(jsonFormat.equivalent(a, b)).toBe(false);
    expect(a.normalized()).not.toBe(b.normalized());
  });

  it("sorts nested keys but keeps array order when normalizing", () => {
    const doc = parse('{"required":["b","a"],"properties":{"b":{"type":"string"},"a":{"type":"integer"}}}');
    expect(doc.normalized()).toBe(
      '{"properties":{"a":{"type":"integer"},"b":{"type":"string"}},"required":["b","a"]}',
    );
  });

  it("lists top-level property names in source order", () => {
    expect(parse('{"properties":{"b":{},"a":{}}}').topLevelFieldNames()).toEqual(["b", "a"]);
    expect(parse("true").topLevelFieldNames()).toEqual([]);
  });
});

describe("dependencies", () => {
  it.each([
    [
      "external documents before #, as written",
      '{"properties":{"a":{"$ref":"a.json#/x"},"b":{"$ref":"b.json"}}}',
      ["a.json", "b.json"],
    ],
    [
      "fragment-only references are not dependencies",
      '{"$ref":"#/definitions/x","definitions":{"x":{}}}',
      [],
    ],
    ["each document once", '{"anyOf":[{"$ref":"a.json"},{"$ref":"a.json#/y"}]}', ["a.json"]],
    [
      "references to the document's own $id are skipped",
      '{"$id":"http://x.org/root.json","items":{"$ref":"root.json#/definitions/a"}}',
      [],
    ],
    [
      "references to an embedded resource are skipped",
      '{"definitions":{"a":{"$id":"inner.json"}},"items":{"$ref":"inner.json"}}',
      [],
    ],
    [
      "values of enum, const and default are not searched",
      '{"enum":[{"$ref":"no.json"}],"default":{"$ref":"no.json"}}',
      [],
    ],
  ])("%s", (_, text, names) => {
    expect(jsonFormat.dependencies(text)).toEqual({ ok: true, names });
  });

  it("reports invalid JSON with its location", () => {
    const r = jsonFormat.dependencies('{\n  "$ref": }');
    expect(r).toMatchObject({ ok: false, errors: [{ line: 2, column: 11 }] });
  });
});
