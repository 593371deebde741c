// What a schema text offers to other schemas, found without parsing it fully: the names under which
// another schema can refer to it. Used to infer references between files of a repository.

import { member, parseJsonText, type JsonNode } from "./jsontext/index.js";
import type { SchemaType } from "./types.js";

const AVRO_NAMED = new Set(["record", "error", "enum", "fixed"]);

/**
 * Avro: the full names of every named type the text defines. JSON Schema: its `$id` (or draft-4 `id`).
 * Protobuf: nothing, since files are imported by path. An unparsable text provides nothing; its own
 * validation reports the problem.
 */
export function providedNames(schemaType: SchemaType, text: string): string[] {
  if (schemaType === "PROTOBUF") return [];
  const parsed = parseJsonText(text);
  if (!parsed.ok) return [];
  if (schemaType === "JSON") return jsonSchemaId(parsed.value);
  const names: string[] = [];
  collectAvroNames(parsed.value, "", names);
  return names;
}

function jsonSchemaId(root: JsonNode): string[] {
  if (root.kind !== "object") return [];
  const id = member(root, "$id") ?? member(root, "id");
  return id?.kind === "string" && id.value !== "" ? [id.value] : [];
}

function collectAvroNames(node: JsonNode, namespace: string, out: string[]): void {
  if (node.kind === "array") {
    for (const item of node.items) collectAvroNames(item, namespace, out);
    return;
  }
  if (node.kind !== "object") return;
  const type = member(node, "type");
  if (type?.kind === "string" && AVRO_NAMED.has(type.value)) {
    const name = member(node, "name");
    if (name?.kind !== "string") return;
    const ns = member(node, "namespace");
    const fullName = name.value.includes(".")
      ? name.value
      : ns?.kind === "string"
        ? ns.value
          ? `${ns.value}.${name.value}`
          : name.value
        : namespace
          ? `${namespace}.${name.value}`
          : name.value;
    out.push(fullName);
    const inner = fullName.includes(".") ? fullName.slice(0, fullName.lastIndexOf(".")) : "";
    const fields = member(node, "fields");
    if (fields?.kind === "array") {
      for (const field of fields.items) {
        if (field.kind === "object") {
          const fieldType = member(field, "type");
          if (fieldType) collectAvroNames(fieldType, inner, out);
        }
      }
    }
    return;
  }
  if (type) collectAvroNames(type, namespace, out);
  for (const key of ["items", "values"]) {
    const child = member(node, key);
    if (child) collectAvroNames(child, namespace, out);
  }
}
