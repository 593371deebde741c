import { describe, expect, it } from "vitest";
import type { SchemaNode } from "../../../src/formats/json/model/nodes.js";
import { parseDoc } from "./helpers.js";

/** A compact picture of a model: kinds, with combinations and their members. */
function shape(node: SchemaNode): unknown {
  switch (node.kind) {
    case "combined":
      return { [`${node.criterion}${node.synthetic ? "*" : ""}`]: node.subschemas.map(shape) };
    case "number":
      return node.integer ? "integer" : "number";
    case "empty":
      return node.isTrue ? "true" : "empty";
    case "reference":
      return `ref:${node.ref}`;
    default:
      return node.kind;
  }
}

const D2019 = "https://json-schema.org/draft/2019-09/schema";
const D4 = "http://json-schema.org/draft-04/schema#";

describe("the node-kind model", () => {
  it.each<[string, unknown, unknown]>([
    ["string by type", { type: "string" }, "string"],
    ["string by keyword alone", { maxLength: 3 }, "string"],
    ["integer", { type: "integer" }, "integer"],
    ["number by keyword alone", { minimum: 0 }, "number"],
    ["boolean", { type: "boolean" }, "boolean"],
    ["null", { type: "null" }, "null"],
    ["object by keyword alone", { properties: {} }, "object"],
    ["array by keyword alone", { items: {} }, "array"],
    ["enum", { enum: [1] }, "enum"],
    ["const", { const: 1 }, "const"],
    ["not", { not: {} }, "not"],
    ["empty object", {}, "empty"],
    ["only annotations and unknown keywords", { title: "t", "x-y": 1 }, "empty"],
    ["true", true, "true"],
    ["false", false, "false"],
    ["conditional", { if: {}, then: {} }, "conditional"],
    ["reference", { $ref: "#/definitions/a", definitions: { a: {} } }, "ref:#/definitions/a"],
    ["explicit combinator", { oneOf: [{ type: "string" }, { type: "null" }] }, { oneOf: ["string", "null"] }],
    [
      "type plus a foreign keyword family",
      { type: "string", minimum: 1 },
      { "allOf*": ["string", "number"] },
    ],
    [
      "several combinators",
      { allOf: [{}], anyOf: [{}] },
      { "allOf*": [{ allOf: ["empty"] }, { anyOf: ["empty"] }] },
    ],
    [
      "loader order: enum, combinators, not, const, type, sniffed families",
      { minLength: 1, type: "object", const: {}, not: {}, anyOf: [{}], enum: [{}] },
      { "allOf*": ["enum", { anyOf: ["empty"] }, "not", "const", "object", "string"] },
    ],
    ["type array", { type: ["string", "integer"] }, { "anyOf*": ["string", "integer"] }],
    ["draft 4 has no const", { $schema: D4, const: 1 }, "empty"],
    [
      "draft 7 ignores $ref siblings",
      { $ref: "#/definitions/a", type: "string", definitions: { a: {} } },
      "ref:#/definitions/a",
    ],
    [
      "draft 2019-09 keeps $ref siblings",
      { $schema: D2019, $ref: "#/$defs/a", type: "string", $defs: { a: {} } },
      { "allOf*": ["ref:#/$defs/a", "string"] },
    ],
  ])("%s", (_, schema, expected) => {
    expect(shape(parseDoc(schema).model)).toEqual(expected);
  });

  it("gives every member of a type array the keywords of its type", () => {
    const model = parseDoc({ type: ["string", "null"], maxLength: 4 }).model;
    expect(model).toMatchObject({
      kind: "combined",
      subschemas: [{ kind: "string", maxLength: 4 }, { kind: "null" }],
    });
  });

  it("attaches annotations to the resulting node", () => {
    const model = parseDoc({
      title: "t",
      description: "d",
      $id: "x.json",
      default: 1,
      type: "string",
      minimum: 0,
    }).model;
    expect(model).toMatchObject({
      kind: "combined",
      annotations: { title: "t", description: "d", id: "x.json" },
    });
  });

  it("resolves every reference to one definition to the same node object", () => {
    const model = parseDoc({
      definitions: { a: { type: "string" } },
      properties: { x: { $ref: "#/definitions/a" }, y: { $ref: "#/definitions/a" } },
    }).model;
    if (model.kind !== "object") throw new Error("object expected");
    const [x, y] = [model.properties.get("x"), model.properties.get("y")];
    if (x?.kind !== "reference" || y?.kind !== "reference") throw new Error("references expected");
    expect(x).not.toBe(y);
    expect(x.target).toBe(y.target);
    expect(x.target.kind).toBe("string");
  });

  it("keeps each node's location", () => {
    const model = parseDoc(
      '{\n  "type": "object",\n  "properties": {\n    "a": {"type": "string"}\n  }\n}',
    ).model;
    if (model.kind !== "object") throw new Error("object expected");
    expect(model.location).toEqual({ line: 1, column: 1 });
    expect(model.properties.get("a")?.location).toEqual({ line: 4, column: 10 });
  });

  it("translates 2019-09 dependentRequired and dependentSchemas into dependencies", () => {
    const model = parseDoc({
      $schema: D2019,
      dependentRequired: { a: ["b"] },
      dependentSchemas: { c: { required: ["d"] } },
    }).model;
    if (model.kind !== "object") throw new Error("object expected");
    expect([...model.propertyDependencies]).toEqual([["a", ["b"]]]);
    expect(model.schemaDependencies.get("c")?.kind).toBe("object");
  });
});
