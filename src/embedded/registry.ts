// The embedded registry: one store, two faces. `handle` answers a request in process; `listen` serves
// the same router over HTTP. Opening the store (and replaying its journal) starts at creation and both
// faces wait for it.

import type { Router } from "./http/router.js";
import { registryRoutes } from "./http/routes.js";
import { dispatch, type RegistryResponse } from "./http/dispatch.js";
import { HttpFace, type ListenOptions } from "./http/server.js";
import type { Services } from "./operations/services.js";
import { SchemaParser } from "./schemas/parser.js";
import { resolveSettings, type RegistrySettings } from "./settings.js";
import { RegistryStore } from "./store/store.js";

export interface EmbeddedRegistryOptions extends RegistrySettings {
  /** Directory the registry persists to; in memory when absent. */
  dir?: string;
  /** Journal size at which it is folded into a snapshot. */
  compactAfterBytes?: number;
  /** Clock for registration timestamps. */
  now?: () => number;
}

export interface InProcessResponse extends RegistryResponse {
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
}

export interface EmbeddedRegistry {
  /** Serves the registry over HTTP; `port: 0` picks a free port. */
  listen(options?: ListenOptions): Promise<{ url: string }>;
  /** Answers one request without a socket. An object body is sent as JSON. */
  handle(
    method: string,
    pathWithQuery: string,
    body?: string | object,
    headers?: Record<string, string>,
  ): Promise<InProcessResponse>;
  /** Stops serving, lets in-flight writes finish, releases the store. */
  close(): Promise<void>;
}

export function createEmbeddedRegistry(options: EmbeddedRegistryOptions = {}): EmbeddedRegistry {
  const settings = resolveSettings(options);
  const opening = RegistryStore.open(options).then((store) => {
    const services: Services = {
      store,
      parser: new SchemaParser(store.state),
      settings,
      now: options.now ?? Date.now,
    };
    return { store, router: registryRoutes(services) };
  });
  // A failure to open is reported by whichever face is used first, not as an unhandled rejection.
  opening.catch(() => undefined);
  const router = async (): Promise<Router> => (await opening).router;
  const http = new HttpFace(router, settings.maxBodyBytes);

  return {
    listen: (listenOptions) => http.listen(listenOptions),
    async handle(method, pathWithQuery, body, headers = {}) {
      const text = body === undefined || typeof body === "string" ? body : JSON.stringify(body);
      const lowerHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
      const response = await dispatch(await router(), method, pathWithQuery, text, lowerHeaders);
      return { ...response, json: parseJson(response.body) };
    },
    async close() {
      await http.close();
      // A store that never opened has nothing to release.
      const opened = await opening.catch(() => undefined);
      await opened?.store.close();
    },
  };
}

function parseJson(body: string): unknown {
  try {
    return body === "" ? undefined : JSON.parse(body);
  } catch {
    return undefined;
  }
}
