// normalize=true: Confluent's sorted rewrite, parsed again and rendered canonically.

import { describe, expect, it } from "vitest";
import { parse, parseText } from "./helpers.js";

const normalized = (text: string) => parseText(text).normalized();

describe("Avro normalized string", () => {
  it("sorts custom properties of records, fields and types", () => {
    const text = JSON.stringify({
      type: "record",
      name: "R",
      zeta: 1,
      alpha: 2,
      fields: [{ name: "a", type: { type: "string", y: 1, b: 2 }, z: true, c: false }],
    });
    expect(normalized(text)).toBe(
      '{"type":"record","name":"R","fields":[{"name":"a","type":{"type":"string","b":2,"y":1},"c":false,"z":true}],"alpha":2,"zeta":1}',
    );
  });

  it("sorts aliases of named types and fields", () => {
    const text = JSON.stringify({
      type: "record",
      name: "R",
      aliases: ["Zed", "Abe"],
      fields: [{ name: "a", type: "int", aliases: ["z", "b"] }],
    });
    expect(normalized(text)).toBe(
      '{"type":"record","name":"R","fields":[{"name":"a","type":"int","aliases":["b","z"]}],"aliases":["Abe","Zed"]}',
    );
  });

  it("sorts keys inside defaults and inside property values", () => {
    const text = JSON.stringify({
      type: "record",
      name: "R",
      meta: { z: 1, a: { y: 2, b: 3 } },
      fields: [{ name: "m", type: { type: "map", values: "int" }, default: { z: 1, a: 2 } }],
    });
    expect(normalized(text)).toBe(
      '{"type":"record","name":"R","fields":[{"name":"m","type":{"type":"map","values":"int"},"default":{"a":2,"z":1}}],"meta":{"a":{"b":3,"y":2},"z":1}}',
    );
  });

  it("drops an empty named-type doc but keeps an empty field doc", () => {
    const text = JSON.stringify({
      type: "record",
      name: "R",
      doc: "",
      fields: [{ name: "a", type: "int", doc: "" }],
    });
    expect(normalized(text)).toBe(
      '{"type":"record","name":"R","fields":[{"name":"a","type":"int","doc":""}]}',
    );
  });

  it("never reorders fields, symbols or union branches", () => {
    const text = JSON.stringify({
      type: "record",
      name: "R",
      fields: [
        { name: "z", type: ["string", "null"] },
        { name: "a", type: { type: "enum", name: "E", symbols: ["Y", "X"] } },
      ],
    });
    expect(normalized(text)).toBe(parseText(text).canonical());
  });

  it("puts a valid logical type's attributes first and sorts the rest", () => {
    const text = '{"type":"bytes","zz":1,"scale":2,"aa":0,"precision":10,"logicalType":"decimal"}';
    expect(normalized(text)).toBe(
      '{"type":"bytes","logicalType":"decimal","precision":10,"scale":2,"aa":0,"zz":1}',
    );
  });

  it("sorts the attributes of an invalid logical type like any property", () => {
    expect(normalized('{"type":"string","logicalType":"date","a":1}')).toBe(
      '{"type":"string","a":1,"logicalType":"date"}',
    );
    expect(normalized('{"type":"int","logicalType":"date","a":1}')).toBe(
      '{"type":"int","logicalType":"date","a":1}',
    );
  });

  it("converts defaults through the field type, as Avro's JacksonUtils does", () => {
    const text = JSON.stringify({
      type: "record",
      name: "R",
      fields: [
        { name: "d", type: "double", default: 1 },
        { name: "f", type: "float", default: 0.1 },
        { name: "u", type: ["null", "int"], default: null },
      ],
    });
    expect(normalized(text)).toBe(
      '{"type":"record","name":"R","fields":[{"name":"d","type":"double","default":1.0},{"name":"f","type":"float","default":0.1},{"name":"u","type":["null","int"],"default":null}]}',
    );
  });

  it("writes error records as records", () => {
    expect(normalized('{"type":"error","name":"Oops","fields":[]}')).toBe(
      '{"type":"record","name":"Oops","fields":[]}',
    );
  });

  it("keeps referenced types as names", () => {
    const address = '{"type":"record","name":"Address","namespace":"com.acme","fields":[]}';
    const schema = parseText(
      '{"type":"record","name":"com.acme.R","fields":[{"name":"a","type":"Address"}]}',
      [{ name: "com.acme.Address", schema: address }],
    );
    expect(schema.normalized()).toBe(
      '{"type":"record","name":"R","namespace":"com.acme","fields":[{"name":"a","type":"Address"}]}',
    );
  });

  it("is idempotent", () => {
    const schema = parse({
      type: "record",
      name: "com.acme.R",
      b: 1,
      a: 2,
      fields: [
        { name: "x", type: { type: "enum", name: "E", symbols: ["A"], default: "A", aliases: ["Z", "Y"] } },
      ],
    });
    const once = schema.normalized();
    expect(parseText(once).normalized()).toBe(once);
  });
});
