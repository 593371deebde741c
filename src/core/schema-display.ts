// Schema text as people should read it in a plan: the canonical form, indented, so that formatting
// differences never appear in diffs.

import { parseJsonText, stringifyPretty } from "../formats/jsontext/index.js";
import type { ParsedSchema } from "../formats/types.js";

export function displayText(schema: ParsedSchema): string {
  const canonical = schema.canonical();
  if (schema.schemaType === "PROTOBUF") return canonical.endsWith("\n") ? canonical : `${canonical}\n`;
  const parsed = parseJsonText(canonical);
  return parsed.ok ? `${stringifyPretty(parsed.value)}\n` : `${canonical}\n`;
}
