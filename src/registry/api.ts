// The registry client's contract: one method per REST resource and verb, and their options. Implemented
// over HTTP in client.ts; anything else that speaks the same API (an in-process registry) can implement it.

import type { VersionSelector } from "./paths.js";
import type {
  CompatibilityResult,
  ConfigUpdate,
  Mode,
  RegisteredSchema,
  RegistryCapabilities,
  RegistryConfig,
  SchemaById,
  SchemaPayload,
  ServerVersion,
  SettingsScope,
  SubjectVersion,
  SubjectVersionRef,
} from "./types.js";

/** The most rows GET /schemas returns per request by default (`schema.search.max.limit`). */
export const SCHEMAS_PAGE_SIZE = 1000;

/** Pages of a large listing asked for at once, after the first full page. */
export const SCHEMAS_READ_AHEAD = 4;

export interface GetSchemasOptions {
  /** `""` (the server's default): the default context only; `:.ctx:` one context; `:*:` all contexts. */
  subjectPrefix?: string;
  deleted?: boolean;
  latestOnly?: boolean;
  offset?: number;
  /** At most this many rows; all of them when absent. Larger listings are fetched page by page. */
  limit?: number;
}

export interface GetSubjectsOptions {
  /** Default (absent): every context, as qualified names. `""`: the default context only. */
  subjectPrefix?: string;
  /** Include soft-deleted subjects. */
  deleted?: boolean;
  /** Only soft-deleted subjects (wins over `deleted`). */
  deletedOnly?: boolean;
  offset?: number;
  limit?: number;
}

export interface SchemaIdOptions {
  /** Scopes the id to that subject's context. */
  subject?: string;
  deleted?: boolean;
}

export interface RegisterOptions {
  normalize?: boolean;
  /**
   * Registration with a fixed id (and optionally version), for IMPORT mode only: outside IMPORT the
   * registry refuses it (42205), and Karapace rejects the fields outright. Never set for normal registration.
   */
  import?: { id: number; version?: number };
}

export interface CompatibilityOptions {
  /** Test against this version only; absent: against every version the subject's level requires. */
  version?: VersionSelector;
  /** Ask for the reasons of an incompatibility. */
  verbose?: boolean;
  normalize?: boolean;
}

/** The registry REST API. Subjects may be qualified (`:.ctx:name`). Errors are RegistryErrors. */
export interface RegistryClient {
  /** The registry base URL, without credentials. */
  readonly url: string;

  /** GET / — succeeds when the registry answers. */
  ping(): Promise<void>;
  /** GET /v1/metadata/version; undefined when the registry does not have it (before 7.1.2, other vendors). */
  getServerVersion(): Promise<ServerVersion | undefined>;
  /** GET /schemas/types */
  getSchemaTypes(): Promise<string[]>;

  /** GET /schemas — every version of every matching subject, sorted by subject and version. */
  getSchemas(options?: GetSchemasOptions): Promise<SubjectVersion[]>;
  /** GET /schemas/ids/{id}. Soft-deleted schemas are still found. */
  getSchemaById(id: number, options?: Pick<SchemaIdOptions, "subject">): Promise<SchemaById>;
  /** GET /schemas/ids/{id}/subjects */
  getSchemaSubjects(id: number, options?: SchemaIdOptions): Promise<string[]>;
  /** GET /schemas/ids/{id}/versions */
  getSchemaVersions(id: number, options?: SchemaIdOptions): Promise<SubjectVersionRef[]>;

  /** GET /subjects */
  getSubjects(options?: GetSubjectsOptions): Promise<string[]>;
  /** GET /subjects/{s}/versions, ascending. */
  getVersions(subject: string, options?: { deleted?: boolean; deletedOnly?: boolean }): Promise<number[]>;
  /** GET /subjects/{s}/versions/{v}. `latest` is the highest version that is not soft-deleted. */
  getVersion(
    subject: string,
    version: VersionSelector,
    options?: { deleted?: boolean },
  ): Promise<SubjectVersion>;
  /** POST /subjects/{s} — the version of this subject that holds the schema; 40403 when none does. */
  lookupSchema(
    subject: string,
    schema: SchemaPayload,
    options?: { normalize?: boolean; deleted?: boolean },
  ): Promise<SubjectVersion>;
  /** POST /subjects/{s}/versions — registers, or returns the existing id when the schema is already there. */
  registerSchema(
    subject: string,
    schema: SchemaPayload,
    options?: RegisterOptions,
  ): Promise<RegisteredSchema>;
  /** GET /subjects/{s}/versions/{v}/referencedby — ids of the schemas that reference this version. */
  getReferencedBy(
    subject: string,
    version: VersionSelector,
    options?: { deleted?: boolean },
  ): Promise<number[]>;
  /** DELETE /subjects/{s}/versions/{v}; a permanent delete needs a prior soft delete. Returns the version. */
  deleteVersion(
    subject: string,
    version: VersionSelector,
    options?: { permanent?: boolean },
  ): Promise<number>;
  /** DELETE /subjects/{s}; a permanent delete needs a prior soft delete. Returns the versions deleted. */
  deleteSubject(subject: string, options?: { permanent?: boolean }): Promise<number[]>;

  /** POST /compatibility/subjects/{s}/versions[/{v}] */
  testCompatibility(
    subject: string,
    schema: SchemaPayload,
    options?: CompatibilityOptions,
  ): Promise<CompatibilityResult>;

  /** GET /config[/{scope}]; undefined when nothing is set at that scope (40408). */
  getConfig(
    scope: SettingsScope,
    options?: { defaultToGlobal?: boolean },
  ): Promise<RegistryConfig | undefined>;
  /** PUT /config[/{scope}] — merges: absent keys keep their value, null clears. Returns the registry's answer. */
  setConfig(scope: SettingsScope, update: ConfigUpdate): Promise<RegistryConfig>;
  /** DELETE /config[/{scope}]; returns the previous config, undefined when none was set. */
  deleteConfig(scope: SettingsScope): Promise<RegistryConfig | undefined>;

  /** GET /mode[/{scope}]; undefined when nothing is set at that scope (40409). */
  getMode(scope: SettingsScope, options?: { defaultToGlobal?: boolean }): Promise<Mode | undefined>;
  /** PUT /mode[/{scope}]; `force` skips the emptiness check when switching to IMPORT. */
  setMode(scope: SettingsScope, mode: Mode, options?: { force?: boolean }): Promise<Mode>;
  /** DELETE /mode[/{scope}]; returns the previous mode, undefined when none was set. */
  deleteMode(scope: SettingsScope, options?: { recursive?: boolean }): Promise<Mode | undefined>;

  /** GET /contexts; `["."]` on registries without contexts (a warning is recorded in capabilities()). */
  getContexts(): Promise<string[]>;
  /** DELETE /contexts/{ctx} (8.1+); the context must hold no subject, soft-deleted ones included. */
  deleteContext(context: string): Promise<void>;

  /** What the registry supports; probed once, then updated from what later requests reveal. */
  capabilities(): Promise<RegistryCapabilities>;
  /** Releases the pooled connections. */
  close(): Promise<void>;
}
