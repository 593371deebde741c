import { describe, expect, it } from "vitest";
import { parseErrors } from "./helpers.js";

interface Broken {
  name: string;
  schema: string;
  line: number;
  column: number;
  message: RegExp;
}

const corpus: Broken[] = [
  {
    name: "missing semicolon after a field",
    schema: 'syntax = "proto3";\nmessage A {\n  int32 a = 1\n}\n',
    line: 4,
    column: 1,
    message: /expected ';' after field number, found '}'/,
  },
  {
    name: "missing semicolon after field options",
    schema: 'syntax = "proto3";\nmessage A {\n  int32 a = 1 [deprecated = true]\n  int32 b = 2;\n}\n',
    line: 4,
    column: 3,
    message: /expected ';' after the options of field "a", found 'int32'/,
  },
  {
    name: "message defined twice",
    schema: 'syntax = "proto3";\nmessage A {}\nmessage A {}\n',
    line: 3,
    column: 1,
    message: /"A" is already defined in this file/,
  },
  {
    name: "missing '=' before the field number",
    schema: 'syntax = "proto3";\nmessage A {\n  int32 a 1;\n}\n',
    line: 3,
    column: 11,
    message: /expected '=' after field name "a"/,
  },
  {
    name: "field number that is not a number",
    schema: 'syntax = "proto3";\nmessage A {\n  int32 a = x;\n}\n',
    line: 3,
    column: 13,
    message: /expected a field number for "a", found 'x'/,
  },
  {
    name: "unclosed message",
    schema: 'syntax = "proto3";\nmessage A {\n  int32 a = 1;\n',
    line: 4,
    column: 1,
    message: /expected '}' to close message "A"/,
  },
  {
    name: "unterminated string",
    schema: 'syntax = "proto3";\nimport "a.proto;\n',
    line: 2,
    column: 8,
    message: /unterminated string literal/,
  },
  {
    name: "unknown syntax",
    schema: 'syntax = "proto4";\n',
    line: 1,
    column: 10,
    message: /unknown syntax "proto4"/,
  },
  {
    name: "editions are refused",
    schema: 'edition = "2023";\nmessage A {}\n',
    line: 1,
    column: 1,
    message: /editions .* are not supported yet/,
  },
  {
    name: "proto2 field without a label",
    schema: 'syntax = "proto2";\nmessage A {\n  int32 a = 1;\n}\n',
    line: 3,
    column: 3,
    message: /missing label before "int32": proto2 fields start with optional, required or repeated/,
  },
  {
    name: "required in proto3",
    schema: 'syntax = "proto3";\nmessage A {\n  required int32 a = 1;\n}\n',
    line: 3,
    column: 3,
    message: /required fields are not allowed in proto3/,
  },
  {
    name: "label inside a oneof",
    schema: 'syntax = "proto3";\nmessage A {\n  oneof o {\n    optional int32 a = 1;\n  }\n}\n',
    line: 4,
    column: 5,
    message: /fields in a oneof cannot have a label/,
  },
  {
    name: "unknown type with a suggestion",
    schema: 'syntax = "proto3";\nmessage Address {}\nmessage Person {\n  Adress addr = 1;\n}\n',
    line: 4,
    column: 3,
    message: /unknown type "Adress" in field "addr" \(did you mean "Address"\?\)/,
  },
  {
    name: "unknown type without a close match",
    schema: 'syntax = "proto3";\nmessage Person {\n  Zebra z = 1;\n}\n',
    line: 3,
    column: 3,
    message: /^unknown type "Zebra" in field "z"$/,
  },
  {
    name: "duplicate field number",
    schema: 'syntax = "proto3";\nmessage A {\n  int32 a = 1;\n  string b = 1;\n}\n',
    line: 4,
    column: 3,
    message: /field number 1 of "b" is already used by "a"/,
  },
  {
    name: "duplicate field number across a oneof",
    schema: 'syntax = "proto3";\nmessage A {\n  int32 a = 1;\n  oneof o {\n    string b = 1;\n  }\n}\n',
    line: 5,
    column: 5,
    message: /field number 1 of "b" is already used by "a"/,
  },
  {
    name: "duplicate field name",
    schema: 'syntax = "proto3";\nmessage A {\n  int32 a = 1;\n  string a = 2;\n}\n',
    line: 4,
    column: 3,
    message: /duplicate field name "a" in message "A"/,
  },
  {
    name: "field number zero",
    schema: 'syntax = "proto3";\nmessage A {\n  int32 a = 0;\n}\n',
    line: 3,
    column: 3,
    message: /field number 0 of "a" in message "A" is out of range: use 1 to 536870911/,
  },
  {
    name: "field number above the maximum",
    schema: 'syntax = "proto3";\nmessage A {\n  int32 a = 536870912;\n}\n',
    line: 3,
    column: 3,
    message: /field number 536870912 .* is out of range/,
  },
  {
    name: "field number in the implementation-reserved range",
    schema: 'syntax = "proto3";\nmessage A {\n  int32 a = 19500;\n}\n',
    line: 3,
    column: 3,
    message: /field number 19500 of "a" is reserved for the protobuf implementation \(19000 to 19999\)/,
  },
  {
    name: "duplicate enum constant name",
    schema: 'syntax = "proto3";\nenum E {\n  A = 0;\n  B = 1;\n  A = 2;\n}\n',
    line: 5,
    column: 3,
    message: /duplicate enum constant "A" in enum "E"/,
  },
  {
    name: "proto3 enum starting at a non-zero value",
    schema: 'syntax = "proto3";\nenum E {\n  ONE = 1;\n}\n',
    line: 3,
    column: 3,
    message: /the first constant of proto3 enum "E" must be 0, but "ONE" is 1/,
  },
  {
    name: "import that no reference provides",
    schema: 'syntax = "proto3";\nimport "google/protobuf/timestamp.proto";\nimport "shared/money.proto";\n',
    line: 3,
    column: 1,
    message: /import "shared\/money.proto" cannot be resolved: add a reference named "shared\/money.proto"/,
  },
  {
    name: "map with a floating-point key",
    schema: 'syntax = "proto3";\nmessage A {\n  map<double, string> m = 1;\n}\n',
    line: 3,
    column: 7,
    message: /invalid map key type "double"/,
  },
  {
    name: "rpc with an unknown request type",
    schema: 'syntax = "proto3";\nmessage Res {}\nservice S {\n  rpc Get (Req) returns (Res);\n}\n',
    line: 4,
    column: 3,
    message: /unknown type "Req" in request of rpc "Get" \(did you mean "Res"\?\)/,
  },
  {
    name: "group in proto3",
    schema: 'syntax = "proto3";\nmessage A {\n  group G = 1 {}\n}\n',
    line: 3,
    column: 3,
    message: /groups are not allowed in proto3/,
  },
];

