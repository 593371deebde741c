// From schema text (plus resolved references) to a JsonSchemaDoc, or every problem found.

import { parseJsonText } from "../jsontext/index.js";
import type { ParseResult, SchemaInput, SchemaIssue } from "../types.js";
import { detectDraft } from "./draft.js";
import { JsonSchemaDoc } from "./document.js";

export function parseJsonSchema(input: SchemaInput): ParseResult<JsonSchemaDoc> {
  const parsed = parseJsonText(input.schema);
  if (!parsed.ok) {
    const { message, line, column } = parsed.error;
    return { ok: false, errors: [{ message: `invalid JSON: ${message}`, line, column }] };
  }
  const root = parsed.value;
  const errors: SchemaIssue[] = [];
  if (root.kind !== "object" && root.kind !== "boolean") {
    errors.push({
      message: `a JSON Schema must be an object or a boolean, found ${root.kind}`,
      line: root.start.line,
      column: root.start.column,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, schema: new JsonSchemaDoc(root, detectDraft(root)) };
}
