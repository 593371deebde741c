// JSON Schema as a schemaops format: parsing with locations, identity forms, references and the
// registry's compatibility differ.

import type { Finding, SchemaFormat } from "../types.js";
import { jsonSchemaDependencies } from "./dependencies.js";
import type { JsonSchemaDoc } from "./document.js";
import { toFindings } from "./diff/findings.js";
import { diffSchemas } from "./diff/run.js";
import { parseJsonSchema } from "./parse.js";

export { JsonSchemaDoc } from "./document.js";
export type { Draft } from "./draft.js";
export type { DifferenceType, Policy } from "./diff/types.js";
export { DIFFERENCE_TYPES, compatibleTypes } from "./diff/types.js";

export const jsonFormat: SchemaFormat<JsonSchemaDoc> = {
  schemaType: "JSON",
  parse: (input) => parseJsonSchema(input),
  dependencies: (text) => jsonSchemaDependencies(text),
  // "Reader reads writer" diffs original = writer against update = reader (compatibility.md §3.1).
  canRead: (reader, writer, options) =>
    toFindings(diffSchemas(writer.model, reader.model, options.policy ?? "STRICT"), options),
  // The registry treats two JSON schemas as the same when their canonical strings are equal.
  equivalent: (a, b) => a.canonical() === b.canonical(),
  renderMessage: (f: Finding) => `{errorType:"${f.errorType}", description:"${f.description}'}`,
};
