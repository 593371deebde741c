// The embedded Confluent-compatible Schema Registry.

export {
  createEmbeddedRegistry,
  type EmbeddedRegistry,
  type EmbeddedRegistryOptions,
  type InProcessResponse,
} from "./registry.js";
export type { RegistrySettings } from "./settings.js";
export { REGISTRY_VERSION } from "./settings.js";
export { CorruptStoreError } from "./persistence/journal.js";
export { StoreInUseError } from "./persistence/lock.js";
