// loadProject: reads schemaops.yaml and schemas/ into the desired state. Every problem in every file is
// collected and returned at once; nothing is thrown for bad input.

import path from "node:path";
import type { DesiredContext, DesiredState, DesiredSubject, ManagedSettings } from "../core/model.js";
import { PROJECT_FILE, readProjectConfig, withoutUndefined, type ProjectConfig } from "./config.js";
import { findCycles } from "./cycles.js";
import type { ContextEntry, SchemaEntry } from "./entries.js";
import type { Environment } from "./env.js";
import { sortIssues, uniqueIssues, type RepoIssue } from "./issues.js";
import { SCHEMAS_DIR, schemaFileName } from "./layout.js";
import { lint } from "./lint.js";
import { readRepository } from "./read-repository.js";
import { resolveReferences, type ResolvedReference } from "./references.js";
import { readOptional, scanSchemas, type ScanResult } from "./scan.js";
import { validateSchemas } from "./validate.js";

export interface ProjectFileInfo {
  /** Relative to the project directory. */
  path: string;
  kind: "project" | "context" | "schema" | "sidecar";
  context?: string;
  subject?: string;
}

export interface Project {
  dir: string;
  config: ProjectConfig;
  desired: DesiredState;
  files: ProjectFileInfo[];
}

export type LoadResult =
  | { ok: true; project: Project; warnings: RepoIssue[] }
  | { ok: false; errors: RepoIssue[]; warnings: RepoIssue[] };

export interface LoadOptions {
  /** Where `${VAR}` values come from; process.env by default. */
  env?: Environment;
}

export async function loadProject(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const env = options.env ?? process.env;
  const errors: RepoIssue[] = [];
  const warnings: RepoIssue[] = [];

  const configRead = await readConfig(dir, env, errors);
  errors.push(...(configRead?.errors ?? []));
  warnings.push(...(configRead?.warnings ?? []));

  const scan = await scanSchemas(dir);
  checkLayout(scan, errors, warnings);
  const repo = await readRepository(dir, scan.folders);
  errors.push(...repo.errors);
  warnings.push(...repo.warnings);

  const graph = resolveReferences(repo.entries);
  errors.push(...graph.errors);
  warnings.push(...graph.warnings);
  const cycles = findCycles(graph.references);
  errors.push(...cycles.errors);
  const validation = validateSchemas(graph.references, new Set([...graph.unusable, ...cycles.members]));
  errors.push(...validation.errors);
  warnings.push(...validation.warnings);

  if (configRead?.value === undefined) return failed(errors, warnings);
  const config = configRead.value;
  const contextSettings = new Map(repo.contexts.map((c) => [c.name, { ...config.defaults, ...c.declared }]));
  warnings.push(
    ...lint({
      config,
      configYaml: configRead.yaml,
      contexts: repo.contexts,
      contextSettings,
      entries: repo.entries,
      references: graph.references,
      ymlFiles: repo.ymlFiles,
    }),
  );
  if (errors.length > 0) return failed(errors, warnings);

  const desired: DesiredState = {
    contexts: repo.contexts.map((c) => desiredContext(c, contextSettings.get(c.name)!)).sort(byName),
    subjects: repo.entries.map((e) => desiredSubject(e, graph.references.get(e) ?? [])).sort(bySubject),
  };
  return {
    ok: true,
    project: { dir, config, desired, files: projectFiles(repo.contexts, repo.entries) },
    warnings: sortIssues(uniqueIssues(warnings)),
  };
}

async function readConfig(dir: string, env: Environment, errors: RepoIssue[]) {
  const text = await readOptional(path.join(dir, PROJECT_FILE));
  if (text !== undefined) return readProjectConfig(text, env);
  const message = `no ${PROJECT_FILE} in ${dir}: not a schemaops project`;
  errors.push({ file: PROJECT_FILE, line: 1, column: 1, message });
  return undefined;
}

function checkLayout(scan: ScanResult, errors: RepoIssue[], warnings: RepoIssue[]): void {
  if (!scan.exists) {
    const message = `no ${SCHEMAS_DIR}/ folder: the repository declares no contexts and no subjects`;
    warnings.push({ file: SCHEMAS_DIR, line: 1, column: 1, message });
  }
  for (const loose of scan.looseFiles) {
    if (schemaFileName(path.posix.basename(loose)) === undefined) continue;
    const message = `schema files belong in a context folder (${SCHEMAS_DIR}/default/ for the default context)`;
    errors.push({ file: loose, line: 1, column: 1, message });
  }
}

function failed(errors: RepoIssue[], warnings: RepoIssue[]): LoadResult {
  return {
    ok: false,
    errors: sortIssues(uniqueIssues(errors)),
    warnings: sortIssues(uniqueIssues(warnings)),
  };
}

function desiredContext(context: ContextEntry, settings: ManagedSettings): DesiredContext {
  return {
    name: context.name,
    settings: withoutUndefined(settings),
    origin: { file: context.contextFile?.path ?? context.folderPath, line: 1, column: 1 },
  };
}

function desiredSubject(entry: SchemaEntry, references: ResolvedReference[]): DesiredSubject {
  const sidecar = entry.sidecar?.value;
  const subject: DesiredSubject = {
    context: entry.context,
    name: entry.subject,
    schemaType: entry.schemaType,
    schema: entry.text,
    references: references.map((r) => ({ ...r.reference })),
    settings: withoutUndefined({
      compatibility: sidecar?.compatibility,
      normalize: sidecar?.normalize,
      mode: sidecar?.mode,
    }),
    deleted: sidecar?.deleted === true,
    origin: { file: entry.path, line: 1, column: 1 },
  };
  if (sidecar?.metadata !== undefined) subject.metadata = withoutUndefined(sidecar.metadata);
  if (sidecar?.ruleSet !== undefined) subject.ruleSet = sidecar.ruleSet;
  return subject;
}

function projectFiles(contexts: ContextEntry[], entries: SchemaEntry[]): Project["files"] {
  const files: Project["files"] = [{ path: PROJECT_FILE, kind: "project" }];
  for (const context of contexts) {
    if (context.contextFile)
      files.push({ path: context.contextFile.path, kind: "context", context: context.name });
  }
  for (const entry of entries) {
    files.push({ path: entry.path, kind: "schema", context: entry.context, subject: entry.subject });
    if (entry.sidecar)
      files.push({
        path: entry.sidecar.path,
        kind: "sidecar",
        context: entry.context,
        subject: entry.subject,
      });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const byName = (a: { name: string }, b: { name: string }): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

const bySubject = (a: DesiredSubject, b: DesiredSubject): number =>
  a.context < b.context ? -1 : a.context > b.context ? 1 : byName(a, b);
