// Every rule of Avro's reader/writer check, each evolution checked in both directions:
// BACKWARD = the new schema reads data of the old one, FORWARD = the old schema reads the new one.

import { describe, expect, it } from "vitest";
import { parse, record, summary, type Json } from "./helpers.js";

interface Case {
  name: string;
  old: Json;
  new: Json;
  backward: string[];
  forward: string[];
  strict?: boolean;
}

const fld = (name: string, type: Json, extra: { [key: string]: Json } = {}): Json => ({
  name,
  type,
  ...extra,
});
/** A record with one field "a" of the given type. */
const one = (type: Json, extra: { [key: string]: Json } = {}): Json => record([fld("a", type, extra)]);
const enumOf = (symbols: string[], extra: { [key: string]: Json } = {}): Json => ({
  type: "enum",
  name: "E",
  symbols,
  ...extra,
});
const fixed = (name: string, size: number): Json => ({ type: "fixed", name, size });

const NONE: string[] = [];
const MISMATCH_A = ["TYPE_MISMATCH /fields/0/type"];

const fieldCases: Case[] = [
  {
    name: "field added with a default",
    old: record([fld("a", "int")]),
    new: record([fld("a", "int"), fld("b", "string", { default: "x" })]),
    backward: NONE,
    forward: NONE,
  },
  {
    name: "field added without a default",
    old: record([fld("a", "int")]),
    new: record([fld("a", "int"), fld("b", "string")]),
    backward: ["READER_FIELD_MISSING_DEFAULT_VALUE /fields/1"],
    forward: NONE,
  },
  {
    name: "field removed that had a default",
    old: record([fld("a", "int"), fld("b", "string", { default: "x" })]),
    new: record([fld("a", "int")]),
    backward: NONE,
    forward: NONE,
  },
  {
    name: "field removed that had no default",
    old: record([fld("a", "int"), fld("b", "string")]),
    new: record([fld("a", "int")]),
    backward: NONE,
    forward: ["READER_FIELD_MISSING_DEFAULT_VALUE /fields/1"],
  },
  {
    name: "optional field added with a null default",
    old: record([fld("a", "int")]),
    new: record([fld("a", "int"), fld("b", ["null", "string"], { default: null })]),
    backward: NONE,
    forward: NONE,
  },
  {
    name: "a default's value is not inspected, only its presence",
    old: record([fld("a", "int")]),
    new: record([fld("a", "int"), fld("b", "int", { default: "not a number" })]),
    backward: NONE,
    forward: NONE,
    strict: false,
  },
  {
    name: "fields reordered",
    old: record([fld("a", "int"), fld("b", "string")]),
    new: record([fld("b", "string"), fld("a", "int")]),
    backward: NONE,
    forward: NONE,
  },
  {
    name: "field renamed with the old name as alias",
    old: record([fld("a", "int")]),
    new: record([fld("b", "int", { aliases: ["a"] })]),
    backward: NONE,
    forward: ["READER_FIELD_MISSING_DEFAULT_VALUE /fields/0"],
  },
  {
    name: "field renamed without alias",
    old: record([fld("a", "int")]),
    new: record([fld("b", "int")]),
    backward: ["READER_FIELD_MISSING_DEFAULT_VALUE /fields/0"],
    forward: ["READER_FIELD_MISSING_DEFAULT_VALUE /fields/0"],
  },
  {
    name: "renamed field with alias is still type-checked",
    old: record([fld("a", "int")]),
    new: record([fld("b", "string", { aliases: ["a"] })]),
    backward: MISMATCH_A,
    forward: ["READER_FIELD_MISSING_DEFAULT_VALUE /fields/0"],
  },
  {
    name: "two missing fields reported at their reader positions",
    old: record([fld("a", "int")]),
    new: record([fld("x", "int"), fld("a", "int"), fld("y", "int")]),
    backward: [
      "READER_FIELD_MISSING_DEFAULT_VALUE /fields/0",
      "READER_FIELD_MISSING_DEFAULT_VALUE /fields/2",
    ],
    forward: NONE,
  },
  {
    name: "a field alias repeating its own name makes Avro throw",
    old: record([fld("a", "int")]),
    new: record([fld("a", "int", { aliases: ["a"] })]),
    backward: ["UNEXPECTED_EXCEPTION /"],
    forward: NONE,
  },
  {
    name: "a field matching two writer fields by name and alias makes Avro throw",
    old: record([fld("a", "int"), fld("b", "int")]),
    new: record([fld("a", "int", { aliases: ["b"] }), fld("b", "int")]),
    backward: ["UNEXPECTED_EXCEPTION /"],
    forward: NONE,
  },
  {
    name: "the exception replaces every other finding",
    old: record([fld("a", "int"), fld("b", "int")]),
    new: record([fld("c", "int"), fld("a", "int", { aliases: ["b"] })]),
    backward: ["UNEXPECTED_EXCEPTION /"],
    forward: ["READER_FIELD_MISSING_DEFAULT_VALUE /fields/1"],
  },
  {
    name: "an alias matching nothing is harmless",
    old: record([fld("a", "int")]),
    new: record([fld("a", "int", { aliases: ["zz"] })]),
    backward: NONE,
    forward: NONE,
  },
];

