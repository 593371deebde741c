// `schemaops apply`: carries out a target plan against its registry. Refuses stale plans and plans that
// break policy; runs independent actions in parallel, dependent ones in order; stops at the first failure
// and reports exactly which actions were done and which were not.

import { changesOf, type Action, type Plan, type RegisterAction, type TargetPlan } from "../core/plan.js";
import { describeDigestChanges, digestObserved } from "../core/digest.js";
import { qualifySubject } from "../core/subject-names.js";
import type { RegistryClient, SettingsScope } from "../registry/index.js";
import { RegistryError } from "../registry/index.js";
import { observeRegistry } from "./observe.js";
import type { RegistryConfig } from "../repo/config.js";
import type { Project } from "../repo/load.js";
import { connectRegistry, type RegistryConnection } from "./connect.js";
import { payloadOf, selectRegistries } from "./plan.js";

export type ApplyEvent =
  | { kind: "start"; action: Action }
  | { kind: "done"; action: Action; detail: string }
  | { kind: "failed"; action: Action; error: string };

export interface ApplyOptions {
  /** Actions in flight at once. Default 4. */
  concurrency?: number;
  onProgress?: (event: ApplyEvent) => void;
  /** Skip the staleness check: the plan was made moments ago by this same run. */
  fresh?: boolean;
}

export interface ActionOutcome {
  id: string;
  /** What the registry answered, in words: "registered as version 4 (id 17)". */
  detail: string;
}

export interface ApplyReport {
  registry: string;
  done: ActionOutcome[];
  failed?: { id: string; error: string };
  /** Actions not attempted because of the failure. */
  notRun: string[];
}

/** The registry changed since the plan was made. */
export class StalePlanError extends Error {
  constructor(
    readonly registry: string,
    readonly changes: string[],
  ) {
    super(
      `the plan for registry ${registry} is stale: the registry changed since it was made\n` +
        changes.map((c) => `  - ${c}`).join("\n") +
        "\nRun schemaops plan again.",
    );
    this.name = "StalePlanError";
  }
}

/** The plan breaks policy (incompatible change, too many deletions, read-only registry). */
export class PolicyRefusalError extends Error {
  constructor(
    readonly registry: string,
    readonly reasons: string[],
  ) {
    super(`refusing to apply to registry ${registry}:\n${reasons.map((r) => `  - ${r}`).join("\n")}`);
    this.name = "PolicyRefusalError";
  }
}

/** Refuses a plan whose registry has changed since, saying what changed. */
export async function ensureFresh(target: TargetPlan, client: RegistryClient): Promise<void> {
  const contexts = new Set(
    Object.keys(target.observed.digest)
      .map((key) => /^context (\S+) config$/.exec(key)?.[1])
      .filter((c): c is string => c !== undefined),
  );
  // Read the same subject settings the plan read, so that both summaries cover the same scopes.
  const subjectSettings = Object.entries(target.observed.digest)
    .filter(([key, value]) => key.startsWith("subject ") && key.endsWith(" config") && value !== "?")
    .map(([key]) => key.slice("subject ".length, -" config".length));
  const now = await observeRegistry(client, { contexts, subjectSettings });
  const changes = describeDigestChanges(target.observed.digest, digestObserved(now, contexts));
  if (changes.length > 0) throw new StalePlanError(target.registry, changes);
}

export async function applyTarget(
  target: TargetPlan,
  client: RegistryClient,
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  if (target.violations.length > 0) {
    throw new PolicyRefusalError(
      target.registry,
      target.violations.map((v) => v.message),
    );
  }
  if (!options.fresh) await ensureFresh(target, client);
  return new Executor(target, client, options).run();
}

type Change = ReturnType<typeof changesOf>[number];

class Executor {
  private readonly report: ApplyReport;
  private readonly pending: Change[];
  private readonly finished = new Set<string>();
  private readonly running = new Set<string>();
  /** Versions actually created, by qualified subject, for references to them. */
  private readonly createdVersions = new Map<string, number>();
  private failure: { id: string; error: string } | undefined;

  constructor(
    private readonly target: TargetPlan,
    private readonly client: RegistryClient,
    private readonly options: ApplyOptions,
  ) {
    this.report = { registry: target.registry, done: [], notRun: [] };
    this.pending = changesOf(target);
  }

  async run(): Promise<ApplyReport> {
    const limit = Math.max(1, this.options.concurrency ?? 4);
    await new Promise<void>((resolve) => {
      const pump = () => {
        while (!this.failure && this.running.size < limit) {
          const next = this.pending.findIndex((a) => a.dependsOn.every((d) => this.finished.has(d)));
          if (next < 0) break;
          const [action] = this.pending.splice(next, 1);
          this.start(action!).then(pump, pump);
        }
        if (this.running.size === 0 && (this.failure || this.pending.length === 0 || !this.canProgress()))
          resolve();
      };
      pump();
    });
    this.report.notRun = this.pending.map((a) => a.id);
    if (this.failure) this.report.failed = this.failure;
    return this.report;
  }

