// When a desired schema and a registered version are "the same" for the registry (compatibility.md §5):
// never by raw text, so that formatting and key order never show up as drift.

import { formatFor } from "../formats/index.js";
import type { ParsedSchema } from "../formats/types.js";
import type { Metadata, RuleSet } from "./model.js";
import { parseSubject, qualifySubject } from "./subject-names.js";

/**
 * Same schema content. With `normalize` the registry compares normalized forms; otherwise Avro uses its
 * structural equivalence and JSON Schema and Protobuf their canonical text.
 */
export function sameSchemaContent(a: ParsedSchema, b: ParsedSchema, normalize: boolean): boolean {
  if (a.schemaType !== b.schemaType) return false;
  if (a.canonical() === b.canonical()) return true;
  if (normalize && a.normalized() === b.normalized()) return true;
  return formatFor(a.schemaType).equivalent(a, b);
}

export interface ComparableReference {
  name: string;
  subject: string;
  version: number;
}

/** A reference subject spelled in full, relative to the referrer's context. */
export function qualifyReferenceSubject(subject: string, referrerContext: string): string {
  const parsed = parseSubject(subject);
  const context = subject.startsWith(":.") ? parsed.context : referrerContext;
  return qualifySubject(context, parsed.name);
}

/** Reference lists are equal when they name the same schemas at the same versions, in the same order. */
export function sameReferences(
  a: ComparableReference[],
  b: ComparableReference[],
  referrerContext: string,
): boolean {
  if (a.length !== b.length) return false;
  return a.every((ref, i) => {
    const other = b[i]!;
    return (
      ref.name === other.name &&
      ref.version === other.version &&
      qualifyReferenceSubject(ref.subject, referrerContext) ===
        qualifyReferenceSubject(other.subject, referrerContext)
    );
  });
}

/** JSON with object keys sorted, so that key order never counts as a difference. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The registry keeps metadata sorted: tag lists and `sensitive` are sets. Empty parts count as absent. */
function metadataKey(metadata: Metadata | undefined): string {
  if (!metadata) return "{}";
  const tags = Object.fromEntries(
    Object.entries(metadata.tags ?? {})
      .filter(([, list]) => list.length > 0)
      .map(([path, list]) => [path, [...new Set(list)].sort()]),
  );
  const properties = metadata.properties ?? {};
  const sensitive = [...new Set(metadata.sensitive ?? [])].sort();
  return stableJson({
    tags: Object.keys(tags).length ? tags : undefined,
    properties: Object.keys(properties).length ? properties : undefined,
    sensitive: sensitive.length ? sensitive : undefined,
  });
}

export function sameMetadata(a: Metadata | undefined, b: Metadata | undefined): boolean {
  return metadataKey(a) === metadataKey(b);
}

export function sameRuleSet(a: RuleSet | undefined, b: RuleSet | undefined): boolean {
  const empty = (r: RuleSet | undefined) => r === undefined || Object.keys(r).length === 0;
  if (empty(a) && empty(b)) return true;
  return stableJson(a ?? {}) === stableJson(b ?? {});
}