const promotionCases: Case[] = [
  { name: "int promoted to long", old: one("int"), new: one("long"), backward: NONE, forward: MISMATCH_A },
  { name: "int promoted to float", old: one("int"), new: one("float"), backward: NONE, forward: MISMATCH_A },
  {
    name: "int promoted to double",
    old: one("int"),
    new: one("double"),
    backward: NONE,
    forward: MISMATCH_A,
  },
  {
    name: "long promoted to float",
    old: one("long"),
    new: one("float"),
    backward: NONE,
    forward: MISMATCH_A,
  },
  {
    name: "long promoted to double",
    old: one("long"),
    new: one("double"),
    backward: NONE,
    forward: MISMATCH_A,
  },
  {
    name: "float promoted to double",
    old: one("float"),
    new: one("double"),
    backward: NONE,
    forward: MISMATCH_A,
  },
  {
    name: "string and bytes read each other",
    old: one("string"),
    new: one("bytes"),
    backward: NONE,
    forward: NONE,
  },
  { name: "long narrowed to int", old: one("long"), new: one("int"), backward: MISMATCH_A, forward: NONE },
  {
    name: "double narrowed to float",
    old: one("double"),
    new: one("float"),
    backward: MISMATCH_A,
    forward: NONE,
  },
  {
    name: "int changed to string",
    old: one("int"),
    new: one("string"),
    backward: MISMATCH_A,
    forward: MISMATCH_A,
  },
  {
    name: "boolean changed to int",
    old: one("boolean"),
    new: one("int"),
    backward: MISMATCH_A,
    forward: MISMATCH_A,
  },
  {
    name: "null changed to int",
    old: one("null"),
    new: one("int"),
    backward: MISMATCH_A,
    forward: MISMATCH_A,
  },
  {
    name: "string changed to an enum (no enum-from-string promotion)",
    old: one("string"),
    new: one(enumOf(["A"])),
    backward: MISMATCH_A,
    forward: MISMATCH_A,
  },
  {
    name: "bytes changed to fixed",
    old: one("bytes"),
    new: one(fixed("F", 4)),
    backward: MISMATCH_A,
    forward: MISMATCH_A,
  },
  {
    name: "string changed to an array",
    old: one("string"),
    new: one({ type: "array", items: "string" }),
    backward: MISMATCH_A,
    forward: MISMATCH_A,
  },
  {
    name: "array changed to a map",
    old: one({ type: "array", items: "int" }),
    new: one({ type: "map", values: "int" }),
    backward: MISMATCH_A,
    forward: MISMATCH_A,
  },
  {
    name: "array items promoted",
    old: one({ type: "array", items: "int" }),
    new: one({ type: "array", items: "long" }),
    backward: NONE,
    forward: ["TYPE_MISMATCH /fields/0/type/items"],
  },
  {
    name: "map values changed",
    old: one({ type: "map", values: "int" }),
    new: one({ type: "map", values: "string" }),
    backward: ["TYPE_MISMATCH /fields/0/type/values"],
    forward: ["TYPE_MISMATCH /fields/0/type/values"],
  },
  {
    name: "root primitive changed",
    old: "int",
    new: "string",
    backward: ["TYPE_MISMATCH /"],
    forward: ["TYPE_MISMATCH /"],
  },
  { name: "root primitive promoted", old: "int", new: "long", backward: NONE, forward: ["TYPE_MISMATCH /"] },
];

