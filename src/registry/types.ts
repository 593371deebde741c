// The registry's entities as the client returns and accepts them. Field names follow the REST API, except
// where the API spells one thing two ways (config's `compatibility` / `compatibilityLevel`): there the
// client settles on one spelling.

import type { SchemaType } from "../formats/types.js";
import type { Metadata as CoreMetadata } from "../core/model.js";

export { COMPATIBILITY_LEVELS, type CompatibilityLevel } from "../compat/levels.js";
export { REGISTRY_MODES as MODES, type RegistryMode as Mode, type SchemaReference } from "../core/model.js";
import type { CompatibilityLevel } from "../compat/levels.js";
import type { SchemaReference } from "../core/model.js";

/** AVRO, JSON, PROTOBUF, or a type from a custom provider. */
export type RegistrySchemaType = SchemaType | (string & {});

/** Metadata as a registry answers it: newer registries may add keys, which are kept. */
export type Metadata = CoreMetadata & { [extra: string]: unknown };

export interface Rule {
  name: string;
  kind?: string;
  mode?: string;
  type?: string;
  [extra: string]: unknown;
}

export interface RuleSet {
  migrationRules?: Rule[];
  domainRules?: Rule[];
  encodingRules?: Rule[];
  [extra: string]: unknown;
}

/** A schema as sent for registration, lookup and compatibility tests. */
export interface SchemaPayload {
  schema: string;
  /** AVRO when omitted; always sent explicitly. */
  schemaType?: RegistrySchemaType;
  references?: SchemaReference[];
  metadata?: Metadata;
  ruleSet?: RuleSet;
}

/** The parts every stored schema has, however it was fetched. */
export interface StoredSchema {
  schema: string;
  /** Registries before 8.0 omit it for Avro; the client fills in AVRO. */
  schemaType: RegistrySchemaType;
  references: SchemaReference[];
  metadata?: Metadata;
  ruleSet?: RuleSet;
  /** 8.0+. */
  guid?: string;
  /** Registration time in ms since the epoch (8.0+). */
  ts?: number;
  /** True for a soft-deleted version (8.0+; absent on older registries). */
  deleted?: boolean;
}

/** One version of a subject (GET /subjects/{s}/versions/{v}, lookup, GET /schemas). */
export interface SubjectVersion extends StoredSchema {
  subject: string;
  version: number;
  id: number;
}

/** A schema fetched by id (GET /schemas/ids/{id}). */
export interface SchemaById extends StoredSchema {
  /** Present when the request named a subject (8.0+). */
  subject?: string;
  version?: number;
}

/** What a registration answers. Registries up to 7.4 (and Karapace) answer only the id. */
export interface RegisteredSchema {
  id: number;
  version?: number;
  guid?: string;
}

export interface SubjectVersionRef {
  subject: string;
  version: number;
}

export interface CompatibilityResult {
  isCompatible: boolean;
  /** Reasons, when the test was verbose (and, for invalid schemas, the parse error). */
  messages: string[];
}

/** A config as the registry reports it. Fields that are not set are absent. */
export interface RegistryConfig {
  compatibilityLevel?: CompatibilityLevel;
  compatibilityPolicy?: string;
  compatibilityGroup?: string;
  normalize?: boolean;
  validateFields?: boolean;
  validateNewSchemas?: boolean;
  validateRules?: boolean;
  alias?: string;
  defaultMetadata?: Metadata;
  overrideMetadata?: Metadata;
  defaultRuleSet?: RuleSet;
  overrideRuleSet?: RuleSet;
}

/**
 * A config change. The registry merges it into the stored config: an absent key keeps its value, `null`
 * clears it.
 */
export type ConfigUpdate = {
  [K in keyof RegistryConfig as K extends "compatibilityLevel" ? "compatibility" : K]?:
    RegistryConfig[K] | null;
};

/** Where a config or mode applies. The default context's settings are the top-level (`global`) ones. */
export type SettingsScope =
  { scope: "global" } | { scope: "context"; context: string } | { scope: "subject"; subject: string };

export const GLOBAL_SCOPE: SettingsScope = { scope: "global" };

export interface ServerVersion {
  version: string;
  commitId?: string;
}

export type RegistryFlavour = "confluent" | "karapace" | "apicurio" | "redpanda" | "unknown";

/** What a registry supports, as far as it can be told without writing to it. */
export interface RegistryCapabilities {
  flavour: RegistryFlavour;
  /** From /v1/metadata/version, when the registry has it. */
  serverVersion?: string;
  /** The /contexts endpoint exists. Without it only the default context is managed. */
  contexts: boolean;
  /** PUT /mode works. undefined: not known until the first mode change. */
  modeWrites?: boolean;
  /** IMPORT mode can be set (ID-preserving restore). undefined: not known. */
  importMode?: boolean;
  /** Schema metadata is stored and returned. undefined: not known. */
  metadataKept?: boolean;
  /** One sentence per limitation found, for people. */
  warnings: string[];
}
