import { describe, expect, it } from "vitest";
import { jsonFormat } from "../../../src/formats/json/index.js";
import { type Case, expectDiff, int, LABELS, obj, parseDoc, str, summary } from "./helpers.js";

const withDefs = (a: unknown, extra: Record<string, unknown> = {}): unknown => ({
  definitions: { a },
  type: "object",
  properties: { x: { $ref: "#/definitions/a" } },
  ...extra,
});

describe("local references", () => {
  it.each<Case>([
    [
      "the target is compared at the referring path",
      withDefs(str()),
      withDefs(str({ maxLength: 2 })),
      ["MAX_LENGTH_ADDED #/properties/x/maxLength !"],
    ],
    [
      "a reference and the same schema inline are the same",
      withDefs(str()),
      obj({ x: str() }, { definitions: { a: str() } }),
      [],
    ],
    [
      "$defs is searchable in draft 7 too",
      { $defs: { a: str() }, properties: { x: { $ref: "#/$defs/a" } } },
      { $defs: { a: str({ minLength: 1 }) }, properties: { x: { $ref: "#/$defs/a" } } },
      ["MIN_LENGTH_ADDED #/properties/x/minLength !"],
    ],
    [
      "a pointer with escapes",
      { definitions: { "a/b": str() }, properties: { x: { $ref: "#/definitions/a~1b" } } },
      { definitions: { "a/b": int() }, properties: { x: { $ref: "#/definitions/a~1b" } } },
      ["TYPE_CHANGED #/properties/x !"],
    ],
    [
      "a reference by $id",
      { definitions: { a: { $id: "item.json", type: "string" } }, items: { $ref: "item.json" } },
      { definitions: { a: { $id: "item.json", type: "integer" } }, items: { $ref: "item.json" } },
      ["TYPE_CHANGED #/items !"],
    ],
    [
      "a draft 7 plain-name $id anchor",
      { definitions: { a: { $id: "#thing", type: "string" } }, items: { $ref: "#thing" } },
      { definitions: { a: { $id: "#thing", type: "string", maxLength: 1 } }, items: { $ref: "#thing" } },
      ["MAX_LENGTH_ADDED #/items/maxLength !"],
    ],
    [
      "siblings of $ref are ignored up to draft 7",
      withDefs(str()),
      { ...(withDefs(str()) as object), properties: { x: { $ref: "#/definitions/a", maxLength: 1 } } },
      [],
    ],
  ])("%s", (...c) => expectDiff(c));
});

describe("references to other documents", () => {
  const common = (maxLength: number): string =>
    JSON.stringify({ definitions: { name: { type: "string", maxLength } } });
  const main =
    '{\n  "type": "object",\n  "properties": {\n    "name": { "$ref": "common.json#/definitions/name" }\n  }\n}';

  it("compares the referenced documents and locates findings in them", () => {
    const writer = parseDoc(main, [
      { name: "common.json", subject: "common", version: 1, schema: common(10) },
    ]);
    const reader = parseDoc(main, [
      { name: "common.json", subject: "common", version: 2, schema: common(5) },
    ]);
    const [f] = jsonFormat.canRead(reader, writer, { labels: LABELS });
    expect(f).toMatchObject({
      errorType: "MAX_LENGTH_DECREASED",
      path: "#/properties/name/maxLength",
      compatible: false,
      readerLocation: { line: 1, column: 41, source: "common.json" },
      writerLocation: { line: 1, column: 41, source: "common.json" },
    });
  });

  it("follows references of references", () => {
    const leaf = (type: string): string => JSON.stringify({ type });
    const middle = JSON.stringify({ $ref: "leaf.json" });
    const doc = (type: string) =>
      parseDoc({ properties: { v: { $ref: "middle.json" } } }, [
        { name: "middle.json", schema: middle, references: [{ name: "leaf.json", schema: leaf(type) }] },
      ]);
    expect(
      jsonFormat.canRead(doc("integer"), doc("string"), { labels: LABELS }).map((f) => f.errorType),
    ).toEqual(["TYPE_CHANGED"]);
  });

  it("resolves relative names against the main document's $id", () => {
    const doc = (maxLength: number) =>
      parseDoc({ $id: "https://example.com/schemas/order.json", properties: { v: { $ref: "name.json" } } }, [
        { name: "name.json", schema: JSON.stringify({ type: "string", maxLength }) },
      ]);
    expect(jsonFormat.canRead(doc(3), doc(4), { labels: LABELS }).map((f) => f.path)).toEqual([
      "#/properties/v/maxLength",
    ]);
  });
});

describe("recursive schemas", () => {
  const list = (value: unknown): unknown => ({
    definitions: { node: obj({ value, next: { $ref: "#/definitions/node" } }) },
    $ref: "#/definitions/node",
  });

  it("terminates on identical recursive schemas without findings", () => {
    expect(summary(list(str()), list(str()))).toEqual([]);
  });

  it("reports a change inside the recursion once", () => {
    expect(summary(list(str({ maxLength: 2 })), list(str()))).toEqual([
      "MAX_LENGTH_ADDED #/properties/value/maxLength !",
    ]);
  });

  it("repeats the comparison when a cut cycle hid an incompatible pair", () => {
    // The first pass assumes the in-progress pair compatible while matching `child`'s branches, then
    // finds it incompatible through `v`; the next pass no longer pairs the recursive branches.
    const tree = (v: unknown): unknown => ({
      definitions: {
        t: obj({ child: { anyOf: [{ type: "null" }, { $ref: "#/definitions/t" }] }, v }),
      },
      $ref: "#/definitions/t",
    });
    expect(summary(tree(str({ maxLength: 3 })), tree(str()))).toEqual([
      "COMBINED_TYPE_SUBSCHEMAS_CHANGED #/properties/child !",
      "MAX_LENGTH_ADDED #/properties/v/maxLength !",
    ]);
  });

  it("terminates on mutually recursive definitions", () => {
    const pair = (max: number | undefined): unknown => ({
      definitions: {
        a: obj({ b: { $ref: "#/definitions/b" }, s: str(max === undefined ? {} : { maxLength: max }) }),
        b: obj({
          a: { $ref: "#/definitions/a" },
          list: { type: "array", items: { $ref: "#/definitions/b" } },
        }),
      },
      $ref: "#/definitions/a",
    });
    expect(summary(pair(4), pair(undefined))).toEqual(["MAX_LENGTH_ADDED #/properties/s/maxLength !"]);
    expect(summary(pair(undefined), pair(undefined))).toEqual([]);
  });
});