const enumCases: Case[] = [
  {
    name: "enum symbol added",
    old: one(enumOf(["A", "B"])),
    new: one(enumOf(["A", "B", "C"])),
    backward: NONE,
    forward: ["MISSING_ENUM_SYMBOLS /fields/0/type/symbols"],
  },
  {
    name: "enum symbols removed",
    old: one(enumOf(["A", "B", "C"])),
    new: one(enumOf(["A"])),
    backward: ["MISSING_ENUM_SYMBOLS /fields/0/type/symbols"],
    forward: NONE,
  },
  {
    name: "enum symbol added, old enum has a default",
    old: one(enumOf(["A", "B"], { default: "A" })),
    new: one(enumOf(["A", "B", "C"], { default: "A" })),
    backward: NONE,
    forward: NONE,
  },
  {
    name: "enum symbol removed, new enum has a default",
    old: one(enumOf(["A", "B"])),
    new: one(enumOf(["A"], { default: "A" })),
    backward: NONE,
    forward: NONE,
  },
  {
    name: "enum symbols reordered",
    old: one(enumOf(["A", "B", "C"])),
    new: one(enumOf(["C", "A", "B"])),
    backward: NONE,
    forward: NONE,
  },
  {
    name: "enum renamed",
    old: one(enumOf(["A"])),
    new: one({ type: "enum", name: "E2", symbols: ["A"] }),
    backward: ["NAME_MISMATCH /fields/0/type/name"],
    forward: ["NAME_MISMATCH /fields/0/type/name"],
  },
  {
    name: "enum renamed and a symbol removed: both reported",
    old: one(enumOf(["A", "B"])),
    new: one({ type: "enum", name: "E2", symbols: ["A"] }),
    backward: ["NAME_MISMATCH /fields/0/type/name", "MISSING_ENUM_SYMBOLS /fields/0/type/symbols"],
    forward: ["NAME_MISMATCH /fields/0/type/name"],
  },
  {
    name: "root enum symbol removed",
    old: enumOf(["A", "B"]),
    new: enumOf(["A"]),
    backward: ["MISSING_ENUM_SYMBOLS /symbols"],
    forward: NONE,
  },
];

const enumDefaultQuirkCases: Case[] = [
  {
    name: "new field of an enum type with an enum default but no field default",
    old: record([fld("a", "int")]),
    new: record([fld("a", "int"), fld("k", enumOf(["A", "B"], { default: "A" }))]),
    backward: ["TYPE_MISMATCH /fields/1/type"],
    forward: NONE,
  },
  {
    name: "new field of an enum type with both defaults",
    old: record([fld("a", "int")]),
    new: record([fld("a", "int"), fld("k", enumOf(["A", "B"], { default: "A" }), { default: "B" })]),
    backward: NONE,
    forward: NONE,
  },
  {
    name: "new field of a nullable enum with an enum default but no field default",
    old: record([fld("a", "int")]),
    new: record([fld("a", "int"), fld("k", ["null", enumOf(["A"], { default: "A" })])]),
    backward: ["READER_FIELD_MISSING_DEFAULT_VALUE /fields/1"],
    forward: NONE,
  },
  {
    name: "new field of an enum type without any default",
    old: record([fld("a", "int")]),
    new: record([fld("a", "int"), fld("k", enumOf(["A"]))]),
    backward: ["READER_FIELD_MISSING_DEFAULT_VALUE /fields/1"],
    forward: NONE,
  },
];

