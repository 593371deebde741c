// The registry client: create one with createRegistryClient and pass it to whatever needs a registry.

export { createRegistryClient } from "./client.js";
export type { RegistryClientOptions } from "./client.js";
export { SCHEMAS_PAGE_SIZE } from "./api.js";
export type {
  CompatibilityOptions,
  GetSchemasOptions,
  GetSubjectsOptions,
  RegisterOptions,
  RegistryClient,
  SchemaIdOptions,
} from "./api.js";
export { RegistryError } from "./errors.js";
export type { RegistryErrorDetails } from "./errors.js";
export { createTransport, DEFAULT_TIMEOUTS, REGISTRY_MEDIA_TYPE } from "./transport.js";
export type {
  Clock,
  HttpMethod,
  PemInput,
  RegistryLogger,
  RegistryRequestEvent,
  RegistryTls,
  Timeouts,
  Transport,
  TransportOptions,
  TransportRequest,
  TransportResponse,
} from "./transport.js";
export type { RegistryAuth, TokenSource } from "./auth.js";
export { DEFAULT_RETRY } from "./retry-policy.js";
export type { RetrySettings } from "./retry-policy.js";
export type { VersionSelector } from "./paths.js";
export * from "./types.js";
