import { describe, expect, it } from "vitest";
import { protobufFormat } from "../../../src/formats/protobuf/index.js";

describe("protobufFormat (first slice)", () => {
  it("prints the canonical form without comments and re-parses to the same text", () => {
    const r = protobufFormat.parse({
      schemaType: "PROTOBUF",
      schema: 'syntax = "proto3";\n// c\npackage p;\nmessage A {\n  string a = 1; // trailing\n}\n',
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.schema.canonical()).toBe('syntax = "proto3";\npackage p;\n\nmessage A {\n  string a = 1;\n}\n');
  });
});
