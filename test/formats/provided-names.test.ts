import { describe, expect, it } from "vitest";
import { providedNames } from "../../src/formats/provided-names.js";

describe("providedNames", () => {
  it("lists every Avro named type with its full name, nested ones included", () => {
    const text = JSON.stringify({
      type: "record",
      name: "Order",
      namespace: "com.acme",
      fields: [
        { name: "address", type: { type: "record", name: "Address", fields: [] } },
        { name: "status", type: ["null", { type: "enum", name: "other.Status", symbols: ["A"] }] },
        { name: "codes", type: { type: "array", items: { type: "fixed", name: "Code", size: 2 } } },
        { name: "plain", type: { type: "record", name: "Plain", namespace: "", fields: [] } },
      ],
    });
    expect(providedNames("AVRO", text)).toEqual([
      "com.acme.Order",
      "com.acme.Address",
      "other.Status",
      "com.acme.Code",
      "Plain",
    ]);
  });

  it("gives a JSON Schema's $id, or draft-4 id", () => {
    expect(providedNames("JSON", '{"$id":"https://acme.io/address.json","type":"object"}')).toEqual([
      "https://acme.io/address.json",
    ]);
    expect(providedNames("JSON", '{"id":"address.json"}')).toEqual(["address.json"]);
    expect(providedNames("JSON", '{"type":"object"}')).toEqual([]);
  });

  it("gives nothing for Protobuf or unparsable text", () => {
    expect(providedNames("PROTOBUF", "message A {}")).toEqual([]);
    expect(providedNames("AVRO", "{not json")).toEqual([]);
  });
});
