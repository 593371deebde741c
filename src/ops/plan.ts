// `schemaops plan`: observe each registry, plan against it, and put the targets into one Plan.

import type { Action, Plan, RegisterAction, TargetPlan } from "../core/plan.js";
import { PLAN_FORMAT_VERSION } from "../core/plan.js";
import type { ObservedState } from "../core/model.js";
import { managedContexts, NeedsObservation, planTarget } from "../core/planner.js";
import { qualifySubject } from "../core/subject-names.js";
import type { RegistryClient, SchemaPayload } from "../registry/index.js";
import type { RegistryConfig } from "../repo/config.js";
import type { Project } from "../repo/load.js";
import { connectRegistry, type RegistryConnection } from "./connect.js";
import { mapLimit } from "../core/concurrency.js";
import { observeRegistry, readSubjectSettings } from "./observe.js";
import { TOOL_VERSION } from "./version.js";

export interface PlanRunOptions {
  /** Registry names to plan; every registry of schemaops.yaml when absent. */
  registries?: readonly string[];
  allowMassDelete?: boolean;
  /** Ask each registry's compatibility endpoint too, and show both verdicts when they disagree. */
  verifyWithRegistry?: boolean;
  /** Parallel requests for per-subject reads. */
  concurrency?: number;
  gitCommit?: string;
  now?: () => Date;
  /** How to reach a registry; tests and the Action may inject their own. */
  connect?: (projectDir: string, config: RegistryConfig) => Promise<RegistryConnection>;
  /** Called as each registry is read, for a progress display. */
  onRegistry?: (name: string, url: string) => void;
}

export class UnknownRegistryError extends Error {
  constructor(name: string, known: string[]) {
    super(`no registry named "${name}" in schemaops.yaml (known: ${known.join(", ") || "none"})`);
    this.name = "UnknownRegistryError";
  }
}

/** The registries a command works on, in schemaops.yaml order. */
export function selectRegistries(project: Project, names: readonly string[] | undefined): RegistryConfig[] {
  const all = Object.values(project.config.registries);
  if (!names || names.length === 0) return all;
  return names.map((name) => {
    const found = project.config.registries[name];
    if (!found) throw new UnknownRegistryError(name, Object.keys(project.config.registries));
    return found;
  });
}

export async function planProject(project: Project, options: PlanRunOptions = {}): Promise<Plan> {
  const targets: TargetPlan[] = [];
  const connect = options.connect ?? connectRegistry;
  for (const registry of selectRegistries(project, options.registries)) {
    const connection = await connect(project.dir, registry);
    options.onRegistry?.(registry.name, connection.url);
    try {
      targets.push(await planRegistry(project, registry, connection.client, options));
    } finally {
      await connection.close();
    }
  }
  return newPlan(project, targets, options);
}

export function newPlan(
  project: Project,
  targets: TargetPlan[],
  options: Pick<PlanRunOptions, "gitCommit" | "now">,
): Plan {
  const source: Plan["source"] = { dir: project.dir };
  if (options.gitCommit) source.gitCommit = options.gitCommit;
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    createdAt: (options.now ?? (() => new Date()))().toISOString(),
    tool: { name: "schemaops", version: TOOL_VERSION },
    source,
    targets,
  };
}

/** Observes one registry and plans against it; reads subject settings only where the planner asks. */
export async function planRegistry(
  project: Project,
  registry: RegistryConfig,
  client: RegistryClient,
  options: PlanRunOptions = {},
): Promise<TargetPlan> {
  const planOptions = {
    registry: registry.name,
    readOnly: registry.readOnly,
    allowMassDelete: options.allowMassDelete ?? false,
    ...(registry.contexts ? { contexts: registry.contexts } : {}),
  };
  const contexts = managedContexts(project.desired, planOptions);
  const concurrency = options.concurrency ?? 8;
  const observed = await observeRegistry(client, { contexts, concurrency });
  const target = await planWithSettings(
    observed,
    (o) => planTarget(project.desired, o, project.config.policy, planOptions),
    client,
    concurrency,
  );
  const warnings = (await client.capabilities()).warnings;
  for (const warning of warnings) if (!target.warnings.includes(warning)) target.warnings.push(warning);
  if (options.verifyWithRegistry) await verifyWithRegistry(target, client, concurrency);
  return target;
}

async function planWithSettings(
  observed: ObservedState,
  plan: (observed: ObservedState) => TargetPlan,
  client: RegistryClient,
  concurrency: number,
): Promise<TargetPlan> {
  try {
    return plan(observed);
  } catch (err) {
    if (!(err instanceof NeedsObservation)) throw err;
    await readSubjectSettings(client, observed, err.subjects, concurrency);
    return plan(observed);
  }
}

/** The payload a register action sends. */
export function payloadOf(
  action: RegisterAction,
  referenceVersions?: ReadonlyMap<string, number>,
): SchemaPayload {
  const payload: SchemaPayload = {
    schema: action.schema,
    schemaType: action.schemaType,
    references: action.references.map((r) => ({
      name: r.name,
      subject: r.subject,
      version: referenceVersions?.get(qualifySubject(action.context, r.subject)) ?? r.version,
    })),
  };
  if (action.metadata) payload.metadata = action.metadata;
  if (action.ruleSet) payload.ruleSet = action.ruleSet as SchemaPayload["ruleSet"];
  return payload;
}

/**
 * Asks the registry's own compatibility endpoint about each registration and records its verdict. A
 * registration whose references or level this plan changes first cannot be asked about yet.
 */
async function verifyWithRegistry(
  target: TargetPlan,
  client: RegistryClient,
  concurrency: number,
): Promise<void> {
  const changedScopes = new Set(
    target.actions
      .filter((a): a is Extract<Action, { kind: "set-config" }> => a.kind === "set-config")
      .map((a) => a.target),
  );
  const registers = target.actions.filter((a): a is RegisterAction => a.kind === "register");
  await mapLimit(registers, concurrency, async (action) => {
    const c = action.compatibility;
    const subject = qualifySubject(action.context, action.subject);
    if (c.verdict === "skipped" || action.references.some((r) => r.createdByPlan)) return;
    if (changedScopes.has(subject) || changedScopes.has(action.context)) return;
    const answer = await client.testCompatibility(subject, payloadOf(action), {
      verbose: true,
      normalize: action.normalize,
    });
    c.registryVerdict = {
      verdict: answer.isCompatible ? "compatible" : "incompatible",
      messages: answer.messages,
    };
  });
}
