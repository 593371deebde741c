import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { registryFailure as failure } from "./helpers/failure.js";
import {
  createTransport,
  type RegistryRequestEvent,
  type Transport,
  type TransportOptions,
} from "../../src/registry/transport.js";
import {
  closedPort,
  instantClock,
  sendJson,
  startServer,
  type Handler,
  type TestServer,
} from "./helpers/server.js";

let server: TestServer | undefined;
let transport: Transport | undefined;

afterEach(async () => {
  await transport?.close();
  await server?.close();
  transport = undefined;
  server = undefined;
});

async function setup(handler: Handler, options: Partial<TransportOptions> = {}) {
  server = await startServer(handler);
  const { clock, sleeps } = instantClock();
  const events: RegistryRequestEvent[] = [];
  transport = createTransport({
    url: server.url,
    clock,
    logger: { debug: (event) => events.push(event) },
    ...options,
  });
  return { server, transport, sleeps, events };
}

/** Answers with the given responses in turn, then repeats the last one. */
function sequence(
  ...steps: Array<(response: Parameters<Handler>[1], raw: Parameters<Handler>[2]) => void>
): Handler {
  let call = 0;
  return (_request, response, raw) => {
    const step = steps[Math.min(call++, steps.length - 1)]!;
    step(response, raw);
  };
}

const ok =
  (body: unknown = { ok: true }) =>
  (response: Parameters<Handler>[1]) =>
    sendJson(response, 200, body);
const status =
  (code: number, body: unknown = { error_code: code, message: `status ${code}` }, headers = {}) =>
  (response: Parameters<Handler>[1]) =>
    sendJson(response, code, body, headers);
const reset = (_response: Parameters<Handler>[1], raw: Parameters<Handler>[2]) => raw.socket.destroy();

describe("requests", () => {
  it("speaks the registry media type, sends JSON and parses the answer", async () => {
    const { server, transport } = await setup((_request, response) => sendJson(response, 200, { id: 7 }));
    const response = await transport.request({
      method: "POST",
      path: "/subjects/a%2Fb/versions",
      query: { normalize: true, deleted: false, subjectPrefix: "", offset: 0, skip: undefined },
      body: { schema: '"string"' },
    });
    expect(response).toMatchObject({ status: 200, body: { id: 7 } });
    const [request] = server.requests;
    expect(request).toMatchObject({
      method: "POST",
      url: "/subjects/a%2Fb/versions?normalize=true&subjectPrefix=&offset=0",
      body: '{"schema":"\\"string\\""}',
    });
    expect(request!.headers["content-type"]).toBe("application/vnd.schemaregistry.v1+json");
    expect(request!.headers.accept).toMatch(/^application\/vnd\.schemaregistry\.v1\+json/);
    expect(request!.headers["user-agent"]).toBe("schemaops");
  });

  it("prefixes the base path of the URL", async () => {
    server = await startServer((_request, response) => sendJson(response, 200, []));
    transport = createTransport({ url: `${server.url}/apis/ccompat/v7/` });
    await transport.request({ method: "GET", path: "/subjects" });
    expect(server.requests[0]!.url).toBe("/apis/ccompat/v7/subjects");
    expect(transport.url).toBe(`${server.url}/apis/ccompat/v7`);
  });

  it("answers an empty success body as undefined", async () => {
    const { transport } = await setup((_request, response) => response.writeHead(204).end());
    expect(await transport.request({ method: "DELETE", path: "/contexts/.x" })).toMatchObject({
      status: 204,
      body: undefined,
    });
  });

  it("returns statuses listed in acceptStatus instead of throwing", async () => {
    const { transport } = await setup(sequence(status(404)));
    const response = await transport.request({ method: "GET", path: "/contexts", acceptStatus: [404] });
    expect(response).toMatchObject({ status: 404, body: { error_code: 404 } });
  });

  it("reports a success body that is not JSON as an invalid response", async () => {
    const { transport } = await setup((_request, response) => response.writeHead(200).end("<html>hi</html>"));
    const error = await failure(transport.request({ method: "GET", path: "/subjects" }));
    expect(error).toMatchObject({ status: 200, cause: "invalid-response" });
    expect(error.registryMessage).toContain("<html>hi</html>");
  });

  it("refuses TLS settings on an http URL", () => {
    expect(() => createTransport({ url: "http://localhost:1", tls: { rejectUnauthorized: false } })).toThrow(
      "https",
    );
  });
});

