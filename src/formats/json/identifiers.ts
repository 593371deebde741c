// The identifiers a document declares (`$id`/`id`, `$anchor`, draft 6/7 `#name` ids) with the
// base URI in force at every subschema, as `$ref` resolution needs them.

import { member, type JsonNode } from "../jsontext/index.js";
import type { Draft } from "./draft.js";
import { isModernDraft } from "./draft.js";
import { idKeyword } from "./keywords.js";
import { resolveUri, splitReference, withoutFragment } from "./uri.js";
import { childSchemas } from "./walk.js";

export interface DocumentIdentifiers {
  /** Absolute URI (without fragment) of every embedded resource, to its schema. */
  resources: Map<string, JsonNode>;
  /** `uri#name` of every plain-name anchor, to its schema. */
  anchors: Map<string, JsonNode>;
  /** The base URI in force at each schema object of the document. */
  baseOf: Map<JsonNode, string>;
}

export function collectIdentifiers(root: JsonNode, draft: Draft, documentBase: string): DocumentIdentifiers {
  const ids: DocumentIdentifiers = { resources: new Map(), anchors: new Map(), baseOf: new Map() };
  const idKey = idKeyword(draft);
  const visit = (node: JsonNode, parentBase: string, pointer: readonly string[]): void => {
    let base = parentBase;
    if (node.kind === "object") {
      const id = member(node, idKey);
      if (id?.kind === "string") {
        const resolved = resolveUri(parentBase, id.value);
        if (resolved !== undefined) {
          const { fragment } = splitReference(id.value);
          if (fragment !== undefined && fragment !== "" && !isModernDraft(draft)) {
            // Draft 6/7 location-independent identifier: `"$id": "#name"` (or `other.json#name`).
            ids.anchors.set(resolved, node);
            base = withoutFragment(resolved);
            if (splitReference(id.value).document !== "") ids.resources.set(base, node);
          } else {
            base = withoutFragment(resolved);
            ids.resources.set(base, node);
          }
        }
      }
      const anchor = member(node, "$anchor");
      if (isModernDraft(draft) && anchor?.kind === "string") {
        ids.anchors.set(`${base}#${anchor.value}`, node);
      }
      ids.baseOf.set(node, base);
      for (const child of childSchemas(node, draft, pointer)) visit(child.node, base, child.pointer);
    }
  };
  visit(root, documentBase, []);
  return ids;
}
