// Broken inputs: each problem is reported with the line and column of the offending node and a
// message a person can act on.

import { describe, expect, it } from "vitest";
import { avroFormat } from "../../../src/formats/avro/index.js";
import type { ResolvedReference } from "../../../src/formats/types.js";

interface Broken {
  name: string;
  text: string;
  line: number;
  column: number;
  message: RegExp;
  strict?: boolean;
}

const corpus: Broken[] = [
  {
    name: "JSON syntax error",
    text: `{"type": "record",
 "name": "R"
 "fields": []}`,
    line: 3,
    column: 2,
    message: /expected ',' or '}'/,
  },
  {
    name: "unknown type with a close name",
    text: `{"type": "record", "name": "com.acme.R", "fields": [
  {"name": "a", "type": {"type": "record", "name": "Address", "fields": []}},
  {"name": "b", "type": "com.acme.Adress"}
]}`,
    line: 3,
    column: 25,
    message: /unknown type "com\.acme\.Adress" \(did you mean "com\.acme\.Address"\?\)/,
  },
  {
    name: "named type used before its definition",
    text: `{"type": "record", "name": "R", "fields": [
  {"name": "a", "type": "Later"},
  {"name": "b", "type": {"type": "fixed", "name": "Later", "size": 1}}
]}`,
    line: 2,
    column: 25,
    message: /unknown type "Later".*defined before/,
  },
  {
    name: "named type defined twice",
    text: `{"type": "record", "name": "R", "fields": [
  {"name": "a", "type": {"type": "enum", "name": "E", "symbols": ["A"]}},
  {"name": "b", "type": {"type": "enum", "name": "E", "symbols": ["B"]}}
]}`,
    line: 3,
    column: 50,
    message: /type "E" is already defined \(line 2\)/,
  },
  {
    name: "duplicate field name",
    text: `{"type": "record", "name": "R", "fields": [
  {"name": "a", "type": "int"},
  {"name": "a", "type": "long"}
]}`,
    line: 3,
    column: 3,
    message: /duplicate field "a" in record "R"/,
  },
  {
    name: "duplicate enum symbol",
    text: `{"type": "enum", "name": "E",
 "symbols": ["A", "B", "A"]}`,
    line: 2,
    column: 24,
    message: /duplicate enum symbol "A"/,
  },
  {
    name: "name with a dash (strict)",
    text: `{"type": "record",
 "name": "my-record", "fields": []}`,
    line: 2,
    column: 10,
    message: /invalid record name "my-record"/,
  },
  {
    name: "non-ASCII field name (strict)",
    text: `{"type": "record", "name": "R", "fields": [
  {"name": "größe", "type": "int"}]}`,
    line: 2,
    column: 12,
    message: /invalid field name "größe"/,
  },
  {
    name: "namespace with a part starting with a digit (strict)",
    text: `{"type": "record", "name": "R",
 "namespace": "com.1acme", "fields": []}`,
    line: 2,
    column: 15,
    message: /invalid namespace "com\.1acme"/,
  },
  {
    name: "union directly inside a union",
    text: `["null",
  ["int", "string"]]`,
    line: 2,
    column: 3,
    message: /may not directly contain another union/,
  },
  {
    name: "union with two arrays",
    text: `[{"type": "array", "items": "int"},
 {"type": "array", "items": "string"}]`,
    line: 2,
    column: 2,
    message: /union contains "array" twice/,
  },
  {
    name: "default that is not an int",
    text: `{"type": "record", "name": "R", "fields": [
  {"name": "amount", "type": "int", "default": "abc"}]}`,
    line: 2,
    column: 48,
    message: /field "amount": default "abc" is not a valid int/,
  },
  {
    name: "union default that matches only the second branch",
    text: `{"type": "record", "name": "R", "fields": [
  {"name": "u", "type": ["null", "string"], "default": "x"}]}`,
    line: 2,
    column: 56,
    message: /field "u": default "x" does not match the union's first branch \(null\)/,
  },
  {
    name: "record default lacking a field",
    text: `{"type": "record", "name": "R", "fields": [
  {"name": "p", "type": {"type": "record", "name": "P", "fields": [{"name": "x", "type": "int"}]},
   "default": {}}]}`,
    line: 3,
    column: 15,
    message: /lacks "x", which has no default/,
  },
  {
    name: "enum default outside the symbols",
    text: `{"type": "enum", "name": "E", "symbols": ["A", "B"],
 "default": "C"}`,
    line: 2,
    column: 13,
    message: /enum default "C" is not one of the symbols \[A, B\]/,
  },
  {
    name: "record without fields",
    text: `{"type": "record",
 "name": "R"}`,
    line: 1,
    column: 1,
    message: /record "R" has no "fields" array/,
  },
  {
    name: "fixed without a usable size",
    text: `{"type": "fixed", "name": "F",
 "size": 1.5}`,
    line: 2,
    column: 10,
    message: /needs a "size" that is a non-negative integer/,
  },
  {
    name: "unknown field order",
    text: `{"type": "record", "name": "R", "fields": [
  {"name": "a", "type": "int", "order": "up"}]}`,
    line: 2,
    column: 41,
    message: /"order" must be "ascending", "descending" or "ignore"/,
  },
  {
    name: "named type called like a primitive",
    text: `{"type": "fixed",
 "name": "int", "size": 4}`,
    line: 2,
    column: 10,
    message: /may not be called "int"/,
  },
  {
    name: "field without type",
    text: `{"type": "record", "name": "R", "fields": [
  {"name": "a"}]}`,
    line: 2,
    column: 3,
    message: /field "a" has no "type"/,
  },
  {
    name: "array without items",
    text: `{"type": "record", "name": "R", "fields": [
  {"name": "a", "type": {"type": "array"}}]}`,
    line: 2,
    column: 25,
    message: /array has no "items" type/,
  },
  {
    name: "a number where a schema is expected",
    text: `{"type": "record", "name": "R", "fields": [
  {"name": "a", "type": 42}]}`,
    line: 2,
    column: 25,
    message: /a schema must be a type name, an object or an array \(union\), found a number/,
  },
];

