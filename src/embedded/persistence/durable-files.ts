// Small helpers for writes that survive a crash: data reaches the disk before the name that points
// at it, and the directory entry itself is flushed.

import { open, rename, unlink } from "node:fs/promises";
import { join } from "node:path";

/** Flushes a directory so that files created, renamed or removed in it stay so after a crash. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch (error) {
    // Some platforms cannot open or flush a directory; the rename is still atomic there.
    if (!isErrno(error, "EISDIR", "EPERM", "EINVAL", "EACCES")) throw error;
  } finally {
    await handle?.close();
  }
}

/** Writes `name` atomically: a temporary file, flushed, renamed over the target, directory flushed. */
export async function writeFileDurably(dir: string, name: string, data: string): Promise<void> {
  const target = join(dir, name);
  const temporary = join(dir, `${name}.${process.pid}.tmp`);
  const handle = await open(temporary, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, target);
  await syncDirectory(dir);
}

export async function removeIfExists(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (!isErrno(error, "ENOENT")) throw error;
  }
}

export function isErrno(error: unknown, ...codes: string[]): boolean {
  return error instanceof Error && codes.includes((error as NodeJS.ErrnoException).code ?? "");
}
