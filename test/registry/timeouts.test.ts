// undici checks its timers about once a second, so each timeout here takes about a second; the tests run
// concurrently, each with its own server.

import { describe, expect, it } from "vitest";
import {
  createTransport,
  type RegistryRequestEvent,
  type TransportOptions,
} from "../../src/registry/transport.js";
import { registryFailure as failure } from "./helpers/failure.js";
import { instantClock, sendJson, startServer, type Handler } from "./helpers/server.js";

async function withServer<T>(
  handler: Handler,
  options: Partial<TransportOptions>,
  run: (context: {
    transport: ReturnType<typeof createTransport>;
    requests: () => number;
    events: RegistryRequestEvent[];
  }) => Promise<T>,
): Promise<T> {
  const server = await startServer(handler);
  const events: RegistryRequestEvent[] = [];
  const transport = createTransport({
    url: server.url,
    clock: instantClock().clock,
    logger: { debug: (event) => events.push(event) },
    ...options,
  });
  try {
    return await run({ transport, requests: () => server.requests.length, events });
  } finally {
    await transport.close();
    await server.close();
  }
}

const stall: Handler = () => undefined;

describe.concurrent("timeouts", () => {
  it("retries a GET whose headers did not come in time", async () => {
    let calls = 0;
    const stallOnce: Handler = (_request, response) =>
      calls++ === 0 ? undefined : sendJson(response, 200, ["s"]);
    await withServer(stallOnce, { timeouts: { headersMs: 100 } }, async ({ transport, requests, events }) => {
      expect((await transport.request({ method: "GET", path: "/subjects" })).body).toEqual(["s"]);
      expect(requests()).toBe(2);
      expect(events.map((e) => [e.status, e.failure])).toEqual([
        [0, "headers-timeout"],
        [200, undefined],
      ]);
    });
  });

  it("reports a headers timeout on a DELETE without retrying it", async () => {
    await withServer(stall, { timeouts: { headersMs: 100 } }, async ({ transport, requests }) => {
      const error = await failure(transport.request({ method: "DELETE", path: "/subjects/s" }));
      expect(error).toMatchObject({ status: 0, cause: "headers-timeout", isTimeout: true, attempts: 1 });
      expect(error.registryMessage).toBe("no response within 100 ms");
      expect(requests()).toBe(1);
    });
  });

  it("fails a response whose body stalls", async () => {
    const partialBody: Handler = (_request, response) => {
      response.writeHead(200, { "content-length": "100" });
      response.write('{"partial":');
    };
    await withServer(
      partialBody,
      { timeouts: { bodyMs: 100 }, retry: { maxRetries: 0 } },
      async ({ transport }) => {
        const error = await failure(transport.request({ method: "GET", path: "/subjects" }));
        expect(error).toMatchObject({ status: 0, cause: "body-timeout", isTimeout: true });
        expect(error.registryMessage).toBe("response body stalled for 100 ms");
      },
    );
  });
});
