// Which configuration and mode apply to a subject once the plan is applied: the registry's inheritance
// chain (registry-rest-api.md §4.7) with the repository's declared settings laid over the observed ones.

import type { CompatibilityLevel } from "../compat/levels.js";
import { DEFAULT_CONTEXT } from "./subject-names.js";
import type {
  DesiredContext,
  DesiredSubject,
  ManagedSettings,
  Mode,
  ObservedConfig,
  ObservedContext,
  ObservedState,
  ObservedSubject,
  Scoped,
} from "./model.js";

export interface EffectiveSettings {
  compatibility: CompatibilityLevel;
  normalize: boolean;
  mode: Mode;
  compatibilityGroup?: string;
  validateFields: boolean;
  /** As the registry reports it; absent means STRICT. */
  compatibilityPolicy?: string;
}

/** A scope's config after the plan: declared keys replace observed ones, the rest stays as observed. */
function overlay(
  observed: Scoped<ObservedConfig>,
  declared: ManagedSettings | undefined,
): ObservedConfig | undefined {
  const base = observed === "unknown" ? undefined : observed;
  const declaredConfig: ObservedConfig = {};
  if (declared?.compatibility !== undefined) declaredConfig.compatibility = declared.compatibility;
  if (declared?.normalize !== undefined) declaredConfig.normalize = declared.normalize;
  if (base === undefined && Object.keys(declaredConfig).length === 0) return undefined;
  return { ...base, ...declaredConfig };
}

function known<T>(value: Scoped<T>): T | undefined {
  return value === "unknown" ? undefined : value;
}

/**
 * The settings a subject will have after apply. Subject config wins as a whole (a subject config without a
 * level means the server default level); otherwise the context's config (the top-level one for the default
 * context), then the cross-context global one, then the server default.
 */
export function effectiveSettings(
  observed: ObservedState,
  context: string,
  observedSubject: ObservedSubject | undefined,
  desiredSubject: DesiredSubject | undefined,
  desiredContext: DesiredContext | undefined,
): EffectiveSettings {
  const observedContext: ObservedContext | undefined = observed.contexts.find((c) => c.name === context);
  const topLevel = observed.contexts.find((c) => c.name === DEFAULT_CONTEXT);
  const subjectConfig = overlay(observedSubject?.config ?? undefined, desiredSubject?.settings);
  const contextConfig = overlay(observedContext?.config, desiredContext?.settings);
  const globalConfig = known(observed.global.config);

  let compatibility: CompatibilityLevel;
  if (subjectConfig) compatibility = subjectConfig.compatibility ?? observed.serverDefaultLevel;
  else
    compatibility =
      contextConfig?.compatibility ?? globalConfig?.compatibility ?? observed.serverDefaultLevel;

  // Flags fall through every scope; the top-level config also feeds subject configs (Config.mergeConfigs).
  const topLevelConfig = context === DEFAULT_CONTEXT ? contextConfig : known(topLevel?.config);
  const chain = [subjectConfig, contextConfig, topLevelConfig, globalConfig];
  const first = <K extends keyof ObservedConfig>(key: K) => chain.find((c) => c?.[key] !== undefined)?.[key];

  const mode = effectiveMode(
    observed,
    context,
    observedSubject,
    desiredSubject?.settings.mode,
    desiredContext?.settings.mode,
  );

  const result: EffectiveSettings = {
    compatibility,
    normalize: first("normalize") ?? false,
    mode,
    validateFields: first("validateFields") ?? false,
  };
  const group = first("compatibilityGroup");
  if (group !== undefined) result.compatibilityGroup = group;
  const policy = first("compatibilityPolicy");
  if (policy !== undefined) result.compatibilityPolicy = policy.toUpperCase();
  return result;
}

/**
 * The mode of a subject given the declared modes that are in force at that moment (subject, then context —
 * the top-level mode for the default context —, then the global one, then READWRITE).
 */
export function effectiveMode(
  observed: ObservedState,
  context: string,
  observedSubject: ObservedSubject | undefined,
  declaredSubjectMode: Mode | undefined,
  declaredContextMode: Mode | undefined,
): Mode {
  const observedContext = observed.contexts.find((c) => c.name === context);
  return (
    declaredSubjectMode ??
    known(observedSubject?.mode ?? undefined) ??
    declaredContextMode ??
    known(observedContext?.mode) ??
    known(observed.global.mode) ??
    "READWRITE"
  );
}
