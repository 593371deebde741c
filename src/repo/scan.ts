// Lists the files below schemas/: one entry per context folder, with every file below it. Hidden entries are
// skipped; symbolic links are followed, once.

import { readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { isHidden, SCHEMAS_DIR } from "./layout.js";

export interface ScannedFile {
  /** Relative to the project directory, "/"-separated. */
  path: string;
  /** Relative to the context folder, "/"-separated. */
  contextPath: string;
}

export interface ScannedFolder {
  folder: string;
  /** `schemas/<folder>`. */
  path: string;
  files: ScannedFile[];
}

export interface ScanResult {
  exists: boolean;
  folders: ScannedFolder[];
  /** Files directly in schemas/, outside every context folder. */
  looseFiles: string[];
}

export async function scanSchemas(projectDir: string): Promise<ScanResult> {
  const root = path.join(projectDir, SCHEMAS_DIR);
  const top = await listDirectory(root);
  if (top === undefined) return { exists: false, folders: [], looseFiles: [] };
  const folders: ScannedFolder[] = [];
  const looseFiles: string[] = [];
  const visited = new Set<string>([await realpath(root)]);
  for (const entry of top) {
    const relative = `${SCHEMAS_DIR}/${entry.name}`;
    if (entry.kind === "file") {
      looseFiles.push(relative);
      continue;
    }
    const files: ScannedFile[] = [];
    await collectFiles(path.join(root, entry.name), "", relative, files, visited);
    folders.push({ folder: entry.name, path: relative, files });
  }
  return { exists: true, folders, looseFiles };
}

interface Entry {
  name: string;
  kind: "file" | "directory";
}

async function collectFiles(
  absolute: string,
  contextPrefix: string,
  projectPrefix: string,
  out: ScannedFile[],
  visited: Set<string>,
): Promise<void> {
  // A link back to an ancestor would otherwise be walked forever.
  const real = await realpath(absolute);
  if (visited.has(real)) return;
  visited.add(real);
  for (const entry of (await listDirectory(absolute)) ?? []) {
    const contextPath = contextPrefix === "" ? entry.name : `${contextPrefix}/${entry.name}`;
    const projectPath = `${projectPrefix}/${entry.name}`;
    if (entry.kind === "file") out.push({ path: projectPath, contextPath });
    else await collectFiles(path.join(absolute, entry.name), contextPath, projectPath, out, visited);
  }
}

/** Visible entries sorted by name, or undefined when the directory does not exist. */
async function listDirectory(absolute: string): Promise<Entry[] | undefined> {
  let dirents;
  try {
    dirents = await readdir(absolute, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  const entries: Entry[] = [];
  for (const dirent of dirents) {
    if (isHidden(dirent.name)) continue;
    let kind: Entry["kind"] | undefined;
    if (dirent.isFile()) kind = "file";
    else if (dirent.isDirectory()) kind = "directory";
    else if (dirent.isSymbolicLink()) kind = await linkKind(path.join(absolute, dirent.name));
    if (kind !== undefined) entries.push({ name: dirent.name, kind });
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function linkKind(absolute: string): Promise<Entry["kind"] | undefined> {
  try {
    const target = await stat(absolute);
    return target.isFile() ? "file" : target.isDirectory() ? "directory" : undefined;
  } catch {
    return undefined; // a dangling link is not part of the repository
  }
}

export function isMissing(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    (error.code === "ENOENT" || error.code === "ENOTDIR")
  );
}

/** A file's text, or undefined when it does not exist. */
export async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}
