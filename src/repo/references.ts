// The references of every schema file: explicit ones from the sidecar, and the ones inferred from what the
// schema names that another file of its context defines. Unresolvable names are errors at the line that
// names them; references to subjects outside the repository are kept, with a warning.

import type { DesiredReference } from "../core/model.js";
import { parseSubject, qualifySubject } from "../core/subject-names.js";
import { formatFor } from "../formats/index.js";
import { invalidSchemaLabel, subjectKey, type SchemaEntry } from "./entries.js";
import type { RepoIssue } from "./issues.js";
import { findMention } from "./mentions.js";
import { ContextProviders, type Lookup } from "./providers.js";

export interface ResolvedReference {
  reference: DesiredReference;
  /** The file of the referenced subject; undefined for a subject outside the repository. */
  target?: SchemaEntry;
  explicit: boolean;
  /** Where the referrer names it: the sidecar entry, or the mention in the schema text. */
  at: { file: string; line: number; column: number };
}

export interface ReferenceGraph {
  references: Map<SchemaEntry, ResolvedReference[]>;
  /**
   * Files that cannot be parsed with their references: their text could not be read for dependencies, or a
   * name in it is unresolved (which is all the parser would report).
   */
  unusable: Set<SchemaEntry>;
  errors: RepoIssue[];
  warnings: RepoIssue[];
}

export function resolveReferences(entries: SchemaEntry[]): ReferenceGraph {
  const graph: ReferenceGraph = { references: new Map(), unusable: new Set(), errors: [], warnings: [] };
  const bySubject = new Map(entries.map((e) => [subjectKey(e.context, e.subject), e]));
  const providers = new Map<string, ContextProviders>();
  for (const context of new Set(entries.map((e) => e.context))) {
    providers.set(context, new ContextProviders(entries.filter((e) => e.context === context)));
  }
  for (const entry of entries) {
    const references = explicitReferences(entry, bySubject, graph);
    inferReferences(entry, providers.get(entry.context)!, references, graph);
    graph.references.set(entry, references);
  }
  return graph;
}

function explicitReferences(
  entry: SchemaEntry,
  bySubject: Map<string, SchemaEntry>,
  graph: ReferenceGraph,
): ResolvedReference[] {
  const sidecar = entry.sidecar;
  const out: ResolvedReference[] = [];
  (sidecar?.value.references ?? []).forEach((reference, index) => {
    const at = { file: sidecar!.path, ...sidecar!.yaml.locate(["references", index]) };
    if (out.some((r) => r.reference.name === reference.name)) {
      graph.errors.push({ ...at, message: `reference "${reference.name}" is declared twice` });
      return;
    }
    const { context, name } = referencedSubject(entry.context, reference.subject);
    const target = bySubject.get(subjectKey(context, name));
    if (target === undefined) {
      const subjectAt = { file: sidecar!.path, ...sidecar!.yaml.locate(["references", index, "subject"]) };
      const where = `subject "${name}" in context "${context}"`;
      if (reference.version === "latest") {
        graph.errors.push({
          ...subjectAt,
          message: `reference "${reference.name}": ${where} is not in the repository; add its schema file, or pin a version number to refer to a subject this repository does not manage`,
        });
        return;
      }
      graph.warnings.push({
        ...subjectAt,
        message: `reference "${reference.name}": ${where} version ${reference.version} is not in the repository and cannot be checked offline; the parse check of ${entry.path} is skipped`,
      });
    }
    out.push({ reference: { ...reference }, explicit: true, at, ...(target ? { target } : {}) });
  });
  return out;
}

/** `:.ctx:name` names another context; a bare name means the referrer's own context. */
function referencedSubject(referrerContext: string, subject: string): { context: string; name: string } {
  return subject.startsWith(":.") ? parseSubject(subject) : { context: referrerContext, name: subject };
}

/** How the referrer writes the subject of a file in its own context. */
function subjectAsWritten(referrer: SchemaEntry, target: SchemaEntry): string {
  return target.context === referrer.context && !target.subject.startsWith(":.")
    ? target.subject
    : qualifySubject(target.context, target.subject);
}

function inferReferences(
  entry: SchemaEntry,
  providers: ContextProviders,
  references: ResolvedReference[],
  graph: ReferenceGraph,
): void {
  const dependencies = formatFor(entry.schemaType).dependencies(entry.text);
  if (!dependencies.ok) {
    graph.unusable.add(entry);
    for (const issue of dependencies.errors) {
      graph.errors.push({
        file: entry.path,
        line: issue.line ?? 1,
        column: issue.column ?? 1,
        message: `${invalidSchemaLabel(entry.schemaType)}: ${issue.message}`,
      });
    }
    return;
  }
  // An Avro schema with a reference outside the repository may take any name from it.
  const mayComeFromOutside = entry.schemaType === "AVRO" && references.some((r) => r.target === undefined);
  for (const name of dependencies.names) {
    if (references.some((r) => r.reference.name === name)) continue;
    const lookup = providers.lookup(entry, name);
    if (lookup.kind === "found") {
      if (references.some((r) => r.target === lookup.entry || r.reference.name === lookup.name)) continue;
      references.push({
        reference: { name: lookup.name, subject: subjectAsWritten(entry, lookup.entry), version: "latest" },
        target: lookup.entry,
        explicit: false,
        at: { file: entry.path, ...findMention(entry.schemaType, entry.text, name) },
      });
      continue;
    }
    if (lookup.kind === "missing" && mayComeFromOutside) continue;
    graph.unusable.add(entry);
    graph.errors.push({
      file: entry.path,
      ...findMention(entry.schemaType, entry.text, name),
      message: unresolvedMessage(entry, name, lookup),
    });
  }
}

function unresolvedMessage(
  entry: SchemaEntry,
  name: string,
  lookup: Exclude<Lookup, { kind: "found" }>,
): string {
  const what =
    entry.schemaType === "AVRO"
      ? `type "${name}"`
      : entry.schemaType === "PROTOBUF"
        ? `import "${name}"`
        : `$ref "${name}"`;
  if (lookup.kind === "ambiguous") {
    const files = lookup.candidates.map((c) => c.path).join(", ");
    return `${what} is provided by several files (${files}); declare the reference in the sidecar to choose one`;
  }
  const suggestion = lookup.suggestion !== undefined ? `; did you mean "${lookup.suggestion}"?` : "";
  const where = `context "${entry.context}"`;
  if (entry.schemaType === "AVRO") {
    return `unknown ${what}: it is not a built-in type and no .avsc file of ${where} defines it${suggestion}`;
  }
  if (entry.schemaType === "PROTOBUF") {
    return `unresolved ${what}: no .proto file of ${where} has this path (relative to the context folder) or ends with it`;
  }
  return `unresolved ${what}: no JSON Schema file of ${where} has this path, file name or $id`;
}
