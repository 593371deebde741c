// Avro identity beyond the canonical string (compatibility.md §5.1).

import { describe, expect, it } from "vitest";
import { avroFormat } from "../../../src/formats/avro/index.js";
import { parse, parseText, type Json } from "./helpers.js";

const base = {
  type: "record",
  name: "com.acme.R",
  doc: "d",
  aliases: ["Old"],
  owner: "team",
  fields: [
    { name: "a", type: "int", default: 1, doc: "x", aliases: ["p", "q"] },
    { name: "e", type: { type: "enum", name: "E", symbols: ["A", "B"], default: "A" } },
    { name: "u", type: ["null", "string"], default: null },
  ],
} satisfies Json;

function variant(change: (s: typeof base) => Json): Json {
  return change(JSON.parse(JSON.stringify(base)) as typeof base);
}

const equivalentTo = (a: Json, b: Json) => avroFormat.equivalent(parse(a), parse(b));

describe("Avro equivalence", () => {
  it("ignores formatting, attribute order and namespace spelling", () => {
    const respelled = `{"namespace":"com.acme","name":"R","type":"record","owner":"team","aliases":["com.acme.Old"],"doc":"d",
      "fields":[{"aliases":["q","p"],"doc":"x","default":1,"type":{"type":"int"},"name":"a"},
      {"name":"e","type":{"type":"enum","name":"com.acme.E","symbols":["A","B"],"default":"A"}},
      {"name":"u","type":["null","string"],"default":null}]}`;
    expect(avroFormat.equivalent(parse(base), parseText(respelled))).toBe(true);
  });

  it("ignores the order of properties and of keys inside defaults", () => {
    const a = {
      type: "record",
      name: "R",
      x: 1,
      y: 2,
      fields: [{ name: "m", type: { type: "map", values: "int" }, default: { a: 1, b: 2 } }],
    };
    const b = {
      type: "record",
      name: "R",
      y: 2,
      x: 1,
      fields: [{ name: "m", type: { type: "map", values: "int" }, default: { b: 2, a: 1 } }],
    };
    expect(equivalentTo(a, b)).toBe(true);
  });

  it.each([
    ["a record doc", variant((s) => ({ ...s, doc: "other" }))],
    [
      "a field doc",
      variant((s) => ({ ...s, fields: [{ ...s.fields[0]!, doc: "y" }, s.fields[1]!, s.fields[2]!] })),
    ],
    ["the record's alias set", variant((s) => ({ ...s, aliases: ["Older"] }))],
    [
      "a field's alias set",
      variant((s) => ({ ...s, fields: [{ ...s.fields[0]!, aliases: ["p"] }, s.fields[1]!, s.fields[2]!] })),
    ],
    [
      "an enum default",
      variant((s) => ({
        ...s,
        fields: [
          s.fields[0]!,
          { name: "e", type: { type: "enum", name: "E", symbols: ["A", "B"], default: "B" } },
          s.fields[2]!,
        ],
      })),
    ],
    [
      "a default value",
      variant((s) => ({ ...s, fields: [{ ...s.fields[0]!, default: 2 }, s.fields[1]!, s.fields[2]!] })),
    ],
    ["a property value", variant((s) => ({ ...s, owner: "other" }))],
    ["the field order", variant((s) => ({ ...s, fields: [s.fields[1]!, s.fields[0]!, s.fields[2]!] }))],
    [
      "the union branch order",
      variant((s) => ({
        ...s,
        fields: [s.fields[0]!, s.fields[1]!, { name: "u", type: ["string", "null"] }],
      })),
    ],
    [
      "the symbol order",
      variant((s) => ({
        ...s,
        fields: [
          s.fields[0]!,
          { name: "e", type: { type: "enum", name: "E", symbols: ["B", "A"], default: "A" } },
          s.fields[2]!,
        ],
      })),
    ],
    [
      "a field's order attribute",
      variant((s) => ({
        ...s,
        fields: [{ ...s.fields[0]!, order: "descending" }, s.fields[1]!, s.fields[2]!],
      })),
    ],
    ["the namespace", variant((s) => ({ ...s, name: "org.x.R" }))],
    [
      "a logical type",
      variant((s) => ({
        ...s,
        fields: [{ ...s.fields[0]!, type: { type: "int", logicalType: "date" } }, s.fields[1]!, s.fields[2]!],
      })),
    ],
  ])("tells schemas apart by %s", (_what, other) => {
    expect(equivalentTo(base, other)).toBe(false);
  });

  it("tells an integral default from a decimal one, as Jackson's node equality does", () => {
    const integral = parseText(
      '{"type":"record","name":"R","fields":[{"name":"d","type":"double","default":1}]}',
    );
    const decimal = parseText(
      '{"type":"record","name":"R","fields":[{"name":"d","type":"double","default":1.0}]}',
    );
    expect(avroFormat.equivalent(integral, decimal)).toBe(false);
  });

  it("treats a double default written 1.5 and 1.50 as the same value", () => {
    const a = { type: "record", name: "R", fields: [{ name: "d", type: "double", default: 1.5 }] };
    const b = parseText(
      '{"type":"record","name":"R","fields":[{"name":"d","type":"double","default":1.50}]}',
    );
    expect(avroFormat.equivalent(parse(a), b)).toBe(true);
  });

  it("terminates on recursive schemas", () => {
    const list = {
      type: "record",
      name: "Node",
      fields: [{ name: "next", type: ["null", "Node"], default: null }],
    };
    expect(equivalentTo(list, list)).toBe(true);
    const other = {
      type: "record",
      name: "Node",
      fields: [{ name: "next", type: ["null", "Node"], default: null, doc: "d" }],
    };
    expect(equivalentTo(list, other)).toBe(false);
  });
});
