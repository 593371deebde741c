// `schemaops check`: offline compatibility of the working tree against the files at a git ref. No
// registry needed: the CI gate for repositories without registry access. Each changed subject is checked
// against its previous file at its declared level (the registry's default, BACKWARD, when none is declared).

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkParsedCompatibility } from "../compat/check.js";
import type { CompatibilityLevel } from "../compat/levels.js";
import { sameSchemaContent } from "../core/identity.js";
import type { DesiredContext, DesiredState, DesiredSubject } from "../core/model.js";
import type { CompatibilityMessage } from "../core/plan.js";
import { offlineSources } from "../core/schema-inputs.js";
import { qualifySubject } from "../core/subject-names.js";
import { formatIssue, loadProject, PROJECT_FILE, type Project } from "../repo/index.js";
import { materializeAt, resolveBase } from "./git.js";
import { offlineEnv } from "./offline-env.js";

export interface SubjectCheck {
  subject: string;
  file: string;
  status: "unchanged" | "new" | "removed" | "changed" | "skipped";
  level?: CompatibilityLevel;
  verdict?: "compatible" | "incompatible";
  messages?: CompatibilityMessage[];
  registryMessages?: string[];
  /** Why a changed subject could not be checked. */
  reason?: string;
}

export interface CheckResult {
  base: { ref: string; commit: string };
  subjects: SubjectCheck[];
  incompatible: number;
}

export class BaseLoadError extends Error {}

export async function checkAgainstGit(
  project: Project,
  options: { base?: string; env?: Record<string, string | undefined> } = {},
): Promise<CheckResult> {
  const base = await resolveBase(project.dir, options.base);
  const baseDesired = await loadAt(project.dir, base.commit, options.env ?? {});
  const subjects = compareStates(project.desired, baseDesired);
  return { base, subjects, incompatible: subjects.filter((s) => s.verdict === "incompatible").length };
}

async function loadAt(
  dir: string,
  commit: string,
  env: Record<string, string | undefined>,
): Promise<DesiredState> {
  const scratch = await mkdtemp(path.join(tmpdir(), "schemaops-base-"));
  try {
    const count = await materializeAt(dir, commit, [PROJECT_FILE, "schemas"], scratch);
    if (count === 0) return { contexts: [], subjects: [] };
    const loaded = await loadProject(scratch, { env: offlineEnv(env) });
    if (!loaded.ok) {
      const shown = loaded.errors.slice(0, 5).map((e) => `  ${formatIssue(e)}`);
      throw new BaseLoadError(
        `the files at ${commit.slice(0, 12)} do not load (${loaded.errors.length} problem(s)), so there is nothing to compare with:\n${shown.join("\n")}`,
      );
    }
    return loaded.project.desired;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The declared level: sidecar, else context (or project defaults), else the registry default. */
function declaredLevel(subject: DesiredSubject, contexts: Map<string, DesiredContext>): CompatibilityLevel {
  return (
    subject.settings.compatibility ?? contexts.get(subject.context)?.settings.compatibility ?? "BACKWARD"
  );
}

function declaredNormalize(subject: DesiredSubject, contexts: Map<string, DesiredContext>): boolean {
  return subject.settings.normalize ?? contexts.get(subject.context)?.settings.normalize ?? false;
}

export function compareStates(current: DesiredState, base: DesiredState): SubjectCheck[] {
  const key = (s: DesiredSubject) => qualifySubject(s.context, s.name);
  const baseByKey = new Map(base.subjects.map((s) => [key(s), s]));
  const contexts = new Map(current.contexts.map((c) => [c.name, c]));
  const currentSources = offlineSources(current);
  const baseSources = offlineSources(base);
  const results: SubjectCheck[] = [];

  for (const subject of current.subjects) {
    const subjectKey = key(subject);
    const previous = baseByKey.get(subjectKey);
    baseByKey.delete(subjectKey);
    const entry: SubjectCheck = { subject: subjectKey, file: subject.origin.file, status: "new" };
    results.push(entry);
    if (!previous || previous.deleted) continue;
    if (subject.deleted) {
      entry.status = "removed";
      continue;
    }
    const now = currentSources.desired(subject);
    const before = baseSources.desired(previous);
    if (!now.ok || !before.ok) {
      entry.status = "skipped";
      entry.reason = !now.ok
        ? now.problem
        : `the previous version cannot be read: ${(before as { problem: string }).problem}`;
      continue;
    }
    if (sameSchemaContent(now.schema, before.schema, declaredNormalize(subject, contexts))) {
      entry.status = "unchanged";
      continue;
    }
    const level = declaredLevel(subject, contexts);
    const result = checkParsedCompatibility(
      { schema: now.schema, metadata: subject.metadata },
      [{ schema: before.schema, version: 1, metadata: previous.metadata }],
      level,
    );
    entry.status = "changed";
    entry.level = level;
    entry.verdict = result.compatible ? "compatible" : "incompatible";
    entry.registryMessages = result.messages;
    entry.messages = result.problems.map((p) => {
      const m: CompatibilityMessage = { errorType: p.errorType, description: p.description };
      if (p.path !== undefined) m.path = p.path;
      if (p.location) m.location = p.location;
      if (p.quirk) m.quirk = p.quirk;
      return m;
    });
  }
  for (const [subjectKey, gone] of baseByKey) {
    if (!gone.deleted) results.push({ subject: subjectKey, file: gone.origin.file, status: "removed" });
  }
  return results;
}
