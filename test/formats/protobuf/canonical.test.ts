import { describe, expect, it } from "vitest";
import { protobufFormat } from "../../../src/formats/protobuf/index.js";
import { BUILT_IN_PATHS, builtInSource } from "../../../src/formats/protobuf/well-known.js";
import { parseOk } from "./helpers.js";

const canonical = (text: string): string => parseOk(text).canonical();

const KITCHEN_SINK = `// A header comment
syntax = "proto3";

package acme.shop;   // trailing comment

import "google/protobuf/timestamp.proto";
import public "google/protobuf/duration.proto";

option java_package = "com.acme.shop";
option java_multiple_files = true;

/* block comment */
enum Status { STATUS_UNKNOWN = 0; STATUS_OK = 1 [deprecated = true]; }

message Order {
  option deprecated = true;
  reserved 8, 10 to 12, 20 to max;
  reserved "legacy";
  string id = 1 [json_name = "orderId"];
  repeated int32 quantities = 2 [packed = true, deprecated = true];
  map<string, Line> lines = 3;
  google.protobuf.Timestamp placed_at = 4;
  oneof payment {
    option (acme.opt) = 1;
    string card = 5;
    string iban = 6;
  }
  message Line { string sku = 1; }
  enum Kind { KIND_UNKNOWN = 0; }
}

service Orders {
  rpc Place (Order) returns (Order);
  rpc Watch (Order) returns (stream Order) { option deprecated = true; }
}
`;

const KITCHEN_SINK_CANONICAL = `syntax = "proto3";
package acme.shop;

import "google/protobuf/timestamp.proto";
import public "google/protobuf/duration.proto";

option java_package = "com.acme.shop";
option java_multiple_files = true;

message Order {
  reserved 8, 10 to 12, 20 to max;
  reserved "legacy";

  option deprecated = true;

  string id = 1 [json_name = "orderId"];
  repeated int32 quantities = 2 [
    packed = true,
    deprecated = true
  ];
  map<string, Line> lines = 3;
  google.protobuf.Timestamp placed_at = 4;

  oneof payment {
    option (acme.opt) = 1;
  
    string card = 5;
    string iban = 6;
  }

  message Line {
    string sku = 1;
  }
  enum Kind {
    KIND_UNKNOWN = 0;
  }
}
enum Status {
  STATUS_UNKNOWN = 0;
  STATUS_OK = 1 [deprecated = true];
}

service Orders {
  rpc Place (Order) returns (Order);
  rpc Watch (Order) returns (stream Order) {
    option deprecated = true;
  };
}
`;

