// What a registry can do. Reads are probed once (server version, /contexts); what can only be learnt by
// writing (mode changes, IMPORT) is recorded when a write first fails with "no such endpoint". Observations
// always win over what the flavour suggests.

import { RegistryError } from "./errors.js";
import type { RegistryLogger, Transport } from "./transport.js";
import type { RegistryCapabilities, RegistryFlavour } from "./types.js";
import { serverVersionSchema } from "./wire.js";

export const CONTEXTS_MISSING =
  "this registry does not support contexts (no /contexts endpoint); only the default context is managed";

/** `reason` says how it is known, e.g. "PUT /mode answered 405". */
export function modeWritesMissing(reason: string): string {
  return `this registry does not support changing the mode (${reason}); READONLY and IMPORT cannot be set, so an ID-preserving restore is not possible`;
}

export const IMPORT_MODE_MISSING =
  "this registry does not accept IMPORT mode; an ID-preserving restore is not possible";

export const OFFSET_IGNORED =
  "this registry ignores `offset` on GET /schemas; the bulk listing holds only its first page";

/** A 404 or 405 from the web framework rather than from the registry: the route itself does not exist. */
export function isMissingEndpoint(error: unknown): error is RegistryError {
  if (!(error instanceof RegistryError)) return false;
  if (error.status === 405) return true;
  return error.status === 404 && (error.errorCode === undefined || error.errorCode === 404);
}

type Observations = Pick<RegistryCapabilities, "contexts" | "modeWrites" | "importMode">;

/** Facts learnt while talking to the registry, and the warnings they raised (each reported once). */
export class CapabilityTracker {
  readonly #observed: Partial<Observations> = {};
  readonly #warnings: string[] = [];
  readonly #logger: RegistryLogger | undefined;

  constructor(logger: RegistryLogger | undefined) {
    this.#logger = logger;
  }

  get observed(): Readonly<Partial<Observations>> {
    return this.#observed;
  }

  get warnings(): readonly string[] {
    return this.#warnings;
  }

  record<K extends keyof Observations>(key: K, value: NonNullable<Observations[K]>, warning?: string): void {
    this.#observed[key] = value;
    if (warning !== undefined) this.warn(warning);
  }

  warn(message: string): void {
    if (this.#warnings.includes(message)) return;
    this.#warnings.push(message);
    this.#logger?.warn?.(message);
  }
}

/** The probe's findings, before observations made later are laid over them. */
export type ProbedCapabilities = Omit<RegistryCapabilities, "warnings">;

/** Reads GET /v1/metadata/version and GET /contexts, and guesses the flavour from the answers. */
export async function probeCapabilities(
  transport: Transport,
  tracker: CapabilityTracker,
): Promise<ProbedCapabilities> {
  const missing = [404, 405] as const;
  const [versionResponse, contextsResponse] = await Promise.all([
    transport.request({ method: "GET", path: "/v1/metadata/version", acceptStatus: missing }),
    transport.request({ method: "GET", path: "/contexts", acceptStatus: missing }),
  ]);
  const parsedVersion =
    versionResponse.status === 200 ? serverVersionSchema.safeParse(versionResponse.body) : undefined;
  const serverVersion = parsedVersion?.success === true ? parsedVersion.data.version : undefined;
  const server = versionResponse.headers.server ?? contextsResponse.headers.server ?? "";
  const flavour = guessFlavour(transport.url, server, serverVersion);

  const contexts = contextsResponse.status === 200;
  if (!contexts) tracker.record("contexts", false, CONTEXTS_MISSING);

  const probed: ProbedCapabilities = { flavour, contexts, ...flavourDefaults(flavour, serverVersion) };
  if (serverVersion !== undefined) probed.serverVersion = serverVersion;
  if (flavour === "karapace") tracker.warn(modeWritesMissing("Karapace has no PUT /mode"));
  return probed;
}

/** The probe's findings with later observations laid over them. */
export function currentCapabilities(
  probed: ProbedCapabilities,
  tracker: CapabilityTracker,
): RegistryCapabilities {
  const merged: RegistryCapabilities = { ...probed, ...tracker.observed, warnings: [...tracker.warnings] };
  // Without PUT /mode there is no way into IMPORT either.
  if (merged.modeWrites === false) merged.importMode = false;
  return merged;
}

function guessFlavour(url: string, server: string, serverVersion: string | undefined): RegistryFlavour {
  if (/\/apis\/ccompat\//.test(`${url}/`)) return "apicurio";
  if (/seastar/i.test(server)) return "redpanda";
  if (/karapace|aiohttp|uvicorn/i.test(server)) return "karapace";
  if (serverVersion !== undefined) return "confluent";
  return "unknown";
}

/** What each implementation is known to support (registry-rest-api.md §8, §9). */
function flavourDefaults(
  flavour: RegistryFlavour,
  serverVersion: string | undefined,
): Pick<RegistryCapabilities, "modeWrites" | "importMode" | "metadataKept"> {
  switch (flavour) {
    case "confluent": {
      const defaults: Pick<RegistryCapabilities, "modeWrites" | "importMode" | "metadataKept"> = {
        modeWrites: true,
        importMode: true,
      };
      const atLeast74 = versionAtLeast(serverVersion, [7, 4]);
      if (atLeast74 !== undefined) defaults.metadataKept = atLeast74;
      return defaults;
    }
    case "karapace":
      return { modeWrites: false, importMode: false };
    case "apicurio":
      return { metadataKept: false };
    case "redpanda":
    case "unknown":
      return {};
  }
}

function versionAtLeast(version: string | undefined, minimum: [number, number]): boolean | undefined {
  const match = /^(\d+)\.(\d+)/.exec(version ?? "");
  if (match === null) return undefined;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return major > minimum[0] || (major === minimum[0] && minor >= minimum[1]);
}
