// A parsed JSON Schema: its lossless JSON tree, its draft, and the forms the registry keys identity on.

import { member, stringifyCompact, type JsonNode } from "../jsontext/index.js";
import type { ParsedSchema } from "../types.js";
import type { Draft } from "./draft.js";
import type { SchemaNode } from "./model/nodes.js";

export class JsonSchemaDoc implements ParsedSchema {
  readonly schemaType = "JSON" as const;

  constructor(
    /** The document as written (numbers keep their lexemes, keys their order). */
    readonly root: JsonNode,
    readonly draft: Draft,
    /** The node-kind model the compatibility differ works on. */
    readonly model: SchemaNode,
  ) {}

  /** Compact re-serialisation: source key order, exact number lexemes (compatibility.md §5.3). */
  canonical(): string {
    return stringifyCompact(this.root);
  }

  /** The `normalize=true` form: every object's keys sorted recursively, arrays left in order. */
  normalized(): string {
    return stringifyCompact(this.root, { sortKeys: true });
  }

  /** Names under the root's `properties`, in source order. */
  topLevelFieldNames(): string[] {
    if (this.root.kind !== "object") return [];
    const properties = member(this.root, "properties");
    if (properties?.kind !== "object") return [];
    return [...new Set(properties.entries.map((e) => e.key))];
  }
}
