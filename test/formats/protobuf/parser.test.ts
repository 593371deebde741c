import { describe, expect, it } from "vitest";
import type { MessageDecl, EnumDecl } from "../../../src/formats/protobuf/index.js";
import { parseProto } from "../../../src/formats/protobuf/parser.js";
import { parseOk } from "./helpers.js";

const message = (decl: unknown): MessageDecl => decl as MessageDecl;

describe("parseProto", () => {
  it("keeps proto2 facts: written labels, defaults, groups, extensions, extend blocks", () => {
    const file = parseProto(`syntax = "proto2";
package shop.v1;
message Item {
  required string sku = 1;
  optional int32 qty = 2 [default = 1];
  repeated string tags = 3;
  optional group Dims = 4 {
    optional double w = 5;
  }
  extensions 100 to 199, 500 to max;
}
extend Item {
  optional string note = 100;
}`);
    expect(file.syntax).toBe("proto2");
    expect(file.packageName).toBe("shop.v1");
    const item = message(file.types[0]);
    expect(item.fields.map((f) => [f.label, f.type, f.name, f.number])).toEqual([
      ["required", "string", "sku", 1],
      ["optional", "int32", "qty", 2],
      ["repeated", "string", "tags", 3],
    ]);
    expect(item.fields[1]?.defaultValue).toBe("1");
    expect(item.groups[0]).toMatchObject({
      label: "optional",
      name: "Dims",
      number: 4,
      fields: [{ name: "w", number: 5 }],
    });
    expect(item.extensions[0]?.values).toEqual([
      { kind: "range", start: 100, end: 199, single: false },
      { kind: "range", start: 500, end: 536870911, single: false },
    ]);
    expect(file.extends[0]).toMatchObject({ name: "Item", fields: [{ name: "note", number: 100 }] });
  });

  it("keeps proto3 facts: no label unless written, map<> spelling, oneof membership", () => {
    const file = parseProto(`syntax = "proto3";
message User {
  string name = 1;
  optional int32 age = 2;
  map<string,  Address> homes = 3;
  oneof contact {
    string email = 4;
    string phone = 5;
  }
  message Address { string city = 1; }
}`);
    const user = message(file.types[0]);
    expect(user.fields.map((f) => [f.label, f.type])).toEqual([
      [undefined, "string"],
      ["optional", "int32"],
      [undefined, "map<string, Address>"],
    ]);
    expect(user.fields[2]?.map).toEqual({ key: "string", value: "Address" });
    expect(user.oneofs[0]).toMatchObject({ name: "contact", fields: [{ name: "email" }, { name: "phone" }] });
    expect(user.oneofs[0]?.fields.every((f) => f.label === undefined)).toBe(true);
    expect(user.nested.map((t) => t.name)).toEqual(["Address"]);
  });

  it("keeps the file without a syntax statement as such (proto2 by default)", () => {
    const file = parseProto("message A { optional int32 a = 1; }");
    expect(file.syntax).toBeUndefined();
  });

  it("reads options: plain, extension names in parentheses, sub-fields, aggregates with lists and extension keys", () => {
    const file = parseProto(`syntax = "proto3";
option java_package = "com." "acme";
option (acme.file_opt).level = -2;
option (acme.meta) = { doc: "d" tags: ["a", 'b'] nested { on: true } [acme.ext]: 0x10 tags: "c" };`);
    expect(file.options[0]).toMatchObject({
      name: "java_package",
      parenthesized: false,
      value: { kind: "string", value: "com.acme" },
    });
    expect(file.options[1]).toMatchObject({
      name: "acme.file_opt",
      parenthesized: true,
      path: ["level"],
      value: { kind: "number", text: "-2" },
    });
    expect(file.options[2]?.value).toEqual({
      kind: "map",
      entries: [
        { key: "doc", value: { kind: "string", value: "d" } },
        {
          key: "tags",
          value: {
            kind: "list",
            items: [
              { kind: "string", value: "a" },
              { kind: "string", value: "b" },
              { kind: "string", value: "c" },
            ],
          },
        },
        {
          key: "nested",
          value: { kind: "map", entries: [{ key: "on", value: { kind: "boolean", text: "true" } }] },
        },
        { key: "[acme.ext]", value: { kind: "number", text: "0x10" } },
      ],
    });
  });

  it("reads identifier option values with dots and signed special numbers", () => {
    const file = parseProto(
      'syntax = "proto3";\noption (a) = pkg.Enum.VALUE;\noption (b) = -inf;\noption (c) = nan;',
    );
    expect(file.options.map((o) => o.value)).toEqual([
      { kind: "enum", text: "pkg.Enum.VALUE" },
      { kind: "number", text: "-inf" },
      { kind: "enum", text: "nan" },
    ]);
  });

  it("separates default and json_name from the other field options", () => {
    const file = parseProto(
      'syntax = "proto2";\nmessage A { optional string s = 1 [deprecated = true, default = "x\\ty", json_name = "S"]; }',
    );
    const field = message(file.types[0]).fields[0]!;
    expect(field.defaultValue).toBe("x\ty");
    expect(field.jsonName).toBe("S");
    expect(field.options.map((o) => o.name)).toEqual(["deprecated"]);
  });

  it("reads services with streaming rpcs and rpc options", () => {
    const file = parseProto(`syntax = "proto3";
message Q {}
service Search {
  option deprecated = true;
  rpc Find (Q) returns (stream Q);
  rpc Feed (stream .Q) returns (Q) { option idempotency_level = NO_SIDE_EFFECTS; }
}`);
    expect(file.services[0]?.options.map((o) => o.name)).toEqual(["deprecated"]);
    expect(
      file.services[0]?.rpcs.map((r) => [
        r.name,
        r.requestStream,
        r.requestType,
        r.responseStream,
        r.responseType,
      ]),
    ).toEqual([
      ["Find", false, "Q", true, "Q"],
      ["Feed", true, ".Q", false, "Q"],
    ]);
    expect(file.services[0]?.rpcs[1]?.options[0]?.value).toEqual({ kind: "enum", text: "NO_SIDE_EFFECTS" });
  });

  it("reads imports with their kind, reserved statements and enum details", () => {
    const file = parseProto(`syntax = "proto3";
import "a.proto";
import public "b.proto";
import weak "c.proto";
enum E {
  option allow_alias = true;
  reserved 5, 8 to 9;
  reserved "OLD";
  Z = 0;
  NEG = -1 [deprecated = true];
  ZERO = 0;
}`);
    expect(file.imports.map((i) => [i.path, i.kind])).toEqual([
      ["a.proto", "default"],
      ["b.proto", "public"],
      ["c.proto", "weak"],
    ]);
    const e = file.types[0] as EnumDecl;
    expect(e.constants.map((c) => [c.name, c.number])).toEqual([
      ["Z", 0],
      ["NEG", -1],
      ["ZERO", 0],
    ]);
    expect(e.reserved.flatMap((r) => r.values)).toEqual([
      { kind: "range", start: 5, end: 5, single: true },
      { kind: "range", start: 8, end: 9, single: false },
      { kind: "name", name: "OLD" },
    ]);
  });

  it("gives every element its line and column", () => {
    const file = parseProto(
      'syntax = "proto3";\n\nmessage A {\n  // c\n  string a = 1;\n  enum K { Z = 0; }\n}\n',
    );
    const a = message(file.types[0]);
    expect([a.line, a.column]).toEqual([3, 1]);
    expect([a.fields[0]?.line, a.fields[0]?.column]).toEqual([5, 3]);
    const k = a.nested[0] as EnumDecl;
    expect([k.line, k.column, k.constants[0]?.line, k.constants[0]?.column]).toEqual([6, 3, 6, 12]);
  });

  it("marks elements of a referenced file with the reference name", () => {
    const schema = parseOk('syntax = "proto3";\nimport "dep.proto";\nmessage A { dep.B b = 1; }\n', [
      { name: "dep.proto", schema: 'syntax = "proto3";\npackage dep;\nmessage B { int32 x = 1; }\n' },
    ]);
    const dep = schema.files.find((f) => f.path === "dep.proto")!;
    expect(message(dep.file.types[0]).fields[0]).toMatchObject({ line: 3, column: 13, source: "dep.proto" });
    expect(message(schema.file.types[0]).fields[0]?.source).toBeUndefined();
  });

  it("accepts numbers in decimal, hex and octal, and names that are keywords elsewhere", () => {
    const file = parseProto(
      'syntax = "proto3";\nmessage A { int32 message = 0x1F; int32 enum = 017; int32 to = 3; }',
    );
    expect(message(file.types[0]).fields.map((f) => [f.name, f.number])).toEqual([
      ["message", 31],
      ["enum", 15],
      ["to", 3],
    ]);
  });
});