const fixedCases: Case[] = [
  {
    name: "fixed size changed",
    old: one(fixed("F", 16)),
    new: one(fixed("F", 8)),
    backward: ["FIXED_SIZE_MISMATCH /fields/0/type/size"],
    forward: ["FIXED_SIZE_MISMATCH /fields/0/type/size"],
  },
  {
    name: "fixed renamed",
    old: one(fixed("F", 4)),
    new: one(fixed("G", 4)),
    backward: ["NAME_MISMATCH /fields/0/type/name"],
    forward: ["NAME_MISMATCH /fields/0/type/name"],
  },
  {
    name: "fixed renamed and resized: both reported",
    old: one(fixed("F", 4)),
    new: one(fixed("G", 2)),
    backward: ["NAME_MISMATCH /fields/0/type/name", "FIXED_SIZE_MISMATCH /fields/0/type/size"],
    forward: ["NAME_MISMATCH /fields/0/type/name", "FIXED_SIZE_MISMATCH /fields/0/type/size"],
  },
  {
    name: "fixed moved to another namespace",
    old: one({ type: "fixed", name: "F", namespace: "a", size: 4 }),
    new: one({ type: "fixed", name: "F", namespace: "b", size: 4 }),
    backward: NONE,
    forward: NONE,
  },
  {
    name: "fixed renamed with the old full name as alias",
    old: one(fixed("F", 4)),
    new: one({ type: "fixed", name: "G", size: 4, aliases: ["com.acme.F"] }),
    backward: NONE,
    forward: ["NAME_MISMATCH /fields/0/type/name"],
  },
];

const nameCases: Case[] = [
  {
    name: "root record renamed",
    old: record([fld("a", "int")]),
    new: record([fld("a", "int")], { name: "S" }),
    backward: ["NAME_MISMATCH /name"],
    forward: ["NAME_MISMATCH /name"],
  },
  {
    name: "root record moved to another namespace",
    old: record([fld("a", "int")]),
    new: record([fld("a", "int")], { namespace: "org.other" }),
    backward: NONE,
    forward: NONE,
  },
  {
    name: "root record loses its namespace",
    old: record([fld("a", "int")]),
    new: { type: "record", name: "R", fields: [fld("a", "int")] },
    backward: NONE,
    forward: NONE,
  },
  {
    name: "namespace spelled in the name instead",
    old: record([fld("a", "int")]),
    new: { type: "record", name: "org.x.R", fields: [fld("a", "int")] },
    backward: NONE,
    forward: NONE,
  },
  {
    name: "renamed with a qualified reader alias",
    old: record([fld("a", "int")]),
    new: record([fld("a", "int")], { name: "S", aliases: ["com.acme.R"] }),
    backward: NONE,
    forward: ["NAME_MISMATCH /name"],
  },
  {
    name: "renamed with an unqualified reader alias in the same namespace",
    old: record([fld("a", "int")]),
    new: record([fld("a", "int")], { name: "S", aliases: ["R"] }),
    backward: NONE,
    forward: ["NAME_MISMATCH /name"],
  },
  {
    name: "unqualified alias takes the reader's namespace, which differs",
    old: record([fld("a", "int")]),
    new: record([fld("a", "int")], { name: "S", namespace: "org.x", aliases: ["R"] }),
    backward: ["NAME_MISMATCH /name"],
    forward: ["NAME_MISMATCH /name"],
  },
  {
    name: "writer aliases are never consulted",
    old: record([fld("a", "int")], { aliases: ["S"] }),
    new: record([fld("a", "int")], { name: "S" }),
    backward: ["NAME_MISMATCH /name"],
    forward: NONE,
  },
  {
    name: "a name mismatch does not stop the field check",
    old: record([fld("a", "int")]),
    new: record([fld("a", "string"), fld("b", "int")], { name: "S" }),
    backward: [
      "NAME_MISMATCH /name",
      "TYPE_MISMATCH /fields/0/type",
      "READER_FIELD_MISSING_DEFAULT_VALUE /fields/1",
    ],
    forward: ["NAME_MISMATCH /name", "TYPE_MISMATCH /fields/0/type"],
  },
  {
    name: "nested record moved to another namespace",
    old: one({ type: "record", name: "N", namespace: "a", fields: [fld("x", "int")] }),
    new: one({ type: "record", name: "N", namespace: "b", fields: [fld("x", "int")] }),
    backward: NONE,
    forward: NONE,
  },
  {
    name: "record and error are interchangeable",
    old: record([fld("a", "int")]),
    new: { type: "error", name: "R", namespace: "com.acme", fields: [fld("a", "int")] },
    backward: NONE,
    forward: NONE,
  },
];

const NESTED = { type: "record", name: "N", fields: [fld("x", "int")] };
const NESTED_WIDER = { type: "record", name: "N", fields: [fld("x", "int"), fld("y", "string")] };