describe("canonical()", () => {
  it("prints Confluent's layout: sections separated by blank lines, messages before enums, no comments", () => {
    expect(canonical(KITCHEN_SINK)).toBe(KITCHEN_SINK_CANONICAL);
  });

  it("prints proto2 elements: labels, defaults after options, groups, extensions, extend blocks", () => {
    const text = `syntax = "proto2";
import "google/protobuf/descriptor.proto";
extend google.protobuf.FieldOptions { optional string tag = 50000; }
message M {
  extensions 100 to 199, 300;
  optional string s = 1 [default = "a\\"b", (tag) = "t"];
  optional bytes raw = 2 [default = "xyz"];
  optional bool on = 3 [default = true];
  optional group G = 4 { optional int32 x = 5; }
}`;
    expect(canonical(text)).toBe(`syntax = "proto2";

import "google/protobuf/descriptor.proto";

message M {
  optional string s = 1 [
    (tag) = "t",
    default = "a\\"b"
  ];
  optional bytes raw = 2 [default = xyz];
  optional bool on = 3 [default = true];

  optional group G = 4 {
    optional int32 x = 5;
  }

  extensions 100 to 199, 300;
}

extend google.protobuf.FieldOptions {
  optional string tag = 50000;
}
`);
  });

  it("prints aggregate option values as indented blocks", () => {
    const text = `syntax = "proto3";
import "confluent/meta.proto";
message A {
  option (confluent.message_meta) = { doc: "x", params: [{ key: "k", value: "v" }], tags: "t1" tags: "t2" };
  int32 a = 1;
}`;
    expect(canonical(text)).toBe(`syntax = "proto3";

import "confluent/meta.proto";

message A {
  option (confluent.message_meta) = {
    doc: "x",
    params: [
      {
        key: "k",
        value: "v"
      }
    ],
    tags: [
      "t1",
      "t2"
    ]
  };

  int32 a = 1;
}
`);
  });

  it("omits the syntax line when the source has none and prints an empty message on one line", () => {
    expect(canonical("package p;\nmessage Empty {}\n")).toBe("package p;\n\nmessage Empty {}\n");
  });

  it("drops weak imports, as Confluent's printer does", () => {
    expect(canonical('syntax = "proto3";\nimport weak "google/protobuf/empty.proto";\nmessage A {}\n')).toBe(
      'syntax = "proto3";\n\nmessage A {}\n',
    );
  });

  it("places enum reserved statements directly before the constants", () => {
    expect(canonical('syntax = "proto3";\nenum E { reserved 2; Z = 0; }')).toBe(
      'syntax = "proto3";\n\nenum E {\n  reserved 2;\n  Z = 0;\n}\n',
    );
  });

  it("escapes string option values the way Confluent does", () => {
    expect(canonical("syntax = \"proto3\";\noption go_package = 'it\\'s \\x41\\n';")).toBe(
      'syntax = "proto3";\n\noption go_package = "it\\\'s A\\n";\n',
    );
  });

  it.each([
    [
      "comments and blank lines",
      'syntax = "proto3";\n// hello\n\nmessage A {\n\n  int32 a = 1; /* x */\n}\n',
    ],
    ["spacing and line breaks", 'syntax="proto3";message A{int32 a=1;}'],
    ["quote style of the syntax line", "syntax = 'proto3';\nmessage A { int32 a = 1; }"],
    ["stray semicolons", 'syntax = "proto3";;\nmessage A { int32 a = 1;; };\n'],
  ])("ignores %s", (_what, text) => {
    expect(canonical(text)).toBe('syntax = "proto3";\n\nmessage A {\n  int32 a = 1;\n}\n');
  });

  it.each([
    ["field order", "message A { int32 a = 1; int32 b = 2; }", "message A { int32 b = 2; int32 a = 1; }"],
    ["message order", "message A {} message B {}", "message B {} message A {}"],
    ["type spelling", "message A { B b = 1; } message B {}", "message A { .B b = 1; } message B {}"],
    [
      "option order",
      "message A { option deprecated = true; option no_standard_descriptor_accessor = true; }",
      "message A { option no_standard_descriptor_accessor = true; option deprecated = true; }",
    ],
  ])("keeps %s significant", (_what, a, b) => {
    const header = 'syntax = "proto3";\n';
    expect(canonical(header + a)).not.toBe(canonical(header + b));
    expect(protobufFormat.equivalent(parseOk(header + a), parseOk(header + b))).toBe(false);
  });

  it("calls schemas equivalent when their canonical strings match", () => {
    const a = parseOk('syntax = "proto3";\n// v1\nmessage A { int32 a = 1; }');
    const b = parseOk('syntax = "proto3";\nmessage A {\n  int32 a = 1;   // same\n}');
    expect(protobufFormat.equivalent(a, b)).toBe(true);
  });
});

describe("canonical and normalized text re-parse to themselves", () => {
  const corpus = [
    KITCHEN_SINK,
    `syntax = "proto2";
package p;
import "google/protobuf/descriptor.proto";
extend google.protobuf.MessageOptions { repeated string labels = 60000; }
message Outer {
  option (labels) = "a";
  option (labels) = "b";
  reserved 3, 5 to 5;
  optional int32 a = 1 [default = -7];
  repeated Entry e = 2;
  message Entry { option map_entry = true; optional string key = 1; optional Inner value = 2; }
  message Inner { oneof pick { int32 x = 4; string y = 6; } optional group G = 7 { required int32 q = 8; } }
  extensions 1000 to max;
}
enum Color { option allow_alias = true; RED = 1; CRIMSON = 1; BLUE = 2; }
service S { rpc Do (Outer) returns (stream Outer.Inner); }`,
    `syntax = "proto3";
import "confluent/meta.proto";
message A {
  int64 amount = 1 [(confluent.field_meta) = { doc: "d", tags: ["pii", "money"], params: { key: "k" value: "v" } }];
  double ratio = 2;
}`,
  ];

  it.each(corpus.map((text, i) => [i, text]))("corpus entry %i", (_i, text) => {
    const schema = parseOk(text as string);
    const canonicalText = schema.canonical();
    expect(parseOk(canonicalText).canonical()).toBe(canonicalText);
    const normalizedText = schema.normalized();
    expect(parseOk(normalizedText).normalized()).toBe(normalizedText);
    expect(parseOk(normalizedText).canonical()).toBe(normalizedText);
  });
});

describe("built-in files as schemas", () => {
  it.each([...BUILT_IN_PATHS])(
    "%s is stable through canonical and normalized form and equal to itself",
    (path) => {
      const schema = parseOk(builtInSource(path)!);
      expect(parseOk(schema.canonical()).canonical()).toBe(schema.canonical());
      expect(parseOk(schema.normalized()).normalized()).toBe(schema.normalized());
      expect(protobufFormat.canRead(schema, schema, { labels: { reader: "new", writer: "old" } })).toEqual(
        [],
      );
    },
  );
});
