// Schema identity: the registry's MD5 over the stored string, the references, the metadata and the
// rule set (registry-rest-api.md §4.2), and the guid derived from it.

import { createHash } from "node:crypto";
import type { Metadata, RuleSet, SchemaContent, SchemaReference } from "../model.js";

/**
 * A stable hex digest of everything that makes two schemas "the same schema". Metadata and rule sets
 * are kept sorted where the registry sorts them, so a plain JSON rendering is stable.
 */
export function contentHash(content: SchemaContent): string {
  const hash = createHash("md5");
  hash.update(content.schemaType);
  hash.update("\u0000");
  hash.update(content.schema);
  hash.update("\u0000");
  hash.update(JSON.stringify(content.references.map((r) => [r.name, r.subject, r.version])));
  hash.update("\u0000");
  hash.update(JSON.stringify(content.metadata ?? null));
  hash.update("\u0000");
  hash.update(JSON.stringify(content.ruleSet ?? null));
  return hash.digest("hex");
}

/** A name-based UUID (version 3 layout) over the content hash: equal schemas share it across contexts. */
export function guidOf(hash: string): string {
  const bytes = Buffer.from(hash, "hex");
  bytes[6] = (bytes[6]! & 0x0f) | 0x30;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function sameReferences(a: SchemaReference[], b: SchemaReference[]): boolean {
  return (
    a.length === b.length &&
    a.every((r, i) => r.name === b[i]!.name && r.subject === b[i]!.subject && r.version === b[i]!.version)
  );
}

export function sameMetadata(a: Metadata | undefined, b: Metadata | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function sameRuleSet(a: RuleSet | undefined, b: RuleSet | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
