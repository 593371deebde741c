// `schemaops check [--base REF]`: offline compatibility of the working tree against the files at REF.

import { checkAgainstGit, type CheckResult, type SubjectCheck } from "../../ops/check.js";
import { offlineEnv } from "../../ops/offline-env.js";
import { formatIssue, loadProject } from "../../repo/index.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions, Io } from "../io.js";
import { println, useColor } from "../io.js";
import { projectDir } from "./project.js";

export interface CheckCommandOptions extends GlobalOptions {
  base?: string;
}

export async function checkCommand(io: Io, options: CheckCommandOptions): Promise<ExitCode> {
  const loaded = await loadProject(projectDir(io, options), { env: offlineEnv(io.env) });
  if (!loaded.ok) {
    for (const error of loaded.errors) println(io.stderr, formatIssue(error));
    return ExitCode.Error;
  }
  const result = await checkAgainstGit(loaded.project, { base: options.base, env: io.env });
  if (options.json) println(io.stdout, JSON.stringify(result, null, 2));
  else io.stdout.write(renderCheck(result, useColor(io, options)));
  const blocked = result.incompatible > 0 && !loaded.project.config.policy.allowIncompatible;
  return blocked ? ExitCode.Blocked : ExitCode.Ok;
}

export function renderCheck(result: CheckResult, color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines = [`Compared with ${result.base.ref} (${result.base.commit.slice(0, 12)}).`];
  const changed = result.subjects.filter((s) => s.status !== "unchanged");
  if (changed.length === 0) lines.push("No schema changed.");
  for (const s of changed) lines.push(...renderSubject(s, paint));
  const compatible = result.subjects.filter((s) => s.verdict === "compatible").length;
  lines.push(`${compatible} compatible change(s), ${result.incompatible} incompatible.`);
  return `${lines.join("\n")}\n`;
}

function renderSubject(s: SubjectCheck, paint: (code: number, text: string) => string): string[] {
  switch (s.status) {
    case "new":
      return [paint(32, `  + ${s.subject} (${s.file}): new subject`)];
    case "removed":
      return [paint(33, `  - ${s.subject} (${s.file}): removed`)];
    case "skipped":
      return [paint(33, `  ? ${s.subject} (${s.file}): not checked: ${s.reason ?? ""}`)];
    case "unchanged":
      return [];
    case "changed": {
      if (s.verdict === "compatible")
        return [paint(32, `  ✓ ${s.subject} (${s.file}): compatible (${s.level})`)];
      const lines = [paint(31, `  ✗ ${s.subject} (${s.file}): incompatible (${s.level})`)];
      for (const m of s.messages ?? []) {
        const where = m.location
          ? `${m.location.source ?? s.file}:${m.location.line}:${m.location.column}`
          : s.file;
        lines.push(
          paint(31, `      ${where}: ${m.errorType}${m.path ? ` at ${m.path}` : ""}: ${m.description}`),
        );
      }
      return lines;
    }
  }
}
