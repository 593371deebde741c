import { describe, expect, it } from "vitest";
import { differences, findings, proto2, proto3 } from "./helpers.js";

interface Case {
  name: string;
  writer: string;
  reader: string;
  expected: string[];
  compatible: boolean;
}

/** Each case reads "reader can read data written by writer" (BACKWARD: reader = new, writer = old). */
const cases: Case[] = [
  // --- fields on one side only, renames ---------------------------------------------------------
  {
    name: "identical schemas",
    writer: proto3("message A { string a = 1; }"),
    reader: proto3("message A { string a = 1; }"),
    expected: [],
    compatible: true,
  },
  {
    name: "field added",
    writer: proto3("message A { string a = 1; }"),
    reader: proto3("message A { string a = 1; int32 b = 2; }"),
    expected: ["FIELD_ADDED #/A/2"],
    compatible: true,
  },
  {
    name: "field removed",
    writer: proto3("message A { string a = 1; int32 b = 2; }"),
    reader: proto3("message A { string a = 1; }"),
    expected: ["FIELD_REMOVED #/A/2"],
    compatible: true,
  },
  {
    name: "field renamed (same tag)",
    writer: proto3("message A { string a = 1; }"),
    reader: proto3("message A { string title = 1; }"),
    expected: ["FIELD_NAME_CHANGED #/A/1"],
    compatible: true,
  },
  {
    name: "field renumbered reads as removed + added",
    writer: proto3("message A { int32 a = 1; }"),
    reader: proto3("message A { int32 a = 2; }"),
    expected: ["FIELD_REMOVED #/A/1", "FIELD_ADDED #/A/2"],
    compatible: true,
  },
  // --- messages ---------------------------------------------------------------------------------
  {
    name: "message added",
    writer: proto3("message A {}"),
    reader: proto3("message A {} message B {}"),
    expected: ["MESSAGE_ADDED #/B"],
    compatible: true,
  },
  {
    name: "message removed",
    writer: proto3("message A {} message B {}"),
    reader: proto3("message A {}"),
    expected: ["MESSAGE_REMOVED #/B"],
    compatible: false,
  },
  {
    name: "message renamed reads as removed + added",
    writer: proto3("message A {} message Person {}"),
    reader: proto3("message A {} message Customer {}"),
    // Names are visited in Java HashSet order, as the registry does.
    expected: ["MESSAGE_ADDED #/Customer", "MESSAGE_REMOVED #/Person"],
    compatible: false,
  },
  {
    name: "message renamed, the other direction",
    writer: proto3("message A {} message Customer {}"),
    reader: proto3("message A {} message Person {}"),
    expected: ["MESSAGE_REMOVED #/Customer", "MESSAGE_ADDED #/Person"],
    compatible: false,
  },
  {
    name: "messages reordered",
    writer: proto3("message A {} message B {}"),
    reader: proto3("message B {} message A {}"),
    expected: ["MESSAGE_MOVED #/A", "MESSAGE_MOVED #/B"],
    compatible: true,
  },
  {
    name: "nested messages reordered",
    writer: proto3("message A { message X {} message Y {} }"),
    reader: proto3("message A { message Y {} message X {} }"),
    expected: ["MESSAGE_MOVED #/A/X", "MESSAGE_MOVED #/A/Y"],
    compatible: true,
  },
  {
    name: "an enum between messages does not shift message indexes",
    writer: proto3("message A {} message B {}"),
    reader: proto3("message A {} enum E { Z = 0; } message B {}"),
    expected: ["ENUM_ADDED #/E"],
    compatible: true,
  },
  {
    name: "nested message removed",
    writer: proto3("message A { message N { int32 x = 1; } }"),
    reader: proto3("message A {}"),
    expected: ["MESSAGE_REMOVED #/A/N"],
    compatible: false,
  },
  {
    name: "nested message field changed",
    writer: proto3("message A { message N { int32 x = 1; } }"),
    reader: proto3("message A { message N { double x = 1; } }"),
    expected: ["FIELD_SCALAR_KIND_CHANGED #/A/N/1"],
    compatible: false,
  },
  // --- enums ------------------------------------------------------------------------------------
  {
    name: "enum added",
    writer: proto3("message A {}"),
    reader: proto3("message A {} enum E { E_UNKNOWN = 0; }"),
    expected: ["ENUM_ADDED #/E"],
    compatible: true,
  },
  {
    name: "enum removed",
    writer: proto3("message A {} enum E { E_UNKNOWN = 0; }"),
    reader: proto3("message A {}"),
    expected: ["ENUM_REMOVED #/E"],
    compatible: true,
  },
  {
    name: "enum constant added",
    writer: proto3("enum E { Z = 0; ONE = 1; }"),
    reader: proto3("enum E { Z = 0; ONE = 1; TWO = 2; }"),
    expected: ["ENUM_CONST_ADDED #/E/2"],
    compatible: true,
  },
  {
    name: "enum constant removed",
    writer: proto3("enum E { Z = 0; ONE = 1; TWO = 2; }"),
    reader: proto3("enum E { Z = 0; ONE = 1; }"),
    expected: ["ENUM_CONST_REMOVED #/E/2"],
    compatible: true,
  },
  {
    name: "enum constant renamed",
    writer: proto3("message A { enum E { Z = 0; ONE = 1; } }"),
    reader: proto3("message A { enum E { Z = 0; UNO = 1; } }"),
    expected: ["ENUM_CONST_CHANGED #/A/E/1"],
    compatible: true,
  },
  {
    name: "enum constants reordered without renumbering",
    writer: proto3("enum E { Z = 0; ONE = 1; TWO = 2; }"),
    reader: proto3("enum E { Z = 0; TWO = 2; ONE = 1; }"),
    expected: [],
    compatible: true,
  },
  // --- package ----------------------------------------------------------------------------------
  {
    name: "package changed",
    writer: proto3("message A {}", "acme.v1"),
    reader: proto3("message A {}", "acme.v2"),
    expected: ["PACKAGE_CHANGED #/"],
    compatible: false,
  },
  {
    name: "package added where there was none",
    writer: 'syntax = "proto3";\nmessage A {}\n',
    reader: proto3("message A {}"),
    expected: ["PACKAGE_CHANGED #/"],
    compatible: false,
  },
  // --- kinds and wire groups --------------------------------------------------------------------
  {
    name: "scalar becomes message",
    writer: proto3("message A { string b = 1; } message B {}"),
    reader: proto3("message A { B b = 1; } message B {}"),
    expected: ["FIELD_KIND_CHANGED #/A/1"],
    compatible: false,
  },
  {
    name: "scalar becomes map",
    writer: proto3("message A { string b = 1; }"),
    reader: proto3("message A { map<string, string> b = 1; }"),
    expected: ["FIELD_KIND_CHANGED #/A/1"],
    compatible: false,
  },
  {
    name: "message becomes enum (enums are scalars)",
    writer: proto3("message A { B b = 1; } message B {} enum E { Z = 0; }"),
    reader: proto3("message A { E b = 1; } message B {} enum E { Z = 0; }"),
    expected: ["FIELD_KIND_CHANGED #/A/1"],
    compatible: false,
  },
  ...(
    [
      ["int32", "int64", true],
      ["uint32", "uint64", true],
      ["int64", "bool", true],
      ["sint32", "sint64", true],
      ["string", "bytes", true],
      ["fixed32", "sfixed32", true],
      ["fixed64", "sfixed64", true],
      ["int32", "sint32", false],
      ["int32", "fixed32", false],
      ["fixed32", "fixed64", false],
      ["float", "double", false],
      ["int64", "double", false],
      ["string", "int32", false],
    ] as const
  ).map(([from, to, sameGroup]): Case => ({
    name: `scalar ${from} -> ${to}`,
    writer: proto3(`message A { ${from} v = 1; }`),
    reader: proto3(`message A { ${to} v = 1; }`),
    expected: sameGroup ? [] : ["FIELD_SCALAR_KIND_CHANGED #/A/1"],
    compatible: sameGroup,
  })),
  {
    name: "enum swapped for int32 (same wire group)",
    writer: proto3("message A { E v = 1; } enum E { Z = 0; }"),
    reader: proto3("message A { int32 v = 1; } enum E { Z = 0; }"),
    expected: [],
    compatible: true,
  },
  {
    name: "enum swapped for another enum",
    writer: proto3("message A { E v = 1; } enum E { Z = 0; } enum F { F0 = 0; }"),
    reader: proto3("message A { F v = 1; } enum E { Z = 0; } enum F { F0 = 0; }"),
    expected: [],
    compatible: true,
  },
  {
    name: "enum swapped for string",
    writer: proto3("message A { E v = 1; } enum E { Z = 0; }"),
    reader: proto3("message A { string v = 1; } enum E { Z = 0; }"),
    expected: ["FIELD_SCALAR_KIND_CHANGED #/A/1"],
    compatible: false,
  },
  // --- labels -----------------------------------------------------------------------------------
  {
    name: "proto2 numeric optional -> required",
    writer: proto2("message A { optional int32 v = 1; }"),
    reader: proto2("message A { required int32 v = 1; }"),
    expected: ["FIELD_NUMERIC_LABEL_CHANGED #/A/1"],
    compatible: false,
  },
  {
    name: "proto2 numeric required -> repeated",
    writer: proto2("message A { required int64 v = 1; }"),
    reader: proto2("message A { repeated int64 v = 1; }"),
    expected: ["FIELD_NUMERIC_LABEL_CHANGED #/A/1"],
    compatible: false,
  },
  {
    name: "proto2 enum optional -> repeated (enums count as numbers)",
    writer: proto2("message A { optional E v = 1; } enum E { Z = 0; }"),
    reader: proto2("message A { repeated E v = 1; } enum E { Z = 0; }"),
    expected: ["FIELD_NUMERIC_LABEL_CHANGED #/A/1"],
    compatible: false,
  },
  {
    name: "proto2 string optional -> repeated",
    writer: proto2("message A { optional string v = 1; }"),
    reader: proto2("message A { repeated string v = 1; }"),
    expected: ["FIELD_STRING_OR_BYTES_LABEL_CHANGED #/A/1"],
    compatible: true,
  },
  {
    name: "proto2 bytes required -> optional",
    writer: proto2("message A { required bytes v = 1; }"),
    reader: proto2("message A { optional bytes v = 1; }"),
    expected: ["FIELD_STRING_OR_BYTES_LABEL_CHANGED #/A/1"],
    compatible: true,
  },
  {
    name: "proto3 implicit numeric -> repeated is silent (no written label before)",
    writer: proto3("message A { int32 v = 1; }"),
    reader: proto3("message A { repeated int32 v = 1; }"),
    expected: [],
    compatible: true,
  },
  {
    name: "proto3 explicit optional numeric -> repeated",
    writer: proto3("message A { optional int32 v = 1; }"),
    reader: proto3("message A { repeated int32 v = 1; }"),
    expected: ["FIELD_NUMERIC_LABEL_CHANGED #/A/1"],
    compatible: false,
  },
  {
    name: "message field labels are never compared",
    writer: proto2("message A { optional B b = 1; } message B {}"),
    reader: proto2("message A { repeated B b = 1; } message B {}"),
    expected: [],
    compatible: true,
  },
  {
    name: "proto2 -> proto3 with the same fields: labels absent on one side",
    writer: proto2("message A { optional int32 v = 1; }"),
    reader: proto3("message A { int32 v = 1; }"),
    expected: [],
    compatible: true,
  },
  // --- required fields --------------------------------------------------------------------------
  {
    name: "proto2 required field added",
    writer: proto2("message A { optional int32 a = 1; }"),
    reader: proto2("message A { optional int32 a = 1; required int32 b = 2; }"),
    expected: ["REQUIRED_FIELD_ADDED #/A/2"],
    compatible: false,
  },
  {
    name: "proto2 required field removed",
    writer: proto2("message A { optional int32 a = 1; required int32 b = 2; }"),
    reader: proto2("message A { optional int32 a = 1; }"),
    expected: ["REQUIRED_FIELD_REMOVED #/A/2"],
    compatible: false,
  },
  {
    name: "proto2 optional field removed",
    writer: proto2("message A { optional int32 a = 1; optional int32 b = 2; }"),
    reader: proto2("message A { optional int32 a = 1; }"),
    expected: ["FIELD_REMOVED #/A/2"],
    compatible: true,
  },
  // --- maps and entry messages ------------------------------------------------------------------
  {
    name: "map<> and its explicit entry message are the same",
    writer: proto3("message A { map<string, int32> m = 1; }"),
    reader: proto3(
      "message A { repeated MEntry m = 1; message MEntry { option map_entry = true; string key = 1; int32 value = 2; } }",
    ),
    expected: [],
    compatible: true,
  },
  {
    name: "entry message replaced by map<> (entry message removal is not reported)",
    writer: proto3(
      "message A { repeated MEntry m = 1; message MEntry { option map_entry = true; string key = 1; int32 value = 2; } }",
    ),
    reader: proto3("message A { map<string, int32> m = 1; }"),
    expected: [],
    compatible: true,
  },
  {
    name: "map value changes wire group",
    writer: proto3("message A { map<string, int32> m = 1; }"),
    reader: proto3("message A { map<string, string> m = 1; }"),
    expected: ["FIELD_SCALAR_KIND_CHANGED #/A/1"],
    compatible: false,
  },
  {
    name: "map key changes wire group",
    writer: proto3("message A { map<string, int32> m = 1; }"),
    reader: proto3("message A { map<int64, int32> m = 1; }"),
    expected: ["FIELD_SCALAR_KIND_CHANGED #/A/1"],
    compatible: false,
  },
  {
    name: "map value message type renamed",
    writer: proto3("message A { map<string, B> m = 1; } message B {} message C {}"),
    reader: proto3("message A { map<string, C> m = 1; } message B {} message C {}"),
    expected: ["FIELD_NAMED_TYPE_CHANGED #/A/1"],
    compatible: false,
  },
  {
    name: "map becomes message",
    writer: proto3("message A { map<string, string> m = 1; } message B {}"),
    reader: proto3("message A { B m = 1; } message B {}"),
    expected: ["FIELD_KIND_CHANGED #/A/1"],
    compatible: false,
  },
  // --- message-typed fields in the same file ---------------------------------------------------
  {
    name: "local message type changed: reported where it is declared, not at the field",
    writer: proto3("message A { B b = 1; } message B { int32 x = 1; }"),
    reader: proto3("message A { B b = 1; } message B { string x = 1; }"),
    expected: ["FIELD_SCALAR_KIND_CHANGED #/B/1"],
    compatible: false,
  },
  {
    name: "field switches to a differently named message",
    writer: proto3("message A { B b = 1; } message B {}"),
    reader: proto3("message A { C b = 1; } message C {}"),
    expected: ["FIELD_NAMED_TYPE_CHANGED #/A/1", "MESSAGE_REMOVED #/B", "MESSAGE_ADDED #/C"],
    compatible: false,
  },
  {
    name: "relative and absolute spelling of the same type",
    writer: proto3("message A { B b = 1; } message B {}"),
    reader: proto3("message A { .acme.B b = 1; } message B {}"),
    expected: [],
    compatible: true,
  },
  // --- well-known types -------------------------------------------------------------------------
  {
    name: "well-known type kept",
    writer: proto3(
      'import "google/protobuf/timestamp.proto";\nmessage A { google.protobuf.Timestamp at = 1; }',
    ),
    reader: proto3(
      'import "google/protobuf/timestamp.proto";\nmessage A { google.protobuf.Timestamp at = 1; }',
    ),
    expected: [],
    compatible: true,
  },
  {
    name: "well-known type swapped for another",
    writer: proto3(
      'import "google/protobuf/timestamp.proto";\nmessage A { google.protobuf.Timestamp at = 1; }',
    ),
    reader: proto3(
      'import "google/protobuf/duration.proto";\nmessage A { google.protobuf.Duration at = 1; }',
    ),
    expected: ["FIELD_NAMED_TYPE_CHANGED #/A/1"],
    compatible: false,
  },
  {
    name: "well-known wrapper replaced by its scalar",
    writer: proto3(
      'import "google/protobuf/wrappers.proto";\nmessage A { google.protobuf.Int64Value n = 1; }',
    ),
    reader: proto3("message A { int64 n = 1; }"),
    expected: ["FIELD_KIND_CHANGED #/A/1"],
    compatible: false,
  },
  {
    name: "recursive well-known Struct compared without looping",
    writer: proto3('import "google/protobuf/struct.proto";\nmessage A { google.protobuf.Struct s = 1; }'),
    reader: proto3('import "google/protobuf/struct.proto";\nmessage A { google.protobuf.Struct s = 1; }'),
    expected: [],
    compatible: true,
  },
  // --- oneofs -----------------------------------------------------------------------------------
  {
    name: "one top-level field wrapped in a new oneof",
    writer: proto3("message A { int32 a = 1; int32 b = 2; }"),
    reader: proto3("message A { int32 a = 1; oneof o { int32 b = 2; } }"),
    expected: ["ONEOF_ADDED #/A/o"],
    compatible: true,
  },
  {
    name: "one field wrapped in a new oneof together with a brand-new field",
    writer: proto3("message A { int32 a = 1; }"),
    reader: proto3("message A { oneof o { int32 a = 1; int32 z = 9; } }"),
    expected: ["ONEOF_ADDED #/A/o", "ONEOF_FIELD_ADDED #/A/o/9"],
    compatible: true,
  },
  {
    name: "two top-level fields wrapped in one new oneof",
    writer: proto3("message A { int32 a = 1; int32 b = 2; }"),
    reader: proto3("message A { oneof o { int32 a = 1; int32 b = 2; } }"),
    expected: ["MULTIPLE_FIELDS_MOVED_TO_ONEOF #/A/o", "ONEOF_ADDED #/A/o"],
    compatible: false,
  },
  {
    name: "two oneof members moved out to top level (the reverse)",
    writer: proto3("message A { oneof o { int32 a = 1; int32 b = 2; } }"),
    reader: proto3("message A { int32 a = 1; int32 b = 2; }"),
    expected: [
      "ONEOF_REMOVED #/A/o",
      "ONEOF_FIELD_MOVED_TO_TOP_LEVEL #/A/1",
      "ONEOF_FIELD_MOVED_TO_TOP_LEVEL #/A/2",
    ],
    compatible: true,
  },
  {
    name: "top-level field moved into an existing oneof",
    writer: proto3("message A { int32 a = 1; oneof o { int32 b = 2; } }"),
    reader: proto3("message A { oneof o { int32 a = 1; int32 b = 2; } }"),
    expected: ["FIELD_MOVED_TO_EXISTING_ONEOF #/A/o"],
    compatible: false,
  },
  {
    name: "oneof member moved out to top level (the reverse)",
    writer: proto3("message A { oneof o { int32 a = 1; int32 b = 2; } }"),
    reader: proto3("message A { int32 a = 1; oneof o { int32 b = 2; } }"),
    expected: ["ONEOF_FIELD_MOVED_TO_TOP_LEVEL #/A/1"],
    compatible: true,
  },
  {
    name: "two oneofs merged",
    writer: proto3("message A { oneof x { int32 a = 1; } oneof y { int32 b = 2; } }"),
    reader: proto3("message A { oneof x { int32 a = 1; int32 b = 2; } }"),
    expected: ["FIELD_MOVED_TO_EXISTING_ONEOF #/A/x", "ONEOF_REMOVED #/A/y"],
    compatible: false,
  },
  {
    name: "oneof member removed",
    writer: proto3("message A { oneof o { int32 a = 1; int32 b = 2; } }"),
    reader: proto3("message A { oneof o { int32 a = 1; } }"),
    expected: ["ONEOF_FIELD_REMOVED #/A/o/2"],
    compatible: false,
  },
  {
    name: "oneof member added (the reverse)",
    writer: proto3("message A { oneof o { int32 a = 1; } }"),
    reader: proto3("message A { oneof o { int32 a = 1; int32 b = 2; } }"),
    expected: ["ONEOF_FIELD_ADDED #/A/o/2"],
    compatible: true,
  },
  {
    name: "whole oneof deleted",
    writer: proto3("message A { int32 k = 5; oneof o { int32 a = 1; int32 b = 2; } }"),
    reader: proto3("message A { int32 k = 5; }"),
    expected: ["ONEOF_REMOVED #/A/o"],
    compatible: true,
  },
  {
    name: "whole oneof added (the reverse)",
    writer: proto3("message A { int32 k = 5; }"),
    reader: proto3("message A { int32 k = 5; oneof o { int32 a = 1; int32 b = 2; } }"),
    expected: ["ONEOF_ADDED #/A/o", "ONEOF_FIELD_ADDED #/A/o/1", "ONEOF_FIELD_ADDED #/A/o/2"],
    compatible: true,
  },
  {
    name: "oneof renamed",
    writer: proto3("message A { oneof o { int32 a = 1; } }"),
    reader: proto3("message A { oneof p { int32 a = 1; } }"),
    expected: ["ONEOF_REMOVED #/A/o", "ONEOF_ADDED #/A/p"],
    compatible: true,
  },
  {
    name: "oneof renamed while dropping a member",
    writer: proto3("message A { oneof o { int32 a = 1; int32 b = 2; } }"),
    reader: proto3("message A { oneof p { int32 a = 1; } }"),
    expected: ["ONEOF_REMOVED #/A/o", "ONEOF_ADDED #/A/p", "ONEOF_FIELD_REMOVED #/A/o/2"],
    compatible: false,
  },
  {
    name: "oneof member changes wire group (path through the oneof)",
    writer: proto3("message A { oneof o { int32 a = 1; } }"),
    reader: proto3("message A { oneof o { string a = 1; } }"),
    expected: ["FIELD_SCALAR_KIND_CHANGED #/A/o/1"],
    compatible: false,
  },
  {
    name: "member leaves its oneof and changes type",
    writer: proto3("message A { oneof o { int32 a = 1; int32 b = 2; } }"),
    reader: proto3("message A { oneof o { int32 a = 1; } string b = 2; }"),
    expected: ["ONEOF_FIELD_MOVED_TO_TOP_LEVEL #/A/2", "FIELD_SCALAR_KIND_CHANGED #/A/2"],
    compatible: false,
  },
  // --- recursion --------------------------------------------------------------------------------
  {
    name: "recursive message gains a field",
    writer: proto3("message Node { Node next = 1; int32 v = 2; }"),
    reader: proto3("message Node { Node next = 1; int32 v = 2; string label = 3; }"),
    expected: ["FIELD_ADDED #/Node/3"],
    compatible: true,
  },
  {
    name: "mutually recursive messages with a change",
    writer: proto3("message A { B b = 1; } message B { A a = 1; int32 n = 2; }"),
    reader: proto3("message A { B b = 1; } message B { A a = 1; sint32 n = 2; }"),
    expected: ["FIELD_SCALAR_KIND_CHANGED #/B/2"],
    compatible: false,
  },
  // --- not compared -----------------------------------------------------------------------------
  {
    name: "options, reserved ranges, services, defaults and json names are not compared",
    writer: proto2(
      "message A { optional int32 a = 1 [default = 3]; }\nservice S { rpc Get (A) returns (A); }",
    ),
    reader: proto2(
      'option java_package = "x";\nmessage A { reserved 7; option deprecated = true; optional int32 a = 1 [default = 4, json_name = "aa", deprecated = true]; }',
    ),
    expected: [],
    compatible: true,
  },
  {
    name: "proto2 groups are not compared",
    writer: proto2("message A { optional group G = 1 { optional int32 x = 2; } }"),
    reader: proto2("message A { optional group G = 1 { optional string y = 3; } }"),
    expected: [],
    compatible: true,
  },
];

describe("protobuf canRead: difference types and verdicts", () => {
  it("covers at least 60 distinct cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases)("$name", ({ writer, reader, expected, compatible }) => {
    expect(differences(reader, writer)).toEqual(expected);
    const all = findings(reader, writer);
    expect(all.every((f) => f.compatible)).toBe(compatible);
  });
});