const unionCases: Case[] = [
  {
    name: "optional field made required",
    old: one(["null", "string"]),
    new: one("string"),
    backward: ["TYPE_MISMATCH /fields/0/type/0"],
    forward: NONE,
  },
  {
    name: "every writer branch is checked against a non-union reader",
    old: one(["int", "string", "boolean"]),
    new: one("long"),
    backward: ["TYPE_MISMATCH /fields/0/type/1", "TYPE_MISMATCH /fields/0/type/2"],
    forward: ["MISSING_UNION_BRANCH /fields/0/type"],
  },
  {
    name: "required field made optional",
    old: one("string"),
    new: one(["null", "string"], { default: null }),
    backward: NONE,
    forward: ["TYPE_MISMATCH /fields/0/type/0"],
  },
  {
    name: "reader union accepts the writer through a promotion",
    old: one("int"),
    new: one(["null", "long"]),
    backward: NONE,
    forward: ["TYPE_MISMATCH /fields/0/type/0", "TYPE_MISMATCH /fields/0/type/1"],
  },
  {
    name: "reader union without a home for the writer type",
    old: one("boolean"),
    new: one(["null", "string"]),
    backward: ["MISSING_UNION_BRANCH /fields/0/type"],
    forward: ["TYPE_MISMATCH /fields/0/type/0", "TYPE_MISMATCH /fields/0/type/1"],
  },
  {
    name: "union branch added",
    old: one(["null", "string"]),
    new: one(["null", "string", "int"]),
    backward: NONE,
    forward: ["MISSING_UNION_BRANCH /fields/0/type/2"],
  },
  {
    name: "union branch removed",
    old: one(["null", "string", "int"]),
    new: one(["null", "string"]),
    backward: ["MISSING_UNION_BRANCH /fields/0/type/2"],
    forward: NONE,
  },
  {
    name: "union branches reordered",
    old: one(["null", "string", "int"]),
    new: one(["int", "null", "string"]),
    backward: NONE,
    forward: NONE,
  },
  {
    name: "union branch promoted inside the union",
    old: one(["null", "int"]),
    new: one(["null", "long"]),
    backward: NONE,
    forward: ["MISSING_UNION_BRANCH /fields/0/type/1"],
  },
  {
    name: "record branch changed incompatibly: probing details are discarded",
    old: one(["null", NESTED]),
    new: one(["null", NESTED_WIDER]),
    backward: ["MISSING_UNION_BRANCH /fields/0/type/1"],
    forward: NONE,
  },
  {
    name: "union inside an array",
    old: one({ type: "array", items: ["null", "int"] }),
    new: one({ type: "array", items: ["null", "string"] }),
    backward: ["MISSING_UNION_BRANCH /fields/0/type/items/1"],
    forward: ["MISSING_UNION_BRANCH /fields/0/type/items/1"],
  },
  {
    name: "union inside a map made non-optional",
    old: one({ type: "map", values: ["null", "double"] }),
    new: one({ type: "map", values: "double" }),
    backward: ["TYPE_MISMATCH /fields/0/type/values/0"],
    forward: NONE,
  },
  {
    name: "nullable record made required",
    old: one(["null", NESTED]),
    new: one(NESTED),
    backward: ["TYPE_MISMATCH /fields/0/type/0"],
    forward: NONE,
  },
  {
    name: "root union branch removed",
    old: ["null", "int", "string"],
    new: ["null", "int"],
    backward: ["MISSING_UNION_BRANCH /2"],
    forward: NONE,
  },
  {
    name: "root union replaced by one of its branches",
    old: ["int", "string"],
    new: "string",
    backward: ["TYPE_MISMATCH /0"],
    forward: NONE,
  },
];

