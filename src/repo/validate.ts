// Parses every schema the way the registry would before registering it: strictly, with its references
// resolved to the repository's files (recursively). A problem inside a referenced file is reported at that
// file. A schema whose references leave the repository cannot be parsed offline and is skipped.

import { parseSchema, type ResolvedReference as FormatReference } from "../formats/index.js";
import { invalidSchemaLabel, type SchemaEntry } from "./entries.js";
import type { RepoIssue } from "./issues.js";
import type { ResolvedReference } from "./references.js";

type Status = "valid" | "invalid" | "outside";

export interface ValidationReport {
  errors: RepoIssue[];
  warnings: RepoIssue[];
}

/**
 * `broken` files are already known to be unusable (unreadable, on a cycle); their referrers are not parsed
 * either, since the problem is reported where it is.
 */
export function validateSchemas(
  references: Map<SchemaEntry, ResolvedReference[]>,
  broken: Set<SchemaEntry>,
): ValidationReport {
  const report: ValidationReport = { errors: [], warnings: [] };
  const status = new Map<SchemaEntry, Status>();

  const check = (entry: SchemaEntry): Status => {
    const known = status.get(entry);
    if (known !== undefined) return known;
    if (broken.has(entry)) return remember(entry, "invalid");
    const refs = references.get(entry) ?? [];
    const dependencyStatus = refs.map((r) => (r.target === undefined ? "outside" : check(r.target)));
    if (dependencyStatus.includes("invalid")) return remember(entry, "invalid");
    if (dependencyStatus.includes("outside")) {
      // A direct reference outside the repository was already reported where it is declared.
      if (refs.every((r) => r.target !== undefined)) {
        report.warnings.push({
          file: entry.path,
          line: 1,
          column: 1,
          message: `parse check skipped: a schema it references refers to a subject outside the repository`,
        });
      }
      return remember(entry, "outside");
    }
    const sources = new Map<string, string>();
    const parsed = parseSchema(
      {
        schemaType: entry.schemaType,
        schema: entry.text,
        references: resolvedTree(entry, references, sources),
      },
      { strict: true },
    );
    if (parsed.ok) return remember(entry, "valid");
    for (const issue of parsed.errors) {
      const file = issue.source !== undefined ? (sources.get(issue.source) ?? entry.path) : entry.path;
      const inReference = file !== entry.path ? ` (referenced by ${entry.path})` : "";
      report.errors.push({
        file,
        line: issue.line ?? 1,
        column: issue.column ?? 1,
        message: `${invalidSchemaLabel(entry.schemaType)}: ${issue.message}${inReference}`,
      });
    }
    return remember(entry, "invalid");
  };

  const remember = (entry: SchemaEntry, value: Status): Status => {
    status.set(entry, value);
    return value;
  };

  for (const entry of references.keys()) check(entry);
  return report;
}

function resolvedTree(
  entry: SchemaEntry,
  references: Map<SchemaEntry, ResolvedReference[]>,
  sources: Map<string, string>,
): FormatReference[] {
  return (references.get(entry) ?? []).map((ref) => {
    const target = ref.target!;
    if (!sources.has(ref.reference.name)) sources.set(ref.reference.name, target.path);
    const version = ref.reference.version;
    return {
      name: ref.reference.name,
      subject: target.subject,
      ...(typeof version === "number" ? { version } : {}),
      schema: target.text,
      schemaType: target.schemaType,
      references: resolvedTree(target, references, sources),
    };
  });
}
