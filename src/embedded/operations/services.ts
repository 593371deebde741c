// What every operation works with: the store, the parser over its state, the server settings and a
// clock (injected so that tests can pin timestamps).

import type { SchemaParser } from "../schemas/parser.js";
import type { ResolvedSettings } from "../settings.js";
import type { RegistryStore } from "../store/store.js";

export interface Services {
  store: RegistryStore;
  parser: SchemaParser;
  settings: ResolvedSettings;
  now: () => number;
}
