// Which file of a context answers a name another schema uses: the Avro file defining a named type, the
// Protobuf file an import path points at, the JSON Schema file a `$ref` points at.

import path from "node:path";
import { providedNames } from "../formats/provided-names.js";
import type { SchemaType } from "../formats/types.js";
import type { SchemaEntry } from "./entries.js";
import { closestMatch } from "./suggest.js";

export type Lookup =
  | { kind: "found"; entry: SchemaEntry; /** The reference name to use for it. */ name: string }
  | { kind: "missing"; suggestion?: string }
  | { kind: "ambiguous"; candidates: SchemaEntry[] };

/** The files of one context, indexed by what they provide. */
export class ContextProviders {
  readonly #byType: Map<SchemaType, SchemaEntry[]>;
  readonly #names = new Map<SchemaEntry, string[]>();

  constructor(entries: SchemaEntry[]) {
    this.#byType = new Map();
    for (const entry of entries) {
      const list = this.#byType.get(entry.schemaType) ?? [];
      list.push(entry);
      this.#byType.set(entry.schemaType, list);
      this.#names.set(entry, providedNames(entry.schemaType, entry.text));
    }
  }

  lookup(referrer: SchemaEntry, name: string): Lookup {
    if (referrer.schemaType === "AVRO") return this.#avro(referrer, name);
    if (referrer.schemaType === "PROTOBUF") return this.#protobuf(referrer, name);
    return this.#json(referrer, name);
  }

  #others(referrer: SchemaEntry): SchemaEntry[] {
    return (this.#byType.get(referrer.schemaType) ?? []).filter((e) => e !== referrer);
  }

  /**
   * A type defined by several files is usually a shared type that some schemas also embed; the file whose
   * top-level type it is wins.
   */
  #avro(referrer: SchemaEntry, name: string): Lookup {
    const others = this.#others(referrer);
    const providers = others.filter((e) => this.#names.get(e)!.includes(name));
    if (providers.length === 0) {
      const known = others.flatMap((e) => this.#names.get(e)!);
      return { kind: "missing", suggestion: closestMatch(name, known) };
    }
    const primary = providers.filter((e) => this.#names.get(e)![0] === name);
    const chosen = providers.length === 1 ? providers[0] : primary.length === 1 ? primary[0] : undefined;
    if (chosen === undefined) return { kind: "ambiguous", candidates: providers };
    // Named after the file's top-level type, whichever of its types the referrer uses: every referrer then
    // gives the file the same reference name, and a parse loads it once however many paths lead to it.
    return { kind: "found", entry: chosen, name: this.#names.get(chosen)![0]! };
  }

  /** The import path relative to the context folder, else the one file whose path ends with it. */
  #protobuf(referrer: SchemaEntry, importPath: string): Lookup {
    const others = this.#others(referrer);
    const exact = others.find((e) => e.contextPath === importPath);
    if (exact) return { kind: "found", entry: exact, name: importPath };
    return unique(
      others.filter((e) => e.contextPath.endsWith(`/${importPath}`)),
      importPath,
    );
  }

  /** `$id`, then a path relative to the referrer or to the context folder, then a unique file name. */
  #json(referrer: SchemaEntry, document: string): Lookup {
    const others = this.#others(referrer);
    const ids = new Set([document]);
    for (const base of this.#names.get(referrer)!) {
      const resolved = resolveUrl(document, base);
      if (resolved !== undefined) ids.add(resolved);
    }
    const byId = unique(
      others.filter((e) => this.#names.get(e)!.some((id) => ids.has(id))),
      document,
    );
    if (byId.kind !== "missing") return byId;
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(document)) {
      const fromReferrer = path.posix.normalize(
        path.posix.join(path.posix.dirname(referrer.contextPath), document),
      );
      const fromRoot = path.posix.normalize(document).replace(/^\/+/, "");
      const byPath =
        others.find((e) => e.contextPath === fromReferrer) ?? others.find((e) => e.contextPath === fromRoot);
      if (byPath) return { kind: "found", entry: byPath, name: document };
    }
    const fileName = path.posix.basename(documentPath(document));
    return unique(
      others.filter((e) => path.posix.basename(e.contextPath) === fileName),
      document,
    );
  }
}

function unique(candidates: SchemaEntry[], name: string): Lookup {
  if (candidates.length === 1) return { kind: "found", entry: candidates[0]!, name };
  return candidates.length === 0 ? { kind: "missing" } : { kind: "ambiguous", candidates };
}

function resolveUrl(reference: string, base: string): string | undefined {
  try {
    return new URL(reference, base).href;
  } catch {
    return undefined;
  }
}

function documentPath(document: string): string {
  try {
    return new URL(document).pathname;
  } catch {
    return document;
  }
}
