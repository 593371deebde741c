// Where a schema text mentions the name of another schema, so that an unresolved reference is reported on
// the line that names it: an Avro type in type position, a Protobuf import, a JSON Schema `$ref`.

import { member, parseJsonText, type JsonNode } from "../formats/jsontext/index.js";
import type { SchemaType } from "../formats/types.js";
import { positionAt } from "./issues.js";

export interface Mention {
  line: number;
  column: number;
}

const START: Mention = { line: 1, column: 1 };

export function findMention(schemaType: SchemaType, text: string, name: string): Mention {
  if (schemaType === "PROTOBUF") return protobufImport(text, name);
  const parsed = parseJsonText(text);
  if (!parsed.ok) return START;
  const found =
    schemaType === "AVRO" ? avroTypeMention(parsed.value, name) : jsonRefMention(parsed.value, name);
  return found ?? START;
}

function protobufImport(text: string, name: string): Mention {
  const pattern = /\bimport\s+(?:(?:public|weak)\s+)?(["'])([^"']*)\1/g;
  for (const match of text.matchAll(pattern)) {
    if (match[2] === name) return positionAt(text, match.index + match[0].length - name.length - 2);
  }
  return START;
}

/** A string naming `fullName` (or its simple name, written inside a namespace) where a type is expected. */
function avroTypeMention(root: JsonNode, fullName: string): Mention | undefined {
  const simple = fullName.slice(fullName.lastIndexOf(".") + 1);
  let found: Mention | undefined;
  const visitType = (node: JsonNode): void => {
    if (found) return;
    if (node.kind === "string" && (node.value === fullName || node.value === simple)) {
      found = { line: node.start.line, column: node.start.column };
    } else if (node.kind === "array") {
      node.items.forEach(visitType);
    } else if (node.kind === "object") {
      for (const key of ["type", "items", "values"]) {
        const child = member(node, key);
        if (child) visitType(child);
      }
      const fields = member(node, "fields");
      if (fields?.kind === "array") for (const field of fields.items) visitType(field);
    }
  };
  visitType(root);
  return found;
}

/** The first `$ref` whose document part (before `#`) is `document`. */
function jsonRefMention(node: JsonNode, document: string): Mention | undefined {
  if (node.kind === "array") {
    for (const item of node.items) {
      const found = jsonRefMention(item, document);
      if (found) return found;
    }
  }
  if (node.kind !== "object") return undefined;
  for (const entry of node.entries) {
    if (
      entry.key === "$ref" &&
      entry.value.kind === "string" &&
      entry.value.value.split("#")[0] === document
    ) {
      return { line: entry.value.start.line, column: entry.value.start.column };
    }
    const found = jsonRefMention(entry.value, document);
    if (found) return found;
  }
  return undefined;
}
