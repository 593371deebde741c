// Mutations are serialised: concurrent identical registrations give one id and one version, and
// concurrent different ones get distinct versions without gaps, in memory and on disk.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddedRegistry, type EmbeddedRegistry } from "../../src/embedded/index.js";
import { avroRecord } from "./helpers/schemas.js";
import { http, type Http } from "./helpers/server.js";

describe.each([
  ["in memory", false],
  ["persisted", true],
])("concurrent registrations (%s)", (_label, persisted) => {
  let registry: EmbeddedRegistry;
  let api: Http;
  let dir: string | undefined;

  beforeAll(async () => {
    dir = persisted ? await mkdtemp(join(tmpdir(), "schemaops-concurrency-")) : undefined;
    registry = createEmbeddedRegistry(dir ? { dir } : {});
    api = http((await registry.listen({ port: 0 })).url);
  });
  afterAll(async () => {
    await registry.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("gives 50 identical registrations one id and one version", async () => {
    const schema = avroRecord("Same", ["a", "b"]);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => api.post("/subjects/same/versions", { schema })),
    );
    expect(new Set(results.map((r) => r.status))).toEqual(new Set([200]));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.body.version))).toEqual(new Set([1]));
    expect((await api.get("/subjects/same/versions")).body).toEqual([1]);
  });

  it("gives 30 different registrations to one subject versions 1..30 and 30 ids", async () => {
    await api.put("/config/many", { compatibility: "NONE" });
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        api.post("/subjects/many/versions", { schema: avroRecord(`Many${i}`) }),
      ),
    );
    expect(results.map((r) => r.body.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    expect(new Set(results.map((r) => r.body.id)).size).toBe(30);
  });

  it("gives the same new schema sent to 20 subjects at once one id", async () => {
    const schema = avroRecord("Fanout");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api.post(`/subjects/fan-${i}/versions`, { schema })),
    );
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
  });
});
