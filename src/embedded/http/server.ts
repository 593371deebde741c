// The HTTP face: node:http in front of `dispatch`. Bodies are read up to a limit (413 beyond it), and
// shutdown stops accepting connections, lets in-flight requests finish, then closes idle sockets.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { errors, RegistryError } from "../errors.js";
import { dispatch, type RegistryResponse } from "./dispatch.js";
import type { Router } from "./router.js";

export interface ListenOptions {
  host?: string;
  port?: number;
}

export class HttpFace {
  private server: Server | undefined;
  private closing = false;

  constructor(
    private readonly router: () => Promise<Router>,
    private readonly maxBodyBytes: number,
  ) {}

  async listen(options: ListenOptions = {}): Promise<{ url: string }> {
    if (this.server) throw new Error("the registry is already listening");
    this.closing = false;
    const host = options.host ?? "127.0.0.1";
    const router = await this.router();
    const server = createServer((request, response) => {
      void this.serve(router, request, response);
    });
    // Keep-alive sockets must not hold shutdown hostage.
    server.keepAliveTimeout = 5_000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    const address = server.address() as AddressInfo;
    const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
    return { url: `http://${shownHost}:${address.port}` };
  }

  /** Stops accepting connections and waits for the requests in flight. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.closing = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
  }

  private async serve(router: Router, request: IncomingMessage, response: ServerResponse): Promise<void> {
    let result: RegistryResponse;
    try {
      const body = await readBody(request, this.maxBodyBytes);
      const headers = {
        accept: request.headers.accept,
        "content-type": request.headers["content-type"],
      };
      result = await dispatch(router, request.method ?? "GET", request.url ?? "/", body, headers);
    } catch (error) {
      const failure =
        error instanceof RegistryError ? error : errors.badRequest("The request body could not be read");
      result = {
        status: failure.status,
        headers: { "content-type": "application/vnd.schemaregistry.v1+json" },
        body: JSON.stringify(failure.toBody()),
      };
      response.setHeader("connection", "close");
    }
    // While closing, answered connections must not linger as keep-alive sockets.
    if (this.closing) response.setHeader("connection", "close");
    response.writeHead(result.status, {
      ...result.headers,
      "content-length": Buffer.byteLength(result.body),
    });
    response.end(result.body);
  }
}

/**
 * The body as text; undefined when there is none. Past `limit` bytes the rest is drained unread and
 * the promise rejects with 413, so that the client gets an answer rather than a reset connection.
 */
function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on("end", () => {
      if (size > limit) reject(errors.payloadTooLarge());
      else resolve(size === 0 ? undefined : Buffer.concat(chunks).toString("utf8"));
    });
    request.on("error", reject);
  });
}
