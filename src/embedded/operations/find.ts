// "Is this schema already a version of this subject?" (compatibility.md §5.1): an exact match by
// identity hash first, then semantic equivalence walking the versions newest first.

import { formatFor } from "../../formats/index.js";
import type { ParsedSchema } from "../../formats/types.js";
import { CONFLUENT_VERSION, withoutConfluentVersion } from "../metadata.js";
import type { Metadata, SchemaContent, VersionRecord } from "../model.js";
import { contentHash, sameMetadata, sameReferences, sameRuleSet } from "../schemas/identity.js";
import type { SubjectState } from "../store/state.js";
import type { Services } from "./services.js";

export interface Candidate {
  content: SchemaContent;
  parsed: ParsedSchema;
}

export function findInSubject(
  services: Services,
  subject: SubjectState | undefined,
  candidate: Candidate,
  options: { includeDeleted: boolean },
): VersionRecord | undefined {
  if (!subject) return undefined;
  const { state } = services.store;
  const context = subject.ref.context;
  const hash = contentHash(candidate.content);
  const rows = subject.versions.filter((v) => options.includeDeleted || !v.deleted).reverse();

  const exact = rows.find((row) => state.idEntry(context, row.id)?.hash === hash);
  if (exact) return exact;

  const format = formatFor(candidate.content.schemaType);
  return rows.find((row) => {
    const stored = row.content;
    if (stored.schemaType !== candidate.content.schemaType) return false;
    const inlined = candidate.content.references.length === 0 && stored.references.length > 0;
    if (!inlined && !sameReferences(candidate.content.references, stored.references)) return false;
    if (!sameRuleSet(candidate.content.ruleSet, stored.ruleSet)) return false;
    if (!sameMetadataForLookup(candidate.content.metadata, row)) return false;
    return format.equivalent(candidate.parsed, services.parser.parseStored(context, row));
  });
}

/** Equal metadata, except that a `confluent:version` on one side only is ignored if it names `row`. */
function sameMetadataForLookup(requested: Metadata | undefined, row: VersionRecord): boolean {
  const stored = row.content.metadata;
  if (sameMetadata(requested, stored)) return true;
  const requestedVersion = requested?.properties?.[CONFLUENT_VERSION];
  const storedVersion = stored?.properties?.[CONFLUENT_VERSION];
  if ((requestedVersion === undefined) === (storedVersion === undefined)) return false;
  if ((requestedVersion ?? storedVersion) !== String(row.version)) return false;
  return sameMetadata(withoutConfluentVersion(requested), withoutConfluentVersion(stored));
}