describe("errors", () => {
  it.each([
    ["409 with error_code 409 (≤8.1)", 409],
    ["409 with error_code 40901 (8.2+)", 40901],
  ])("%s is incompatible", async (_name, errorCode) => {
    const message = 'Schema being registered is incompatible with an earlier schema for subject "s"';
    const { transport } = await setup(sequence(status(409, { error_code: errorCode, message })));
    const error = await failure(
      transport.request({ method: "POST", path: "/subjects/s/versions", body: {} }),
    );
    expect(error).toMatchObject({ status: 409, errorCode, registryMessage: message, isIncompatible: true });
  });

  it.each([
    [
      "an HTML page from a proxy",
      502,
      "<html><body>Bad gateway</body></html>",
      undefined,
      "HTTP 502 Bad Gateway: <html>",
    ],
    ["an empty body", 404, "", undefined, "HTTP 404 Not Found"],
    ["plain text", 401, "Unauthorized", undefined, "HTTP 401 Unauthorized: Unauthorized"],
    ["Redpanda's {code, message}", 404, '{"message": "Not found", "code": 404}', 404, "Not found"],
    ["JSON without a message", 500, '{"error_code": 50001}', 50001, "HTTP 500 Internal Server Error"],
  ])("reads %s", async (_name, code, body, errorCode, message) => {
    const { transport } = await setup((_request, response) => response.writeHead(code).end(body), {
      retry: { maxRetries: 0 },
    });
    const error = await failure(transport.request({ method: "GET", path: "/x" }));
    expect(error.status).toBe(code);
    expect(error.errorCode).toBe(errorCode);
    expect(error.registryMessage.startsWith(message)).toBe(true);
    expect(error.message).toContain(`answered ${code}`);
  });

  it("does not follow a redirect, and says where it pointed", async () => {
    const { server, transport } = await setup((_request, response) =>
      response.writeHead(301, { location: "https://elsewhere.example.com/subjects" }).end(),
    );
    const error = await failure(transport.request({ method: "GET", path: "/subjects" }));
    expect(error.status).toBe(301);
    expect(error.registryMessage).toBe(
      "HTTP 301 Moved Permanently (redirect to https://elsewhere.example.com/subjects not followed)",
    );
    expect(server.requests).toHaveLength(1);
  });

  it("names the registry without credentials when it cannot be reached", async () => {
    const port = await closedPort();
    transport = createTransport({
      url: `http://user:Hidden-Pa55@127.0.0.1:${port}`,
      retry: { maxRetries: 0 },
    });
    const error = await failure(transport.request({ method: "GET", path: "/subjects" }));
    expect(error).toMatchObject({ status: 0, cause: "ECONNREFUSED", isUnreachable: true });
    expect(error.message).toContain(`cannot reach registry http://127.0.0.1:${port} (ECONNREFUSED)`);
    expect(error.message).not.toContain("Hidden-Pa55");
  });
});

