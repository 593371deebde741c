// JSON Schema as a schemaops format: parsing with locations, identity forms, references and the
// registry's compatibility differ.

import type { Finding, SchemaFormat } from "../types.js";
import { jsonSchemaDependencies } from "./dependencies.js";
import type { JsonSchemaDoc } from "./document.js";
import { parseJsonSchema } from "./parse.js";

export { JsonSchemaDoc } from "./document.js";
export type { Draft } from "./draft.js";

export const jsonFormat: SchemaFormat<JsonSchemaDoc> = {
  schemaType: "JSON",
  parse: (input) => parseJsonSchema(input),
  dependencies: (text) => jsonSchemaDependencies(text),
  canRead() {
    throw new Error("JSON Schema compatibility is not available yet");
  },
  // The registry treats two JSON schemas as the same when their canonical strings are equal.
  equivalent: (a, b) => a.canonical() === b.canonical(),
  renderMessage: (f: Finding) => `{errorType:"${f.errorType}", description:"${f.description}'}`,
};
