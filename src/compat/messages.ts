// The registry's message list around the per-format findings (compatibility.md §1.5, §1.6).

import type { CompatibilityLevel } from "./levels.js";

/** Canonical strings longer than this are cut in the `oldSchema` entry, as the registry does. */
const OLD_SCHEMA_LIMIT = 10_240;

export const DIFFERENT_SCHEMA_TYPE_MESSAGE = "Incompatible because of different schema type";

export function oldSchemaVersionEntry(version: number): string {
  return `{oldSchemaVersion: ${version}}`;
}

export function oldSchemaEntry(canonical: string): string {
  return canonical.length > OLD_SCHEMA_LIMIT
    ? `{oldSchema: <truncated> '${canonical.slice(0, OLD_SCHEMA_LIMIT)}...'}`
    : `{oldSchema: '${canonical}'}`;
}

export function trailerEntry(validateFields: boolean, level: CompatibilityLevel): string {
  return `{validateFields: '${validateFields}', compatibility: '${level}'}`;
}

// Reserved-field problems. The sentences are the registry's; the `{errorType…}` wrapper follows the
// newer registry releases, which report these as typed differences (inferred).
export function reservedFieldRemovedDescription(field: string): string {
  return `The new schema has reserved field ${field} removed from its metadata which is present in the old schema's metadata.`;
}

export function fieldConflictsWithReservedDescription(field: string): string {
  return `The new schema has field that conflicts with the reserved field ${field}.`;
}

export function typedMessage(errorType: string, description: string): string {
  return `{errorType:'${errorType}', description:'${description}'}`;
}
