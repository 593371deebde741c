// The in-process face answers like the HTTP one, and the server settings it takes apply.

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createEmbeddedRegistry, type EmbeddedRegistry } from "../../src/embedded/index.js";
import { avroRecord } from "./helpers/schemas.js";

let registry: EmbeddedRegistry | undefined;
afterEach(async () => {
  await registry?.close();
  registry = undefined;
});

describe("in-process registry", () => {
  it("answers requests without a socket, with status, media type and parsed body", async () => {
    registry = createEmbeddedRegistry();
    const res = await registry.handle("POST", "/subjects/in-process/versions", {
      schema: avroRecord("InProcess"),
    });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.schemaregistry.v1+json");
    expect(res.json).toMatchObject({ id: 1, version: 1 });
    expect((await registry.handle("GET", "/subjects")).json).toEqual(["in-process"]);
  });

  it("refuses mode changes when mode mutability is off", async () => {
    registry = createEmbeddedRegistry({ modeMutability: false });
    expect((await registry.handle("PUT", "/mode", { mode: "READONLY" })).json).toEqual({
      error_code: 42205,
      message: "Mode changes are not allowed",
    });
  });

  it("uses the configured server default level", async () => {
    registry = createEmbeddedRegistry({ compatibilityLevel: "FULL_TRANSITIVE" });
    expect((await registry.handle("GET", "/config")).json).toEqual({ compatibilityLevel: "FULL_TRANSITIVE" });
  });

  it("stamps registrations with the injected clock", async () => {
    registry = createEmbeddedRegistry({ now: () => 1_700_000_000_000 });
    expect(
      (await registry.handle("POST", "/subjects/clock/versions", { schema: '"string"' })).json,
    ).toMatchObject({ ts: 1_700_000_000_000 });
  });

  it("refuses a schema over a configured size limit with 42209", async () => {
    registry = createEmbeddedRegistry({ maxSchemaBytes: 64 });
    const res = await registry.handle("POST", "/subjects/large/versions", {
      schema: avroRecord("Large", ["a", "b", "c", "d"]),
    });
    expect(res.json).toMatchObject({ error_code: 42209 });
  });
});

describe("a registry whose store cannot open", () => {
  it("reports the failure on use and still closes", async () => {
    const dir = await mkdtemp(join(tmpdir(), "schemaops-broken-"));
    await writeFile(join(dir, "snapshot.json"), '{"format":99}');
    const broken = createEmbeddedRegistry({ dir });
    await expect(broken.listen({ port: 0 })).rejects.toThrow(/not a snapshot/);
    await broken.close();
    await rm(dir, { recursive: true, force: true });
  });
});
