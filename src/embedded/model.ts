// The registry's entities as the embedded registry stores them. Shapes follow the REST API
// (registry-rest-api.md §2.9) so that responses are renderings of these values, not translations.

import type { CompatibilityLevel } from "../compat/levels.js";
import type { SchemaType } from "../formats/types.js";

// Metadata is kept with sorted maps and sets, as the registry keeps it, so that equal metadata serialises equally.
export type { Metadata, SchemaReference } from "../core/model.js";
import type { Metadata, SchemaReference } from "../core/model.js";

export const RULE_KINDS = ["TRANSFORM", "CONDITION"] as const;
export const RULE_MODES = ["UPGRADE", "DOWNGRADE", "UPDOWN", "WRITE", "READ", "WRITEREAD"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export type RuleMode = (typeof RULE_MODES)[number];

export interface Rule {
  name?: string;
  doc?: string;
  kind: RuleKind;
  mode: RuleMode;
  type?: string;
  tags?: string[];
  params?: Record<string, string>;
  expr?: string;
  onSuccess?: string;
  onFailure?: string;
  disabled: boolean;
}

export interface RuleSet {
  migrationRules?: Rule[];
  domainRules?: Rule[];
  encodingRules?: Rule[];
}

/** What identifies a schema: the MD5 of the registry covers exactly these fields. */
export interface SchemaContent {
  schemaType: SchemaType;
  /** The canonical (or normalized) string, as stored. */
  schema: string;
  references: SchemaReference[];
  metadata?: Metadata;
  ruleSet?: RuleSet;
}

/** One row of a subject: a version number bound to a schema id. */
export interface VersionRecord {
  version: number;
  id: number;
  deleted: boolean;
  /** Registration time, milliseconds since the epoch. */
  ts: number;
  content: SchemaContent;
}

export const COMPATIBILITY_POLICIES = ["STRICT", "LENIENT", "LOGICAL"] as const;
export type ConfigCompatibilityPolicy = (typeof COMPATIBILITY_POLICIES)[number];

/** A stored config (GET renders it with the key `compatibilityLevel`). Absent keys are unset. */
export interface Config {
  compatibilityLevel?: CompatibilityLevel;
  compatibilityPolicy?: ConfigCompatibilityPolicy;
  compatibilityGroup?: string;
  normalize?: boolean;
  validateFields?: boolean;
  validateNewSchemas?: boolean;
  validateRules?: boolean;
  alias?: string;
  aliasForDeks?: string;
  defaultMetadata?: Metadata;
  overrideMetadata?: Metadata;
  defaultRuleSet?: RuleSet;
  overrideRuleSet?: RuleSet;
}

export { REGISTRY_MODES as MODES, type RegistryMode as Mode } from "../core/model.js";

/** The context that holds cross-context config and mode only (8.1+); no subject may live in it. */
export const GLOBAL_CONTEXT = ".__GLOBAL";
