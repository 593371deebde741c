import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Secret } from "../../src/core/secret.js";
import { formatIssue, loadProject } from "../../src/repo/index.js";
import { writeTree } from "./tree.js";

const EXAMPLE = fileURLToPath(new URL("../../schemas.example", import.meta.url));

async function loadExample() {
  const result = await loadProject(EXAMPLE, { env: {} });
  if (!result.ok) throw new Error(result.errors.map(formatIssue).join("\n"));
  return result;
}

describe("schemas.example", () => {
  it("loads without errors or warnings: every schema parses with its references", async () => {
    const { warnings, project } = await loadExample();
    expect(warnings.map(formatIssue)).toEqual([]);
    expect(project.desired.subjects.length).toBeGreaterThanOrEqual(12);
    expect(project.desired.subjects.length).toBeLessThanOrEqual(20);
  });

  it("has environment, tenant and feature contexts with their own compatibility", async () => {
    const { project } = await loadExample();
    expect(
      Object.fromEntries(project.desired.contexts.map((c) => [c.name, c.settings.compatibility])),
    ).toEqual({
      ".client-acme": "BACKWARD_TRANSITIVE",
      ".client-globex": "FULL_TRANSITIVE",
      ".development": "NONE",
      ".feature-checkout-v2": "NONE",
      ".production": "BACKWARD_TRANSITIVE",
      ".staging": "BACKWARD",
    });
    expect(project.config.registries).toEqual({ local: { name: "local", url: "embedded", readOnly: false } });
    expect(project.config.policy).toEqual({ deletions: "none", maxDeletions: 10, allowIncompatible: false });
  });

  it("gives payment subjects FULL compatibility in production", async () => {
    const { project } = await loadExample();
    const payments = project.desired.subjects.filter(
      (s) => s.context === ".production" && s.name.startsWith("payment"),
    );
    expect(payments.map((s) => [s.name, s.settings.compatibility])).toEqual([
      ["payment-refunds-value", "FULL"],
      ["payments-value", "FULL"],
    ]);
  });

  it("uses every kind of reference: shared Avro types, Protobuf imports and a JSON Schema $ref by $id", async () => {
    const { project } = await loadExample();
    const refs = (context: string, name: string) =>
      project.desired.subjects.find((s) => s.context === context && s.name === name)!.references;
    expect(refs(".production", "orders-value")).toEqual([
      { name: "com.acme.common.Money", subject: "com.acme.common.Money", version: "latest" },
      { name: "com.acme.common.Address", subject: "com.acme.common.Address", version: "latest" },
    ]);
    expect(refs(".production", "shipments-value")).toEqual([
      { name: "acme/common/geo.proto", subject: "acme/common/geo.proto", version: "latest" },
    ]);
    expect(refs(".feature-checkout-v2", "checkout-sessions-value")).toEqual([
      { name: "acme/checkout/cart.proto", subject: "acme/checkout/cart.proto", version: "latest" },
    ]);
    expect(refs(".production", "customer-profile-value")).toEqual([
      {
        name: "https://schemas.acme.example/common/postal-address.json",
        subject: "postal-address",
        version: "latest",
      },
    ]);
  });

  it("tags personal and health data in metadata, with owners", async () => {
    const { project } = await loadExample();
    const metadata = (context: string, name: string) =>
      project.desired.subjects.find((s) => s.context === context && s.name === name)!.metadata;
    expect(metadata(".client-acme", "customers-value")?.tags).toMatchObject({
      "com.acme.tenants.acme.CustomerRegistered.email": ["PII"],
    });
    expect(metadata(".client-acme", "customers-value")?.sensitive).toEqual(["dpoContact"]);
    expect(metadata(".client-globex", "patient-visits-value")?.tags).toMatchObject({ patientId: ["PHI"] });
    const owners = project.desired.subjects.filter((s) => s.metadata?.properties?.owner !== undefined);
    expect(owners.length).toBeGreaterThanOrEqual(8);
  });

  it("documents a remote registry whose commented configuration is valid once uncommented", async () => {
    const original = await readFile(path.join(EXAMPLE, "schemaops.yaml"), "utf8");
    const uncommented = original.replace(/^ {2}# (staging:\n(?: {2}# .*\n)+)/m, (block: string) =>
      block.replace(/^ {2}# /gm, "  ").replace(/^ {2}(\s+)# or: .*\n/m, ""),
    );
    expect(uncommented).not.toBe(original);
    const dir = await writeTree({});
    await cp(EXAMPLE, dir, { recursive: true });
    await writeFile(path.join(dir, "schemaops.yaml"), uncommented);
    const env = {
      STAGING_SR_URL: "https://sr.staging.example.com",
      STAGING_SR_USER: "ci",
      STAGING_SR_PASSWORD: "pw-from-vault",
    };
    const result = await loadProject(dir, { env });
    if (!result.ok) throw new Error(result.errors.map(formatIssue).join("\n"));
    const staging = result.project.config.registries.staging!;
    expect(staging).toMatchObject({
      url: "https://sr.staging.example.com",
      readOnly: true,
      contexts: [".staging", ".development"],
    });
    expect(staging.auth).toEqual({ basic: { username: expect.any(Secret), password: expect.any(Secret) } });
    expect(JSON.stringify(result)).not.toContain("pw-from-vault");
  });
});
