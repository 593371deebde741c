// One registry per directory: two processes appending to one journal would interleave their records.
// The lock file names the owning process; a lock left by a process that no longer runs (a crash, a
// SIGKILL) is taken over.

import { open, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isErrno, removeIfExists } from "./durable-files.js";

const LOCK = "lock";

export class StoreInUseError extends Error {
  override name = "StoreInUseError";
}

export class DirectoryLock {
  private constructor(private readonly path: string) {}

  static async acquire(dir: string): Promise<DirectoryLock> {
    const path = join(dir, LOCK);
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
    } catch (error) {
      if (!isErrno(error, "EEXIST")) throw error;
      const owner = Number((await readFile(path, "utf8")).trim());
      if (isRunning(owner))
        throw new StoreInUseError(`${dir} is in use by another registry (process ${owner})`);
      await writeFile(path, String(process.pid));
    }
    return new DirectoryLock(path);
  }

  async release(): Promise<void> {
    await removeIfExists(this.path);
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  // A registry of this very process holds it too: a second one must not share the directory.
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrno(error, "EPERM");
  }
}
