// Durable storage of the registry in a directory: a snapshot plus an append-only journal.
//
// Why a journal rather than one file per subject: a registration touches several entities at once (the
// subject's row, the context's id sequence, the context listing, tombstones of older rows), and a
// switch to IMPORT may hard-delete many subjects. One journal record holds all the changes of one
// mutation, so each acknowledged write costs one append and one fdatasync whatever the registry's size
// (10,000 subjects or one), and a mutation is either entirely on disk or not at all. The journal is
// folded into a fresh snapshot (temporary file, fsync, rename, directory fsync) once it grows past a
// threshold, so restarts replay a bounded tail.
//
// Files:
//   snapshot.json        {"format":1,"generation":g,"changes":[…]}: the whole state as changes
//   journal-<g>.log      one line per mutation after snapshot g: "<crc32 hex>\t<json array of changes>"
//   *.tmp                an unfinished snapshot; ignored and removed on open
//   lock                 the pid of the registry using the directory
//
// A record is acknowledged only after its line is flushed. A crash can leave a torn last line: its
// checksum (or its missing newline) gives it away and it is cut off on open. A bad line followed by
// good ones is corruption, not a torn write, and opening fails rather than silently dropping data.

import { crc32 } from "node:zlib";
import { mkdir, open, readdir, readFile, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { Change } from "../store/changes.js";
import { isErrno, removeIfExists, syncDirectory, writeFileDurably } from "./durable-files.js";
import { DirectoryLock } from "./lock.js";

const SNAPSHOT = "snapshot.json";
const FORMAT = 1;
const journalName = (generation: number) => `journal-${generation}.log`;
const JOURNAL_PATTERN = /^journal-(\d+)\.log$/;

export interface JournalOptions {
  /** Fold the journal into a snapshot once it is this large. Default 32 MiB. */
  compactAfterBytes?: number;
}

export interface LoadedJournal {
  journal: Journal;
  /** The snapshot's changes first, then every journal record, in order. */
  batches: Change[][];
}

export class CorruptStoreError extends Error {
  override name = "CorruptStoreError";
}

export class Journal {
  private constructor(
    private readonly dir: string,
    private readonly lock: DirectoryLock,
    private generation: number,
    private handle: FileHandle,
    private size: number,
    private readonly compactAfterBytes: number,
  ) {}

  /** Set when a failed append could not be undone: nothing more may be appended. */
  private broken: Error | undefined;

  static async open(dir: string, options: JournalOptions = {}): Promise<LoadedJournal> {
    await mkdir(dir, { recursive: true });
    const lock = await DirectoryLock.acquire(dir);
    try {
      return await Journal.load(dir, lock, options);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  private static async load(
    dir: string,
    lock: DirectoryLock,
    options: JournalOptions,
  ): Promise<LoadedJournal> {
    const snapshot = await readSnapshot(dir);
    const generation = snapshot?.generation ?? 0;
    await removeLeftovers(dir, generation);

    const path = join(dir, journalName(generation));
    const { records, validBytes, existed } = await readJournal(path);
    const handle = await open(path, "a+");
    if ((await handle.stat()).size !== validBytes) await handle.truncate(validBytes);
    if (!existed) await syncDirectory(dir);

    const journal = new Journal(
      dir,
      lock,
      generation,
      handle,
      validBytes,
      options.compactAfterBytes ?? 32 * 1024 * 1024,
    );
    return { journal, batches: [...(snapshot ? [snapshot.changes] : []), ...records] };
  }

  /** Appends one mutation and returns once it is on disk. */
  async append(changes: readonly Change[]): Promise<void> {
    if (this.broken) throw this.broken;
    const json = JSON.stringify(changes);
    const line = `${crc32(json).toString(16).padStart(8, "0")}\t${json}\n`;
    try {
      await this.handle.write(line);
      await this.handle.datasync();
    } catch (error) {
      // A failed append (a full disk) must not leave half a record for the next one to follow.
      await this.handle.truncate(this.size).catch((truncateError: unknown) => {
        this.broken = new Error(`the journal in ${this.dir} could not be repaired`, { cause: truncateError });
      });
      throw error;
    }
    this.size += Buffer.byteLength(line);
  }

  get needsCompaction(): boolean {
    return this.size >= this.compactAfterBytes;
  }

  /**
   * Replaces snapshot and journal by a snapshot of `state` (given as changes). The caller holds the
   * write lock, so no append runs meanwhile. Each step leaves a loadable directory behind.
   */
  async compact(state: readonly Change[]): Promise<void> {
    const next = this.generation + 1;
    const nextJournal = await open(join(this.dir, journalName(next)), "a+");
    await nextJournal.sync();
    // The rename publishes generation `next`; until then the old snapshot and journal stay valid.
    await writeFileDurably(
      this.dir,
      SNAPSHOT,
      JSON.stringify({ format: FORMAT, generation: next, changes: state }),
    );
    await this.handle.close();
    await removeIfExists(join(this.dir, journalName(this.generation)));
    this.handle = nextJournal;
    this.generation = next;
    this.size = 0;
  }

  async close(): Promise<void> {
    await this.handle.close();
    await this.lock.release();
  }
}

async function readSnapshot(dir: string): Promise<{ generation: number; changes: Change[] } | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, SNAPSHOT), "utf8");
  } catch (error) {
    if (isErrno(error, "ENOENT")) return undefined;
    throw error;
  }
  // The snapshot is only ever published by rename after a flush, so it is whole or absent.
  const parsed = JSON.parse(text) as { format?: number; generation?: number; changes?: Change[] };
  if (parsed.format !== FORMAT || typeof parsed.generation !== "number" || !Array.isArray(parsed.changes)) {
    throw new CorruptStoreError(`${join(dir, SNAPSHOT)} is not a snapshot of format ${FORMAT}`);
  }
  return { generation: parsed.generation, changes: parsed.changes };
}

