// The other documents a JSON Schema text names through `$ref`, found without resolving anything.

import { member, parseJsonText, type JsonNode } from "../jsontext/index.js";
import type { DependencyResult } from "../types.js";
import { detectDraft } from "./draft.js";
import { collectIdentifiers } from "./identifiers.js";
import { DEFAULT_BASE_URI, resolveUri, splitReference, withoutFragment } from "./uri.js";
import { walkSchemas } from "./walk.js";

/**
 * The document part (before `#`) of every `$ref`, as written, in first-seen order. Fragment-only
 * references and references to a resource the document itself declares with `$id` are not
 * dependencies.
 */
export function jsonSchemaDependencies(text: string): DependencyResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { message, line, column } = parsed.error;
    return { ok: false, errors: [{ message: `invalid JSON: ${message}`, line, column }] };
  }
  const root = parsed.value;
  const draft = detectDraft(root);
  const ids = collectIdentifiers(root, draft, DEFAULT_BASE_URI);
  const names: string[] = [];
  walkSchemas(root, draft, ({ node }) => {
    const target = externalDocument(node, ids.baseOf.get(node) ?? DEFAULT_BASE_URI, ids.resources);
    if (target !== undefined && !names.includes(target)) names.push(target);
  });
  return { ok: true, names };
}

function externalDocument(
  node: JsonNode,
  base: string,
  ownResources: Map<string, JsonNode>,
): string | undefined {
  if (node.kind !== "object") return undefined;
  const ref = member(node, "$ref");
  if (ref?.kind !== "string") return undefined;
  const { document } = splitReference(ref.value);
  if (document === "") return undefined;
  const resolved = resolveUri(base, document);
  if (resolved !== undefined && ownResources.has(withoutFragment(resolved))) return undefined;
  return document;
}
