// Git, for the few things schemaops needs from it: the commit a plan came from, and the files as they
// were at another commit (offline check).

import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleGit } from "simple-git";

/** The HEAD commit of the repository holding `dir`, or undefined outside a repository. */
export async function gitCommitOf(dir: string): Promise<string | undefined> {
  try {
    const git = simpleGit({ baseDir: dir });
    if (!(await git.checkIsRepo())) return undefined;
    return (await git.revparse(["HEAD"])).trim();
  } catch {
    return undefined;
  }
}

export class GitError extends Error {}

/** The commit a check compares with: REF when given, else the merge base of HEAD and the default branch. */
export async function resolveBase(
  dir: string,
  ref: string | undefined,
): Promise<{ ref: string; commit: string }> {
  const git = simpleGit({ baseDir: dir });
  if (!(await git.checkIsRepo().catch(() => false)))
    throw new GitError(`${dir} is not inside a git repository`);
  if (ref) {
    try {
      return { ref, commit: (await git.revparse(["--verify", `${ref}^{commit}`])).trim() };
    } catch {
      throw new GitError(`unknown git ref "${ref}"`);
    }
  }
  for (const candidate of await defaultBranchCandidates(dir)) {
    try {
      const commit = (await git.raw(["merge-base", "HEAD", candidate])).trim();
      if (commit) return { ref: `merge-base(HEAD, ${candidate})`, commit };
    } catch {
      // Try the next name.
    }
  }
  throw new GitError("cannot find the default branch to compare with; pass --base REF");
}

async function defaultBranchCandidates(dir: string): Promise<string[]> {
  const git = simpleGit({ baseDir: dir });
  const names: string[] = [];
  try {
    names.push((await git.raw(["symbolic-ref", "--short", "refs/remotes/origin/HEAD"])).trim());
  } catch {
    // No remote HEAD recorded.
  }
  names.push("origin/main", "origin/master", "main", "master");
  return names.filter(Boolean);
}

/**
 * Writes the files of `paths` (relative to `dir`) as they are at `commit` into `target`, keeping their
 * paths relative to `dir`. One `git ls-tree` and one `git cat-file --batch`, whatever the number of files.
 */
export async function materializeAt(
  dir: string,
  commit: string,
  paths: string[],
  target: string,
): Promise<number> {
  const git = simpleGit({ baseDir: dir });
  const prefix = (await git.revparse(["--show-prefix"])).trim();
  const listing = await git.raw([
    "ls-tree",
    "-r",
    "-z",
    commit,
    "--",
    ...paths.map((p) => path.posix.join(prefix, p)),
  ]);
  const entries = listing
    .split("\0")
    .filter(Boolean)
    .map((line) => {
      const [meta, file] = line.split("\t");
      const [, type, sha] = meta!.split(" ");
      return { type, sha: sha!, file: file!.slice(prefix.length) };
    })
    .filter((e) => e.type === "blob");
  if (entries.length === 0) return 0;
  const contents = await catFileBatch(
    dir,
    entries.map((e) => e.sha),
  );
  for (const [i, entry] of entries.entries()) {
    const destination = path.join(target, entry.file);
    await mkdir(path.dirname(destination), { recursive: true });
    await writeFile(destination, contents[i]!);
  }
  return entries.length;
}

function catFileBatch(dir: string, shas: string[]): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd: dir, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new GitError(`git cat-file failed: ${stderr.trim()}`));
      const all = Buffer.concat(chunks);
      const out: Buffer[] = [];
      let offset = 0;
      for (let i = 0; i < shas.length; i++) {
        const newline = all.indexOf(0x0a, offset);
        const header = all.subarray(offset, newline).toString();
        const size = Number(header.split(" ")[2]);
        if (!Number.isFinite(size))
          return reject(new GitError(`git cat-file: unexpected answer "${header}"`));
        out.push(all.subarray(newline + 1, newline + 1 + size));
        offset = newline + 1 + size + 1;
      }
      resolve(out);
    });
    child.stdin.end(shas.join("\n") + "\n");
  });
}
