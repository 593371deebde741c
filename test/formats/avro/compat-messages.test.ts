// What each finding says: Confluent's descriptions with labels, Avro's additionalInfo, the
// registry's rendering, source locations, quirk tags and references.

import { describe, expect, it } from "vitest";
import { avroFormat } from "../../../src/formats/avro/index.js";
import { renderPath } from "../../../src/formats/avro/findings.js";
import { findings, parse, parseText, record, type Json } from "./helpers.js";

const fld = (name: string, type: Json, extra: { [key: string]: Json } = {}): Json => ({
  name,
  type,
  ...extra,
});

function only(reader: Json, writer: Json, labels = { reader: "new", writer: "old" }) {
  const result = findings(parse(reader), parse(writer), labels);
  expect(result).toHaveLength(1);
  return result[0]!;
}

describe("Avro finding wording", () => {
  it.each([
    {
      type: "READER_FIELD_MISSING_DEFAULT_VALUE",
      reader: record([fld("f1", "int"), fld("f2", "int")]),
      writer: record([fld("f1", "int")]),
      description:
        "The field 'f2' at path '/fields/1' in the new schema has no default value and is missing in the old schema",
      info: "f2",
    },
    {
      type: "TYPE_MISMATCH",
      reader: record([fld("a", "string")]),
      writer: record([fld("a", "double")]),
      description:
        "The type (path '/fields/0/type') of a field in the new schema does not match with the old schema",
      info: "reader type: STRING not compatible with writer type: DOUBLE",
    },
    {
      type: "NAME_MISMATCH",
      reader: record([fld("a", "int")], { name: "S" }),
      writer: record([fld("a", "int")]),
      description: "The name of the schema has changed (path '/name')",
      info: "expected: com.acme.R",
    },
    {
      type: "MISSING_ENUM_SYMBOLS",
      reader: record([fld("e", { type: "enum", name: "E", symbols: ["A"] })]),
      writer: record([fld("e", { type: "enum", name: "E", symbols: ["C", "A", "B"] })]),
      description:
        "The new schema is missing enum symbols '[B, C]' at path '/fields/0/type/symbols' in the old schema",
      info: "[B, C]",
    },
    {
      type: "FIXED_SIZE_MISMATCH",
      reader: record([fld("h", { type: "fixed", name: "H", size: 8 })]),
      writer: record([fld("h", { type: "fixed", name: "H", size: 16 })]),
      description:
        "The size of FIXED type field at path '/fields/0/type/size' in the new schema does not match with the old schema",
      info: "expected: 16, found: 8",
    },
    {
      type: "MISSING_UNION_BRANCH",
      reader: record([fld("u", ["null", "string"])]),
      writer: record([fld("u", ["null", "string", { type: "record", name: "N", fields: [] }])]),
      description:
        "The new schema is missing a type inside a union field at path '/fields/0/type/2' in the old schema",
      info: "reader union lacking writer type: RECORD",
    },
  ])("$type: description and additionalInfo", ({ type, reader, writer, description, info }) => {
    const f = only(reader, writer);
    expect(f).toMatchObject({ errorType: type, compatible: false, description, additionalInfo: info });
    expect(avroFormat.renderMessage(f)).toBe(
      `{errorType:'${type}', description:'${description}', additionalInfo:'${info}'}`,
    );
  });

  it("fills the labels reader first, so a FORWARD check talks about the old schema reading the new", () => {
    const f = only(record([fld("a", "int"), fld("b", "int")]), record([fld("a", "int")]), {
      reader: "old",
      writer: "new",
    });
    expect(f.description).toBe(
      "The field 'b' at path '/fields/1' in the old schema has no default value and is missing in the new schema",
    );
  });

  it("names a non-union writer that finds no reader branch", () => {
    const f = only(record([fld("u", ["null", "string"])]), record([fld("u", "boolean")]));
    expect(f).toMatchObject({
      path: "/fields/0/type",
      additionalInfo: "reader union lacking writer type: BOOLEAN",
    });
  });

  it("reports the enum-default shortcut as a TYPE_MISMATCH against the writer record, tagged as a quirk", () => {
    const reader = record([
      fld("a", "int"),
      fld("k", { type: "enum", name: "K", symbols: ["A"], default: "A" }),
    ]);
    const f = only(reader, record([fld("a", "int")]));
    expect(f).toMatchObject({
      errorType: "TYPE_MISMATCH",
      path: "/fields/1/type",
      additionalInfo: "reader type: ENUM not compatible with writer type: RECORD",
    });
    expect(f.quirk).toMatch(/enum/);
  });

  it("does not tag an ordinary enum-versus-record mismatch as the quirk", () => {
    const f = only(
      record([fld("k", { type: "enum", name: "K", symbols: ["A"], default: "A" })]),
      record([fld("k", { type: "record", name: "K", fields: [] })]),
    );
    expect(f.errorType).toBe("TYPE_MISMATCH");
    expect(f.quirk).toBeUndefined();
  });

  it("turns an ambiguous reader field into the registry's single exception message", () => {
    const writer = record([fld("a", "int"), fld("b", "long")]);
    const f = only(record([fld("b", "long", { aliases: ["a"] })]), writer);
    expect(f.errorType).toBe("UNEXPECTED_EXCEPTION");
    expect(f.description).toBe(
      "Unexpected exception during compatibility check: Reader record field b type:LONG pos:0 matches multiple " +
        'fields in writer record schema {"type":"record","name":"R","namespace":"com.acme","fields":' +
        '[{"name":"a","type":"int"},{"name":"b","type":"long"}]}',
    );
    expect(avroFormat.renderMessage(f)).toBe(f.description);
    expect(f.quirk).toBeDefined();
  });
});

