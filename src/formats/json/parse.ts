// From schema text (plus resolved references) to a JsonSchemaDoc, or every problem found.

import type { ParseResult, SchemaInput, SchemaIssue } from "../types.js";
import { JsonSchemaDoc } from "./document.js";
import { ModelBuilder } from "./model/build.js";
import { checkReferences } from "./refcheck.js";
import { ResourceSet } from "./resources.js";
import { checkWellFormed } from "./wellformed.js";

export function parseJsonSchema(input: SchemaInput): ParseResult<JsonSchemaDoc> {
  const loaded = ResourceSet.load(input);
  const resources = loaded.resources;
  if (resources === undefined) return { ok: false, errors: loaded.errors };
  const errors: SchemaIssue[] = resources.documents.flatMap((document) => checkWellFormed(document));
  // Reference resolution walks the same structure; on a malformed document it would only repeat
  // the problems already found.
  if (errors.length === 0) errors.push(...checkReferences(resources));
  if (errors.length > 0) return { ok: false, errors };
  const main = resources.main;
  const model = new ModelBuilder(resources).buildRoot();
  return { ok: true, schema: new JsonSchemaDoc(main.root, main.draft, model) };
}
