// Every `$ref` of every document must lead to a schema, and a chain of bare references must end
// somewhere: the registry refuses such schemas rather than comparing them.

import { member, type JsonNode, type JsonString } from "../jsontext/index.js";
import type { SchemaIssue } from "../types.js";
import { isModernDraft } from "./draft.js";
import type { ResourceSet, SchemaDocument } from "./resources.js";
import { pointerText, walkSchemas } from "./walk.js";

export function checkReferences(resources: ResourceSet): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  for (const document of resources.documents) {
    walkSchemas(document.root, document.draft, ({ node, pointer }) => {
      const ref = node.kind === "object" ? member(node, "$ref") : undefined;
      if (ref?.kind !== "string") return;
      const resolved = resources.resolve(ref.value, document, node);
      if (!resolved.ok) {
        issues.push(locate(document, ref, `${resolved.message} (at ${pointerText([...pointer, "$ref"])})`));
      } else if (isBareReferenceLoop(resources, document, node)) {
        issues.push(
          locate(
            document,
            ref,
            `$ref "${ref.value}" only leads back to itself: the reference chain never reaches a schema (at ${pointerText([...pointer, "$ref"])})`,
          ),
        );
      }
    });
  }
  return issues;
}

/** Keys that do not make a draft 2019-09/2020-12 object more than a bare reference. */
const NON_SCHEMA_KEYS = new Set([
  "$ref",
  "$id",
  "$anchor",
  "$schema",
  "$comment",
  "$defs",
  "definitions",
  "title",
  "description",
  "default",
  "examples",
]);

/** Whether following `$ref`s from `node` through objects that are nothing but references loops. */
function isBareReferenceLoop(resources: ResourceSet, document: SchemaDocument, node: JsonNode): boolean {
  const seen = new Set<JsonNode>();
  let current: { document: SchemaDocument; node: JsonNode } = { document, node };
  for (;;) {
    if (seen.has(current.node)) return true;
    seen.add(current.node);
    const { node: json, document: doc } = current;
    if (json.kind !== "object") return false;
    const ref = member(json, "$ref");
    if (ref?.kind !== "string") return false;
    if (isModernDraft(doc.draft) && json.entries.some((e) => !NON_SCHEMA_KEYS.has(e.key))) return false;
    const next = resources.resolve(ref.value, doc, json);
    if (!next.ok) return false;
    current = next.target;
  }
}

function locate(document: SchemaDocument, ref: JsonString, message: string): SchemaIssue {
  const issue: SchemaIssue = { message, line: ref.start.line, column: ref.start.column };
  if (document.source !== undefined) issue.source = document.source;
  return issue;
}
