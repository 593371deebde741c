// Loading the project for a command: every problem in every file is printed, located, and the command
// stops before touching any registry.

import path from "node:path";
import { formatIssue, loadProject, type Project } from "../../repo/index.js";
import type { GlobalOptions, Io } from "../io.js";
import { println } from "../io.js";

export function projectDir(io: Io, options: GlobalOptions): string {
  return path.resolve(io.cwd, options.dir ?? ".");
}

/** The project, or undefined after printing why it cannot be used. */
export async function loadForCommand(io: Io, options: GlobalOptions): Promise<Project | undefined> {
  const result = await loadProject(projectDir(io, options), { env: io.env });
  if (!options.quiet && !options.json)
    for (const warning of result.warnings) println(io.stderr, `warning: ${formatIssue(warning)}`);
  if (result.ok) return result.project;
  for (const error of result.errors) println(io.stderr, formatIssue(error));
  println(
    io.stderr,
    `${result.errors.length} problem${result.errors.length === 1 ? "" : "s"} found; nothing was planned or changed.`,
  );
  return undefined;
}