const nestedCases: Case[] = [
  {
    name: "array of records: nested field added without default",
    old: one({ type: "array", items: NESTED }),
    new: one({ type: "array", items: NESTED_WIDER }),
    backward: ["READER_FIELD_MISSING_DEFAULT_VALUE /fields/0/type/items/fields/1"],
    forward: NONE,
  },
  {
    name: "map of records: nested field type changed",
    old: one({ type: "map", values: NESTED }),
    new: one({ type: "map", values: { type: "record", name: "N", fields: [fld("x", "string")] } }),
    backward: ["TYPE_MISMATCH /fields/0/type/values/fields/0/type"],
    forward: ["TYPE_MISMATCH /fields/0/type/values/fields/0/type"],
  },
  {
    name: "root array of records",
    old: { type: "array", items: NESTED },
    new: { type: "array", items: NESTED_WIDER },
    backward: ["READER_FIELD_MISSING_DEFAULT_VALUE /items/fields/1"],
    forward: NONE,
  },
  {
    name: "deeply nested record promotion",
    old: one({
      type: "record",
      name: "A",
      fields: [fld("b", { type: "record", name: "B", fields: [fld("c", "float")] })],
    }),
    new: one({
      type: "record",
      name: "A",
      fields: [fld("b", { type: "record", name: "B", fields: [fld("c", "double")] })],
    }),
    backward: NONE,
    forward: ["TYPE_MISMATCH /fields/0/type/fields/0/type/fields/0/type"],
  },
];

const listNode = (valueType: Json, extra: Json[] = []): Json => ({
  type: "record",
  name: "Node",
  fields: [fld("value", valueType), fld("next", ["null", "Node"], { default: null }), ...extra],
});
const tree = (valueType: Json): Json => ({
  type: "record",
  name: "Tree",
  fields: [fld("value", valueType), fld("children", { type: "array", items: "Tree" })],
});

const recursiveCases: Case[] = [
  {
    name: "linked list: value promoted",
    old: listNode("int"),
    new: listNode("long"),
    backward: NONE,
    forward: ["TYPE_MISMATCH /fields/0/type"],
  },
  {
    name: "linked list: field added without default is reported once",
    old: listNode("int"),
    new: listNode("int", [fld("tag", "string")]),
    backward: ["READER_FIELD_MISSING_DEFAULT_VALUE /fields/2"],
    forward: NONE,
  },
  {
    name: "linked list: unchanged",
    old: listNode("string"),
    new: listNode("string"),
    backward: NONE,
    forward: NONE,
  },
  {
    name: "tree: value type changed is reported once",
    old: tree("int"),
    new: tree("string"),
    backward: ["TYPE_MISMATCH /fields/0/type"],
    forward: ["TYPE_MISMATCH /fields/0/type"],
  },
  {
    name: "tree: value promoted",
    old: tree("float"),
    new: tree("double"),
    backward: NONE,
    forward: ["TYPE_MISMATCH /fields/0/type"],
  },
  {
    name: "mutually recursive records",
    old: {
      type: "record",
      name: "A",
      fields: [
        fld("b", ["null", { type: "record", name: "B", fields: [fld("a", ["null", "A"]), fld("n", "int")] }]),
      ],
    },
    new: {
      type: "record",
      name: "A",
      fields: [
        fld("b", [
          "null",
          { type: "record", name: "B", fields: [fld("a", ["null", "A"]), fld("n", "long")] },
        ]),
      ],
    },
    backward: NONE,
    forward: ["MISSING_UNION_BRANCH /fields/0/type/1"],
  },
];

const ADDRESS = { type: "record", name: "Address", fields: [fld("street", "string")] };
const ADDRESS_WIDER = {
  type: "record",
  name: "Address",
  fields: [fld("street", "string"), fld("zip", "string")],
};

const sharedCases: Case[] = [
  {
    name: "shared named type changed: its finding repeats at its first path",
    old: record([fld("home", ADDRESS), fld("work", "Address")]),
    new: record([fld("home", ADDRESS_WIDER), fld("work", "Address")]),
    backward: [
      "READER_FIELD_MISSING_DEFAULT_VALUE /fields/0/type/fields/1",
      "READER_FIELD_MISSING_DEFAULT_VALUE /fields/0/type/fields/1",
    ],
    forward: NONE,
  },
  {
    name: "shared named type probed in a union first keeps the probe's path",
    old: record([fld("home", ADDRESS), fld("work", "Address")]),
    new: record([fld("home", ["null", ADDRESS_WIDER]), fld("work", "Address")]),
    backward: ["MISSING_UNION_BRANCH /fields/0/type", "READER_FIELD_MISSING_DEFAULT_VALUE /fields/1"],
    forward: ["TYPE_MISMATCH /fields/0/type/0"],
  },
  {
    name: "shared named type unchanged",
    old: record([fld("home", ADDRESS), fld("work", ["null", "Address"])]),
    new: record([fld("home", ADDRESS), fld("work", ["null", "Address"])]),
    backward: NONE,
    forward: NONE,
  },
];

