// `schemaops import`: writes a registry's subjects (their latest live version), subject settings and
// context settings into the repository, so that the next plan against that registry is empty.

import type {
  DesiredReference,
  ManagedSettings,
  ObservedConfig,
  ObservedState,
  ObservedSubject,
  Scoped,
} from "../core/model.js";
import { DEFAULT_CONTEXT, qualifySubject } from "../core/subject-names.js";
import { qualifyReferenceSubject } from "../core/identity.js";
import type { RegistryClient } from "../registry/index.js";
import {
  writeRepository,
  type ContextToWrite,
  type SubjectToWrite,
  type WriteResult,
} from "../repo/index.js";
import { observeRegistry, readSubjectSettings } from "./observe.js";

export interface ImportOptions {
  /** Contexts to import; every context of the registry (or of `registryContexts`) when absent. */
  contexts?: readonly string[];
  /** Subject name globs (`*`, `?`), matched against the name and the qualified name. */
  subjects?: readonly string[];
  /** The registry's `contexts:` list in schemaops.yaml, when it has one. */
  registryContexts?: readonly string[];
  /** The project's `defaults:`, which apply to every context whose files declare no settings. */
  defaults?: ManagedSettings;
  concurrency?: number;
}

export interface ImportResult extends WriteResult {
  subjects: number;
  contexts: string[];
  warnings: string[];
}

export async function importRegistry(
  projectDir: string,
  client: RegistryClient,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const available = await client.getContexts();
  const contexts = chooseContexts(available, options);
  const observed = await observeRegistry(client, {
    contexts: new Set(contexts),
    concurrency: options.concurrency,
  });
  const selected = observed.subjects.filter(
    (s) =>
      contexts.includes(s.context) && s.versions.some((v) => !v.deleted) && matchesAny(s, options.subjects),
  );
  await readSubjectSettings(
    client,
    observed,
    selected.map((s) => qualifySubject(s.context, s.name)),
    options.concurrency ?? 8,
  );

  const importedKeys = new Set(selected.map((s) => qualifySubject(s.context, s.name)));
  const subjects = selected.map((s) => subjectToWrite(s, observed, importedKeys));
  // Context settings are written only for whole contexts, never for a subset of subjects.
  const contextSettings: ContextToWrite[] = options.subjects?.length
    ? []
    : observed.contexts
        .filter((c) => contexts.includes(c.name))
        .map((c) => ({ name: c.name, settings: settingsOf(c.config, c.mode) }));
  const written = await writeRepository(projectDir, { subjects, contexts: contextSettings });

  const warnings: string[] = [];
  const older = selected.filter((s) => s.versions.filter((v) => !v.deleted).length > 1).length;
  if (older > 0) {
    warnings.push(
      `${older} subject${older === 1 ? " has" : "s have"} older versions; only the latest is written to files (the registry keeps the history)`,
    );
  }
  warnings.push(...defaultsWarnings(contextSettings, options.defaults ?? {}));
  return { ...written, subjects: subjects.length, contexts, warnings };
}

/**
 * A context the registry leaves unset cannot be written as "unset": the project defaults fill it in on
 * load, and the next plan would then change the registry. Say so instead of pretending the round trip holds.
 */
function defaultsWarnings(contexts: ContextToWrite[], defaults: ManagedSettings): string[] {
  const warnings: string[] = [];
  for (const context of contexts) {
    for (const key of ["compatibility", "normalize", "mode"] as const) {
      if (defaults[key] === undefined || context.settings[key] !== undefined) continue;
      warnings.push(
        `context ${context.name} has no ${key} of its own in the registry, so defaults.${key} (${String(defaults[key])}) from schemaops.yaml applies to it: the next plan will set it`,
      );
    }
  }
  return warnings;
}

function chooseContexts(available: string[], options: ImportOptions): string[] {
  let contexts = options.contexts?.length ? [...options.contexts] : available;
  if (options.registryContexts) contexts = contexts.filter((c) => options.registryContexts!.includes(c));
  return contexts.length > 0 ? contexts : [DEFAULT_CONTEXT];
}

function subjectToWrite(
  subject: ObservedSubject,
  observed: ObservedState,
  imported: ReadonlySet<string>,
): SubjectToWrite {
  const latest = subject.versions.filter((v) => !v.deleted).at(-1)!;
  const references: DesiredReference[] = latest.references.map((ref) => {
    const targetKey = qualifyReferenceSubject(ref.subject, subject.context);
    const target = observed.subjects.find((s) => qualifySubject(s.context, s.name) === targetKey);
    const targetLatest = target?.versions.filter((v) => !v.deleted).at(-1)?.version;
    // A reference to the latest version of an imported subject follows that subject from now on.
    const follows = imported.has(targetKey) && targetLatest === ref.version;
    return { name: ref.name, subject: ref.subject, version: follows ? "latest" : ref.version };
  });
  const out: SubjectToWrite = {
    context: subject.context,
    name: subject.name,
    schemaType: latest.schemaType,
    schema: latest.schema,
    references,
    settings: settingsOf(subject.config, subject.mode),
  };
  if (latest.metadata) out.metadata = latest.metadata;
  if (latest.ruleSet) out.ruleSet = latest.ruleSet;
  return out;
}

function settingsOf(config: Scoped<ObservedConfig>, mode: Scoped<ManagedSettings["mode"]>): ManagedSettings {
  const settings: ManagedSettings = {};
  if (config && config !== "unknown") {
    if (config.compatibility) settings.compatibility = config.compatibility;
    if (config.normalize !== undefined) settings.normalize = config.normalize;
  }
  if (mode && mode !== "unknown") settings.mode = mode;
  return settings;
}

function matchesAny(subject: ObservedSubject, globs: readonly string[] | undefined): boolean {
  if (!globs || globs.length === 0) return true;
  const qualified = qualifySubject(subject.context, subject.name);
  return globs.some((glob) => {
    const pattern = globToRegExp(glob);
    return pattern.test(subject.name) || pattern.test(qualified);
  });
}

/** `*` is any run of characters, `?` one character; everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  const body = [...glob]
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[\\^$.|+()[\]{}]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`, "s");
}