describe("Avro parse errors", () => {
  it.each(corpus)("$name", ({ text, line, column, message, strict }) => {
    const result = avroFormat.parse({ schema: text }, { strict: strict ?? true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ line, column });
    expect(result.errors[0]!.message).toMatch(message);
  });

  it("reports every independent problem at once, in text order", () => {
    const text = `{"type": "record", "name": "R", "fields": [
  {"name": "a", "type": "Missing"},
  {"name": "b", "type": "int", "default": "x"},
  {"name": "b", "type": "int"}
]}`;
    const result = avroFormat.parse({ schema: text });
    expect(result.ok ? [] : result.errors.map((e) => e.line)).toEqual([2, 3, 4]);
  });

  it("names the reference an error comes from", () => {
    const references: ResolvedReference[] = [
      { name: "com.acme.Address", schema: '{"type": "record", "name": "com.acme.Address"}' },
    ];
    const result = avroFormat.parse({ schema: '"com.acme.Address"', references });
    expect(result).toMatchObject({ ok: false, errors: [{ source: "com.acme.Address", line: 1, column: 1 }] });
  });

  it("resolves names from references parsed depth-first, each once", () => {
    const country = {
      name: "com.acme.Country",
      schema: '{"type": "enum", "name": "com.acme.Country", "symbols": ["FR"]}',
    };
    const address = {
      name: "com.acme.Address",
      schema: '{"type": "record", "name": "com.acme.Address", "fields": [{"name": "c", "type": "Country"}]}',
      references: [country],
    };
    const main =
      '{"type": "record", "name": "com.acme.R", "fields": [{"name": "a", "type": "Address"}, {"name": "c", "type": "Country"}]}';
    const result = avroFormat.parse({ schema: main, references: [address, country] });
    expect(result.ok).toBe(true);
  });

  describe("lenient parsing of stored schemas", () => {
    it("does not validate defaults", () => {
      const text =
        '{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int", "default": "abc"}]}';
      expect(avroFormat.parse({ schema: text }, { strict: false }).ok).toBe(true);
    });

    it("accepts Unicode names and does not check namespaces", () => {
      const text =
        '{"type": "record", "name": "Größe", "namespace": "1.x", "fields": [{"name": "größe", "type": "int"}]}';
      expect(avroFormat.parse({ schema: text }, { strict: false }).ok).toBe(true);
    });

    it("still rejects names with punctuation", () => {
      const text = '{"type": "record", "name": "a-b", "fields": []}';
      expect(avroFormat.parse({ schema: text }, { strict: false })).toMatchObject({
        ok: false,
        errors: [{ line: 1, column: 28 }],
      });
    });
  });
});
