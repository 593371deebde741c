// A local server that answers what each test scripts, with a client pointed at it over the real transport.
// For the client's mapping of methods to requests and of answers to results; a real registry's behaviour
// is covered by the conformance suite against the embedded registry.

import { afterEach } from "vitest";
import { createRegistryClient } from "../../../src/registry/client.js";
import type { RegistryClient } from "../../../src/registry/api.js";
import type { RegistryRequestEvent } from "../../../src/registry/transport.js";
import { instantClock, sendJson, startServer, type RecordedRequest, type TestServer } from "./server.js";

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** "METHOD /path" (encoded, query excluded) → a reply, replies served in turn, or a function of the request. */
export type Routes = Record<string, Reply | Reply[] | ((request: RecordedRequest, url: URL) => Reply)>;

export interface StubRegistry {
  server: TestServer;
  client: RegistryClient;
  warnings: string[];
  events: RegistryRequestEvent[];
  /** "METHOD /path?query" of every request received, in order. */
  urls(): string[];
}

const NOT_FOUND: Reply = { status: 404, body: { error_code: 404, message: "HTTP 404 Not Found" } };

/** Returns a function that starts a stub registry; everything it starts is closed after each test. */
export function stubRegistries(): (routes: Routes, basePath?: string) => Promise<StubRegistry> {
  const open: StubRegistry[] = [];
  afterEach(async () => {
    for (const stub of open.splice(0)) {
      await stub.client.close();
      await stub.server.close();
    }
  });
  return async (routes, basePath = "") => {
    const served = new Map<string, number>();
    const server = await startServer((request, response) => {
      const url = new URL(request.url, "http://registry");
      const key = `${request.method} ${url.pathname.slice(basePath.length)}`;
      const reply = pick(routes[key], served, key, request, url);
      if (reply.body === undefined) response.writeHead(reply.status ?? 200, reply.headers).end();
      else sendJson(response, reply.status ?? 200, reply.body, reply.headers);
    });
    const warnings: string[] = [];
    const events: RegistryRequestEvent[] = [];
    const client = createRegistryClient({
      url: server.url + basePath,
      clock: instantClock().clock,
      logger: { warn: (message) => warnings.push(message), debug: (event) => events.push(event) },
    });
    const stub: StubRegistry = {
      server,
      client,
      warnings,
      events,
      urls: () => server.requests.map((r) => `${r.method} ${r.url}`),
    };
    open.push(stub);
    return stub;
  };
}

function pick(
  route: Routes[string] | undefined,
  served: Map<string, number>,
  key: string,
  request: RecordedRequest,
  url: URL,
): Reply {
  if (route === undefined) return NOT_FOUND;
  if (typeof route === "function") return route(request, url);
  if (!Array.isArray(route)) return route;
  const index = served.get(key) ?? 0;
  served.set(key, index + 1);
  return route[Math.min(index, route.length - 1)]!;
}
