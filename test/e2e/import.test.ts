import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertBuilt,
  projectFile,
  removeTree,
  run,
  startRegistry,
  writeTree,
  type TestRegistry,
} from "./harness.js";

let sr: TestRegistry;

const money = JSON.stringify({
  type: "record",
  name: "Money",
  namespace: "com.acme",
  fields: [{ name: "units", type: "long" }],
});
const order = (extra: object[] = []) =>
  JSON.stringify({
    type: "record",
    name: "Order",
    namespace: "com.acme",
    fields: [{ name: "id", type: "string" }, { name: "total", type: "com.acme.Money" }, ...extra],
  });

async function seed(): Promise<void> {
  const ok = async (method: string, url: string, body: unknown) => {
    const answer = await sr.request(method, url, body);
    expect(answer.status, `${method} ${url}: ${JSON.stringify(answer.json)}`).toBe(200);
  };
  await ok("PUT", "/config", { compatibility: "BACKWARD_TRANSITIVE" });
  await ok("POST", "/subjects/money-value/versions", { schema: money });
  const moneyRef = [{ name: "com.acme.Money", subject: "money-value", version: 1 }];
  await ok("POST", "/subjects/orders-value/versions", { schema: order(), references: moneyRef });
  await ok("POST", "/subjects/orders-value/versions", {
    schema: order([{ name: "note", type: "string", default: "" }]),
    references: moneyRef,
  });
  await ok("POST", "/subjects/customer-value/versions", {
    schemaType: "JSON",
    schema: JSON.stringify({
      type: "object",
      properties: { id: { type: "string" }, age: { type: "integer" } },
    }),
  });
  await ok("PUT", "/config/customer-value", { compatibility: "FULL" });
  await ok("POST", "/subjects/geo-value/versions", {
    schemaType: "PROTOBUF",
    schema: 'syntax = "proto3";\npackage acme.geo;\nmessage Point { double lat = 1; double lon = 2; }\n',
  });
  await ok("POST", "/subjects/shipments-value/versions", {
    schemaType: "PROTOBUF",
    schema:
      'syntax = "proto3";\npackage acme;\nimport "acme/geo.proto";\nmessage Shipment { string id = 1; acme.geo.Point to = 2; }\n',
    references: [{ name: "acme/geo.proto", subject: "geo-value", version: 1 }],
  });
  await ok("PUT", "/mode/shipments-value", { mode: "READONLY" });
  await ok("PUT", "/config/:.staging:", { compatibility: "FORWARD" });
  await ok("POST", "/subjects/:.staging:money-value/versions", { schema: money });
  await ok("POST", "/subjects/:.staging:payments-value/versions", {
    schemaType: "JSON",
    schema: JSON.stringify({ type: "object", properties: { amount: { type: "number", multipleOf: 0.01 } } }),
    metadata: { properties: { owner: "payments-team" }, tags: { "$.amount": ["PCI"] } },
  });
}

beforeAll(async () => {
  assertBuilt();
  sr = await startRegistry();
  await seed();
});
afterAll(async () => sr.close());

describe("import", () => {
  it("writes a registry into files so that the next plan is empty", async () => {
    const dir = await writeTree({ "schemaops.yaml": projectFile() });
    try {
      const env = { SR_URL: sr.url };
      const imported = await run(["import", "--registry", "test"], { cwd: dir, env });
      // Before the first import the project has no schemas/ folder, which the loader mentions.
      expect(imported.stderr).not.toMatch(/error|problem/i);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain("Imported 7 subject(s) from 2 context(s)");

      const validate = await run(["validate"], { cwd: dir, env });
      expect(validate.stderr).toBe("");
      expect(validate.code).toBe(0);

      const plan = await run(["plan", "--detailed-exitcode"], { cwd: dir, env });
      expect(plan.stdout).toContain("No changes");
      expect(plan.code).toBe(0);

      // What the files say, for people reading the repository.
      const sidecar = await readFile(path.join(dir, "schemas/default/orders-value.yaml"), "utf8");
      expect(sidecar).toContain("com.acme.Money");
      expect(sidecar).toContain("latest");
      expect(await readFile(path.join(dir, "schemas/staging/context.yaml"), "utf8")).toContain("FORWARD");
      expect(await readFile(path.join(dir, "schemas/default/shipments-value.yaml"), "utf8")).toContain(
        "READONLY",
      );
      expect(await readFile(path.join(dir, "schemas/staging/payments-value.yaml"), "utf8")).toContain(
        "payments-team",
      );
    } finally {
      await removeTree(dir);
    }
  });

  it("imports only the subjects that match a glob, in one context", async () => {
    const dir = await writeTree({ "schemaops.yaml": projectFile() });
    try {
      const imported = await run(
        ["import", "--registry", "test", "--context", ".staging", "--subject", "pay*"],
        {
          cwd: dir,
          env: { SR_URL: sr.url },
        },
      );
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain("Imported 1 subject(s) from 1 context(s)");
      expect(imported.stdout).toContain("schemas/staging/payments-value.json");
      expect(imported.stdout).not.toContain("money-value");
    } finally {
      await removeTree(dir);
    }
  });
});
