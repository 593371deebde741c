// The canonical string: Avro Java's compact rendering, which the registry stores and hashes.

import { describe, expect, it } from "vitest";
import { parse, parseText } from "./helpers.js";

const canonical = (text: string, strict = true) => parseText(text, [], strict).canonical();

describe("Avro canonical string", () => {
  it("drops whitespace and writes standard attributes in Avro's order", () => {
    const text = `{
      "fields": [ { "type": "int", "name": "a" } ],
      "doc": "A record",
      "namespace": "com.acme",
      "name": "R",
      "type": "record"
    }`;
    expect(canonical(text)).toBe(
      '{"type":"record","name":"R","namespace":"com.acme","doc":"A record","fields":[{"name":"a","type":"int"}]}',
    );
  });

  it.each([
    ["a dotted name", '{"type":"record","name":"com.acme.R","fields":[]}'],
    ["a namespace attribute", '{"type":"record","name":"R","namespace":"com.acme","fields":[]}'],
    [
      "a dotted name that overrides the namespace attribute",
      '{"type":"record","name":"com.acme.R","namespace":"x.y","fields":[]}',
    ],
  ])("spells the namespace the same way whether it came from %s", (_how, text) => {
    expect(canonical(text)).toBe('{"type":"record","name":"R","namespace":"com.acme","fields":[]}');
  });

  it("writes a nested type's namespace only where it differs from the enclosing one", () => {
    const text = JSON.stringify({
      type: "record",
      name: "com.acme.R",
      fields: [
        { name: "same", type: { type: "enum", name: "E", symbols: ["A"] } },
        { name: "other", type: { type: "fixed", name: "org.x.F", size: 2 } },
        { name: "none", type: { type: "record", name: "N", namespace: "", fields: [] } },
      ],
    });
    expect(canonical(text)).toBe(
      '{"type":"record","name":"R","namespace":"com.acme","fields":[' +
        '{"name":"same","type":{"type":"enum","name":"E","symbols":["A"]}},' +
        '{"name":"other","type":{"type":"fixed","name":"F","namespace":"org.x","size":2}},' +
        '{"name":"none","type":{"type":"record","name":"N","namespace":"","fields":[]}}]}',
    );
  });

  it('writes {"type":"int"} as "int" but keeps a primitive with properties as an object', () => {
    const text = '{"type":"array","items":{"type":"int"},"x":1}';
    expect(canonical(text)).toBe('{"type":"array","items":"int","x":1}');
    expect(canonical('{"type":"long","logicalType":"timestamp-millis"}')).toBe(
      '{"type":"long","logicalType":"timestamp-millis"}',
    );
  });

  it('drops "order": "ascending" and keeps other orders after the default', () => {
    const text = JSON.stringify({
      type: "record",
      name: "R",
      fields: [
        { name: "a", type: "int", order: "ascending" },
        { order: "DESCENDING", default: 1, name: "b", type: "int" },
      ],
    });
    expect(canonical(text)).toBe(
      '{"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"b","type":"int","default":1,"order":"descending"}]}',
    );
  });

  it("writes field attributes as name, type, doc, default, order, aliases, then custom properties", () => {
    const text = JSON.stringify({
      type: "record",
      name: "R",
      fields: [
        { pii: true, aliases: ["old"], order: "ignore", default: "x", doc: "d", type: "string", name: "s" },
      ],
    });
    expect(canonical(text)).toBe(
      '{"type":"record","name":"R","fields":[{"name":"s","type":"string","doc":"d","default":"x","order":"ignore","aliases":["old"],"pii":true}]}',
    );
  });

  it("writes record properties before aliases, and aliases short within the type's own namespace", () => {
    const text = JSON.stringify({
      aliases: ["Old", "org.x.Older"],
      owner: "team",
      type: "record",
      name: "com.acme.R",
      fields: [],
    });
    expect(canonical(text)).toBe(
      '{"type":"record","name":"R","namespace":"com.acme","fields":[],"owner":"team","aliases":["Old","org.x.Older"]}',
    );
  });

  it("writes enum and fixed attributes in Avro's order", () => {
    const e = JSON.stringify({
      aliases: ["F"],
      default: "B",
      symbols: ["A", "B"],
      color: "red",
      doc: "d",
      name: "E",
      type: "enum",
    });
    expect(canonical(e)).toBe(
      '{"type":"enum","name":"E","doc":"d","symbols":["A","B"],"default":"B","color":"red","aliases":["F"]}',
    );
    const f = JSON.stringify({ aliases: ["G"], logicalType: "duration", size: 12, name: "F", type: "fixed" });
    expect(canonical(f)).toBe(
      '{"type":"fixed","name":"F","size":12,"logicalType":"duration","aliases":["G"]}',
    );
  });

  it("writes a named type in full once and by name afterwards, short within its namespace", () => {
    const text = JSON.stringify({
      type: "record",
      name: "com.acme.R",
      fields: [
        { name: "a", type: { type: "fixed", name: "H", size: 4 } },
        { name: "b", type: "H" },
        { name: "c", type: { type: "record", name: "org.x.S", fields: [{ name: "h", type: "com.acme.H" }] } },
      ],
    });
    expect(canonical(text)).toBe(
      '{"type":"record","name":"R","namespace":"com.acme","fields":[' +
        '{"name":"a","type":{"type":"fixed","name":"H","size":4}},{"name":"b","type":"H"},' +
        '{"name":"c","type":{"type":"record","name":"S","namespace":"org.x","fields":[{"name":"h","type":"com.acme.H"}]}}]}',
    );
  });

  it("writes a reused type full when its short name reads like a type keyword", () => {
    const text = JSON.stringify({
      type: "record",
      name: "com.acme.R",
      fields: [
        { name: "a", type: { type: "fixed", name: "map", size: 1 } },
        { name: "b", type: "com.acme.map" },
      ],
    });
    expect(canonical(text)).toContain('{"name":"b","type":"com.acme.map"}');
  });

  it("writes the root type of a reference as a name", () => {
    const address =
      '{"type":"record","name":"Address","namespace":"com.acme","fields":[{"name":"s","type":"string"}]}';
    const main = '{"type":"record","name":"com.acme.R","fields":[{"name":"home","type":"com.acme.Address"}]}';
    const schema = parseText(main, [
      { name: "com.acme.Address", subject: "address", version: 1, schema: address },
    ]);
    expect(schema.canonical()).toBe(
      '{"type":"record","name":"R","namespace":"com.acme","fields":[{"name":"home","type":"Address"}]}',
    );
  });

  it("writes defaults as compact JSON with Jackson's number spelling and the source key order", () => {
    const text = `{"type":"record","name":"R","fields":[
      {"name":"d","type":"double","default":1.50},
      {"name":"e","type":"double","default":1e3},
      {"name":"l","type":"long","default":12345678901},
      {"name":"m","type":{"type":"map","values":"int"},"default":{"z": 1, "a": 2}},
      {"name":"t","type":"double","default":"NaN"}
    ]}`;
    expect(canonical(text)).toBe(
      '{"type":"record","name":"R","fields":[{"name":"d","type":"double","default":1.5},' +
        '{"name":"e","type":"double","default":1000.0},{"name":"l","type":"long","default":12345678901},' +
        '{"name":"m","type":{"type":"map","values":"int"},"default":{"z":1,"a":2}},' +
        '{"name":"t","type":"double","default":"NaN"}]}',
    );
  });

  it("keeps a repeated property at its first position with its last value, as a Jackson tree does", () => {
    expect(canonical('{"type":"string","a":1,"b":2,"a":3}')).toBe('{"type":"string","a":3,"b":2}');
  });

  it("keeps error records as errors and escapes text as Jackson does", () => {
    const text = JSON.stringify({ type: "error", name: "Oops", doc: 'say "hi"\u0001\n', fields: [] });
    expect(canonical(text)).toBe('{"type":"error","name":"Oops","doc":"say \\"hi\\"\\u0001\\n","fields":[]}');
  });

  it("accepts comments, as Avro's parser does", () => {
    const text = `// an event
    {"type": "record", /* inline */ "name": "R", "fields": []}`;
    expect(canonical(text)).toBe('{"type":"record","name":"R","fields":[]}');
  });

  it("is stable: the canonical string of the canonical string is itself", () => {
    const schema = parse({
      type: "record",
      name: "com.acme.R",
      fields: [
        { name: "a", type: ["null", { type: "enum", name: "org.x.E", symbols: ["A"] }], default: null },
        { name: "b", type: { type: "array", items: "org.x.E" } },
      ],
    });
    const once = schema.canonical();
    expect(parseText(once).canonical()).toBe(once);
  });
});

