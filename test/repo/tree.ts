// Inline file trees for loader tests: each test writes the files it needs into a fresh temporary directory.

import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { onTestFinished } from "vitest";
import { formatIssue, loadProject, type LoadResult } from "../../src/repo/index.js";
import type { Environment } from "../../src/repo/env.js";

export type Tree = Record<string, string>;

/** Writes `files` (paths relative to the root, "/"-separated) into a temporary directory, removed after the test. */
export async function writeTree(files: Tree): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "schemaops-repo-"));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(dir, ...relative.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content, "utf8");
  }
  return dir;
}

/** A project with an empty schemaops.yaml unless the tree gives one. */
export async function loadTree(files: Tree, env: Environment = {}): Promise<LoadResult> {
  const dir = await writeTree({ "schemaops.yaml": "", ...files });
  return loadProject(dir, { env });
}

/** Loads a tree that must be valid, and returns the project. */
export async function loadValid(files: Tree, env: Environment = {}) {
  const result = await loadTree(files, env);
  if (!result.ok) throw new Error(`unexpected errors:\n${result.errors.map(formatIssue).join("\n")}`);
  return result;
}

/** Loads a tree that must fail, and returns its errors as `path:line:column: message` lines. */
export async function loadErrors(files: Tree, env: Environment = {}): Promise<string[]> {
  const result = await loadTree(files, env);
  if (result.ok) throw new Error("expected the repository to be invalid");
  return result.errors.map(formatIssue);
}

/** Joins lines into file content, so that line numbers in tests are easy to count. */
export function lines(...text: string[]): string {
  return `${text.join("\n")}\n`;
}

export const avroRecord = (name: string, namespace: string, fields: string): string =>
  `{"type": "record", "name": "${name}", "namespace": "${namespace}", "fields": [${fields}]}\n`;
