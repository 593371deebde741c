import { describe, expect, it } from "vitest";
import {
  parseJsonText,
  stringifyCompact,
  member,
  jsonEquals,
  type JsonNode,
} from "../../../src/formats/jsontext/index.js";

function parseOk(text: string): JsonNode {
  const r = parseJsonText(text);
  if (!r.ok) throw new Error(`${r.error.line}:${r.error.column} ${r.error.message}`);
  return r.value;
}

describe("parseJsonText", () => {
  it("keeps number lexemes and key order in compact output", () => {
    const node = parseOk('{ "b": 1.0,\n  "a": [1e3, -0, 2.50] }');
    expect(stringifyCompact(node)).toBe('{"b":1.0,"a":[1e3,-0,2.50]}');
  });

  it("sorts keys recursively on request, leaving arrays in order", () => {
    const node = parseOk('{"b":{"z":1,"y":2},"a":[3,1]}');
    expect(stringifyCompact(node, { sortKeys: true })).toBe('{"a":[3,1],"b":{"y":2,"z":1}}');
  });

  it("locates every node with 1-based line and column", () => {
    const node = parseOk('{\n  "type": "record",\n  "fields": []\n}');
    if (node.kind !== "object") throw new Error("object expected");
    const fields = member(node, "fields")!;
    expect(fields.start).toMatchObject({ line: 3, column: 13 });
    expect(node.entries[0]!.keyStart).toMatchObject({ line: 2, column: 3 });
  });

  it("lets the last of repeated keys win", () => {
    const node = parseOk('{"a":1,"a":2}');
    if (node.kind !== "object") throw new Error("object expected");
    expect(member(node, "a")).toMatchObject({ lexeme: "2" });
    expect(stringifyCompact(node)).toBe('{"a":2}');
  });

  it("decodes escapes and re-encodes them", () => {
    const node = parseOk('"a\\u00e9\\n\\"/"');
    expect(node).toMatchObject({ kind: "string", value: 'aé\n"/' });
    expect(stringifyCompact(node)).toBe('"aé\\n\\"/"');
  });

  it("compares structurally, ignoring key order and number spelling", () => {
    expect(jsonEquals(parseOk('{"a":1,"b":[true,null]}'), parseOk('{"b":[true,null],"a":1.0}'))).toBe(true);
    expect(jsonEquals(parseOk('{"a":1}'), parseOk('{"a":"1"}'))).toBe(false);
  });

  it.each([
    ["", 1, 1, "empty document"],
    ['{"a":1,}', 1, 8, "trailing comma"],
    ['{"a" 1}', 1, 6, "expected ':'"],
    ["{\n  'a': 1\n}", 2, 3, "property name in double quotes"],
    ['{"a":tru}', 1, 6, "unexpected token"],
    ['{"a":01}', 1, 6, "invalid number"],
    ['["x]', 1, 2, "unterminated string"],
    ['{"a":1} x', 1, 9, "after the end"],
    ['{"a":1 // c\n}', 1, 8, "comments"],
    ['["\\q"]', 1, 3, "invalid escape"],
  ])("reports %j at line %i column %i", (text, line, column, message) => {
    const r = parseJsonText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ line, column });
    expect(r.error.message).toContain(message);
  });

  it("refuses absurd nesting instead of overflowing the stack", () => {
    const r = parseJsonText("[".repeat(2000) + "]".repeat(2000));
    expect(r.ok).toBe(false);
  });
});
