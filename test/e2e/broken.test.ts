import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROKEN } from "../repo/broken-corpus.js";
import { assertBuilt, removeTree, run, startRegistry, writeTree, type TestRegistry } from "./harness.js";

// The loader's corpus of broken repositories, through the built CLI: `apply --auto-approve` must print
// every located problem, exit 1, and change nothing, neither a registry nor the project folder.

let sr: TestRegistry;
let before: unknown;

beforeAll(async () => {
  assertBuilt();
  sr = await startRegistry();
  before = (await sr.request("GET", "/schemas?subjectPrefix=:*:&deleted=true")).json;
});
afterAll(async () => {
  const after = (await sr.request("GET", "/schemas?subjectPrefix=:*:&deleted=true")).json;
  expect(after).toEqual(before);
  await sr.close();
});

describe("broken repositories through the CLI", () => {
  it("has at least 25 of them", () => {
    expect(BROKEN.length).toBeGreaterThanOrEqual(25);
  });

  it.each(BROKEN.map((c) => [c.name, c] as const))("%s", async (_name, broken) => {
    const dir = await writeTree({ "schemaops.yaml": "", ...broken.tree });
    try {
      const result = await run(["apply", "--auto-approve"], { cwd: dir, env: { SR_URL: sr.url } });
      expect(result.code).toBe(1);
      for (const error of broken.errors) expect(result.stderr).toContain(error);
      expect(result.stderr).toMatch(/problems? found; nothing was planned or changed\./);
      expect(result.stdout).toBe("");
      // The embedded registry was never started, so nothing was written next to the files.
      expect(existsSync(path.join(dir, ".schemaops"))).toBe(false);
    } finally {
      await removeTree(dir);
    }
  });
});
