import { describe, expect, it } from "vitest";
import type { ResolvedReference } from "../../../src/formats/types.js";
import { protobufFormat } from "../../../src/formats/protobuf/index.js";
import { breaking, differences, findings, parseOk, proto3 } from "./helpers.js";

const money = (version: number, body: string): ResolvedReference => ({
  name: "common/money.proto",
  subject: "money-value",
  version,
  schema: proto3(body, "common"),
});

const order = proto3('import "common/money.proto";\nmessage Order { common.Money price = 1; }');

describe("message-typed fields from references (sub-context comparison)", () => {
  it("compares the referenced definitions when the versions differ, restarting the path at the type", () => {
    const writer = [money(1, "message Money { int64 units = 1; }")];
    const reader = [money(2, "message Money { string units = 1; }")];
    expect(differences(order, order, { reader, writer })).toEqual([
      "FIELD_SCALAR_KIND_CHANGED #/Money/1",
      "FIELD_NAMED_TYPE_CHANGED #/Order/1",
    ]);
  });

  it("reports compatible differences of the referenced type without failing the field", () => {
    const writer = [money(1, "message Money { int64 units = 1; }")];
    const reader = [money(2, "message Money { int64 units = 1; int32 nanos = 2; }")];
    expect(differences(order, order, { reader, writer })).toEqual(["FIELD_ADDED #/Money/2"]);
    expect(breaking(order, order, { reader, writer })).toEqual([]);
  });

  it("does not compare types taken from the same subject and version", () => {
    // Same subject/version on both sides: the registry trusts it is the same definition.
    const writer = [money(1, "message Money { int64 units = 1; }")];
    const reader = [money(1, "message Money { string units = 1; }")];
    expect(differences(order, order, { reader, writer })).toEqual([]);
  });

  it("compares a local type with a referenced type of the same local name", () => {
    const local = proto3("message Order { Money price = 1; }\nmessage Money { int64 units = 1; }", "common");
    const referenced = proto3('import "common/money.proto";\nmessage Order { Money price = 1; }', "common");
    const refs = [money(1, "message Money { sint64 units = 1; }")];
    expect(differences(referenced, local, { reader: refs })).toEqual([
      "FIELD_SCALAR_KIND_CHANGED #/Money/1",
      "FIELD_NAMED_TYPE_CHANGED #/Order/1",
      "MESSAGE_REMOVED #/Money",
    ]);
  });

  it("stops on recursive referenced types", () => {
    const tree = (version: number, extra: string): ResolvedReference => ({
      name: "tree.proto",
      subject: "tree",
      version,
      schema: proto3(`message Tree { repeated Tree children = 1; ${extra} }`, "t"),
    });
    const schema = proto3('import "tree.proto";\nmessage Forest { t.Tree root = 1; }');
    expect(
      differences(schema, schema, { writer: [tree(1, "")], reader: [tree(2, "string name = 2;")] }),
    ).toEqual(["FIELD_ADDED #/Tree/2"]);
  });

  it("gives types from nested references no registration, so they are always compared", () => {
    const inner = (body: string): ResolvedReference => ({
      name: "inner.proto",
      subject: "inner",
      version: 1,
      schema: proto3(body, "in"),
    });
    const outer = (innerBody: string): ResolvedReference => ({
      name: "outer.proto",
      subject: "outer",
      version: 1,
      schema: proto3('import "inner.proto";\nmessage Outer { in.Inner i = 1; }', "out"),
      references: [inner(innerBody)],
    });
    const schema = proto3('import "outer.proto";\nimport "inner.proto";\nmessage A { in.Inner i = 1; }');
    expect(
      differences(schema, schema, {
        writer: [outer("message Inner { int32 x = 1; }")],
        reader: [outer("message Inner { string x = 1; }")],
      }),
    ).toEqual(["FIELD_SCALAR_KIND_CHANGED #/Inner/1", "FIELD_NAMED_TYPE_CHANGED #/A/1"]);
  });
});