describe("imports of built-in files", () => {
  it.each([
    "google/protobuf/any.proto",
    "google/protobuf/api.proto",
    "google/protobuf/duration.proto",
    "google/protobuf/empty.proto",
    "google/protobuf/field_mask.proto",
    "google/protobuf/source_context.proto",
    "google/protobuf/struct.proto",
    "google/protobuf/timestamp.proto",
    "google/protobuf/type.proto",
    "google/protobuf/wrappers.proto",
    "google/protobuf/descriptor.proto",
    "confluent/meta.proto",
    "confluent/type/decimal.proto",
  ])("%s needs no reference", (path) => {
    expect(parseOk(`syntax = "proto3";\nimport "${path}";\n`).files.map((f) => f.path)).toContain(path);
  });

  it("resolves the public types of built-in files", () => {
    const schema = parseOk(`syntax = "proto3";
import "google/protobuf/any.proto";
import "google/protobuf/struct.proto";
import "confluent/meta.proto";
import "confluent/type/decimal.proto";
message A {
  google.protobuf.Any any = 1;
  google.protobuf.Value v = 2;
  confluent.type.Decimal amount = 3 [(confluent.field_meta) = { doc: "money" }];
}`);
    expect(schema.topLevelFieldNames()).toEqual(["any", "v", "amount"]);
  });
});