describe("Avro top-level field names", () => {
  it("lists the root record's fields, and nothing for other roots", () => {
    expect(
      parse({
        type: "record",
        name: "R",
        fields: [
          { name: "a", type: "int" },
          { name: "b", type: "int" },
        ],
      }).topLevelFieldNames(),
    ).toEqual(["a", "b"]);
    expect(parse(["null", "string"]).topLevelFieldNames()).toEqual([]);
  });
});

describe("Avro canonical string with references", () => {
  // Only the references' root types count as already written (inferred from Confluent's code).
  it("writes a type nested inside a reference in full where this schema uses it directly", () => {
    const address = JSON.stringify({
      type: "record",
      name: "com.acme.Address",
      fields: [{ name: "country", type: { type: "enum", name: "Country", symbols: ["FR"] } }],
    });
    const main =
      '{"type":"record","name":"com.acme.R","fields":[{"name":"a","type":"Address"},{"name":"c","type":"Country"}]}';
    const schema = parseText(main, [{ name: "com.acme.Address", schema: address }]);
    expect(schema.canonical()).toBe(
      '{"type":"record","name":"R","namespace":"com.acme","fields":[{"name":"a","type":"Address"},' +
        '{"name":"c","type":{"type":"enum","name":"Country","symbols":["FR"]}}]}',
    );
  });
});