describe("Avro finding locations", () => {
  const writerText = `{
  "type": "record", "name": "R",
  "fields": [
    {"name": "a", "type": "int"},
    {"name": "u", "type": ["null", "string", "long"]}
  ]
}`;
  const readerText = `{
  "type": "record", "name": "R",
  "fields": [
    {"name": "a", "type": "string"},
    {"name": "u", "type": ["null", "string"]},
    {"name": "extra", "type": "int"}
  ]
}`;
  const result = findings(parseText(readerText), parseText(writerText));

  it("points at both types of a mismatch", () => {
    expect(result[0]).toMatchObject({
      errorType: "TYPE_MISMATCH",
      readerLocation: { line: 4, column: 27 },
      writerLocation: { line: 4, column: 27 },
    });
  });

  it("points at the reader union and the writer branch that found no home", () => {
    expect(result[1]).toMatchObject({
      errorType: "MISSING_UNION_BRANCH",
      path: "/fields/1/type/2",
      readerLocation: { line: 5, column: 27 },
      writerLocation: { line: 5, column: 46 },
    });
  });

  it("points at the reader field that lacks a default", () => {
    expect(result[2]).toMatchObject({
      errorType: "READER_FIELD_MISSING_DEFAULT_VALUE",
      readerLocation: { line: 6, column: 5 },
      writerLocation: { line: 1, column: 1 },
    });
  });
});

describe("Avro compatibility across references", () => {
  const addressV1 = JSON.stringify({
    type: "record",
    name: "Address",
    namespace: "com.acme",
    fields: [fld("street", "string")],
  });
  const addressV2 = JSON.stringify({
    type: "record",
    name: "Address",
    namespace: "com.acme",
    fields: [fld("street", "string"), fld("zip", "string")],
  });
  const main = record([fld("home", "com.acme.Address")]);

  it("checks the referenced type and locates the finding in the reference", () => {
    const oldSchema = parse(main, [
      { name: "com.acme.Address", subject: "address", version: 1, schema: addressV1 },
    ]);
    const newSchema = parse(main, [
      { name: "com.acme.Address", subject: "address", version: 2, schema: addressV2 },
    ]);
    const [f, ...rest] = findings(newSchema, oldSchema);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      errorType: "READER_FIELD_MISSING_DEFAULT_VALUE",
      path: "/fields/0/type/fields/1",
      readerLocation: { source: "com.acme.Address" },
    });
    expect(findings(oldSchema, newSchema)).toEqual([]);
  });
});

describe("Avro paths", () => {
  it("renders the root as / and escapes JSON pointer tokens", () => {
    const root = { token: "", parent: null };
    expect(renderPath(root)).toBe("/");
    const nested = { token: "a~b/c", parent: { token: "fields", parent: root } };
    expect(renderPath(nested)).toBe("/fields/a~0b~1c");
  });
});
