import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, avroRecord, removeTree, run, writeTree } from "./harness.js";

const dirs: string[] = [];
beforeAll(() => assertBuilt());
afterEach(async () => {
  for (const dir of dirs.splice(0)) await removeTree(dir);
});

function git(dir: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: dir, GIT_CONFIG_NOSYSTEM: "1" },
  });
}

const ORDERS = "schemas/default/orders-value.avsc";
const base = avroRecord("Order", [{ name: "id", type: "string" }]);

/** A git repository whose main branch holds one subject; the working tree is on a feature branch. */
async function repository(): Promise<string> {
  const dir = await writeTree({
    // The registry URL comes from a variable CI does not have: check must not need it.
    "schemaops.yaml": "registries:\n  prod:\n    url: ${PROD_SR_URL}\n",
    [ORDERS]: base,
    "schemas/default/customer-value.json": JSON.stringify({
      type: "object",
      properties: { id: { type: "string" } },
    }),
  });
  dirs.push(dir);
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", ".");
  git(dir, "commit", "-q", "-m", "initial schemas");
  git(dir, "checkout", "-q", "-b", "feature");
  return dir;
}

describe("check: offline compatibility against git", () => {
  it("accepts a compatible change, comparing with the merge base of the default branch", async () => {
    const dir = await repository();
    await writeFile(
      path.join(dir, ORDERS),
      avroRecord("Order", [
        { name: "id", type: "string" },
        { name: "note", type: "string", default: "" },
      ]),
    );
    const result = await run(["check"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Compared with merge-base(HEAD, main)");
    expect(result.stdout).toContain(
      "✓ orders-value (schemas/default/orders-value.avsc): compatible (BACKWARD)",
    );
  });

  it("exits 3 on an incompatible change and points at the line of the field", async () => {
    const dir = await repository();
    await writeFile(
      path.join(dir, ORDERS),
      avroRecord("Order", [
        { name: "id", type: "string" },
        { name: "amount", type: "int" },
      ]),
    );
    const result = await run(["check", "--base", "main"], { cwd: dir });
    expect(result.code).toBe(3);
    const lines = (await readFile(path.join(dir, ORDERS), "utf8")).split("\n");
    const line = lines.findIndex((l) => l.includes('"amount"')) + 1;
    expect(result.stdout).toMatch(
      new RegExp(`schemas/default/orders-value\\.avsc:${line - 1}:\\d+: READER_FIELD_MISSING_DEFAULT_VALUE`),
    );

    const json = await run(["check", "--base", "main", "--json"], { cwd: dir });
    const parsed = JSON.parse(json.stdout) as {
      incompatible: number;
      subjects: { subject: string; messages?: { location?: { line: number } }[] }[];
    };
    expect(parsed.incompatible).toBe(1);
    const orders = parsed.subjects.find((s) => s.subject === "orders-value")!;
    expect(orders.messages![0]!.location!.line).toBe(line - 1);
  });

  it("reports new and removed subjects without judging them", async () => {
    const dir = await repository();
    await writeTree(
      { "schemas/default/payments-value.avsc": avroRecord("Payment", [{ name: "id", type: "string" }]) },
      dir,
    );
    git(dir, "rm", "-q", "schemas/default/customer-value.json");
    const result = await run(["check", "--base", "main"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("+ payments-value (schemas/default/payments-value.avsc): new subject");
    expect(result.stdout).toContain("- customer-value (schemas/default/customer-value.json): removed");
  });

  it("names an unknown ref", async () => {
    const dir = await repository();
    const result = await run(["check", "--base", "no-such-branch"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown git ref "no-such-branch"');
  });
});

describe("init and validate", () => {
  it("writes the example repository, which validates", async () => {
    const dir = await writeTree({});
    dirs.push(dir);
    const init = await run(["init", "repo"], { cwd: dir });
    expect(init.code).toBe(0);
    const validate = await run(["validate", "-C", "repo"], { cwd: dir });
    expect(validate.stderr).toBe("");
    expect(validate.stdout).toMatch(/^Valid: \d+ subjects in \d+ contexts\.$/m);
    expect(await readFile(path.join(dir, "repo/.gitignore"), "utf8")).toContain(".schemaops/");
    const again = await run(["init", "repo"], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
  });
});
