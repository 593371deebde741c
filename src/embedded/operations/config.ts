// `/config` (registry-rest-api.md §2.5): subject, context, top-level and `:.__GLOBAL:` configs. PUT
// merges like a PATCH: absent keys keep their value, `null` clears one.

import { parseCompatibilityLevel } from "../../compat/levels.js";
import { errors, notPermitted } from "../errors.js";
import { normalizeMetadata, normalizeRuleSet, validateRuleSet } from "../metadata.js";
import {
  COMPATIBILITY_POLICIES,
  type Config,
  type ConfigCompatibilityPolicy,
  type Metadata,
  type RuleSet,
} from "../model.js";
import { outcome, type Change } from "../store/changes.js";
import type { RegistryState } from "../store/state.js";
import { DEFAULT_CONTEXT, validSubject, type SubjectRef } from "../subjects.js";
import { effectiveConfig, effectiveMode, isReadOnly } from "./scope.js";
import type { Services } from "./services.js";
import { configEntity, type Entity } from "./views.js";

/** A ConfigUpdateRequest: `undefined` leaves a key alone, `null` clears it. */
export type ConfigUpdate = {
  compatibility?: string | null;
  compatibilityPolicy?: string | null;
  compatibilityGroup?: string | null;
  normalize?: boolean | null;
  validateFields?: boolean | null;
  validateNewSchemas?: boolean | null;
  validateRules?: boolean | null;
  alias?: string | null;
  aliasForDeks?: string | null;
  defaultMetadata?: Metadata | null;
  overrideMetadata?: Metadata | null;
  defaultRuleSet?: RuleSet | null;
  overrideRuleSet?: RuleSet | null;
};

/** `undefined` for `/config`; otherwise the path segment, which may name a context (`:.ctx:`). */
export function configScope(rawSubject: string | undefined): SubjectRef {
  return validSubject(rawSubject ?? "", { allowGlobal: true });
}

function storedConfig(state: RegistryState, scope: SubjectRef): Config | undefined {
  return scope.name === ""
    ? state.context(scope.context)?.config
    : state.subject(scope.context, scope.name)?.config;
}

const isTopLevel = (scope: SubjectRef) => scope.name === "" && scope.context === DEFAULT_CONTEXT;

export function getConfig(
  services: Services,
  rawSubject: string | undefined,
  defaultToGlobal: boolean,
): Entity {
  const scope = configScope(rawSubject);
  const { state } = services.store;
  if (defaultToGlobal)
    return configEntity(
      effectiveConfig(state, services.settings, scope.context, scope.name),
      "compatibilityLevel",
    );
  const stored = storedConfig(state, scope);
  if (!stored && !isTopLevel(scope)) throw errors.subjectConfigNotFound(scope.qualified);
  // A config without a level shows the server default, not an inherited one.
  return configEntity(
    { ...stored, compatibilityLevel: stored?.compatibilityLevel ?? services.settings.compatibilityLevel },
    "compatibilityLevel",
  );
}

export function putConfig(
  services: Services,
  rawSubject: string | undefined,
  update: ConfigUpdate,
): Promise<Entity> {
  const scope = configScope(rawSubject);
  const changes = validatedUpdate(update);
  validateRuleSet(changes.defaultRuleSet ?? undefined);
  validateRuleSet(changes.overrideRuleSet ?? undefined);
  return services.store.write((state) => {
    refuseWhenReadOnly(state, scope);
    const merged: Config = { ...storedConfig(state, scope) };
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      if (value === null) delete merged[key as keyof Config];
      else Object.assign(merged, { [key]: value });
    }
    return outcome(configEntity(merged, "compatibility"), [setConfig(scope, merged)]);
  });
}

export function deleteConfig(services: Services, rawSubject: string | undefined): Promise<Entity> {
  const scope = configScope(rawSubject);
  return services.store.write((state) => {
    refuseWhenReadOnly(state, scope);
    const stored = storedConfig(state, scope);
    if (!stored && !isTopLevel(scope)) throw errors.subjectNotFound(scope.qualified);
    const previous = {
      ...stored,
      compatibilityLevel: stored?.compatibilityLevel ?? services.settings.compatibilityLevel,
    };
    return outcome(configEntity(previous, "compatibilityLevel"), stored ? [setConfig(scope, null)] : []);
  });
}

function setConfig(scope: SubjectRef, config: Config | null): Change {
  return scope.name === ""
    ? { op: "setContextConfig", context: scope.context, config }
    : { op: "setSubjectConfig", context: scope.context, subject: scope.name, config };
}

function refuseWhenReadOnly(state: RegistryState, scope: SubjectRef): void {
  if (isReadOnly(effectiveMode(state, scope.context, scope.name)))
    throw notPermitted.readOnly(scope.name, scope.context);
}

type ConfigChanges = { [K in keyof Config]?: Config[K] | null };

/** Checks the values of an update (42203 for levels and policies) and puts them in stored form. */
function validatedUpdate(update: ConfigUpdate): ConfigChanges {
  const {
    compatibility,
    compatibilityPolicy,
    defaultMetadata,
    overrideMetadata,
    defaultRuleSet,
    overrideRuleSet,
    ...rest
  } = update;
  const result: ConfigChanges = { ...rest };
  if (compatibility !== undefined) {
    const level = compatibility === null ? null : parseCompatibilityLevel(compatibility);
    if (level === undefined) throw errors.invalidCompatibilityLevel();
    result.compatibilityLevel = level;
  }
  if (compatibilityPolicy !== undefined) {
    const policy = compatibilityPolicy?.toUpperCase() ?? null;
    if (policy !== null && !(COMPATIBILITY_POLICIES as readonly string[]).includes(policy)) {
      throw errors.invalidCompatibilityLevel();
    }
    result.compatibilityPolicy = policy as ConfigCompatibilityPolicy | null;
  }
  const metadata = (value: Metadata | null | undefined) =>
    value === null ? null : value && (normalizeMetadata(value) ?? {});
  const ruleSet = (value: RuleSet | null | undefined) =>
    value === null ? null : value && (normalizeRuleSet(value) ?? {});
  if (defaultMetadata !== undefined) result.defaultMetadata = metadata(defaultMetadata);
  if (overrideMetadata !== undefined) result.overrideMetadata = metadata(overrideMetadata);
  if (defaultRuleSet !== undefined) result.defaultRuleSet = ruleSet(defaultRuleSet);
  if (overrideRuleSet !== undefined) result.overrideRuleSet = ruleSet(overrideRuleSet);
  return result;
}
