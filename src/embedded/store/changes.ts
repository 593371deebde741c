// A mutation of the registry is a list of changes. Operations compute them from the current state,
// persistence writes them as one record, and the state applies them, so that replaying a journal and
// serving a request are the same code path.

import type { Config, Mode, VersionRecord } from "../model.js";

export type Change =
  /** Inserts a version row, or replaces the row with the same version number (IMPORT). */
  | { op: "putVersion"; context: string; subject: string; record: VersionRecord }
  /** Removes a row (hard delete or tombstone). */
  | { op: "removeVersion"; context: string; subject: string; version: number }
  | { op: "setSubjectConfig"; context: string; subject: string; config: Config | null }
  | { op: "setSubjectMode"; context: string; subject: string; mode: Mode | null }
  /** Context-level config; the default context's is the top-level `/config`. */
  | { op: "setContextConfig"; context: string; config: Config | null }
  | { op: "setContextMode"; context: string; mode: Mode | null }
  /** The high-water mark of the context's id sequence: ids at or below it are never assigned again. */
  | { op: "setMaxId"; context: string; maxId: number }
  /** Whether the context appears in `GET /contexts`. */
  | { op: "setListed"; context: string; listed: boolean };

/** What an operation returns: its answer, and the changes to commit before answering. */
export interface Outcome<T> {
  result: T;
  changes: Change[];
}

export function outcome<T>(result: T, changes: Change[] = []): Outcome<T> {
  return { result, changes };
}
