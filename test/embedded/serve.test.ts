// `schemaops registry serve` as a process: one line with its URL, a clean exit on SIGINT and SIGTERM
// after finishing the writes in flight, and a non-zero exit when it cannot listen.

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { avroRecord } from "./helpers/schemas.js";
import { http, serveRegistry } from "./helpers/server.js";

describe("registry serve", () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "exits 0 on %s after answering the writes in flight",
    async (signal) => {
      const server = await serveRegistry();
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const api = http(server.url);
      const writes = Array.from({ length: 10 }, (_, i) =>
        api.post(`/subjects/inflight-${i}/versions`, { schema: avroRecord(`F${i}`) }),
      );
      await new Promise((resolve) => setTimeout(resolve, 5));
      const exited = new Promise<number | null>((resolve) => server.child.once("exit", resolve));
      server.child.kill(signal);
      const settled = await Promise.allSettled(writes);
      expect(await exited).toBe(0);
      // A request either got its answer or never reached the server; none was cut off mid-way with a 5xx.
      for (const result of settled) if (result.status === "fulfilled") expect(result.value.status).toBe(200);
    },
  );

  it("exits 1 with a message when the port is taken", async () => {
    const server = await serveRegistry();
    const port = new URL(server.url).port;
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", "registry", "serve", "--port", port],
      {
        cwd: fileURLToPath(new URL("../../", import.meta.url)),
        encoding: "utf8",
      },
    );
    await server.stop();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("schemaops registry could not start");
  });

  it("refuses a port that is not a number", () => {
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", "registry", "serve", "--port", "eighty"],
      {
        cwd: fileURLToPath(new URL("../../", import.meta.url)),
        encoding: "utf8",
      },
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("expected a port number");
  });
});
