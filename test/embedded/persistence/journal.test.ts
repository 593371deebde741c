// The journal's crash rules: a torn last record is cut off, damage followed by good records is an
// error, leftovers of an interrupted compaction are ignored, and compaction keeps the state.

import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CorruptStoreError, Journal } from "../../../src/embedded/persistence/journal.js";
import { StoreInUseError } from "../../../src/embedded/persistence/lock.js";
import type { Change } from "../../../src/embedded/store/changes.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "schemaops-journal-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const change = (maxId: number): Change[] => [{ op: "setMaxId", context: ".", maxId }];

async function writeRecords(count: number): Promise<void> {
  const { journal } = await Journal.open(dir);
  for (let i = 1; i <= count; i++) await journal.append(change(i));
  await journal.close();
}

describe("journal", () => {
  it("replays appended records in order", async () => {
    await writeRecords(3);
    const { journal, batches } = await Journal.open(dir);
    await journal.close();
    expect(batches).toEqual([change(1), change(2), change(3)]);
  });

  it("cuts off a torn last record and keeps appending after the good ones", async () => {
    await writeRecords(2);
    await appendFile(join(dir, "journal-0.log"), '0badc0de\t[{"op":"setMa');
    const reopened = await Journal.open(dir);
    expect(reopened.batches).toEqual([change(1), change(2)]);
    await reopened.journal.append(change(3));
    await reopened.journal.close();
    const { journal, batches } = await Journal.open(dir);
    await journal.close();
    expect(batches).toEqual([change(1), change(2), change(3)]);
  });

  it("ignores a complete last line whose checksum does not match", async () => {
    await writeRecords(1);
    await appendFile(join(dir, "journal-0.log"), '00000000\t[{"op":"setMaxId","context":".","maxId":9}]\n');
    const { journal, batches } = await Journal.open(dir);
    await journal.close();
    expect(batches).toEqual([change(1)]);
  });

  it("refuses to open when a damaged record is followed by good ones", async () => {
    await writeRecords(3);
    const path = join(dir, "journal-0.log");
    const lines = (await readFile(path, "utf8")).split("\n");
    lines[1] = lines[1]!.replace("maxId", "maxID");
    await writeFile(path, lines.join("\n"));
    await expect(Journal.open(dir)).rejects.toBeInstanceOf(CorruptStoreError);
  });

  it("folds the journal into a snapshot and replays snapshot then journal", async () => {
    const { journal } = await Journal.open(dir, { compactAfterBytes: 1 });
    await journal.append(change(1));
    expect(journal.needsCompaction).toBe(true);
    await journal.compact(change(1));
    await journal.append(change(2));
    await journal.close();
    expect((await readdir(dir)).sort()).toEqual(["journal-1.log", "snapshot.json"]);
    const reopened = await Journal.open(dir);
    await reopened.journal.close();
    expect(reopened.batches).toEqual([change(1), change(2)]);
  });

  it("ignores the leftovers of an interrupted compaction", async () => {
    await writeRecords(2);
    await writeFile(join(dir, "snapshot.json.123.tmp"), '{"format":1,"generation":1,"chan');
    await writeFile(join(dir, "journal-1.log"), "");
    const { journal, batches } = await Journal.open(dir);
    await journal.close();
    expect(batches).toEqual([change(1), change(2)]);
    expect((await readdir(dir)).sort()).toEqual(["journal-0.log"]);
  });

  it("refuses a directory another registry has open, and frees it on close", async () => {
    const first = await Journal.open(dir);
    await expect(Journal.open(dir)).rejects.toBeInstanceOf(StoreInUseError);
    await first.journal.close();
    const second = await Journal.open(dir);
    await second.journal.close();
  });

  it("takes over the lock of a process that no longer runs", async () => {
    // Above Linux's largest pid_max, so no process can have this pid.
    await writeFile(join(dir, "lock"), String(2 ** 22 + 1));
    const { journal } = await Journal.open(dir);
    expect(await readFile(join(dir, "lock"), "utf8")).toBe(String(process.pid));
    await journal.close();
  });

  it("refuses further appends once a failed append could not be undone", async () => {
    const { journal } = await Journal.open(dir);
    await journal.close();
    await expect(journal.append(change(1))).rejects.toThrow();
    await expect(journal.append(change(2))).rejects.toThrow(/could not be repaired/);
  });
});
