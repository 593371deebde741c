import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TargetPlan } from "../../src/core/plan.js";
import { createEmbeddedRegistry, type EmbeddedRegistry } from "../../src/embedded/index.js";
import { applyTarget, type ApplyEvent } from "../../src/ops/apply.js";
import { planRegistry } from "../../src/ops/plan.js";
import { createRegistryClient, type RegistryClient } from "../../src/registry/index.js";
import { loadProject, type Project } from "../../src/repo/index.js";
import { removeTree, writeTree } from "../e2e/harness.js";
import { registryFront, type RegistryFront } from "../support/registry-front.js";

let registry: EmbeddedRegistry;
let front: RegistryFront;
let client: RegistryClient;
let dir: string;

beforeEach(async () => {
  registry = createEmbeddedRegistry();
  front = await registryFront(registry);
  // No retries: a failing request fails at once, which is what these tests are about.
  client = createRegistryClient({ url: front.url, retry: { maxRetries: 0 } });
});
afterEach(async () => {
  await client.close();
  await front.close();
  await registry.close();
  if (dir) await removeTree(dir);
});

const record = (name: string, ...fields: object[]) =>
  JSON.stringify({
    type: "record",
    name,
    namespace: "com.acme",
    fields: [{ name: "id", type: "string" }, ...fields],
  });

async function project(files: Record<string, string>): Promise<Project> {
  dir = await writeTree({
    "schemaops.yaml": "registries:\n  test:\n    url: http://127.0.0.1:1\n",
    ...files,
  });
  const loaded = await loadProject(dir, { env: {} });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.project;
}

async function plan(p: Project): Promise<TargetPlan> {
  return planRegistry(p, p.config.registries.test!, client);
}

const failRegistrationOf = (subject: string) => (r: { method: string; url: string }) =>
  r.method === "POST" && r.url.startsWith(`/subjects/${subject}/versions`);

describe("apply", () => {
  it("stops at a failure and reports exactly what was done and what was not", async () => {
    const p = await project(
      Object.fromEntries(
        ["a", "b", "c", "d"].map((n) => [`schemas/default/${n}-value.avsc`, record(n.toUpperCase())]),
      ),
    );
    const target = await plan(p);
    front.options.fail = failRegistrationOf("c-value");
    const events: ApplyEvent["kind"][] = [];
    const report = await applyTarget(target, client, {
      concurrency: 1,
      onProgress: (e) => events.push(e.kind),
    });

    expect(report.done.map((d) => d.id)).toEqual(["register:a-value", "register:b-value"]);
    expect(report.failed).toEqual({ id: "register:c-value", error: expect.stringContaining("50001") });
    expect(report.notRun).toEqual(["register:d-value"]);
    expect(events).toEqual(["start", "done", "start", "done", "start", "failed"]);
    const subjects = await registry.handle("GET", "/subjects");
    expect(subjects.json).toEqual(["a-value", "b-value"]);

    // Once the cause is gone, planning and applying again finishes the job and redoes nothing.
    front.options.fail = undefined;
    const rest = await plan(p);
    expect(rest.actions.map((a) => a.id)).toEqual(["register:c-value", "register:d-value"]);
    const second = await applyTarget(rest, client, { fresh: true });
    expect(second.failed).toBeUndefined();
    expect((await plan(p)).actions).toEqual([]);
  });

  it("never runs an action whose dependency failed, even with room to run it", async () => {
    const p = await project({
      "schemas/default/money-value.avsc": JSON.stringify({
        type: "record",
        name: "Money",
        namespace: "com.acme",
        fields: [{ name: "units", type: "long" }],
      }),
      "schemas/default/order-value.avsc": record("Order", { name: "total", type: "com.acme.Money" }),
      "schemas/default/other-value.avsc": record("Other"),
    });
    const target = await plan(p);
    expect(target.actions.find((a) => a.id === "register:order-value")!).toMatchObject({
      dependsOn: ["register:money-value"],
    });
    front.options.fail = failRegistrationOf("money-value");
    const report = await applyTarget(target, client, { concurrency: 4 });
    expect(report.failed?.id).toBe("register:money-value");
    expect(report.notRun).toContain("register:order-value");
    expect(front.requests.some((r) => r.url.startsWith("/subjects/order-value/versions"))).toBe(false);
  });

  it("registers referenced subjects before their referrers and resolves latest to what it created", async () => {
    const p = await project({
      "schemas/default/money-value.avsc": JSON.stringify({
        type: "record",
        name: "Money",
        namespace: "com.acme",
        fields: [{ name: "units", type: "long" }],
      }),
      "schemas/default/order-value.avsc": record("Order", { name: "total", type: "com.acme.Money" }),
    });
    const report = await applyTarget(await plan(p), client, { concurrency: 4, fresh: true });
    expect(report.done.map((d) => d.id)).toEqual(["register:money-value", "register:order-value"]);
    const order = await registry.handle("GET", "/subjects/order-value/versions/1");
    expect(order.json).toMatchObject({
      references: [{ name: "com.acme.Money", subject: "money-value", version: 1 }],
    });
  });
});

describe("observation", () => {
  it("reads a registry in a few requests, and subject settings only for what changes", async () => {
    for (let i = 0; i < 40; i++) {
      const answer = await registry.handle("POST", `/subjects/s${i}-value/versions`, {
        schema: record(`S${i}`),
      });
      expect(answer.status).toBe(200);
    }
    const files = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [
        `schemas/default/s${i}-value.avsc`,
        i === 7 ? record(`S${i}`, { name: "note", type: "string", default: "" }) : record(`S${i}`),
      ]),
    );
    const p = await project(files);
    front.requests.length = 0;
    const target = await plan(p);
    expect(target.actions.map((a) => a.id)).toEqual(["register:s7-value"]);
    const urls = front.requests.map((r) => `${r.method} ${r.url.split("?")[0]}`);
    // One bulk listing, the default context's config and mode, capability probes, then s7's settings.
    expect(urls.filter((u) => u === "GET /schemas")).toHaveLength(1);
    expect(urls.filter((u) => u.includes("/s7-value"))).toEqual([
      "GET /config/s7-value",
      "GET /mode/s7-value",
    ]);
    expect(urls.filter((u) => /\/(config|mode)\/s(?!7-)\d+-value/.test(u))).toEqual([]);
    expect(front.requests.length).toBeLessThanOrEqual(10);
  });
});