describe("broken inputs are reported with line, column and an actionable message", () => {
  it.each(corpus)("$name", ({ schema, line, column, message }) => {
    const [first] = parseErrors(schema);
    expect(first?.message).toMatch(message);
    expect({ line: first?.line, column: first?.column }).toEqual({ line, column });
  });

  it("reports every semantic problem at once, in text order", () => {
    const errors = parseErrors(
      'syntax = "proto3";\nmessage A {\n  Foo a = 1;\n  int32 b = 1;\n}\nenum E { X = 3; }\n',
    );
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [3, 3],
      [4, 3],
      [6, 10],
    ]);
  });

  it("locates a problem inside a reference by the reference name", () => {
    const errors = parseErrors(
      'syntax = "proto3";\nimport "common.proto";\nmessage A { common.M m = 1; }\n',
      [
        {
          name: "common.proto",
          subject: "common",
          version: 1,
          schema: 'syntax = "proto3";\npackage common;\nmessage M {\n  int32 x = 1\n}\n',
        },
      ],
    );
    expect(errors).toEqual([
      { message: "expected ';' after field number, found '}'", line: 5, column: 1, source: "common.proto" },
    ]);
  });

  it("reports a missing import of a reference where that reference imports it", () => {
    const errors = parseErrors('syntax = "proto3";\nimport "a.proto";\n', [
      { name: "a.proto", schema: 'syntax = "proto3";\nimport "b.proto";\n' },
    ]);
    expect(errors[0]).toMatchObject({ line: 2, column: 1, source: "a.proto" });
  });
});
