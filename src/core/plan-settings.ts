// Config and mode actions: only the settings the repository declares are managed.

import type { DesiredContext, DesiredSubject, ManagedConfig, Mode, ObservedConfig, Scoped } from "./model.js";
import type { SetConfigAction, SetModeAction, SettingScope } from "./plan.js";
import { DEFAULT_CONTEXT } from "./subject-names.js";

export class UnreadScopeError extends Error {}

function declaredConfig(settings: DesiredContext["settings"]): ManagedConfig {
  const config: ManagedConfig = {};
  if (settings.compatibility !== undefined) config.compatibility = settings.compatibility;
  if (settings.normalize !== undefined) config.normalize = settings.normalize;
  return config;
}

/** The observed values of the keys the repository declares. */
function observedManaged(observed: ObservedConfig | undefined, keys: (keyof ManagedConfig)[]): ManagedConfig {
  const out: ManagedConfig = {};
  for (const key of keys) {
    const value = observed?.[key];
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

function known<T>(value: Scoped<T>, what: string): T | undefined {
  if (value === "unknown") throw new UnreadScopeError(`${what} was not read from the registry`);
  return value;
}

interface Target {
  scope: SettingScope;
  target: string;
  context: string;
  origin: DesiredContext["origin"];
}

export function configAction(
  where: Target,
  declared: DesiredContext["settings"] | DesiredSubject["settings"],
  observed: Scoped<ObservedConfig>,
): SetConfigAction | undefined {
  const to = declaredConfig(declared);
  const keys = Object.keys(to) as (keyof ManagedConfig)[];
  if (keys.length === 0) return undefined;
  const current = known(observed, `the config of ${describeTarget(where)}`);
  const from = observedManaged(current, keys);
  if (keys.every((key) => from[key] === to[key])) return undefined;
  return {
    kind: "set-config",
    id: `config:${where.target}`,
    scope: where.scope,
    target: where.target,
    context: where.context,
    from: current === undefined ? undefined : from,
    to,
    dependsOn: [],
    origin: where.origin,
  };
}

export function modeAction(
  where: Target,
  declared: Mode | undefined,
  observed: Scoped<Mode>,
): SetModeAction | undefined {
  if (declared === undefined) return undefined;
  const current = known(observed, `the mode of ${describeTarget(where)}`);
  // No mode set at a scope behaves as READWRITE there only when nothing above says otherwise, so an
  // explicit READWRITE is still written when the scope has none.
  if (current === declared) return undefined;
  return {
    kind: "set-mode",
    id: `mode:${where.target}`,
    scope: where.scope,
    target: where.target,
    context: where.context,
    from: current,
    to: declared,
    dependsOn: [],
    origin: where.origin,
  };
}

export function describeTarget(where: Pick<Target, "scope" | "target">): string {
  if (where.scope === "subject") return `subject ${where.target}`;
  return where.target === DEFAULT_CONTEXT ? "the default context (top level)" : `context ${where.target}`;
}

/** Modes that let registrations and deletions through. */
export function isWritableMode(mode: Mode): boolean {
  return mode === "READWRITE";
}
