// Server settings of the embedded registry, with the defaults of registry-rest-api.md §7.

import type { CompatibilityLevel } from "../compat/levels.js";

export interface RegistrySettings {
  /** `schema.compatibility.level`: the level when no config sets one. Default BACKWARD. */
  compatibilityLevel?: CompatibilityLevel;
  /** `mode.mutability`: whether mode changes are allowed at all. Default true. */
  modeMutability?: boolean;
  /** Schemas longer than this (UTF-8 bytes) are refused with 42209. Default 8 MiB. */
  maxSchemaBytes?: number;
  /** Request bodies longer than this are refused with 413. Default 16 MiB. */
  maxBodyBytes?: number;
  /** Reported by `/v1/metadata/id`. */
  clusterId?: string;
}

export type ResolvedSettings = Required<RegistrySettings>;

export const REGISTRY_VERSION = "8.3.0";

export function resolveSettings(settings: RegistrySettings = {}): ResolvedSettings {
  return {
    compatibilityLevel: settings.compatibilityLevel ?? "BACKWARD",
    modeMutability: settings.modeMutability ?? true,
    maxSchemaBytes: settings.maxSchemaBytes ?? 8 * 1024 * 1024,
    maxBodyBytes: settings.maxBodyBytes ?? 16 * 1024 * 1024,
    clusterId: settings.clusterId ?? "schemaops-embedded",
  };
}