const ignoredCases: Case[] = [
  {
    name: "logical type added",
    old: one("int"),
    new: one({ type: "int", logicalType: "date" }),
    backward: NONE,
    forward: NONE,
  },
  {
    name: "decimal precision and scale changed",
    old: one({ type: "bytes", logicalType: "decimal", precision: 10, scale: 2 }),
    new: one({ type: "bytes", logicalType: "decimal", precision: 6, scale: 4 }),
    backward: NONE,
    forward: NONE,
  },
  {
    name: "timestamp unit changed",
    old: one({ type: "long", logicalType: "timestamp-millis" }),
    new: one({ type: "long", logicalType: "timestamp-micros" }),
    backward: NONE,
    forward: NONE,
  },
  {
    name: "docs changed",
    old: record([fld("a", "int", { doc: "old" })], { doc: "v1" }),
    new: record([fld("a", "int", { doc: "new" })], { doc: "v2" }),
    backward: NONE,
    forward: NONE,
  },
  {
    name: "field order attribute changed",
    old: record([fld("a", "int")]),
    new: record([fld("a", "int", { order: "descending" })]),
    backward: NONE,
    forward: NONE,
  },
  {
    name: "custom properties changed",
    old: record([fld("a", "int", { pii: true })], { owner: "x" }),
    new: record([fld("a", { type: "int", unit: "ms" })], { owner: "y" }),
    backward: NONE,
    forward: NONE,
  },
  {
    name: "default value changed",
    old: record([fld("a", "int", { default: 1 })]),
    new: record([fld("a", "int", { default: 2 })]),
    backward: NONE,
    forward: NONE,
  },
];

const multipleCases: Case[] = [
  {
    name: "several independent problems are all reported, in reader field order",
    old: record([
      fld("a", "int"),
      fld("b", enumOf(["X", "Y"])),
      fld("c", ["null", "string"]),
      fld("d", fixed("F", 4)),
    ]),
    new: record([
      fld("a", "string"),
      fld("b", enumOf(["X"])),
      fld("c", "string"),
      fld("d", fixed("F", 8)),
      fld("e", "int"),
    ]),
    backward: [
      "TYPE_MISMATCH /fields/0/type",
      "MISSING_ENUM_SYMBOLS /fields/1/type/symbols",
      "TYPE_MISMATCH /fields/2/type/0",
      "FIXED_SIZE_MISMATCH /fields/3/type/size",
      "READER_FIELD_MISSING_DEFAULT_VALUE /fields/4",
    ],
    forward: ["TYPE_MISMATCH /fields/0/type", "FIXED_SIZE_MISMATCH /fields/3/type/size"],
  },
];

const groups: [string, Case[]][] = [
  ["fields", fieldCases],
  ["promotions", promotionCases],
  ["enums", enumCases],
  ["enum default quirk", enumDefaultQuirkCases],
  ["fixed", fixedCases],
  ["names and aliases", nameCases],
  ["unions", unionCases],
  ["nested types", nestedCases],
  ["recursive types", recursiveCases],
  ["shared named types", sharedCases],
  ["what compatibility ignores", ignoredCases],
  ["multiple problems", multipleCases],
];

describe.each(groups)("Avro compatibility: %s", (_group, cases) => {
  it.each(cases)("$name", (c) => {
    const oldSchema = parse(c.old, [], c.strict ?? true);
    const newSchema = parse(c.new, [], c.strict ?? true);
    expect(summary(newSchema, oldSchema), "BACKWARD: new reads old").toEqual(c.backward);
    expect(summary(oldSchema, newSchema), "FORWARD: old reads new").toEqual(c.forward);
  });
});

it("covers at least 80 distinct evolutions", () => {
  expect(groups.reduce((n, [, cases]) => n + cases.length, 0)).toBeGreaterThanOrEqual(80);
});
