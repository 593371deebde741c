// The registry's state in memory: contexts → subjects → version rows, with the indexes that answer
// "which schema has this id", "which ids does this content have" and "who references this version".
// It changes only through `apply`, which is synchronous, so a reader never sees half a mutation.

import type { Config, Mode, SchemaContent, VersionRecord } from "../model.js";
import { contentHash } from "../schemas/identity.js";
import { DEFAULT_CONTEXT, parseSubject, subjectRef, type SubjectRef } from "../subjects.js";
import type { Change } from "./changes.js";

export interface SubjectState {
  ref: SubjectRef;
  /** Ascending by version number; soft-deleted rows included. */
  versions: VersionRecord[];
  config?: Config;
  mode?: Mode;
}

/** A schema id of a context: its content and the subject-versions that use it. */
export interface IdEntry {
  id: number;
  content: SchemaContent;
  hash: string;
  /** Keys `subject\u0000version` of the rows carrying this id. */
  uses: Set<string>;
}

export interface ContextState {
  name: string;
  listed: boolean;
  maxId: number;
  config?: Config;
  mode?: Mode;
  subjects: Map<string, SubjectState>;
  ids: Map<number, IdEntry>;
  idsByHash: Map<string, Set<number>>;
}

/** A row somewhere in the registry. */
export interface RowKey {
  context: string;
  subject: string;
  version: number;
}

const rowKey = (context: string, subject: string, version: number) =>
  `${context}\u0000${subject}\u0000${version}`;
const useKey = (subject: string, version: number) => `${subject}\u0000${version}`;

export class RegistryState {
  readonly contexts = new Map<string, ContextState>();
  /** Counts applied mutations: a computation made at one revision is still valid at the same one. */
  revision = 0;
  /** Target row key → rows whose references resolve to it. */
  private readonly referrers = new Map<string, Map<string, RowKey>>();

  context(name: string): ContextState | undefined {
    return this.contexts.get(name);
  }

  subject(context: string, name: string): SubjectState | undefined {
    return this.contexts.get(context)?.subjects.get(name);
  }

  *allSubjects(): Iterable<SubjectState> {
    for (const context of this.contexts.values()) yield* context.subjects.values();
  }

  idEntry(context: string, id: number): IdEntry | undefined {
    return this.contexts.get(context)?.ids.get(id);
  }

  idsWithHash(context: string, hash: string): number[] {
    return [...(this.contexts.get(context)?.idsByHash.get(hash) ?? [])].sort((a, b) => a - b);
  }

  /** Rows whose references point at the given row (in any context). */
  referrersOf(context: string, subject: string, version: number): RowKey[] {
    return [...(this.referrers.get(rowKey(context, subject, version))?.values() ?? [])];
  }

  row(key: RowKey): VersionRecord | undefined {
    return this.subject(key.context, key.subject)?.versions.find((v) => v.version === key.version);
  }

  apply(changes: readonly Change[]): void {
    for (const change of changes) this.applyOne(change);
    this.revision++;
  }

  private applyOne(change: Change): void {
    switch (change.op) {
      case "putVersion": {
        const subject = this.ensureSubject(change.context, change.subject);
        const at = subject.versions.findIndex((v) => v.version >= change.record.version);
        const existing = at >= 0 ? subject.versions[at] : undefined;
        if (existing?.version === change.record.version) {
          this.unindexRow(change.context, subject, existing);
          subject.versions[at] = change.record;
        } else if (at >= 0) {
          subject.versions.splice(at, 0, change.record);
        } else {
          subject.versions.push(change.record);
        }
        this.indexRow(change.context, subject, change.record);
        return;
      }
      case "removeVersion": {
        const subject = this.subject(change.context, change.subject);
        const at = subject?.versions.findIndex((v) => v.version === change.version) ?? -1;
        if (!subject || at < 0) return;
        this.unindexRow(change.context, subject, subject.versions[at]!);
        subject.versions.splice(at, 1);
        this.dropIfEmpty(change.context, subject);
        return;
      }
      case "setSubjectConfig": {
        const subject = this.ensureSubject(change.context, change.subject);
        setOrDelete(subject, "config", change.config);
        this.dropIfEmpty(change.context, subject);
        return;
      }
      case "setSubjectMode": {
        const subject = this.ensureSubject(change.context, change.subject);
        setOrDelete(subject, "mode", change.mode);
        this.dropIfEmpty(change.context, subject);
        return;
      }
      case "setContextConfig":
        setOrDelete(this.ensureContext(change.context), "config", change.config);
        return;
      case "setContextMode":
        setOrDelete(this.ensureContext(change.context), "mode", change.mode);
        return;
      case "setMaxId": {
        const context = this.ensureContext(change.context);
        context.maxId = Math.max(context.maxId, change.maxId);
        return;
      }
      case "setListed":
        this.ensureContext(change.context).listed = change.listed;
        return;
    }
  }

