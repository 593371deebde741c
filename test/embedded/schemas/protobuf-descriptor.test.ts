// Protobuf schemas as base64 FileDescriptorProtos: what descriptor-based clients send and ask for.

import { describe, expect, it } from "vitest";
import { parseSchema } from "../../../src/formats/index.js";
import type { ProtoSchema } from "../../../src/formats/protobuf/index.js";
import type { ResolvedReference } from "../../../src/formats/types.js";
import { protobufTextFromDescriptor } from "../../../src/embedded/schemas/protobuf/from-descriptor.js";
import { FileDescriptorProto } from "../../../src/embedded/schemas/protobuf/descriptor.js";
import { serializedDescriptor } from "../../../src/embedded/schemas/protobuf/to-descriptor.js";

function parse(schema: string, references: ResolvedReference[] = []): ProtoSchema {
  const result = parseSchema({ schemaType: "PROTOBUF", schema, references });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.schema as ProtoSchema;
}

function decode(base64: string): Record<string, unknown> {
  return FileDescriptorProto.toObject(FileDescriptorProto.decode(Buffer.from(base64, "base64")), {
    enums: String,
  }) as Record<string, unknown>;
}

const ORDER = `syntax = "proto3";
package acme.v1;

import "google/protobuf/timestamp.proto";

option java_package = "com.acme";

message Order {
  string id = 1;
  map<string, Line> lines = 2;
  optional int32 quantity = 3;
  oneof payment {
    string card = 4;
    Money cash = 5;
  }
  google.protobuf.Timestamp placed_at = 6;
  message Line {
    string sku = 1;
    Status status = 2;
  }
  enum Status {
    UNKNOWN = 0;
    SHIPPED = 1;
  }
  reserved 10 to 12;
  reserved "legacy";
}
message Money {
  int64 cents = 1;
}
service Orders {
  rpc Watch (Order) returns (stream Money);
}
`;

describe("Protobuf descriptors", () => {
  it("prints a descriptor as text that describes the same file", () => {
    const descriptor = serializedDescriptor(parse(ORDER));
    const text = protobufTextFromDescriptor(descriptor);
    expect(text).toContain("map<string, .acme.v1.Order.Line> lines = 2;");
    expect(serializedDescriptor(parse(text!))).toBe(descriptor);
  });

  it("resolves type names to fully qualified names and keeps nested declaration order", () => {
    const file = decode(serializedDescriptor(parse(ORDER)));
    const [order] = file.messageType as {
      name: string;
      field: { name: string; typeName?: string; oneofIndex?: number; proto3Optional?: boolean }[];
      nestedType: { name: string }[];
      oneofDecl: { name: string }[];
    }[];
    expect(file).toMatchObject({
      package: "acme.v1",
      syntax: "proto3",
      dependency: ["google/protobuf/timestamp.proto"],
    });
    expect(order!.nestedType.map((n) => n.name)).toEqual(["LinesEntry", "Line"]);
    expect(order!.field.find((f) => f.name === "placed_at")!.typeName).toBe(".google.protobuf.Timestamp");
    expect(order!.field.find((f) => f.name === "cash")).toMatchObject({
      typeName: ".acme.v1.Money",
      oneofIndex: 0,
    });
    // proto3 `optional` sits in a synthetic oneof after the real ones.
    expect(order!.field.find((f) => f.name === "quantity")).toMatchObject({
      proto3Optional: true,
      oneofIndex: 1,
    });
    expect(order!.oneofDecl.map((o) => o.name)).toEqual(["payment", "_quantity"]);
  });

  it("resolves types imported through references", () => {
    const common: ResolvedReference = {
      name: "common.proto",
      schema: 'syntax = "proto3";\npackage common;\nmessage Id { string value = 1; }\n',
    };
    const schema = parse(
      'syntax = "proto3";\npackage app;\nimport "common.proto";\nmessage User { common.Id id = 1; }\n',
      [common],
    );
    const file = decode(serializedDescriptor(schema));
    expect(file.dependency).toEqual(["common.proto"]);
    expect((file.messageType as { field: { typeName: string }[] }[])[0]!.field[0]!.typeName).toBe(
      ".common.Id",
    );
  });

  it.each([
    ["proto text", ORDER],
    ["an empty text", ""],
    ["base64 that is not a descriptor", "////"],
  ])("reads %s as no descriptor", (_what, text) => {
    expect(protobufTextFromDescriptor(text)).toBeUndefined();
  });
});
