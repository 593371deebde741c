// Reads what the planner needs from a registry with as few requests as the API allows: one bulk
// listing of every version (paged by 1,000), a handful of context-level settings, and subject-level
// settings only for the subjects the planner asks about.

import type { CompatibilityLevel } from "../compat/levels.js";
import type {
  Mode,
  ObservedConfig,
  ObservedState,
  ObservedSubject,
  ObservedVersion,
  Scoped,
} from "../core/model.js";
import { ALL_CONTEXTS_PREFIX, DEFAULT_CONTEXT, parseSubject, qualifySubject } from "../core/subject-names.js";
import { isSchemaType } from "../formats/index.js";
import type { RegistryClient, RegistryConfig, SettingsScope, SubjectVersion } from "../registry/index.js";
import { RegistryError } from "../registry/index.js";
import { mapLimit } from "../core/concurrency.js";

export interface ObserveOptions {
  /** Contexts whose settings are read; subjects are read for every context. */
  contexts: ReadonlySet<string>;
  /** Subject-level config and mode to read now, as qualified subjects. */
  subjectSettings?: readonly string[];
  /** Parallel requests for per-subject reads. */
  concurrency?: number;
}

const GLOBAL_CONTEXT = ".__GLOBAL";

/** Reads the registry's schemas and the settings of the given contexts. */
export async function observeRegistry(
  client: RegistryClient,
  options: ObserveOptions,
): Promise<ObservedState> {
  const capabilities = await client.capabilities();
  const contexts = capabilities.contexts
    ? [...options.contexts]
    : [...options.contexts].filter((c) => c === DEFAULT_CONTEXT);
  if (!contexts.includes(DEFAULT_CONTEXT)) contexts.unshift(DEFAULT_CONTEXT);

  const [rows, contextSettings, global] = await Promise.all([
    listAllVersions(client, capabilities.contexts),
    mapLimit(contexts, options.concurrency ?? 8, async (name) => ({
      name,
      config: await readConfig(client, scopeOfContext(name)),
      mode: await readMode(client, scopeOfContext(name)),
    })),
    capabilities.contexts ? readGlobal(client) : Promise.resolve({ config: undefined, mode: undefined }),
  ]);

  const state: ObservedState = {
    contexts: contextSettings,
    subjects: groupBySubject(rows),
    global,
    serverDefaultLevel: "BACKWARD",
    capabilities: { contexts: capabilities.contexts, modes: capabilities.modeWrites !== false },
  };
  if (capabilities.serverVersion) state.serverVersion = capabilities.serverVersion;
  await readSubjectSettings(client, state, options.subjectSettings ?? [], options.concurrency ?? 8);
  return state;
}

/** Reads config and mode of more subjects into an observed state (the planner's second pass). */
export async function readSubjectSettings(
  client: RegistryClient,
  state: ObservedState,
  subjects: readonly string[],
  concurrency: number,
): Promise<void> {
  const byKey = new Map(state.subjects.map((s) => [qualifySubject(s.context, s.name), s]));
  await mapLimit(subjects, concurrency, async (subject) => {
    const observed = byKey.get(subject);
    if (!observed) return;
    const scope: SettingsScope = { scope: "subject", subject };
    observed.config = await readConfig(client, scope);
    observed.mode = await readMode(client, scope);
  });
}

/**
 * Every version of every subject, soft-deleted ones included. Registries before 8.0 do not flag
 * soft-deleted rows, so the live listing is then read as well and the difference marks them.
 */
async function listAllVersions(
  client: RegistryClient,
  contexts: boolean,
): Promise<(SubjectVersion & { deleted: boolean })[]> {
  const subjectPrefix = contexts ? ALL_CONTEXTS_PREFIX : undefined;
  const all = await client.getSchemas({ subjectPrefix, deleted: true });
  if (all.some((row) => row.deleted !== undefined))
    return all.map((row) => ({ ...row, deleted: row.deleted === true }));
  const live = await client.getSchemas({ subjectPrefix });
  const liveKeys = new Set(live.map((row) => `${row.subject}\u0000${row.version}`));
  return all.map((row) => ({ ...row, deleted: !liveKeys.has(`${row.subject}\u0000${row.version}`) }));
}

function groupBySubject(rows: (SubjectVersion & { deleted: boolean })[]): ObservedSubject[] {
  const subjects = new Map<string, ObservedSubject>();
  for (const row of rows) {
    let subject = subjects.get(row.subject);
    if (!subject) {
      const { context, name } = parseSubject(row.subject);
      subject = { context, name, versions: [], config: "unknown", mode: "unknown" };
      subjects.set(row.subject, subject);
    }
    subject.versions.push(toObservedVersion(row));
  }
  for (const subject of subjects.values()) subject.versions.sort((a, b) => a.version - b.version);
  return [...subjects.values()];
}

function toObservedVersion(row: SubjectVersion & { deleted: boolean }): ObservedVersion {
  const schemaType = isSchemaType(row.schemaType) ? row.schemaType : "AVRO";
  const version: ObservedVersion = {
    version: row.version,
    id: row.id,
    schemaType,
    schema: row.schema,
    references: row.references.map((r) => ({ name: r.name, subject: r.subject, version: r.version })),
    deleted: row.deleted,
  };
  if (row.metadata) version.metadata = row.metadata;
  if (row.ruleSet) version.ruleSet = row.ruleSet;
  return version;
}

function scopeOfContext(context: string): SettingsScope {
  return context === DEFAULT_CONTEXT ? { scope: "global" } : { scope: "context", context };
}

async function readGlobal(client: RegistryClient): Promise<ObservedState["global"]> {
  const scope: SettingsScope = { scope: "context", context: GLOBAL_CONTEXT };
  return { config: await optional(readConfig(client, scope)), mode: await optional(readMode(client, scope)) };
}

/** The cross-context scope exists from 8.1 on; older registries refuse the name, which means "nothing set". */
async function optional<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof RegistryError && err.status >= 400 && err.status < 500) return undefined;
    throw err;
  }
}

async function readConfig(client: RegistryClient, scope: SettingsScope): Promise<Scoped<ObservedConfig>> {
  const config = await client.getConfig(scope);
  return config === undefined ? undefined : toObservedConfig(config);
}

async function readMode(client: RegistryClient, scope: SettingsScope): Promise<Scoped<Mode>> {
  const mode = await client.getMode(scope);
  // FORWARD exists only on the global scope and behaves like IMPORT for registrations.
  return mode === "FORWARD" ? "IMPORT" : mode;
}

function toObservedConfig(config: RegistryConfig): ObservedConfig {
  const out: ObservedConfig = {};
  if (config.compatibilityLevel) out.compatibility = config.compatibilityLevel as CompatibilityLevel;
  if (config.normalize !== undefined) out.normalize = config.normalize;
  if (config.compatibilityGroup !== undefined) out.compatibilityGroup = config.compatibilityGroup;
  if (config.compatibilityPolicy !== undefined) out.compatibilityPolicy = config.compatibilityPolicy;
  if (config.validateFields !== undefined) out.validateFields = config.validateFields;
  return out;
}
