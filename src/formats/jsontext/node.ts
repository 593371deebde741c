// Reading and writing the lossless JSON tree of parse.ts.

import type { JsonNode, JsonObject } from "./parse.js";

/** The value of `key` in an object; the last one wins when a key repeats, as Jackson does. */
export function member(node: JsonObject, key: string): JsonNode | undefined {
  for (let i = node.entries.length - 1; i >= 0; i--) {
    const entry = node.entries[i]!;
    if (entry.key === key) return entry.value;
  }
  return undefined;
}

/** Keys that appear more than once in an object, with every occurrence after the first. */
export function duplicateKeys(node: JsonObject): JsonObject["entries"] {
  const seen = new Set<string>();
  const dups: JsonObject["entries"] = [];
  for (const entry of node.entries) {
    if (seen.has(entry.key)) dups.push(entry);
    seen.add(entry.key);
  }
  return dups;
}

export interface StringifyOptions {
  /** Sort every object's keys recursively (the JSON Schema `normalize=true` form). */
  sortKeys?: boolean;
}

/**
 * Compact JSON, numbers exactly as written, keys in source order (or sorted). For repeated keys
 * only the last occurrence is written, as a Jackson tree would hold it.
 */
export function stringifyCompact(node: JsonNode, options: StringifyOptions = {}): string {
  switch (node.kind) {
    case "object": {
      const entries = uniqueEntries(node);
      if (options.sortKeys) entries.sort((a, b) => compareUtf16(a.key, b.key));
      return `{${entries.map((e) => `${quoteJson(e.key)}:${stringifyCompact(e.value, options)}`).join(",")}}`;
    }
    case "array":
      return `[${node.items.map((item) => stringifyCompact(item, options)).join(",")}]`;
    case "string":
      return quoteJson(node.value);
    case "number":
      return node.lexeme;
    case "boolean":
      return node.value ? "true" : "false";
    case "null":
      return "null";
  }
}

function uniqueEntries(node: JsonObject): JsonObject["entries"] {
  const lastIndex = new Map<string, number>();
  node.entries.forEach((e, i) => lastIndex.set(e.key, i));
  return node.entries.filter((e, i) => lastIndex.get(e.key) === i);
}

/** Java's String.compareTo order (UTF-16 code units), which is what TreeMap-based sorting uses. */
export function compareUtf16(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A JSON string literal the way Jackson writes it. */
export function quoteJson(value: string): string {
  return JSON.stringify(value);
}

/** Plain JavaScript value of a node (numbers lose their lexeme). */
export function toPlain(node: JsonNode): unknown {
  switch (node.kind) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const entry of node.entries) {
        Object.defineProperty(out, entry.key, {
          value: toPlain(entry.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case "array":
      return node.items.map(toPlain);
    case "null":
      return null;
    default:
      return node.value;
  }
}

/** Structural equality: numbers compare by lexeme-independent value, objects ignore key order. */
export function jsonEquals(a: JsonNode, b: JsonNode): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "object": {
      const bo = b as JsonObject;
      const ae = uniqueEntries(a);
      const be = uniqueEntries(bo);
      if (ae.length !== be.length) return false;
      return ae.every((e) => {
        const other = member(bo, e.key);
        return other !== undefined && jsonEquals(e.value, other);
      });
    }
    case "array": {
      const bi = (b as typeof a).items;
      return a.items.length === bi.length && a.items.every((item, i) => jsonEquals(item, bi[i]!));
    }
    case "number":
      return a.value === (b as typeof a).value;
    case "null":
      return true;
    default:
      return a.value === (b as typeof a).value;
  }
}

/** Indented JSON (two spaces), numbers exactly as written, keys in source order: for people and diffs. */
export function stringifyPretty(node: JsonNode, indent = ""): string {
  const inner = `${indent}  `;
  switch (node.kind) {
    case "object": {
      const entries = uniqueEntries(node);
      if (entries.length === 0) return "{}";
      const body = entries.map((e) => `${inner}${quoteJson(e.key)}: ${stringifyPretty(e.value, inner)}`);
      return `{\n${body.join(",\n")}\n${indent}}`;
    }
    case "array": {
      if (node.items.length === 0) return "[]";
      // Short arrays of scalars (enum symbols, union branches of primitives) stay on one line.
      const flat = node.items.every((item) => item.kind !== "object" && item.kind !== "array");
      const oneLine = `[${node.items.map((item) => stringifyCompact(item)).join(", ")}]`;
      if (flat && oneLine.length <= 80) return oneLine;
      return `[\n${node.items.map((item) => `${inner}${stringifyPretty(item, inner)}`).join(",\n")}\n${indent}]`;
    }
    default:
      return stringifyCompact(node);
  }
}
