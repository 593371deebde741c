// The read endpoints over subjects and versions (registry-rest-api.md §2.3).

import { errors } from "../errors.js";
import type { VersionRecord } from "../model.js";
import type { SubjectState } from "../store/state.js";
import { subjectPrefixMatcher, validSubject, type SubjectRef } from "../subjects.js";
import {
  compareStrings,
  LATEST,
  paginate,
  parseVersion,
  SEARCH_LIMITS,
  UNLIMITED,
  type Page,
} from "./paging.js";
import { withContextFallback } from "./context-fallback.js";
import type { Services } from "./services.js";
import { schemaEntity, type Entity, type RenderOptions } from "./views.js";

export interface DeletedFilter {
  deleted?: boolean;
  deletedOnly?: boolean;
}

function rowsOf(subject: SubjectState | undefined, filter: DeletedFilter): VersionRecord[] {
  const rows = subject?.versions ?? [];
  if (filter.deletedOnly) return rows.filter((v) => v.deleted);
  return filter.deleted ? rows : rows.filter((v) => !v.deleted);
}

/** The subject, which must have rows (soft-deleted ones count only with `deleted`), else 40401. */
export function existingSubject(services: Services, ref: SubjectRef, includeDeleted: boolean): SubjectState {
  const subject = services.store.state.subject(ref.context, ref.name);
  if (rowsOf(subject, { deleted: includeDeleted }).length === 0) throw errors.subjectNotFound(ref.qualified);
  return subject!;
}

export function listSubjects(
  services: Services,
  options: DeletedFilter & Page & { subjectPrefix?: string },
): string[] {
  const matches = subjectPrefixMatcher(options.subjectPrefix ?? ":*:");
  const names: string[] = [];
  for (const subject of services.store.state.allSubjects()) {
    if (matches(subject.ref) && rowsOf(subject, options).length > 0) names.push(subject.ref.qualified);
  }
  return paginate(names.sort(compareStrings), options, UNLIMITED);
}

export function listVersions(
  services: Services,
  rawSubject: string,
  options: DeletedFilter & Page & { deletedAsNegative?: boolean },
): number[] {
  const ref = validSubject(rawSubject);
  const subject = services.store.state.subject(ref.context, ref.name);
  const rows = rowsOf(subject, options);
  if (rows.length === 0) throw errors.subjectNotFound(ref.qualified);
  const versions = rows.map((v) => (options.deletedAsNegative && v.deleted ? -v.version : v.version));
  return paginate(versions, options, UNLIMITED);
}

/** §2.3: 40401 when the subject has no (visible) rows, else 40402 for a missing version. */
export function findVersion(
  services: Services,
  ref: SubjectRef,
  versionText: string,
  includeDeleted: boolean,
): VersionRecord {
  const version = parseVersion(versionText);
  const subject = existingSubject(services, ref, includeDeleted);
  // "latest" is the highest live version, whatever `deleted` says.
  const row =
    version === LATEST
      ? subject.versions.findLast((v) => !v.deleted)
      : subject.versions.find((v) => v.version === version && (includeDeleted || !v.deleted));
  if (!row) throw errors.versionNotFound(version);
  return row;
}

export function getVersion(
  services: Services,
  rawSubject: string,
  versionText: string,
  options: RenderOptions & { deleted?: boolean },
): Entity {
  return withContextFallback(services, validSubject(rawSubject), (ref) =>
    schemaEntity(services, ref, findVersion(services, ref, versionText, options.deleted ?? false), options),
  );
}

/** `GET /subjects/{s}/metadata`: the latest version whose metadata properties hold every pair. */
export function latestWithMetadata(
  services: Services,
  rawSubject: string,
  pairs: [string, string][],
  options: RenderOptions & { deleted?: boolean },
): Entity {
  const ref = validSubject(rawSubject);
  const subject = existingSubject(services, ref, options.deleted ?? false);
  const row = rowsOf(subject, { deleted: options.deleted ?? false })
    .reverse()
    .find((v) => pairs.every(([key, value]) => v.content.metadata?.properties?.[key] === value));
  if (!row) throw errors.schemaNotFound();
  return schemaEntity(services, ref, row, options);
}

/** `referencedby`: ids of the rows that reference this one, sorted; referrers elsewhere give a bare id. */
export function referencedBy(
  services: Services,
  rawSubject: string,
  versionText: string,
  options: Page & { deleted?: boolean },
): number[] {
  const ref = validSubject(rawSubject);
  const row = findVersion(services, ref, versionText, true);
  const { state } = services.store;
  const ids = new Set<number>();
  for (const key of state.referrersOf(ref.context, ref.name, row.version)) {
    const referrer = state.row(key);
    if (referrer && (options.deleted || !referrer.deleted)) ids.add(referrer.id);
  }
  return paginate(
    [...ids].sort((a, b) => a - b),
    options,
    SEARCH_LIMITS,
  );
}
