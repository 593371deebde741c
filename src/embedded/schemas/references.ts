// Reference resolution (registry-rest-api.md §4.4): a reference names a subject-version whose schema
// the parser needs. Unqualified subjects live in the referrer's context, `-1` means the latest live
// version, and resolution recurses into the target's own references.

import { errors } from "../errors.js";
import type { SchemaReference, VersionRecord } from "../model.js";
import { referenceTarget, type RegistryState } from "../store/state.js";
import type { ResolvedReference } from "../../formats/types.js";

export interface ResolveOptions {
  /** New registrations may not point at soft-deleted versions; stored schemas may. */
  allowDeleted: boolean;
}

export interface Resolution {
  /** The references as stored: `-1` replaced by the concrete version. */
  references: SchemaReference[];
  /** What the parser needs: the referenced texts, recursively. */
  resolved: ResolvedReference[];
}

// Deep enough for any real schema graph; a loop in imported data stops here instead of the stack.
const MAX_DEPTH = 64;

export function resolveReferences(
  state: RegistryState,
  context: string,
  references: readonly SchemaReference[],
  options: ResolveOptions,
  depth = 0,
): Resolution {
  if (depth > MAX_DEPTH) throw errors.invalidSchema("Too many levels of schema references");
  const seen = new Set<string>();
  const result: Resolution = { references: [], resolved: [] };
  for (const reference of references) {
    const row = findReferencedRow(state, context, reference, options);
    const concrete = { ...reference, version: row.version };
    result.references.push(concrete);
    // The first reference of a name wins, as the registry de-duplicates by name.
    if (seen.has(reference.name)) continue;
    seen.add(reference.name);
    const targetContext = referenceTarget(context, reference.subject).context;
    const nested = resolveReferences(
      state,
      targetContext,
      row.content.references,
      { allowDeleted: true },
      depth + 1,
    );
    result.resolved.push({
      name: reference.name,
      subject: reference.subject,
      version: row.version,
      schema: row.content.schema,
      schemaType: row.content.schemaType,
      references: nested.resolved,
    });
  }
  return result;
}

function findReferencedRow(
  state: RegistryState,
  context: string,
  reference: SchemaReference,
  options: ResolveOptions,
): VersionRecord {
  const target = referenceTarget(context, reference.subject);
  const versions = state.subject(target.context, target.name)?.versions ?? [];
  const row =
    reference.version === -1
      ? versions.findLast((v) => !v.deleted)
      : versions.find((v) => v.version === reference.version && (options.allowDeleted || !v.deleted));
  if (!row) {
    throw errors.invalidSchema(
      `No schema reference found for subject "${reference.subject}" and version ${reference.version}`,
    );
  }
  return row;
}
