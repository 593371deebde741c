// Deletes, references, metadata and rule sets (registry-rest-api.md §4.3–§4.4, §6), over HTTP against
// `schemaops registry serve`.

import { describe, expect, it } from "vitest";
import { avroRecord } from "../helpers/schemas.js";
import { unique, serveForTests } from "../helpers/server.js";

const api = serveForTests();

const register = (subject: string, body: object) => api.post(`/subjects/${subject}/versions`, body);

/** A subject with versions 1 and 2 (compatible evolution). */
async function withTwoVersions(prefix: string): Promise<string> {
  const subject = unique(prefix);
  await register(subject, { schema: avroRecord("Life", ["a"]) });
  await register(subject, { schema: avroRecord("Life", ["a", "b"], { defaults: true }) });
  return subject;
}

describe("deleting versions", () => {
  it("soft-deletes a version and answers its number", async () => {
    const subject = await withTwoVersions("soft");
    expect((await api.delete(`/subjects/${subject}/versions/1`)).body).toBe(1);
    expect((await api.get(`/subjects/${subject}/versions`)).body).toEqual([2]);
    expect((await api.get(`/subjects/${subject}/versions?deleted=true`)).body).toEqual([1, 2]);
  });

  it("hides a soft-deleted version unless deleted=true", async () => {
    const subject = await withTwoVersions("soft-get");
    await api.delete(`/subjects/${subject}/versions/1`);
    expect((await api.get(`/subjects/${subject}/versions/1`)).body.error_code).toBe(40402);
    expect((await api.get(`/subjects/${subject}/versions/1?deleted=true`)).body).toMatchObject({
      version: 1,
      deleted: true,
    });
  });

  it("lists only soft-deleted versions with deletedOnly=true, and as negatives with deletedAsNegative", async () => {
    const subject = await withTwoVersions("deleted-only");
    await api.delete(`/subjects/${subject}/versions/1`);
    expect((await api.get(`/subjects/${subject}/versions?deletedOnly=true`)).body).toEqual([1]);
    expect((await api.get(`/subjects/${subject}/versions?deleted=true&deletedAsNegative=true`)).body).toEqual(
      [-1, 2],
    );
  });

  it("answers 40406 when soft-deleting a soft-deleted version", async () => {
    const subject = await withTwoVersions("soft-twice");
    await api.delete(`/subjects/${subject}/versions/1`);
    expect((await api.delete(`/subjects/${subject}/versions/1`)).body).toEqual({
      error_code: 40406,
      message: `Subject '${subject}' Version 1 was soft deleted.Set permanent=true to delete permanently`,
    });
  });

  it("answers 40407 when hard-deleting a live version", async () => {
    const subject = await withTwoVersions("hard-live");
    expect((await api.delete(`/subjects/${subject}/versions/1?permanent=true`)).body).toEqual({
      error_code: 40407,
      message: `Subject '${subject}' Version 1 was not deleted first before being permanently deleted`,
    });
  });

  it("hard-deletes a soft-deleted version; a second hard delete is a 40402", async () => {
    const subject = await withTwoVersions("hard");
    await api.delete(`/subjects/${subject}/versions/1`);
    expect((await api.delete(`/subjects/${subject}/versions/1?permanent=true`)).body).toBe(1);
    expect((await api.delete(`/subjects/${subject}/versions/1?permanent=true`)).body.error_code).toBe(40402);
    expect((await api.get(`/subjects/${subject}/versions?deleted=true`)).body).toEqual([2]);
  });

  it("deletes `latest` as the highest live version", async () => {
    const subject = await withTwoVersions("delete-latest");
    expect((await api.delete(`/subjects/${subject}/versions/latest`)).body).toBe(2);
  });

  it("answers 40401 when deleting a version of an unknown subject", async () => {
    expect((await api.delete(`/subjects/${unique("nobody")}/versions/1`)).body.error_code).toBe(40401);
  });

  it("numbers after the highest row, soft-deleted ones included", async () => {
    const subject = await withTwoVersions("numbering");
    await api.delete(`/subjects/${subject}/versions/2`);
    await api.delete(`/subjects/${subject}/versions/1`);
    const res = await register(subject, { schema: avroRecord("Life", ["z"]) });
    expect(res.body.version).toBe(3);
  });

  it("lets a number come back after a hard delete of the highest row", async () => {
    const subject = await withTwoVersions("number-back");
    await api.delete(`/subjects/${subject}/versions/2`);
    await api.delete(`/subjects/${subject}/versions/2?permanent=true`);
    const res = await register(subject, { schema: avroRecord("Life", ["a", "c"], { defaults: true }) });
    expect(res.body.version).toBe(2);
  });
});

