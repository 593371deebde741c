import { describe, expect, it } from "vitest";
import { normalizeNumber } from "../../../src/formats/protobuf/option-printer.js";
import { parseOk } from "./helpers.js";

const normalized = (text: string): string => parseOk(text).normalized();

describe("normalized()", () => {
  it("applies the registry's normalize=true rewrite", () => {
    const text = `syntax = "proto2";
package shop;
import "google/protobuf/descriptor.proto";
import "google/protobuf/any.proto";
import "google/protobuf/descriptor.proto";
extend google.protobuf.FieldOptions { optional string tag = 50001; }
message Order {
  option no_standard_descriptor_accessor = false;
  option deprecated = true;
  reserved 19, 13 to 14, 17 to 17;
  reserved "gone";
  optional string note = 2 [json_name = "n", (tag) = "x", deprecated = true];
  repeated LinesEntry lines = 1;
  oneof pay { string iban = 6; string card = 5; }
  oneof ship { string addr = 4; }
  oneof nothing {}
  optional Status status = 3;
  message LinesEntry { option map_entry = true; optional string key = 1; optional Line value = 2; }
  message Line { optional int32 qty = 1; }
  extensions 200 to 299, 100;
}
enum Status { option allow_alias = true; OK = 1; DONE = 2; ALSO_OK = 1; NONE = 0; }`;
    expect(normalized(text)).toBe(`package shop;

import "google/protobuf/any.proto";
import "google/protobuf/descriptor.proto";

message Order {
  reserved 13 to 14;
  reserved 17;
  reserved 19;
  reserved "gone";

  option deprecated = true;
  option no_standard_descriptor_accessor = false;

  map<string, .shop.Order.Line> lines = 1;
  optional string note = 2 [
    deprecated = true,
    json_name = "n",
    (shop.tag) = "x"
  ];
  optional .shop.Status status = 3;

  oneof ship {
    string addr = 4;
  }
  oneof pay {
    string card = 5;
    string iban = 6;
  }

  extensions 100;
  extensions 200 to 299;

  message Line {
    optional int32 qty = 1;
  }
}
enum Status {
  option allow_alias = true;
  NONE = 0;
  ALSO_OK = 1;
  OK = 1;
  DONE = 2;
}

extend .google.protobuf.FieldOptions {
  optional string tag = 50001;
}
`);
  });

  it("keeps the proto3 syntax line", () => {
    expect(normalized('syntax = "proto3";\nmessage A {}')).toBe('syntax = "proto3";\n\nmessage A {}\n');
  });

  it("never reorders messages or enums, even nested ones", () => {
    const text =
      'syntax = "proto3";\nmessage Z { message Y {} message X {} }\nmessage A {}\nenum Q { Q0 = 0; }\nenum B { B0 = 0; }';
    const out = normalized(text);
    expect(out.indexOf("message Z")).toBeLessThan(out.indexOf("message A"));
    expect(out.indexOf("message Y")).toBeLessThan(out.indexOf("message X"));
    expect(out.indexOf("enum Q")).toBeLessThan(out.indexOf("enum B"));
  });

  it("qualifies rpc types, nested references and map values with a leading dot", () => {
    const text = `syntax = "proto3";
package a.b;
message Req { Inner i = 1; map<string, Inner> m = 2; message Inner {} }
service S { rpc Call (Req) returns (stream Req.Inner); }`;
    expect(normalized(text)).toBe(`syntax = "proto3";
package a.b;

message Req {
  .a.b.Req.Inner i = 1;
  map<string, .a.b.Req.Inner> m = 2;

  message Inner {}
}

service S {
  rpc Call (.a.b.Req) returns (stream .a.b.Req.Inner);
}
`);
  });

  it("qualifies extension options, folds sub-field settings into one aggregate and sorts its keys", () => {
    const text = `syntax = "proto3";
package p;
import "confluent/meta.proto";
message A {
  option (confluent.message_meta).tags = "b";
  option (confluent.message_meta).doc = "a";
  int32 x = 1 [(confluent.field_meta) = { tags: ["only"], doc: "d", params: [] }];
}`;
    expect(normalized(text)).toBe(`syntax = "proto3";
package p;

import "confluent/meta.proto";

message A {
  option (confluent.message_meta) = {
    tags: "b",
    doc: "a"
  };

  int32 x = 1 [(confluent.field_meta) = {
    doc: "d",
    tags: "only"
  }];
}
`);
  });

  it("keeps repeated extension options apart", () => {
    const text = `syntax = "proto2";
import "google/protobuf/descriptor.proto";
extend google.protobuf.MessageOptions { repeated string labels = 60000; }
message A { option (labels) = "x"; option (labels) = "y"; }`;
    expect(normalized(text)).toContain('  option (labels) = "x";\n  option (labels) = "y";\n');
  });

  it("treats formatting, comments, field order, import order and option order as the same", () => {
    const a = parseOk(`syntax = "proto3";
import "google/protobuf/timestamp.proto";
import "google/protobuf/any.proto";
message A { google.protobuf.Any b = 2; // c
  int32 a = 1 [deprecated = true, json_name = "x"]; }`);
    const b = parseOk(`syntax = "proto3";
import "google/protobuf/any.proto";
import "google/protobuf/timestamp.proto";
message A {
  int32 a = 1 [json_name = "x", deprecated = true];
  .google.protobuf.Any b = 2;
}`);
    expect(a.canonical()).not.toBe(b.canonical());
    expect(a.normalized()).toBe(b.normalized());
  });
});

describe("normalizeNumber (float up to 7 decimals, then double, printed by Java DecimalFormat)", () => {
  it.each([
    ["42", "42"],
    ["0x1F", "31"],
    ["017", "15"],
    ["-5", "-5"],
    ["1.5", "1.5"],
    ["1.23456", "1.235"],
    ["2.0005", "2"],
    ["2.0015", "2.001"],
    ["123456789.125", "123456792"],
    ["2.00150000", "2.002"],
    ["0.12345678901234567891", "0.123"],
    ["-0.0001", "-0"],
    ["1e3", "1000"],
    ["-0.25", "-0.25"],
    ["inf", "inf"],
    ["-inf", "-inf"],
    ["nan", "nan"],
  ])("%s -> %s", (input, output) => {
    expect(normalizeNumber(input)).toBe(output);
  });
});
