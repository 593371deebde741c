// The pure model the planner works on: what the repository wants (desired) and what a registry holds
// (observed). Subjects are always kept as (context, name) pairs; `qualifySubject` turns them into the
// registry's spelling at the edge.

import type { CompatibilityLevel } from "../compat/levels.js";
import type { SchemaType } from "../formats/types.js";

/** The modes a repository may declare. */
export type Mode = "READWRITE" | "READONLY" | "READONLY_OVERRIDE" | "IMPORT";
export const MODES: readonly Mode[] = ["READWRITE", "READONLY", "READONLY_OVERRIDE", "IMPORT"];

/** Every mode a registry knows: READONLY_OVERRIDE is deprecated; FORWARD exists only on `:.__GLOBAL:` (8.1+). */
export type RegistryMode = Mode | "FORWARD";
export const REGISTRY_MODES: readonly RegistryMode[] = [...MODES, "FORWARD"];

/** A reference to another registered schema. */
export interface SchemaReference {
  /** The import name: Avro full name, Protobuf file path, JSON Schema `$ref` URL. */
  name: string;
  /** As sent: unqualified (the referrer's context) or qualified `:.ctx:name`. */
  subject: string;
  /** A version number; -1 (latest) is accepted on registration and stored as the concrete number. */
  version: number;
}

/** Data-contract metadata, as the registry stores it. (A type alias, so that it fits the client's open type.) */
export type Metadata = {
  tags?: Record<string, string[]>;
  properties?: Record<string, string>;
  sensitive?: string[];
};

/** Rule sets are passed through as data; the registry validates them. */
export type RuleSet = Record<string, unknown>;

/**
 * The configuration keys schemaops manages. Only keys that are set are managed: an absent key leaves the
 * registry's value alone.
 */
export interface ManagedConfig {
  compatibility?: CompatibilityLevel;
  normalize?: boolean;
}

export interface ManagedSettings extends ManagedConfig {
  mode?: Mode;
}

/** A reference as declared: `version` may be "latest", resolved when planning. */
export interface DesiredReference {
  /** How the schema names the other one: Avro full name, Protobuf import path, JSON `$ref` document. */
  name: string;
  /** Subject of the referenced schema; unqualified means the referrer's context. */
  subject: string;
  version: number | "latest";
}

/** Where a desired element came from, so that every message can point at a file. */
export interface Origin {
  /** Path relative to the project directory. */
  file: string;
  line?: number;
  column?: number;
}

export interface DesiredSubject {
  context: string;
  /** The subject name within its context. */
  name: string;
  schemaType: SchemaType;
  /** The schema text exactly as in the file. */
  schema: string;
  references: DesiredReference[];
  metadata?: Metadata;
  ruleSet?: RuleSet;
  /** Declared settings only. */
  settings: ManagedSettings;
  /** `deleted: true` in the sidecar: ask for removal while the file still exists. */
  deleted: boolean;
  origin: Origin;
}

export interface DesiredContext {
  name: string;
  /** Declared settings of the context (context.yaml, else the project defaults). */
  settings: ManagedSettings;
  origin: Origin;
}

export interface DesiredState {
  contexts: DesiredContext[];
  subjects: DesiredSubject[];
}

export interface ObservedVersion {
  version: number;
  id: number;
  schemaType: SchemaType;
  /** The schema text as the registry returned it. */
  schema: string;
  references: SchemaReference[];
  metadata?: Metadata;
  ruleSet?: RuleSet;
  /** Soft-deleted versions are kept so that the next version number can be predicted. */
  deleted: boolean;
}

/** A configuration as read from one scope: undefined fields were not set at that scope. */
export interface ObservedConfig extends ManagedConfig {
  compatibilityGroup?: string;
  /** STRICT, LENIENT (JSON Schema accepts more) or LOGICAL (an extra check schemaops does not reproduce). */
  compatibilityPolicy?: string;
  validateFields?: boolean;
}

/**
 * A value read at one scope: `undefined` when the scope has nothing set, or the marker "unknown" when the
 * planner did not need it and the observer did not read it.
 */
export type Scoped<T> = T | undefined | "unknown";

export interface ObservedSubject {
  context: string;
  name: string;
  /** Every version known, ascending, soft-deleted ones flagged. */
  versions: ObservedVersion[];
  config: Scoped<ObservedConfig>;
  mode: Scoped<Mode>;
}

export interface ObservedContext {
  name: string;
  /** For the default context this is the top-level `/config`. */
  config: Scoped<ObservedConfig>;
  mode: Scoped<Mode>;
}

export interface RegistryCapabilities {
  contexts: boolean;
  modes: boolean;
}

export interface ObservedState {
  contexts: ObservedContext[];
  subjects: ObservedSubject[];
  /** The cross-context `:.__GLOBAL:` scope (8.1+), when the registry has one. */
  global: { config: Scoped<ObservedConfig>; mode: Scoped<Mode> };
  /** The level a registry uses when nothing is configured anywhere: BACKWARD by default. */
  serverDefaultLevel: CompatibilityLevel;
  serverVersion?: string;
  capabilities: RegistryCapabilities;
}