describe("finding details", () => {
  it("fills Confluent's description with the reader's label first", () => {
    const [removed] = findings(proto3("message A {}"), proto3("message A {} message B {}"));
    expect(removed).toMatchObject({
      errorType: "MESSAGE_REMOVED",
      path: "#/B",
      compatible: false,
      description: "The new schema is missing a MESSAGE type at path '#/B' in the old schema",
    });
  });

  it("uses the labels it is given (FORWARD swaps them)", () => {
    const reader = parseOk(proto3("message A { int32 a = 1; }"));
    const writer = parseOk(proto3("message A { string a = 1; }"));
    const [finding] = protobufFormat.canRead(reader, writer, { labels: { reader: "old", writer: "new" } });
    expect(finding?.description).toBe(
      "The kind of a SCALAR field at path '#/A/1' in the old schema does not match its kind in the new schema",
    );
  });

  it.each([
    [
      "PACKAGE_CHANGED",
      proto3("message A {}", "b"),
      proto3("message A {}", "a"),
      "The package at '#/' in the new schema does not match the package in the old schema",
    ],
    [
      "FIELD_KIND_CHANGED",
      proto3("message A { map<string, string> a = 1; }"),
      proto3("message A { string a = 1; }"),
      "The type of a field at path '#/A/1' in the new schema does not match the old schema",
    ],
    [
      "FIELD_NAMED_TYPE_CHANGED",
      proto3("message A { C a = 1; } message B {} message C {}"),
      proto3("message A { B a = 1; } message B {} message C {}"),
      "The type of a MESSAGE field at path '#/A/1' in the new schema does not match its type in the old schema",
    ],
    [
      "FIELD_NUMERIC_LABEL_CHANGED",
      proto3("message A { repeated int32 a = 1; }"),
      proto3("message A { optional int32 a = 1; }"),
      "The label for a NUMERIC field at path '#/A/1' in the new schema does not match its label in the old schema",
    ],
    [
      "REQUIRED_FIELD_ADDED",
      'syntax = "proto2";\nmessage A { required int32 a = 1; }',
      'syntax = "proto2";\nmessage A {}',
      "A required field  at path '#/A/1' in the new schema is missing in the old schema",
    ],
    [
      "REQUIRED_FIELD_REMOVED",
      'syntax = "proto2";\nmessage A {}',
      'syntax = "proto2";\nmessage A { required int32 a = 1; }',
      "The new schema is missing a required field at path: '#/A/1' in the old schema",
    ],
    [
      "ONEOF_FIELD_REMOVED",
      proto3("message A { oneof o { int32 a = 1; } }"),
      proto3("message A { oneof o { int32 a = 1; int32 b = 2; } }"),
      "The new schema is missing a oneof field at path '#/A/o/2' in the old schema",
    ],
    [
      "MULTIPLE_FIELDS_MOVED_TO_ONEOF",
      proto3("message A { oneof o { int32 a = 1; int32 b = 2; } }"),
      proto3("message A { int32 a = 1; int32 b = 2; }"),
      "Multiple fields in the oneof at path '#/A/o' in the new schema are outside a oneof in the old schema",
    ],
    [
      "FIELD_MOVED_TO_EXISTING_ONEOF",
      proto3("message A { oneof o { int32 a = 1; int32 b = 2; } }"),
      proto3("message A { int32 a = 1; oneof o { int32 b = 2; } }"),
      "A field in the oneof at path '#/A/o' in the new schema is outside an existing oneof in the old schema",
    ],
  ])("describes %s", (type, reader, writer, description) => {
    const finding = findings(reader, writer).find((f) => f.errorType === type);
    expect(finding?.description).toBe(description);
  });

  it("leaves compatible differences without a description", () => {
    const all = findings(
      proto3("message A { int32 b = 2; oneof o { int32 c = 3; } } enum E { Z = 0; }"),
      proto3("message A {}"),
    );
    expect(all.map((f) => f.errorType)).toEqual([
      "ONEOF_ADDED",
      "FIELD_ADDED",
      "ONEOF_FIELD_ADDED",
      "ENUM_ADDED",
    ]);
    expect(all.every((f) => f.compatible && f.description === "")).toBe(true);
  });

  it("renders a finding as Confluent's message entry", () => {
    const [finding] = findings(proto3("message A {}"), proto3("message A {} message B {}"));
    expect(protobufFormat.renderMessage(finding!)).toBe(
      `{errorType:"MESSAGE_REMOVED", description:"The new schema is missing a MESSAGE type at path '#/B' in the old schema"}`,
    );
  });

  it("locates the element in the reader's and the writer's text", () => {
    const writer = 'syntax = "proto3";\n\nmessage A {\n  int32 a = 1;\n}\n';
    const reader = 'syntax = "proto3";\nmessage A {\n    string a = 1;\n}\n';
    const [finding] = findings(reader, writer);
    expect(finding?.readerLocation).toEqual({ line: 3, column: 5 });
    expect(finding?.writerLocation).toEqual({ line: 4, column: 3 });
  });

  it("locates elements of referenced files by reference name", () => {
    const writer = [money(1, "message Money { int64 units = 1; }")];
    const reader = [money(2, "message Money {\n  string units = 1;\n}")];
    const [inner] = findings(order, order, { reader, writer });
    expect(inner?.readerLocation).toEqual({ line: 4, column: 3, source: "common/money.proto" });
  });
});
