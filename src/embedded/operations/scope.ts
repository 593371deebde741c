// Effective config and mode (registry-rest-api.md §4.7): subject → context (the top-level `/config`
// for the default context) → `:.__GLOBAL:` → server default, first found wins.

import type { CompatibilityLevel } from "../../compat/levels.js";
import { GLOBAL_CONTEXT, type Config, type Mode } from "../model.js";
import type { ResolvedSettings } from "../settings.js";
import type { RegistryState } from "../store/state.js";

export interface EffectiveConfig extends Config {
  compatibilityLevel: CompatibilityLevel;
}

/** Fields a subject config takes from the next config in the chain when it leaves them unset. */
const INHERITED_BY_SUBJECT = [
  "normalize",
  "validateFields",
  "validateNewSchemas",
  "validateRules",
  "compatibilityPolicy",
  "compatibilityGroup",
] as const;

/** The configs that apply to `subject` (or to the context itself when it is ""), nearest first. */
function configChain(state: RegistryState, context: string, subject: string): Config[] {
  const chain = [
    subject !== "" ? state.subject(context, subject)?.config : undefined,
    context !== GLOBAL_CONTEXT ? state.context(context)?.config : undefined,
    state.context(GLOBAL_CONTEXT)?.config,
  ];
  return chain.filter((config): config is Config => config !== undefined);
}

export function effectiveConfig(
  state: RegistryState,
  settings: ResolvedSettings,
  context: string,
  subject = "",
): EffectiveConfig {
  const [nearest, ...rest] = configChain(state, context, subject);
  if (!nearest) return { compatibilityLevel: settings.compatibilityLevel };
  const merged: Config = { ...nearest };
  const isSubjectConfig = subject !== "" && nearest === state.subject(context, subject)?.config;
  if (isSubjectConfig && rest[0]) {
    for (const key of INHERITED_BY_SUBJECT) {
      if (merged[key] === undefined && rest[0][key] !== undefined)
        Object.assign(merged, { [key]: rest[0][key] });
    }
  }
  return { ...merged, compatibilityLevel: merged.compatibilityLevel ?? settings.compatibilityLevel };
}

export function effectiveMode(state: RegistryState, context: string, subject = ""): Mode {
  return (
    (subject !== "" ? state.subject(context, subject)?.mode : undefined) ??
    (context !== GLOBAL_CONTEXT ? state.context(context)?.mode : undefined) ??
    state.context(GLOBAL_CONTEXT)?.mode ??
    "READWRITE"
  );
}

export function isImporting(mode: Mode): boolean {
  return mode === "IMPORT" || mode === "FORWARD";
}

export function isReadOnly(mode: Mode): boolean {
  return mode === "READONLY" || mode === "READONLY_OVERRIDE";
}

export function hasDefaultsOrOverrides(config: Config): boolean {
  return Boolean(
    config.defaultMetadata || config.overrideMetadata || config.defaultRuleSet || config.overrideRuleSet,
  );
}
