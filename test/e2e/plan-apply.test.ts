import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  assertBuilt,
  avroRecord,
  projectFile,
  removeTree,
  run,
  startRegistry,
  writeTree,
  type TestRegistry,
} from "./harness.js";

let sr: TestRegistry;
const dirs: string[] = [];

beforeAll(async () => {
  assertBuilt();
  sr = await startRegistry();
});
afterAll(async () => sr.close());
afterEach(async () => {
  for (const dir of dirs.splice(0)) await removeTree(dir);
});

let counter = 0;
/** Each test gets its own context, so tests never see each other's subjects. */
function uniqueContext(): string {
  return `e2e${++counter}x${Date.now().toString(36)}`;
}

async function project(files: Record<string, string>): Promise<string> {
  const dir = await writeTree(files);
  dirs.push(dir);
  return dir;
}

const env = () => ({ SR_URL: sr.url });

/** One subject, orders-value, in a context of its own, already applied; `edit` rewrites its file. */
async function appliedOrders(): Promise<{ dir: string; ctx: string; edit: (text: string) => Promise<void> }> {
  const ctx = uniqueContext();
  const file = `schemas/${ctx}/orders-value.avsc`;
  const dir = await project({ "schemaops.yaml": projectFile(), [file]: order() });
  expect((await run(["apply", "--auto-approve"], { cwd: dir, env: env() })).code).toBe(0);
  return { dir, ctx, edit: (text) => writeFile(path.join(dir, file), text) };
}
const order = (...extra: Record<string, unknown>[]) =>
  avroRecord("Order", [{ name: "id", type: "string" }, ...extra]);

