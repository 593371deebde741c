// The documents one schema is made of (the main text and its resolved references) and `$ref`
// resolution across them.

import { parseJsonText, type JsonNode } from "../jsontext/index.js";
import type { ResolvedReference, SchemaInput, SchemaIssue } from "../types.js";
import { detectDraft, type Draft } from "./draft.js";
import { collectIdentifiers, type DocumentIdentifiers } from "./identifiers.js";
import { DEFAULT_BASE_URI, resolveUri, splitReference, withoutFragment } from "./uri.js";

export interface SchemaDocument {
  /** The reference name this document was supplied under; undefined for the main text. */
  source: string | undefined;
  root: JsonNode;
  draft: Draft;
  ids: DocumentIdentifiers;
}

/** Where a reference leads. */
export interface RefTarget {
  document: SchemaDocument;
  node: JsonNode;
}

export type RefResolution = { ok: true; target: RefTarget } | { ok: false; message: string };

interface Located {
  document: SchemaDocument;
  node: JsonNode;
}

export class ResourceSet {
  private readonly byUri = new Map<string, Located>();
  private readonly anchors = new Map<string, Located>();
  private readonly byName = new Map<string, Located>();

  private constructor(readonly documents: SchemaDocument[]) {
    for (const document of documents) {
      for (const [uri, node] of document.ids.resources) this.register(this.byUri, uri, { document, node });
      for (const [uri, node] of document.ids.anchors) this.register(this.anchors, uri, { document, node });
      if (document.source !== undefined)
        this.register(this.byName, document.source, { document, node: document.root });
    }
  }

  get main(): SchemaDocument {
    return this.documents[0]!;
  }

  /**
   * Parses the main text and every reference (nested ones included). JSON syntax errors come back
   * as issues located in the document they occur in.
   */
  static load(input: SchemaInput): { resources?: ResourceSet; errors: SchemaIssue[] } {
    const errors: SchemaIssue[] = [];
    const main = parseDocument(input.schema, undefined, undefined, errors);
    if (main === undefined) return { errors };
    const documents = [main];
    const seen = new Set<string>();
    const visit = (refs: ResolvedReference[] | undefined): void => {
      for (const ref of refs ?? []) {
        if (seen.has(ref.name)) continue;
        seen.add(ref.name);
        const doc = parseDocument(ref.schema, ref.name, main.draft, errors);
        if (doc !== undefined) documents.push(doc);
        visit(ref.references);
      }
    };
    visit(input.references);
    return errors.length > 0 ? { errors } : { resources: new ResourceSet(documents), errors };
  }

  /** Resolves `ref`, written in `document` at schema `at`. */
  resolve(ref: string, document: SchemaDocument, at: JsonNode): RefResolution {
    const base = document.ids.baseOf.get(at) ?? documentBase(document.source);
    const { document: docPart, fragment } = splitReference(ref);
    let resource: Located | undefined;
    if (docPart === "") {
      resource = this.byUri.get(withoutFragment(base)) ?? { document, node: document.root };
    } else {
      const uri = resolveUri(base, docPart);
      resource =
        (uri === undefined ? undefined : this.byUri.get(withoutFragment(uri))) ??
        this.byName.get(docPart) ??
        (uri === undefined ? undefined : this.byName.get(uri));
      if (resource === undefined) {
        return {
          ok: false,
          message: `cannot resolve $ref "${ref}": document "${docPart}" is not among the references`,
        };
      }
    }
    if (fragment === undefined || fragment === "") return { ok: true, target: resource };
    if (fragment.startsWith("/")) {
      const node = followPointer(resource.node, fragment);
      if (node === undefined) {
        return { ok: false, message: `cannot resolve $ref "${ref}": JSON pointer "#${fragment}" not found` };
      }
      if (node.kind !== "object" && node.kind !== "boolean") {
        return {
          ok: false,
          message: `$ref "${ref}" points to ${node.kind === "array" ? "an array" : `a ${node.kind}`}, not to a schema`,
        };
      }
      return { ok: true, target: { document: resource.document, node } };
    }
    const resourceUri = [...this.byUri].find(([, located]) => located.node === resource.node)?.[0];
    const anchored =
      (resourceUri === undefined ? undefined : this.anchors.get(`${resourceUri}#${fragment}`)) ??
      this.anchors.get(`${withoutFragment(base)}#${fragment}`);
    if (anchored === undefined) {
      return {
        ok: false,
        message: `cannot resolve $ref "${ref}": no schema declares the anchor "${fragment}"`,
      };
    }
    return { ok: true, target: anchored };
  }

  private register(map: Map<string, Located>, key: string, value: Located): void {
    // The first declaration wins: the main text before references, outer before inner.
    if (!map.has(key)) map.set(key, value);
  }
}

/** The base URI of a document: its reference name resolved below the default base. */
function documentBase(source: string | undefined): string {
  if (source === undefined) return DEFAULT_BASE_URI;
  return resolveUri(DEFAULT_BASE_URI, source) ?? DEFAULT_BASE_URI;
}

function parseDocument(
  text: string,
  source: string | undefined,
  inheritedDraft: Draft | undefined,
  errors: SchemaIssue[],
): SchemaDocument | undefined {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { message, line, column } = parsed.error;
    const where = source === undefined ? "" : ` in reference "${source}"`;
    errors.push({
      message: `invalid JSON${where}: ${message}`,
      line,
      column,
      ...(source === undefined ? {} : { source }),
    });
    return undefined;
  }
  const root = parsed.value;
  const draft = detectDraft(root, inheritedDraft);
  const base = documentBase(source);
  const ids = collectIdentifiers(root, draft, base);
  // A document is always reachable under its own base, whatever `$id` it declares.
  if (!ids.resources.has(base)) ids.resources.set(base, root);
  return { source, root, draft, ids };
}

/** Follows a JSON pointer (fragment form: percent-encoded, `~1` for `/`, `~0` for `~`). */
export function followPointer(root: JsonNode, pointer: string): JsonNode | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pointer);
  } catch {
    return undefined;
  }
  let node: JsonNode | undefined = root;
  for (const raw of decoded.split("/").slice(1)) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node?.kind === "object") {
      node = [...node.entries].reverse().find((e) => e.key === segment)?.value;
    } else if (node?.kind === "array" && /^(0|[1-9]\d*)$/.test(segment)) {
      node = node.items[Number(segment)];
    } else {
      return undefined;
    }
    if (node === undefined) return undefined;
  }
  return node;
}
