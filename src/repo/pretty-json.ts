// Pretty-prints JSON schema text for people: two-space indentation, with small flat objects and arrays
// (an Avro field, a union, enum symbols) kept on one line. Numbers keep their exact lexeme, so the
// canonical form of the printed schema is the one it was printed from.

import { parseJsonText, quoteJson, type JsonNode } from "../formats/jsontext/index.js";

const WIDTH = 100;

/** The pretty text, or undefined when `text` is not JSON. */
export function prettyJson(text: string): string | undefined {
  const parsed = parseJsonText(text);
  return parsed.ok ? `${print(parsed.value, 0)}\n` : undefined;
}

function print(node: JsonNode, indent: number): string {
  switch (node.kind) {
    case "object": {
      if (node.entries.length === 0) return "{}";
      const parts = node.entries.map((e) => `${quoteJson(e.key)}: ${print(e.value, indent + 2)}`);
      return layout(
        "{",
        "}",
        parts,
        node.entries.map((e) => e.value),
        indent,
      );
    }
    case "array": {
      if (node.items.length === 0) return "[]";
      const parts = node.items.map((item) => print(item, indent + 2));
      return layout("[", "]", parts, node.items, indent);
    }
    case "string":
      return quoteJson(node.value);
    case "number":
      return node.lexeme;
    case "boolean":
      return String(node.value);
    case "null":
      return "null";
  }
}

function layout(open: string, close: string, parts: string[], children: JsonNode[], indent: number): string {
  const flat = children.every(isFlat);
  const inline = `${open}${parts.join(", ")}${close}`;
  if (flat && indent + inline.length <= WIDTH) return inline;
  const pad = " ".repeat(indent + 2);
  return `${open}\n${parts.map((p) => pad + p).join(",\n")}\n${" ".repeat(indent)}${close}`;
}

function isFlat(node: JsonNode): boolean {
  if (node.kind === "object") return node.entries.length === 0;
  if (node.kind === "array")
    return node.items.every((item) => item.kind !== "object" && item.kind !== "array");
  return true;
}