describe("plan and apply against the embedded registry", () => {
  it("apply then plan is empty, and a second apply changes nothing", async () => {
    const ctx = uniqueContext();
    const dir = await project({
      "schemaops.yaml": projectFile(),
      [`schemas/${ctx}/orders-value.avsc`]: order(),
      [`schemas/${ctx}/customer-value.json`]: JSON.stringify({
        type: "object",
        properties: { id: { type: "string" } },
      }),
      [`schemas/${ctx}/payments-value.proto`]:
        'syntax = "proto3";\npackage acme;\nmessage Payment { string id = 1; }\n',
    });
    const first = await run(["plan", "--detailed-exitcode"], { cwd: dir, env: env() });
    expect(first.code).toBe(2);
    expect(first.stdout).toContain(`:.${ctx}:orders-value: register v1 (new subject, AVRO)`);

    const applied = await run(["apply", "--auto-approve"], { cwd: dir, env: env() });
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/3 change\(s\) applied/);

    const again = await run(["plan", "--detailed-exitcode"], { cwd: dir, env: env() });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("No changes");
    const second = await run(["apply", "--auto-approve"], { cwd: dir, env: env() });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("Nothing to apply.");
  });

  it("plans nothing for reformatted but equivalent schemas", async () => {
    const { dir, edit } = await appliedOrders();
    await edit(
      '{"fields":[{"type":{"type":"string"},"name":"id"}],"namespace":"com.acme","type":"record","name":"Order"}',
    );
    const plan = await run(["plan", "--detailed-exitcode"], { cwd: dir, env: env() });
    expect(plan.code).toBe(0);
  });

  it("an incompatible change exits 3 and names the field", async () => {
    const { dir, ctx, edit } = await appliedOrders();
    await edit(order({ name: "amount", type: "int" }));
    const plan = await run(["plan"], { cwd: dir, env: env() });
    expect(plan.code).toBe(3);
    expect(plan.stdout).toContain("READER_FIELD_MISSING_DEFAULT_VALUE");
    expect(plan.stdout).toContain("The field 'amount'");
    expect(plan.stdout).toMatch(/orders-value\.avsc:\d+:\d+/);
    const apply = await run(["apply", "--auto-approve"], { cwd: dir, env: env() });
    expect(apply.code).toBe(3);
    const versions = await sr.request("GET", `/subjects/:.${ctx}:orders-value/versions`);
    expect(versions.json).toEqual([1]);
  });

  it("confirms verdicts with the registry's own compatibility endpoint on request", async () => {
    const { dir, edit } = await appliedOrders();
    await edit(order({ name: "amount", type: "int" }));
    const text = await run(["plan", "--verify-with-registry"], { cwd: dir, env: env() });
    expect(text.code).toBe(3);
    expect(text.stdout).toContain("confirmed by the registry's compatibility endpoint");
    const json = await run(["plan", "--verify-with-registry", "--json"], { cwd: dir, env: env() });
    const plan = JSON.parse(json.stdout) as {
      targets: {
        actions: {
          compatibility?: { verdict: string; registryVerdict?: { verdict: string; messages: string[] } };
        }[];
      }[];
    };
    const verdict = plan.targets[0]!.actions[0]!.compatibility!;
    expect(verdict.verdict).toBe("incompatible");
    expect(verdict.registryVerdict!.verdict).toBe("incompatible");
    expect(verdict.registryVerdict!.messages.join("\n")).toContain("READER_FIELD_MISSING_DEFAULT_VALUE");
  });

  it("a schema equal to an older version gives the note, not a registration", async () => {
    const { dir, edit } = await appliedOrders();
    await edit(order({ name: "note", type: "string", default: "" }));
    await run(["apply", "--auto-approve"], { cwd: dir, env: env() });
    await edit(order());
    const plan = await run(["plan", "--detailed-exitcode"], { cwd: dir, env: env() });
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain("desired schema equals version 1, which is not the latest (2)");
  });

  it("refuses a stale plan file and says what changed", async () => {
    const ctx = uniqueContext();
    const dir = await project({
      "schemaops.yaml": projectFile(),
      [`schemas/${ctx}/orders-value.avsc`]: order(),
    });
    expect((await run(["plan", "--out", "plan.json"], { cwd: dir, env: env() })).code).toBe(0);
    // Someone else registers a schema in the meantime.
    const sneaky = await sr.request("POST", `/subjects/:.${ctx}:other-value/versions`, {
      schema: '"string"',
    });
    expect(sneaky.status).toBe(200);
    const apply = await run(["apply", "plan.json"], { cwd: dir, env: env() });
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain("is stale");
    expect(apply.stderr).toContain(`other-value: appeared`);
    expect((await sr.request("GET", `/subjects/:.${ctx}:orders-value/versions`)).status).toBe(404);
  });

  it("applies a fresh saved plan", async () => {
    const ctx = uniqueContext();
    const dir = await project({
      "schemaops.yaml": projectFile(),
      [`schemas/${ctx}/orders-value.avsc`]: order(),
    });
    expect((await run(["plan", "--out", "plan.json"], { cwd: dir, env: env() })).code).toBe(0);
    const saved = JSON.parse(await readFile(path.join(dir, "plan.json"), "utf8")) as {
      formatVersion: number;
    };
    expect(saved.formatVersion).toBe(1);
    const apply = await run(["apply", "plan.json"], { cwd: dir, env: env() });
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/registered as version 1 \(id \d+\)/);
  });

  it("refuses to apply to a registry marked readOnly, and to a READONLY subject", async () => {
    const ctx = uniqueContext();
    const files = { [`schemas/${ctx}/orders-value.avsc`]: order() };
    const readOnlyProject = await project({
      "schemaops.yaml": projectFile([], ["readOnly: true"]),
      ...files,
    });
    const plan = await run(["plan"], { cwd: readOnlyProject, env: env() });
    expect(plan.code).toBe(3);
    expect(plan.stdout).toContain("read-only");
    expect((await run(["apply", "--auto-approve"], { cwd: readOnlyProject, env: env() })).code).toBe(3);

    const writable = await project({ "schemaops.yaml": projectFile(), ...files });
    await run(["apply", "--auto-approve"], { cwd: writable, env: env() });
    await sr.request("PUT", `/mode/:.${ctx}:orders-value`, { mode: "READONLY" });
    await writeFile(
      path.join(writable, `schemas/${ctx}/orders-value.avsc`),
      order({ name: "n", type: "int", default: 0 }),
    );
    const locked = await run(["apply", "--auto-approve"], { cwd: writable, env: env() });
    expect(locked.code).toBe(3);
    expect(locked.stderr + locked.stdout).toContain("READONLY mode");
  });

  it("deletions follow the policy and maxDeletions", async () => {
    const ctx = uniqueContext();
    for (const name of ["a-value", "b-value", "c-value"]) {
      await sr.request("POST", `/subjects/:.${ctx}:${name}/versions`, { schema: '"string"' });
    }
    const keep = { [`schemas/${ctx}/a-value.avsc`]: '"string"\n' };
    const none = await project({ "schemaops.yaml": projectFile(["deletions: none"]), ...keep });
    const left = await run(["plan", "--detailed-exitcode"], { cwd: none, env: env() });
    expect(left.code).toBe(0);
    expect(left.stdout).toContain("2 subjects in managed contexts");

    const tooMany = await project({
      "schemaops.yaml": projectFile(["deletions: soft", "maxDeletions: 1"]),
      ...keep,
    });
    const blocked = await run(["apply", "--auto-approve"], { cwd: tooMany, env: env() });
    expect(blocked.code).toBe(3);
    expect(blocked.stdout + blocked.stderr).toContain("maxDeletions");

    const soft = await run(["apply", "--auto-approve", "--allow-mass-delete"], { cwd: tooMany, env: env() });
    expect(soft.code).toBe(0);
    expect(soft.stdout).toMatch(/soft-deleted versions 1/);
    const subjects = (await sr.request("GET", `/subjects?subjectPrefix=:.${ctx}:`)).json;
    expect(subjects).toEqual([`:.${ctx}:a-value`]);
    const deleted = (await sr.request("GET", `/subjects?subjectPrefix=:.${ctx}:&deletedOnly=true`)).json;
    expect(deleted).toEqual([`:.${ctx}:b-value`, `:.${ctx}:c-value`]);
  });

  it("never prints credentials from schemaops.yaml", async () => {
    const ctx = uniqueContext();
    const secret = "s3cr3t-Pa55word-never-shown";
    const dir = await project({
      "schemaops.yaml": projectFile(
        [],
        ["auth:", "  basic: { username: ${SR_USER}, password: ${SR_PASSWORD} }"],
      ),
      [`schemas/${ctx}/orders-value.avsc`]: order(),
    });
    const withCreds = { ...env(), SR_USER: "svc-user", SR_PASSWORD: secret };
    const outputs = [
      await run(["plan"], { cwd: dir, env: withCreds }),
      await run(["plan", "--json"], { cwd: dir, env: withCreds }),
      await run(["plan", "--format", "markdown", "--out", "plan.json"], { cwd: dir, env: withCreds }),
      await run(["apply", "--auto-approve"], { cwd: dir, env: withCreds }),
      // Unreachable registry: the error names the URL but not the credentials.
      await run(["plan"], {
        cwd: dir,
        env: { ...withCreds, SR_URL: `http://svc-user:${secret}@127.0.0.1:9` },
      }),
    ];
    expect(outputs[4]!.code).toBe(1);
    for (const output of outputs) {
      expect(output.stdout).not.toContain(secret);
      expect(output.stderr).not.toContain(secret);
    }
    expect(await readFile(path.join(dir, "plan.json"), "utf8")).not.toContain(secret);
  });
});
