// Soft and hard deletes of versions and subjects, with the reference rules of 8.3 (registry-rest-api.md
// §4.3): a soft delete is blocked by live referrers, a hard delete by any referrer, and a subject delete
// ignores references from within the subject itself.

import { errors, notPermitted } from "../errors.js";
import type { VersionRecord } from "../model.js";
import { outcome, type Change } from "../store/changes.js";
import type { RegistryState, SubjectState } from "../store/state.js";
import { validSubject, type SubjectRef } from "../subjects.js";
import { LATEST, parseVersion } from "./paging.js";
import { effectiveMode, isReadOnly } from "./scope.js";
import type { Services } from "./services.js";

export function deleteVersion(
  services: Services,
  rawSubject: string,
  versionText: string,
  permanent: boolean,
): Promise<number> {
  const ref = validSubject(rawSubject);
  const version = parseVersion(versionText);
  return services.store.write((state) => {
    if (isReadOnly(effectiveMode(state, ref.context, ref.name)))
      throw notPermitted.readOnly(ref.name, ref.context);
    const subject = state.subject(ref.context, ref.name);
    if (!subject || subject.versions.length === 0) throw errors.subjectNotFound(ref.qualified);
    const row =
      version === LATEST
        ? subject.versions.findLast((v) => !v.deleted)
        : subject.versions.find((v) => v.version === version);
    if (!row) throw errors.versionNotFound(version);

    const blocking = referrers(state, ref, row, { liveOnly: !permanent, exceptSameSubject: false });
    if (blocking) throw errors.referenceExists(ref.qualified, row.version);
    const key = { context: ref.context, subject: ref.name };
    if (!permanent) {
      if (row.deleted) throw errors.versionSoftDeleted(ref.qualified, row.version);
      return outcome(row.version, [{ op: "putVersion", ...key, record: { ...row, deleted: true } }]);
    }
    if (!row.deleted) throw errors.versionNotSoftDeleted(ref.qualified, row.version);
    const changes: Change[] = [{ op: "removeVersion", ...key, version: row.version }];
    if (subject.versions.length === 1) changes.push(...forgetSettings(subject));
    return outcome(row.version, changes);
  });
}

export function deleteSubject(services: Services, rawSubject: string, permanent: boolean): Promise<number[]> {
  const ref = validSubject(rawSubject);
  return services.store.write((state) => {
    if (isReadOnly(effectiveMode(state, ref.context, ref.name)))
      throw notPermitted.readOnly(ref.name, ref.context);
    const subject = state.subject(ref.context, ref.name);
    if (!subject || subject.versions.length === 0) throw errors.subjectNotFound(ref.qualified);
    const live = subject.versions.filter((v) => !v.deleted);
    if (!permanent && live.length === 0) throw errors.subjectSoftDeleted(ref.qualified);
    if (permanent && live.length > 0) throw errors.subjectNotSoftDeleted(ref.qualified);

    const targets = permanent ? subject.versions : live;
    for (const row of targets) {
      if (referrers(state, ref, row, { liveOnly: !permanent, exceptSameSubject: true })) {
        throw errors.referenceExists(ref.qualified, row.version);
      }
    }
    const key = { context: ref.context, subject: ref.name };
    const changes: Change[] = permanent
      ? [
          ...targets.map((row): Change => ({ op: "removeVersion", ...key, version: row.version })),
          ...forgetSettings(subject),
        ]
      : targets.map((row): Change => ({ op: "putVersion", ...key, record: { ...row, deleted: true } }));
    return outcome(
      targets.map((row) => row.version),
      changes,
    );
  });
}

/**
 * Hard-deletes soft-deleted subjects (the side effect of switching to IMPORT, §4.7), refusing with
 * 42206 when a row outside them references one of theirs.
 */
export function purgeSoftDeleted(state: RegistryState, subjects: SubjectState[]): Change[] {
  const purged = new Set(subjects.map((s) => `${s.ref.context}\u0000${s.ref.name}`));
  const changes: Change[] = [];
  for (const subject of subjects) {
    for (const row of subject.versions) {
      const outside = state
        .referrersOf(subject.ref.context, subject.ref.name, row.version)
        .some((key) => !purged.has(`${key.context}\u0000${key.subject}`));
      if (outside) throw errors.referenceExists(subject.ref.qualified, row.version);
      changes.push({
        op: "removeVersion",
        context: subject.ref.context,
        subject: subject.ref.name,
        version: row.version,
      });
    }
    changes.push(...forgetSettings(subject));
  }
  return changes;
}

/** When a subject's last row goes, its config and mode go with it (8.1+). */
function forgetSettings(subject: SubjectState): Change[] {
  const key = { context: subject.ref.context, subject: subject.ref.name };
  return [
    ...(subject.config ? [{ op: "setSubjectConfig" as const, ...key, config: null }] : []),
    ...(subject.mode ? [{ op: "setSubjectMode" as const, ...key, mode: null }] : []),
  ];
}

/** Whether some row references `row`: only live ones for soft deletes, any for hard deletes. */
function referrers(
  state: RegistryState,
  ref: SubjectRef,
  row: VersionRecord,
  options: { liveOnly: boolean; exceptSameSubject: boolean },
): boolean {
  return state.referrersOf(ref.context, ref.name, row.version).some((key) => {
    if (options.exceptSameSubject && key.context === ref.context && key.subject === ref.name) return false;
    const referrer = state.row(key);
    return referrer !== undefined && (!options.liveOnly || !referrer.deleted);
  });
}
