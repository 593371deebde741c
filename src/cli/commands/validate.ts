// `schemaops validate`: parse every file, resolve references, run lint rules. No network.

import { formatIssue, loadProject } from "../../repo/index.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions, Io } from "../io.js";
import { println } from "../io.js";
import { projectDir } from "./project.js";

export async function validateCommand(io: Io, options: GlobalOptions): Promise<ExitCode> {
  const result = await loadProject(projectDir(io, options), { env: io.env });
  if (options.json) {
    const issues = (list: typeof result.warnings) => list.map((i) => ({ ...i, text: formatIssue(i) }));
    const body = {
      ok: result.ok,
      errors: result.ok ? [] : issues(result.errors),
      warnings: issues(result.warnings),
      subjects: result.ok ? result.project.desired.subjects.length : undefined,
      contexts: result.ok ? result.project.desired.contexts.length : undefined,
    };
    println(io.stdout, JSON.stringify(body, null, 2));
    return result.ok ? ExitCode.Ok : ExitCode.Error;
  }
  for (const warning of result.warnings) println(io.stderr, `warning: ${formatIssue(warning)}`);
  if (!result.ok) {
    for (const error of result.errors) println(io.stderr, formatIssue(error));
    println(io.stderr, `${result.errors.length} problem${result.errors.length === 1 ? "" : "s"} found.`);
    return ExitCode.Error;
  }
  const { subjects, contexts } = result.project.desired;
  if (!options.quiet) {
    println(
      io.stdout,
      `Valid: ${subjects.length} subject${subjects.length === 1 ? "" : "s"} in ${contexts.length} context${contexts.length === 1 ? "" : "s"}.`,
    );
  }
  return ExitCode.Ok;
}
