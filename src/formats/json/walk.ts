// Visiting every subschema position of a JSON Schema document (never enum/const/default values).

import type { JsonNode, JsonObject } from "../jsontext/index.js";
import type { Draft } from "./draft.js";
import { schemaSlot } from "./keywords.js";

/** A subschema and the JSON pointer segments that lead to it from the document root. */
export interface SchemaVisit {
  node: JsonNode;
  pointer: readonly string[];
}

/**
 * Calls `visit` for the root and every nested subschema, parents first. Only objects and booleans
 * are schemas; anything else found in a schema slot is reported to `visit` as well so that callers
 * can complain about it, but is not descended into.
 */
export function walkSchemas(root: JsonNode, draft: Draft, visit: (v: SchemaVisit) => void): void {
  const stack: SchemaVisit[] = [{ node: root, pointer: [] }];
  while (stack.length > 0) {
    const current = stack.pop()!;
    visit(current);
    if (current.node.kind !== "object") continue;
    const children = childSchemas(current.node, draft, current.pointer);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** The subschemas directly below `node`, in source order. */
export function childSchemas(node: JsonObject, draft: Draft, pointer: readonly string[]): SchemaVisit[] {
  const out: SchemaVisit[] = [];
  for (const { key, value } of node.entries) {
    const at = [...pointer, key];
    if (key === "dependencies") {
      // Values are either property lists (arrays of names) or schemas.
      if (value.kind === "object") {
        for (const dep of value.entries) {
          if (dep.value.kind !== "array") out.push({ node: dep.value, pointer: [...at, dep.key] });
        }
      }
      continue;
    }
    const slot = schemaSlot(draft, key);
    if (slot === undefined) continue;
    if (slot === "schemaMap") {
      if (value.kind === "object") {
        for (const e of value.entries) out.push({ node: e.value, pointer: [...at, e.key] });
      }
    } else if (slot === "schemaList" || (slot === "schemaOrList" && value.kind === "array")) {
      if (value.kind === "array")
        value.items.forEach((item, i) => out.push({ node: item, pointer: [...at, String(i)] }));
    } else {
      out.push({ node: value, pointer: at });
    }
  }
  return out;
}

/** `#/a/b` with JSON pointer escaping, for messages. */
export function pointerText(pointer: readonly string[]): string {
  return "#" + pointer.map((s) => "/" + s.replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}
