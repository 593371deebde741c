import { describe, expect, it } from "vitest";
import { protobufFormat } from "../../../src/formats/protobuf/index.js";
import { parseOk } from "./helpers.js";

describe("dependencies()", () => {
  it("lists import paths in order, without duplicates and without built-in files", () => {
    const text = `syntax = "proto3";
import "google/protobuf/timestamp.proto";
import "shop/money.proto";
import public "shop/address.proto";
import weak "shop/legacy.proto";
import "confluent/meta.proto";
import "shop/money.proto";
message A {}`;
    expect(protobufFormat.dependencies(text)).toEqual({
      ok: true,
      names: ["shop/money.proto", "shop/address.proto", "shop/legacy.proto"],
    });
  });

  it("needs no references to answer", () => {
    expect(
      protobufFormat.dependencies('syntax = "proto3";\nimport "x.proto";\nmessage A { x.Y y = 1; }'),
    ).toEqual({
      ok: true,
      names: ["x.proto"],
    });
  });

  it("reports a syntax error with its location", () => {
    expect(protobufFormat.dependencies('syntax = "proto3";\nimport "x.proto"\n')).toEqual({
      ok: false,
      errors: [{ message: "expected ';' after the import path, found end of input", line: 3, column: 1 }],
    });
  });
});

describe("topLevelFieldNames()", () => {
  it("names the fields of every top-level message, oneof members included, nested messages excluded", () => {
    const schema = parseOk(`syntax = "proto3";
message A { string a = 1; oneof o { int32 b = 2; } message N { int32 hidden = 1; } }
enum E { Z = 0; }
message B { bytes c = 1; }`);
    expect(schema.topLevelFieldNames()).toEqual(["a", "b", "c"]);
  });
});