  /** Whether some pending action could still start once the running ones finish. */
  private canProgress(): boolean {
    return this.pending.some((a) => a.dependsOn.every((d) => this.finished.has(d) || this.running.has(d)));
  }

  private async start(action: Change): Promise<void> {
    this.running.add(action.id);
    this.options.onProgress?.({ kind: "start", action });
    try {
      const detail = await this.execute(action);
      this.report.done.push({ id: action.id, detail });
      this.finished.add(action.id);
      this.options.onProgress?.({ kind: "done", action, detail });
    } catch (err) {
      const error = describeError(err);
      this.failure ??= { id: action.id, error };
      this.options.onProgress?.({ kind: "failed", action, error });
    } finally {
      this.running.delete(action.id);
    }
  }

  private async execute(action: Change): Promise<string> {
    switch (action.kind) {
      case "register":
        return this.register(action);
      case "set-config": {
        const update: Record<string, unknown> = {};
        if (action.to.compatibility !== undefined) update.compatibility = action.to.compatibility;
        if (action.to.normalize !== undefined) update.normalize = action.to.normalize;
        await this.client.setConfig(scopeOf(action), update);
        return `config set to ${Object.entries(update)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(", ")}`;
      }
      case "set-mode":
        await this.client.setMode(scopeOf(action), action.to);
        return `mode set to ${action.to}`;
      case "delete-subject": {
        const subject = qualifySubject(action.context, action.subject);
        const versions = await this.softDelete(subject);
        if (!action.permanent) return `soft-deleted versions ${versions.join(", ")}`;
        const all = await this.client.deleteSubject(subject, { permanent: true });
        return `permanently deleted versions ${all.join(", ")}`;
      }
    }
  }

  private async register(action: RegisterAction): Promise<string> {
    const subject = qualifySubject(action.context, action.subject);
    const payload = payloadOf(action, this.createdVersions);
    // Registration is idempotent in the registry: re-running apply after a partial failure is safe.
    const answer = await this.client.registerSchema(subject, payload, { normalize: action.normalize });
    let version = answer.version;
    if (version === undefined) {
      // Registries up to 7.4 answer only the id; ask which version holds it.
      version = (await this.client.lookupSchema(subject, payload, { normalize: action.normalize })).version;
    }
    this.createdVersions.set(subject, version);
    const expected =
      version === action.expectedVersion ? "" : ` (the plan expected version ${action.expectedVersion})`;
    return `registered as version ${version} (id ${answer.id})${expected}`;
  }

  /** A soft delete; a subject already soft-deleted (40404) counts as done. */
  private async softDelete(subject: string): Promise<number[]> {
    try {
      return await this.client.deleteSubject(subject);
    } catch (err) {
      if (err instanceof RegistryError && err.errorCode === 40404) return [];
      throw err;
    }
  }
}

function scopeOf(action: { scope: string; target: string; context: string }): SettingsScope {
  if (action.scope === "subject") return { scope: "subject", subject: action.target };
  return action.target === "." ? { scope: "global" } : { scope: "context", context: action.target };
}

function describeError(err: unknown): string {
  if (err instanceof RegistryError) return err.message;
  return err instanceof Error ? err.message : String(err);
}

export interface ApplyPlanOptions extends ApplyOptions {
  /** Apply only the targets of these registries; all when absent. */
  registries?: readonly string[];
  connect?: (projectDir: string, config: RegistryConfig) => Promise<RegistryConnection>;
}

/** Applies every target of a saved plan, registry by registry, stopping at the first failure. */
export async function applyPlan(
  project: Project,
  plan: Plan,
  options: ApplyPlanOptions = {},
): Promise<ApplyReport[]> {
  const connect = options.connect ?? connectRegistry;
  const wanted = options.registries;
  const reports: ApplyReport[] = [];
  for (const target of plan.targets) {
    if (wanted && wanted.length > 0 && !wanted.includes(target.registry)) continue;
    if (changesOf(target).length === 0) {
      reports.push({ registry: target.registry, done: [], notRun: [] });
      continue;
    }
    const [registry] = selectRegistries(project, [target.registry]);
    const connection = await connect(project.dir, registry!);
    try {
      const report = await applyTarget(target, connection.client, options);
      reports.push(report);
      if (report.failed) break;
    } finally {
      await connection.close();
    }
  }
  return reports;
}
