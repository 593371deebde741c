// A tiny local HTTP(S) server for transport behaviour a real registry cannot be made to produce on demand:
// resets, stalls, 429s, counting connections and requests in flight.

import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer, type ServerOptions as HttpsOptions } from "node:https";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Handler = (request: RecordedRequest, response: ServerResponse, raw: IncomingMessage) => unknown;

export interface TestServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** TCP (or TLS) connections accepted so far. */
  readonly connections: number;
  /** The most requests handled at the same time. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

export async function startServer(handler: Handler, tls?: HttpsOptions): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  let connections = 0;
  let inFlight = 0;
  let maxInFlight = 0;

  const listener = (raw: IncomingMessage, response: ServerResponse): void => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let done = false;
    const finish = () => {
      if (!done) inFlight--;
      done = true;
    };
    response.on("close", finish);
    const chunks: Buffer[] = [];
    raw.on("data", (chunk: Buffer) => chunks.push(chunk));
    raw.on("end", () => {
      const request: RecordedRequest = {
        method: raw.method ?? "",
        url: raw.url ?? "",
        headers: raw.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(request);
      Promise.resolve(handler(request, response, raw)).catch((error: unknown) => {
        response.statusCode = 599;
        response.end(String(error));
      });
    });
  };

  const server = tls === undefined ? createServer(listener) : createHttpsServer(tls, listener);
  server.on(tls === undefined ? "connection" : "secureConnection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const host = `${tls === undefined ? "http" : "https"}://127.0.0.1:${port}`;

  return {
    url: host,
    port,
    requests,
    get connections() {
      return connections;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/vnd.schemaregistry.v1+json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** A port on which nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A clock whose sleeps return at once and are recorded, so backoff can be asserted without waiting. */
export function instantClock(random = 0.5) {
  const sleeps: number[] = [];
  return {
    sleeps,
    clock: {
      now: Date.now,
      sleep: (ms: number) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      random: () => random,
    },
  };
}