/** Unfinished snapshots and journals of other generations are what an interrupted compaction leaves. */
async function removeLeftovers(dir: string, generation: number): Promise<void> {
  for (const name of await readdir(dir)) {
    const match = JOURNAL_PATTERN.exec(name);
    const stale = name.endsWith(".tmp") || (match !== null && Number(match[1]) !== generation);
    if (stale) await removeIfExists(join(dir, name));
  }
}

async function readJournal(
  path: string,
): Promise<{ records: Change[][]; validBytes: number; existed: boolean }> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    if (isErrno(error, "ENOENT")) return { records: [], validBytes: 0, existed: false };
    throw error;
  }
  const records: Change[][] = [];
  let offset = 0;
  while (offset < data.length) {
    const end = data.indexOf(0x0a, offset);
    const record = end < 0 ? undefined : parseRecord(data.subarray(offset, end).toString("utf8"));
    if (!record) {
      if (end >= 0 && hasValidRecordAfter(data, end + 1)) {
        throw new CorruptStoreError(`${path}: damaged record at byte ${offset} followed by valid records`);
      }
      break; // a torn tail: the write that was in progress when the process died
    }
    records.push(record);
    offset = end + 1;
  }
  return { records, validBytes: offset, existed: true };
}

function parseRecord(line: string): Change[] | undefined {
  const tab = line.indexOf("\t");
  if (tab !== 8) return undefined;
  const json = line.slice(tab + 1);
  if (crc32(json).toString(16).padStart(8, "0") !== line.slice(0, tab)) return undefined;
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as Change[]) : undefined;
  } catch {
    return undefined;
  }
}

function hasValidRecordAfter(data: Buffer, from: number): boolean {
  let offset = from;
  while (offset < data.length) {
    const end = data.indexOf(0x0a, offset);
    if (end < 0) return false;
    if (parseRecord(data.subarray(offset, end).toString("utf8"))) return true;
    offset = end + 1;
  }
  return false;
}