describe("deleting subjects", () => {
  it("soft-deletes a subject and answers its live versions", async () => {
    const subject = await withTwoVersions("subject-soft");
    expect((await api.delete(`/subjects/${subject}`)).body).toEqual([1, 2]);
    expect((await api.get("/subjects")).body).not.toContain(subject);
    expect((await api.get("/subjects?deleted=true")).body).toContain(subject);
    expect((await api.get("/subjects?deletedOnly=true")).body).toContain(subject);
    expect((await api.get(`/subjects/${subject}/versions`)).body.error_code).toBe(40401);
  });

  it("answers 40404 when soft-deleting a soft-deleted subject", async () => {
    const subject = await withTwoVersions("subject-twice");
    await api.delete(`/subjects/${subject}`);
    expect((await api.delete(`/subjects/${subject}`)).body).toEqual({
      error_code: 40404,
      message: `Subject '${subject}' was soft deleted.Set permanent=true to delete permanently`,
    });
  });

  it("answers 40405 when hard-deleting a subject with live versions", async () => {
    const subject = await withTwoVersions("subject-hard-live");
    expect((await api.delete(`/subjects/${subject}?permanent=true`)).body).toEqual({
      error_code: 40405,
      message: `Subject '${subject}' was not deleted first before being permanently deleted`,
    });
  });

  it("hard-deletes a soft-deleted subject, answering every version", async () => {
    const subject = await withTwoVersions("subject-hard");
    await api.delete(`/subjects/${subject}/versions/1`);
    await api.delete(`/subjects/${subject}`);
    expect((await api.delete(`/subjects/${subject}?permanent=true`)).body).toEqual([1, 2]);
    expect((await api.get(`/subjects/${subject}/versions?deleted=true`)).body.error_code).toBe(40401);
  });

  it("answers 40401 when deleting an unknown subject", async () => {
    const subject = unique("subject-none");
    expect((await api.delete(`/subjects/${subject}`)).body).toEqual({
      error_code: 40401,
      message: `Subject '${subject}' not found.`,
    });
  });

  it("never reuses an id after a hard delete", async () => {
    const subject = unique("no-reuse");
    const first = await register(subject, { schema: avroRecord("NoReuse") });
    await api.delete(`/subjects/${subject}`);
    await api.delete(`/subjects/${subject}?permanent=true`);
    expect((await api.get(`/schemas/ids/${first.body.id}`)).body.error_code).toBe(40403);
    const again = await register(subject, { schema: avroRecord("NoReuse") });
    expect(again.body.id).toBeGreaterThan(first.body.id);
  });

  it("reuses the id after a soft delete and tombstones the old row (§4.1 step 13)", async () => {
    const subject = unique("tombstone");
    const first = await register(subject, { schema: avroRecord("Tomb") });
    await api.delete(`/subjects/${subject}`);
    const again = await register(subject, { schema: avroRecord("Tomb") });
    expect(again.body).toMatchObject({ id: first.body.id, version: 2 });
    expect((await api.get(`/subjects/${subject}/versions?deleted=true`)).body).toEqual([2]);
  });
});

describe("references", () => {
  async function referenced(): Promise<{ target: string; referrer: string; referrerId: number }> {
    const target = unique("ref-target");
    await register(target, { schema: avroRecord("Address", ["street"], { namespace: "acme" }) });
    const referrer = unique("ref-user");
    const schema = JSON.stringify({
      type: "record",
      name: "User",
      namespace: "acme",
      fields: [{ name: "home", type: "acme.Address" }],
    });
    const res = await register(referrer, {
      schema,
      references: [{ name: "acme.Address", subject: target, version: -1 }],
    });
    return { target, referrer, referrerId: res.body.id };
  }

  it("registers a schema with a reference, storing -1 as the concrete version", async () => {
    const { target, referrer } = await referenced();
    expect((await api.get(`/subjects/${referrer}/versions/1`)).body.references).toEqual([
      { name: "acme.Address", subject: target, version: 1 },
    ]);
  });

  it("finds a referencing schema sent with its references inlined", async () => {
    const { referrer, referrerId } = await referenced();
    const inlined = JSON.stringify({
      type: "record",
      name: "User",
      namespace: "acme",
      fields: [
        {
          name: "home",
          type: { type: "record", name: "Address", fields: [{ name: "street", type: "string" }] },
        },
      ],
    });
    expect((await api.post(`/subjects/${referrer}`, { schema: inlined })).body).toMatchObject({
      id: referrerId,
      version: 1,
    });
  });

  it("lists the referrer's id in referencedby", async () => {
    const { target, referrerId } = await referenced();
    expect((await api.get(`/subjects/${target}/versions/1/referencedby`)).body).toEqual([referrerId]);
  });

  it("refuses a reference to a missing subject-version with 42201", async () => {
    const res = await register(unique("dangling"), {
      schema: JSON.stringify({ type: "record", name: "D", fields: [{ name: "x", type: "acme.Missing" }] }),
      references: [{ name: "acme.Missing", subject: "nowhere", version: 3 }],
    });
    expect(res.body).toEqual({
      error_code: 42201,
      message: 'No schema reference found for subject "nowhere" and version 3',
    });
  });

  it("refuses a reference without a version with 42201 `Invalid reference`", async () => {
    const res = await register(unique("ref-incomplete"), {
      schema: avroRecord("I"),
      references: [{ name: "x", subject: "y" }],
    });
    expect(res.body).toEqual({ error_code: 42201, message: "Invalid reference" });
  });

  it("blocks deleting a referenced version with 42206", async () => {
    const { target } = await referenced();
    expect((await api.delete(`/subjects/${target}/versions/1`)).body).toEqual({
      error_code: 42206,
      message: `One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=${target},version=1}.`,
    });
    expect((await api.delete(`/subjects/${target}`)).body.error_code).toBe(42206);
  });

  it("allows a soft delete once the referrer is soft-deleted, but not a hard delete", async () => {
    const { target, referrer } = await referenced();
    await api.delete(`/subjects/${referrer}`);
    expect((await api.delete(`/subjects/${target}/versions/1`)).body).toBe(1);
    expect((await api.delete(`/subjects/${target}/versions/1?permanent=true`)).body.error_code).toBe(42206);
  });

  it("lists soft-deleted referrers only with deleted=true", async () => {
    const { target, referrer, referrerId } = await referenced();
    await api.delete(`/subjects/${referrer}`);
    expect((await api.get(`/subjects/${target}/versions/1/referencedby`)).body).toEqual([]);
    expect((await api.get(`/subjects/${target}/versions/1/referencedby?deleted=true`)).body).toEqual([
      referrerId,
    ]);
  });
});

