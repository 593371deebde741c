// An HTTP server in front of an embedded registry's in-process face. It counts requests, can add latency,
// and can fail chosen requests: the failures a real registry has (a 500 in the middle of an apply) cannot
// be produced on demand otherwise.

import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { EmbeddedRegistry } from "../../src/embedded/index.js";

export interface FrontRequest {
  method: string;
  url: string;
  body: string;
}

export interface FrontOptions {
  /** Added to every request. */
  latencyMs?: number;
  /** Answer this request with a 500 instead of passing it on. */
  fail?: (request: FrontRequest) => boolean;
}

export interface RegistryFront {
  url: string;
  /** Every request seen, in order. */
  requests: FrontRequest[];
  options: FrontOptions;
  close(): Promise<void>;
}

export async function registryFront(
  registry: EmbeddedRegistry,
  options: FrontOptions = {},
): Promise<RegistryFront> {
  const requests: FrontRequest[] = [];
  const front: RegistryFront = { url: "", requests, options, close: async () => {} };
  const server = createServer((req, res) => {
    void readBody(req).then(async (body) => {
      const request = { method: req.method ?? "GET", url: req.url ?? "/", body };
      requests.push(request);
      if (front.options.latencyMs) await new Promise((r) => setTimeout(r, front.options.latencyMs));
      if (front.options.fail?.(request)) {
        res.writeHead(500, { "content-type": "application/vnd.schemaregistry.v1+json" });
        res.end(JSON.stringify({ error_code: 50001, message: "Error in the backend data store" }));
        return;
      }
      const answer = await registry.handle(request.method, request.url, body || undefined, {
        "content-type": req.headers["content-type"] ?? "application/json",
      });
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  front.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  front.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return front;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => resolve(body));
  });
}
