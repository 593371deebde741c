// Every acknowledged write survives a SIGKILL: a stream of registrations is cut by killing the
// server, and a restart on the same directory must show each acknowledged (subject, version, id).

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { avroRecord } from "./helpers/schemas.js";
import { http, serveRegistry } from "./helpers/server.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "schemaops-durability-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Acknowledged {
  subject: string;
  version: number;
  id: number;
}

/** Version `n` of a subject: one more optional field than version n-1, so each is compatible. */
function schemaFor(stream: number, subject: number, version: number): string {
  const fields = Array.from({ length: version }, (_, i) => `f${i}`);
  return avroRecord(`S${stream}x${subject}`, fields, { defaults: true });
}

it("keeps every acknowledged registration across a SIGKILL and a restart", async () => {
  const first = await serveRegistry(["--data", dir]);
  const api = http(first.url);
  const acknowledged: Acknowledged[] = [];
  let killed = false;

  // Eight concurrent streams, each registering subjects with 1–3 versions, until the kill.
  const streams = Array.from({ length: 8 }, async (_, stream) => {
    for (let n = 0; !killed; n++) {
      const subject = `durable-${stream}-${n}`;
      for (let version = 1; version <= 1 + (n % 3) && !killed; version++) {
        try {
          const res = await api.post(`/subjects/${subject}/versions`, {
            schema: schemaFor(stream, n, version),
          });
          if (res.status === 200) acknowledged.push({ subject, version: res.body.version, id: res.body.id });
        } catch {
          return; // the connection died with the server: that write was never acknowledged
        }
      }
    }
  });
  while (acknowledged.length < 300) await new Promise((resolve) => setTimeout(resolve, 5));
  killed = true;
  await first.kill();
  await Promise.all(streams);

  const second = await serveRegistry(["--data", dir]);
  try {
    const again = http(second.url);
    for (const { subject, version, id } of acknowledged) {
      const res = await again.get(`/subjects/${subject}/versions/${version}`);
      expect(res.status, `${subject} v${version}`).toBe(200);
      expect(res.body.id).toBe(id);
    }
    // Whatever else made it to disk is whole: each subject's versions run 1..n and each id resolves.
    const subjects: string[] = (await again.get("/subjects")).body;
    expect(subjects.length).toBeGreaterThanOrEqual(new Set(acknowledged.map((a) => a.subject)).size);
    for (const subject of subjects) {
      const versions: number[] = (await again.get(`/subjects/${subject}/versions`)).body;
      expect(versions).toEqual(versions.map((_, i) => i + 1));
      const latest = await again.get(`/subjects/${subject}/versions/latest`);
      expect((await again.get(`/schemas/ids/${latest.body.id}`)).body.schema).toBe(latest.body.schema);
    }
    const maxId = Math.max(...acknowledged.map((a) => a.id));
    const fresh = await again.post("/subjects/after-restart/versions", {
      schema: avroRecord("AfterRestart"),
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body.id).toBeGreaterThan(maxId);
  } finally {
    await second.stop();
  }
});