  private ensureContext(name: string): ContextState {
    let context = this.contexts.get(name);
    if (!context) {
      context = { name, listed: false, maxId: 0, subjects: new Map(), ids: new Map(), idsByHash: new Map() };
      this.contexts.set(name, context);
    }
    return context;
  }

  private ensureSubject(contextName: string, name: string): SubjectState {
    const context = this.ensureContext(contextName);
    let subject = context.subjects.get(name);
    if (!subject) {
      subject = { ref: subjectRef(contextName, name), versions: [] };
      context.subjects.set(name, subject);
    }
    return subject;
  }

  /** A subject with no rows, no config and no mode no longer exists. */
  private dropIfEmpty(contextName: string, subject: SubjectState): void {
    if (subject.versions.length === 0 && !subject.config && !subject.mode) {
      this.contexts.get(contextName)?.subjects.delete(subject.ref.name);
    }
  }

  private indexRow(contextName: string, subject: SubjectState, record: VersionRecord): void {
    const context = this.ensureContext(contextName);
    let entry = context.ids.get(record.id);
    if (!entry) {
      const hash = contentHash(record.content);
      entry = { id: record.id, content: record.content, hash, uses: new Set() };
      context.ids.set(record.id, entry);
      getOrCreate(context.idsByHash, hash, () => new Set<number>()).add(record.id);
    }
    entry.uses.add(useKey(subject.ref.name, record.version));
    context.maxId = Math.max(context.maxId, record.id);

    const from: RowKey = { context: contextName, subject: subject.ref.name, version: record.version };
    for (const target of this.referenceTargets(contextName, record)) {
      getOrCreate(this.referrers, target, () => new Map<string, RowKey>()).set(
        rowKey(from.context, from.subject, from.version),
        from,
      );
    }
  }

  private unindexRow(contextName: string, subject: SubjectState, record: VersionRecord): void {
    const context = this.contexts.get(contextName);
    const entry = context?.ids.get(record.id);
    if (context && entry) {
      entry.uses.delete(useKey(subject.ref.name, record.version));
      if (entry.uses.size === 0) {
        context.ids.delete(record.id);
        const sameHash = context.idsByHash.get(entry.hash);
        sameHash?.delete(record.id);
        if (sameHash?.size === 0) context.idsByHash.delete(entry.hash);
      }
    }
    const from = rowKey(contextName, subject.ref.name, record.version);
    for (const target of this.referenceTargets(contextName, record)) {
      const referrers = this.referrers.get(target);
      referrers?.delete(from);
      if (referrers?.size === 0) this.referrers.delete(target);
    }
  }

  /** An unqualified reference subject lives in the referrer's context (§4.4). */
  private referenceTargets(contextName: string, record: VersionRecord): string[] {
    return record.content.references.map((reference) => {
      const target = referenceTarget(contextName, reference.subject);
      return rowKey(target.context, target.name, reference.version);
    });
  }
}

/** The subject a reference names, qualified with the referrer's context when it is unqualified. */
export function referenceTarget(referrerContext: string, referenceSubject: string): SubjectRef {
  const { context, name } = parseSubject(referenceSubject);
  return subjectRef(context === DEFAULT_CONTEXT ? referrerContext : context, name);
}

function setOrDelete<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | null): void {
  if (value === null || value === undefined) delete target[key];
  else target[key] = value;
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