describe("metadata and rule sets", () => {
  const metadata = { properties: { owner: "team-a" }, tags: { "User.email": ["PII"] }, sensitive: ["email"] };

  it("keeps metadata and carries it to a re-registration without metadata (same id)", async () => {
    const subject = unique("meta");
    const first = await register(subject, { schema: avroRecord("Meta"), metadata });
    expect(first.body.metadata).toEqual(metadata);
    expect((await register(subject, { schema: avroRecord("Meta") })).body).toMatchObject({
      id: first.body.id,
      version: 1,
    });
  });

  it("gives the same schema with other metadata a new id", async () => {
    const subject = unique("meta-new");
    const first = await register(subject, { schema: avroRecord("MetaNew"), metadata });
    const second = await register(subject, {
      schema: avroRecord("MetaNew"),
      metadata: { properties: { owner: "team-b" } },
    });
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.body.version).toBe(2);
  });

  it("keeps rule sets with their defaults filled in", async () => {
    const subject = unique("rules");
    const ruleSet = { domainRules: [{ name: "checkEmail", type: "CEL", expr: "message.email != ''" }] };
    const res = await register(subject, { schema: avroRecord("Rules"), ruleSet });
    expect(res.body.ruleSet).toEqual({
      domainRules: [
        {
          name: "checkEmail",
          kind: "TRANSFORM",
          mode: "WRITEREAD",
          type: "CEL",
          expr: "message.email != ''",
          disabled: false,
        },
      ],
    });
  });

  it.each([
    [
      "duplicate names",
      {
        domainRules: [
          { name: "r", type: "CEL" },
          { name: "r", type: "CEL" },
        ],
      },
      "Found rule with duplicate name 'r'",
    ],
    [
      "a migration rule with a domain mode",
      { migrationRules: [{ name: "m", type: "JSONATA", mode: "WRITE" }] },
      "Migration rules can only be UPGRADE, DOWNGRADE, UPDOWN",
    ],
    [
      "a domain rule with a migration mode",
      { domainRules: [{ name: "d", type: "CEL", mode: "UPGRADE" }] },
      "Domain rules can only be WRITE, READ, WRITEREAD",
    ],
    ["a rule without type", { domainRules: [{ name: "d" }] }, "Missing rule type"],
  ])("refuses a rule set with %s with 42210", async (_why, ruleSet, message) => {
    const res = await register(unique("bad-rules"), { schema: avroRecord("BadRules"), ruleSet });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ error_code: 42210, message });
  });

  it("finds the latest version with given metadata properties", async () => {
    const subject = unique("by-meta");
    await register(subject, { schema: avroRecord("ByMeta"), metadata: { properties: { env: "prod" } } });
    await register(subject, { schema: avroRecord("ByMeta"), metadata: { properties: { env: "dev" } } });
    const res = await api.get(`/subjects/${subject}/metadata?key=env&value=prod`);
    expect(res.body).toMatchObject({ version: 1, metadata: { properties: { env: "prod" } } });
    expect((await api.get(`/subjects/${subject}/metadata?key=env&value=test`)).body.error_code).toBe(40403);
  });
});
