import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { formatIssue, loadProject } from "../../src/repo/index.js";
import { lines, writeTree } from "./tree.js";

const SECRETS = { SR_USER: "api-key-7731", SR_PASSWORD: "hunter2-very-secret", TOKEN: "tok-9f8e7d6c" };

describe("credentials", () => {
  it("never appear when a project is serialised or inspected", async () => {
    const dir = await writeTree({
      "schemaops.yaml": lines(
        "registries:",
        "  staging:",
        "    url: https://sr.staging.example.com",
        "    auth:",
        "      basic: { username: ${SR_USER}, password: ${SR_PASSWORD} }",
        "  cloud:",
        "    url: https://${SR_USER}:${SR_PASSWORD}@sr.cloud.example.com",
        "  prod:",
        "    url: https://sr.example.com",
        "    auth: { bearer: ${TOKEN} }",
      ),
    });
    const result = await loadProject(dir, { env: SECRETS });
    expect(result.ok).toBe(true);
    const shown = [JSON.stringify(result), inspect(result, { depth: 20 })].join("\n");
    for (const secret of Object.values(SECRETS)) expect(shown).not.toContain(secret);
    expect(shown).toContain("***");
  });

  it("never appear in error messages", async () => {
    const dir = await writeTree({
      "schemaops.yaml": lines(
        "registries:",
        "  a:",
        "    url: ${BAD_URL}",
        "  b:",
        "    url: https://sr.example.com",
        "    auth: { basic: { username: ${SR_USER}, password: ${SR_PASSWORD} }, bearer: ${TOKEN} }",
        "  c:",
        "    url: https://${SR_USER}:${SR_PASSWORD}@sr.example.com",
        "    auth: { bearer: ${TOKEN} }",
      ),
    });
    const result = await loadProject(dir, {
      env: { ...SECRETS, BAD_URL: `htp//${SECRETS.SR_USER}:${SECRETS.SR_PASSWORD}@host` },
    });
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.errors.map(formatIssue);
    expect(messages).toEqual([
      'schemaops.yaml:3:10: registries.a.url: url must be "embedded" or an http(s) URL, not "htp//***@host"',
      "schemaops.yaml:6:11: registries.b.auth: give either basic or bearer credentials (exactly one)",
      "schemaops.yaml:8:10: registries.c.url: credentials are given both in the url and in auth; keep one",
    ]);
    const shown = messages.join("\n");
    for (const secret of Object.values(SECRETS)) expect(shown).not.toContain(secret);
  });
});