describe("retries", () => {
  it("retries a 503 and then succeeds", async () => {
    const { server, transport, sleeps, events } = await setup(sequence(status(503), status(503), ok()));
    const response = await transport.request({ method: "GET", path: "/subjects" });
    expect(response.body).toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(events.map((e) => [e.attempt, e.status])).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
    ]);
    expect(events[0]!.retryInMs).toBe(sleeps[0]);
  });

  it("waits as long as Retry-After asks on a 429", async () => {
    const { server, transport, sleeps } = await setup(
      sequence(status(429, { error_code: 429, message: "slow down" }, { "retry-after": "2" }), ok()),
    );
    await transport.request({ method: "GET", path: "/subjects" });
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([2_000]);
  });

  it("gives up on a 429 that asks to wait longer than allowed", async () => {
    const { server, transport } = await setup(sequence(status(429, {}, { "retry-after": "120" }), ok()));
    const error = await failure(transport.request({ method: "GET", path: "/subjects" }));
    expect(error.status).toBe(429);
    expect(server.requests).toHaveLength(1);
  });

  it("gives up after maxRetries and says how many attempts were made", async () => {
    const { server, transport, sleeps } = await setup(sequence(status(503)), { retry: { maxRetries: 2 } });
    const error = await failure(transport.request({ method: "GET", path: "/subjects" }));
    expect(error).toMatchObject({ status: 503, attempts: 3 });
    expect(error.message).toContain("after 3 attempts");
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it("retries a GET whose connection was reset mid-request", async () => {
    const { server, transport } = await setup(sequence(reset, ok({ subjects: [] })));
    const response = await transport.request({ method: "GET", path: "/subjects" });
    expect(response.body).toEqual({ subjects: [] });
    expect(server.requests).toHaveLength(2);
  });

  it("retries a register (POST marked idempotent) after a reset", async () => {
    const { server, transport } = await setup(sequence(reset, ok({ id: 1 })));
    const response = await transport.request({
      method: "POST",
      path: "/subjects/s/versions",
      body: {},
      idempotent: true,
    });
    expect(response.body).toEqual({ id: 1 });
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry a DELETE whose connection was reset after it reached the server", async () => {
    const { server, transport } = await setup(sequence(reset, ok([1])));
    const error = await failure(transport.request({ method: "DELETE", path: "/subjects/s" }));
    expect(error).toMatchObject({ status: 0, cause: "ECONNRESET", attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it("does not retry a DELETE answered 503", async () => {
    const { server, transport } = await setup(sequence(status(503), ok([1])));
    const error = await failure(transport.request({ method: "DELETE", path: "/subjects/s" }));
    expect(error.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it("does not retry a plain POST answered 503", async () => {
    const { server, transport } = await setup(sequence(status(503), ok()));
    await failure(transport.request({ method: "POST", path: "/x", body: {} }));
    expect(server.requests).toHaveLength(1);
  });

  it("retries a DELETE whose connection was refused, since it never reached a server", async () => {
    const port = await closedPort();
    const { clock, sleeps } = instantClock();
    const events: RegistryRequestEvent[] = [];
    transport = createTransport({
      url: `http://127.0.0.1:${port}`,
      clock,
      retry: { maxRetries: 2 },
      logger: { debug: (event) => events.push(event) },
    });
    const error = await failure(transport.request({ method: "DELETE", path: "/subjects/s" }));
    expect(error).toMatchObject({ status: 0, cause: "ECONNREFUSED", attempts: 3 });
    expect(sleeps).toHaveLength(2);
    expect(events.map((e) => [e.attempt, e.status, e.failure])).toEqual([
      [1, 0, "ECONNREFUSED"],
      [2, 0, "ECONNREFUSED"],
      [3, 0, "ECONNREFUSED"],
    ]);
  });

  it.each([400, 401, 403, 404, 409, 422])("does not retry a %i", async (code) => {
    const { server, transport } = await setup(sequence(status(code), ok()));
    const error = await failure(transport.request({ method: "GET", path: "/subjects/s/versions" }));
    expect(error.status).toBe(code);
    expect(server.requests).toHaveLength(1);
  });
});

describe("connections", () => {
  it("keeps at most maxConcurrency requests in flight", async () => {
    const { server, transport } = await setup(
      (_request, response) => {
        setTimeout(() => sendJson(response, 200, {}), 30);
      },
      { maxConcurrency: 3, maxConnections: 10 },
    );
    await Promise.all(Array.from({ length: 12 }, () => transport.request({ method: "GET", path: "/" })));
    expect(server.requests).toHaveLength(12);
    expect(server.maxInFlight).toBe(3);
  });

  it("reuses kept-alive connections for sequential requests", async () => {
    const { server, transport } = await setup((_request, response) => sendJson(response, 200, []));
    // undici may open a second connection while the first one is finishing its first response; after
    // that, every request must go over a connection that is already open.
    await transport.request({ method: "GET", path: "/subjects" });
    await transport.request({ method: "GET", path: "/subjects" });
    const warm = server.connections;
    for (let i = 0; i < 18; i++) await transport.request({ method: "GET", path: "/subjects" });
    expect(server.requests).toHaveLength(20);
    expect(warm).toBeLessThanOrEqual(2);
    expect(server.connections).toBe(warm);
  });
});

describe("authentication", () => {
  const echo: Handler = (request, response) => sendJson(response, 200, {}, {});

  it("sends basic credentials", async () => {
    const { server } = await setup(echo, { auth: { basic: { username: "svc", password: "pw" } } });
    await transport!.request({ method: "GET", path: "/" });
    expect(server.requests[0]!.headers.authorization).toBe(
      `Basic ${Buffer.from("svc:pw").toString("base64")}`,
    );
  });

  it("sends a bearer token, static or from a provider", async () => {
    const { server } = await setup(echo, { auth: { bearer: "tok-static" } });
    await transport!.request({ method: "GET", path: "/" });
    expect(server.requests[0]!.headers.authorization).toBe("Bearer tok-static");
    await transport!.close();

    let refreshes = 0;
    transport = createTransport({ url: server.url, auth: { bearer: async () => `tok-${++refreshes}` } });
    await transport.request({ method: "GET", path: "/" });
    await transport.request({ method: "GET", path: "/" });
    expect(server.requests.slice(1).map((r) => r.headers.authorization)).toEqual([
      "Bearer tok-1",
      "Bearer tok-2",
    ]);
  });

  it("turns URL userinfo into basic auth and strips it from the URL", async () => {
    server = await startServer(echo);
    const withUserinfo = server.url.replace("http://", "http://reader:pa%24%24@");
    transport = createTransport({ url: withUserinfo });
    await transport.request({ method: "GET", path: "/subjects" });
    const [request] = server.requests;
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from("reader:pa$$").toString("base64")}`);
    expect(request!.headers.host).toBe(server.url.replace("http://", ""));
    expect(transport.url).toBe(server.url);
  });

  it("never lets credentials reach error messages, toString, inspection or the logger", async () => {
    const secret = "Sup3r-S3cret-Value";
    const encoded = Buffer.from(`svc:${secret}`).toString("base64");
    const events: RegistryRequestEvent[] = [];
    const warnings: string[] = [];
    // A misbehaving proxy that echoes the credentials into its error page.
    server = await startServer((request, response) =>
      sendJson(response, 401, {
        error_code: 401,
        message: `bad credentials: ${request.headers.authorization} (password ${secret})`,
      }),
    );
    transport = createTransport({
      url: server.url.replace("http://", `http://svc:${secret}@`),
      logger: { debug: (event) => events.push(event), warn: (message) => warnings.push(message) },
    });
    const error = await failure(transport.request({ method: "GET", path: "/subjects" }));
    expect(error.registryMessage).toBe("bad credentials: Basic *** (password ***)");
    const renderings = [
      error.message,
      String(error),
      error.stack ?? "",
      inspect(error, { depth: 5 }),
      JSON.stringify(error),
      JSON.stringify(events),
      transport.url,
    ];
    for (const text of renderings) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(encoded);
    }
    expect(events).toHaveLength(1);
  });
});
