// Every client method against a real Confluent-compatible server: the embedded registry, over HTTP. The
// other tests in this folder pin the client's requests against scripted answers; these show that the
// requests and the answers fit together as registry-rest-api.md describes. Each test gets a fresh registry.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEmbeddedRegistry, REGISTRY_VERSION, type EmbeddedRegistry } from "../../src/embedded/index.js";
import { createRegistryClient, type RegistryClient, type SchemaPayload } from "../../src/registry/index.js";
import { registryFailure } from "./helpers/failure.js";

let registry: EmbeddedRegistry;
let client: RegistryClient;

beforeEach(async () => {
  registry = createEmbeddedRegistry();
  const { url } = await registry.listen({ host: "127.0.0.1", port: 0 });
  client = createRegistryClient({ url });
});

afterEach(async () => {
  await client.close();
  await registry.close();
});

/** An Avro record with required string fields: adding one is a BACKWARD-incompatible change, removing one is not. */
function avro(name: string, ...fields: string[]): SchemaPayload {
  const schema = JSON.stringify({
    type: "record",
    name,
    fields: fields.map((f) => ({ name: f, type: "string" })),
  });
  return { schema, schemaType: "AVRO" };
}

/** The RegistryError a call fails with, checked for its HTTP status and the registry's error code. */
async function failsWith(call: Promise<unknown>, status: number, errorCode: number) {
  const error = await registryFailure(call);
  expect({ status: error.status, errorCode: error.errorCode }).toEqual({ status, errorCode });
  return error;
}

/** Registers each schema in turn as the next version of the subject. */
async function registerAll(subject: string, ...schemas: SchemaPayload[]) {
  const ids: number[] = [];
  for (const schema of schemas) ids.push((await client.registerSchema(subject, schema)).id);
  return ids;
}

/** Registration through the in-process face, for bulk set-up without a round trip per schema. */
async function registerInProcess(subject: string, schema: SchemaPayload): Promise<void> {
  const path = `/subjects/${encodeURIComponent(subject)}/versions`;
  const response = await registry.handle("POST", path, { ...schema });
  expect(response.status).toBe(200);
}

const subjectScope = (subject: string) => ({ scope: "subject", subject }) as const;
const contextScope = (context: string) => ({ scope: "context", context }) as const;
const GLOBAL = { scope: "global" } as const;

describe("server", () => {
  it("answers ping and reports its version", async () => {
    await expect(client.ping()).resolves.toBeUndefined();
    expect(await client.getServerVersion()).toMatchObject({ version: REGISTRY_VERSION });
  });

  it("lists the three built-in schema types", async () => {
    expect([...(await client.getSchemaTypes())].sort()).toEqual(["AVRO", "JSON", "PROTOBUF"]);
  });

  it("reports contexts support, mode writes and the server version as capabilities", async () => {
    expect(await client.capabilities()).toMatchObject({
      flavour: "confluent",
      serverVersion: REGISTRY_VERSION,
      contexts: true,
      modeWrites: true,
      importMode: true,
      metadataKept: true,
      warnings: [],
    });
  });
});

describe("registration and reads", () => {
  const json = JSON.stringify({ type: "object", properties: { sku: { type: "string" } } });
  const proto = 'syntax = "proto3";\npackage shop;\n\nmessage Item {\n  string sku = 1;\n}\n';

  it.each<[string, SchemaPayload]>([
    ["AVRO", avro("Item", "sku")],
    ["JSON", { schema: json, schemaType: "JSON" }],
    ["PROTOBUF", { schema: proto, schemaType: "PROTOBUF" }],
  ])("registers a %s schema idempotently and reuses its id under another subject", async (type, payload) => {
    const first = await client.registerSchema("items-value", payload);
    expect(first).toMatchObject({ version: 1 });
    expect(await client.registerSchema("items-value", payload)).toMatchObject({ id: first.id, version: 1 });
    expect(await client.getVersions("items-value")).toEqual([1]);
    expect(await client.getVersion("items-value", 1)).toMatchObject({ id: first.id, schemaType: type });
    expect(await client.registerSchema("items-copy", payload)).toMatchObject({ id: first.id, version: 1 });
    expect(await client.lookupSchema("items-copy", payload)).toMatchObject({
      subject: "items-copy",
      id: first.id,
    });
  });

  it("gives each context its own id sequence", async () => {
    const [first, second] = await registerAll("orders", avro("Order", "id"), avro("Order"));
    expect([first, second]).toEqual([1, 2]);
    expect(await client.registerSchema(":.prod:orders", avro("Order"))).toMatchObject({ id: 1, version: 1 });
    expect((await client.getSchemaById(1, { subject: ":.prod:" })).schema).toBe(avro("Order").schema);
    expect((await client.getSchemaById(1)).schema).toBe(avro("Order", "id").schema);
  });

  it("looks up the version holding a schema; 40403 when none does, 40401 for an unknown subject", async () => {
    const [id1] = await registerAll("orders", avro("Order", "id", "note"), avro("Order", "id"));
    expect(await client.lookupSchema("orders", avro("Order", "id", "note"))).toMatchObject({
      subject: "orders",
      version: 1,
      id: id1,
      schema: avro("Order", "id", "note").schema,
    });
    const missing = await failsWith(client.lookupSchema("orders", avro("Order", "other")), 404, 40403);
    expect(missing.isNotFound && missing.isSchemaNotFound).toBe(true);
    const unknown = await failsWith(client.lookupSchema("nobody", avro("Order")), 404, 40401);
    expect(unknown.isSubjectNotFound).toBe(true);
  });

  it("reads a version by number and as latest, and a soft-deleted one only with deleted", async () => {
    const ids = await registerAll("orders", avro("Order", "id", "note"), avro("Order", "id"));
    expect(await client.getVersion("orders", "latest")).toMatchObject({
      version: 2,
      id: ids[1],
      deleted: false,
    });
    expect(await client.getVersion("orders", 1)).toMatchObject({ version: 1, id: ids[0] });
    expect(await client.deleteVersion("orders", "latest")).toBe(2);
    expect(await client.getVersion("orders", "latest")).toMatchObject({ version: 1 });
    expect((await failsWith(client.getVersion("orders", 2), 404, 40402)).isVersionNotFound).toBe(true);
    expect(await client.getVersion("orders", 2, { deleted: true })).toMatchObject({
      version: 2,
      deleted: true,
    });
    expect((await failsWith(client.getVersion("nobody", 1), 404, 40401)).isSubjectNotFound).toBe(true);
  });

  it("lists versions ascending; deleted adds soft-deleted ones, deletedOnly selects them", async () => {
    await registerAll("orders", avro("Order", "a", "b", "c"), avro("Order", "a", "b"), avro("Order", "a"));
    await client.deleteVersion("orders", 2);
    expect(await client.getVersions("orders")).toEqual([1, 3]);
    expect(await client.getVersions("orders", { deleted: true })).toEqual([1, 2, 3]);
    expect(await client.getVersions("orders", { deletedOnly: true })).toEqual([2]);
  });

  it("lists subjects across contexts as qualified names, filtered by prefix and deletion", async () => {
    for (const subject of ["orders", "gone", ":.prod:orders", ":.prod:payments", ":.test:orders"]) {
      await client.registerSchema(subject, avro("Order", "id"));
    }
    await client.deleteSubject("gone");
    const live = [":.prod:orders", ":.prod:payments", ":.test:orders", "orders"];
    expect(await client.getSubjects()).toEqual(live);
    expect(await client.getSubjects({ subjectPrefix: "" })).toEqual(["orders"]);
    expect(await client.getSubjects({ subjectPrefix: ":.prod:" })).toEqual([
      ":.prod:orders",
      ":.prod:payments",
    ]);
    expect(await client.getSubjects({ deleted: true })).toEqual([...live.slice(0, 3), "gone", "orders"]);
    expect(await client.getSubjects({ deletedOnly: true })).toEqual(["gone"]);
  });

  it("finds a schema by id with the subjects and versions that use it, soft-deleted ones on request", async () => {
    const [id] = await registerAll("a", avro("Shared", "x"));
    await registerAll("b", avro("Shared", "x", "y"), avro("Shared", "x"));
    const byId = await client.getSchemaById(id!);
    expect(byId).toMatchObject({ schema: avro("Shared", "x").schema, schemaType: "AVRO", references: [] });
    expect(await client.getSchemaById(id!, { subject: "b" })).toMatchObject({ subject: "b", version: 2 });
    expect(await client.getSchemaSubjects(id!)).toEqual(["a", "b"]);
    expect(await client.getSchemaVersions(id!)).toEqual([
      { subject: "a", version: 1 },
      { subject: "b", version: 2 },
    ]);
    await client.deleteVersion("b", 2);
    expect(await client.getSchemaSubjects(id!)).toEqual(["a"]);
    expect(await client.getSchemaSubjects(id!, { deleted: true })).toEqual(["a", "b"]);
    expect(await client.getSchemaVersions(id!, { deleted: true })).toHaveLength(2);
    expect((await client.getSchemaById(id!)).schema).toBe(byId.schema);
    expect((await failsWith(client.getSchemaById(999), 404, 40403)).isSchemaNotFound).toBe(true);
  });

  it("registers a schema that references another and lists it as a referrer", async () => {
    const money = {
      type: "record",
      name: "Money",
      namespace: "shop",
      fields: [{ name: "cents", type: "long" }],
    };
    const order = {
      type: "record",
      name: "Order",
      namespace: "shop",
      fields: [{ name: "total", type: "shop.Money" }],
    };
    const references = [{ name: "shop.Money", subject: "money", version: 1 }];
    await client.registerSchema("money", { schema: JSON.stringify(money) });
    const unresolved = await failsWith(
      client.registerSchema("order", { schema: JSON.stringify(order) }),
      422,
      42201,
    );
    expect(unresolved.isInvalidSchema).toBe(true);
    const { id } = await client.registerSchema("order", { schema: JSON.stringify(order), references });
    expect((await client.getVersion("order", "latest")).references).toEqual(references);
    expect(await client.getReferencedBy("money", 1)).toEqual([id]);
    expect(await client.getReferencedBy("money", "latest")).toEqual([id]);
    await failsWith(client.deleteSubject("money"), 422, 42206);
    await client.deleteSubject("order");
    expect(await client.getReferencedBy("money", 1)).toEqual([]);
    expect(await client.getReferencedBy("money", 1, { deleted: true })).toEqual([id]);
  });
});

describe("bulk listing", () => {
  const SUBJECTS = 110;
  const VERSIONS = 10;
  const subjectName = (n: number) => `bulk-${String(n).padStart(3, "0")}`;
  const byKey = (row: { subject: string; version: number }) => `${row.subject}@${row.version}`;

  async function fillRegistry() {
    // NONE, so that any record can follow any other; versions up to 10 show numeric, not textual, order.
    await registry.handle("PUT", "/config", { compatibility: "NONE" });
    for (let s = 0; s < SUBJECTS; s++) {
      for (let v = 1; v <= VERSIONS; v++) await registerInProcess(subjectName(s), avro(`V${v}`, "f"));
    }
    await registerInProcess(":.side:bulk", avro("Side", "a", "b"));
    await registerInProcess(":.side:bulk", avro("Side", "a"));
    await registry.handle("DELETE", `/subjects/${subjectName(0)}/versions/1`);
  }

  it("reads more than one page of GET /schemas completely and in order, across contexts", async () => {
    await fillRegistry();
    const all = await client.getSchemas({ subjectPrefix: ":*:", deleted: true });
    expect(all).toHaveLength(SUBJECTS * VERSIONS + 2);
    expect(new Set(all.map(byKey)).size).toBe(all.length);
    const sorted = [...all].sort((a, b) =>
      a.subject === b.subject ? a.version - b.version : a.subject < b.subject ? -1 : 1,
    );
    expect(all.map(byKey)).toEqual(sorted.map(byKey));
    expect(all.slice(0, 2).map(byKey)).toEqual([":.side:bulk@1", ":.side:bulk@2"]);
    const firstSubject = all.filter((row) => row.subject === subjectName(0));
    expect(firstSubject.map((row) => row.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(firstSubject[0]).toMatchObject({ deleted: true });
    expect(all.at(-1)).toMatchObject({ subject: subjectName(SUBJECTS - 1), version: VERSIONS });
  });

  it("leaves out soft-deleted rows and other contexts unless asked, and honours offset, limit and latestOnly", async () => {
    await fillRegistry();
    const live = await client.getSchemas({ subjectPrefix: ":*:" });
    expect(live).toHaveLength(SUBJECTS * VERSIONS + 1);
    expect(live.some((row) => row.deleted === true)).toBe(false);
    const defaultContext = await client.getSchemas();
    expect(defaultContext).toHaveLength(SUBJECTS * VERSIONS - 1);
    expect(defaultContext.every((row) => row.subject.startsWith("bulk-"))).toBe(true);
    const window = await client.getSchemas({ subjectPrefix: ":*:", offset: 990, limit: 20 });
    expect(window.map(byKey)).toEqual(live.slice(990, 1010).map(byKey));
    const latest = await client.getSchemas({ latestOnly: true });
    expect(latest).toHaveLength(SUBJECTS);
    expect(latest.every((row) => row.version === VERSIONS)).toBe(true);
  });
});

describe("deletes", () => {
  it("deletes a version softly, then permanently, with the errors for each wrong order", async () => {
    await registerAll("orders", avro("Order", "id", "note"), avro("Order", "id"));
    await failsWith(client.deleteVersion("orders", 1, { permanent: true }), 404, 40407);
    expect(await client.deleteVersion("orders", 1)).toBe(1);
    await failsWith(client.deleteVersion("orders", 1), 404, 40406);
    expect(await client.deleteVersion("orders", 1, { permanent: true })).toBe(1);
    await failsWith(client.deleteVersion("orders", 1, { permanent: true }), 404, 40402);
    expect(await client.getVersions("orders", { deleted: true })).toEqual([2]);
  });

  it("deletes a subject softly, then permanently, with the errors for each wrong order", async () => {
    await registerAll("orders", avro("Order", "id", "note"), avro("Order", "id"));
    await failsWith(client.deleteSubject("orders", { permanent: true }), 404, 40405);
    expect(await client.deleteSubject("orders")).toEqual([1, 2]);
    await failsWith(client.deleteSubject("orders"), 404, 40404);
    await failsWith(client.getVersions("orders"), 404, 40401);
    expect(await client.getVersions("orders", { deleted: true })).toEqual([1, 2]);
    expect(await client.deleteSubject("orders", { permanent: true })).toEqual([1, 2]);
    await failsWith(client.getVersions("orders", { deleted: true }), 404, 40401);
    await failsWith(client.deleteSubject("orders"), 404, 40401);
  });
});

describe("compatibility", () => {
  it("refuses an incompatible registration with a 409 that isIncompatible", async () => {
    await client.registerSchema("orders", avro("Order", "id"));
    const error = await registryFailure(client.registerSchema("orders", avro("Order", "id", "note")));
    expect(error.status).toBe(409);
    expect(error.isIncompatible).toBe(true);
    expect(error.registryMessage).toContain("incompatible");
    expect(await client.getVersions("orders")).toEqual([1]);
  });

  it("tests against all versions the level requires, or against the one version asked for", async () => {
    // v1 and v2 disagree, so a candidate can be compatible with one and not the other.
    await client.setConfig(subjectScope("orders"), { compatibility: "NONE" });
    await registerAll("orders", avro("Order", "id"), avro("Order", "id", "note"));
    await client.setConfig(subjectScope("orders"), { compatibility: "BACKWARD_TRANSITIVE" });
    const candidate = avro("Order", "note");
    expect(await client.testCompatibility("orders", candidate, { version: 2 })).toEqual({
      isCompatible: true,
      messages: [],
    });
    expect(await client.testCompatibility("orders", candidate, { version: "latest" })).toMatchObject({
      isCompatible: true,
    });
    expect(await client.testCompatibility("orders", candidate, { version: 1 })).toMatchObject({
      isCompatible: false,
    });
    expect(await client.testCompatibility("orders", candidate)).toMatchObject({ isCompatible: false });
    expect(await client.testCompatibility("unknown", candidate)).toMatchObject({ isCompatible: true });
  });

  it("explains an incompatible change when asked for verbose results", async () => {
    await client.registerSchema("orders", avro("Order", "id"));
    const { isCompatible, messages } = await client.testCompatibility("orders", avro("Order", "id", "note"), {
      verbose: true,
    });
    expect(isCompatible).toBe(false);
    expect(messages.some((m) => m.includes("READER_FIELD_MISSING_DEFAULT_VALUE") && m.includes("note"))).toBe(
      true,
    );
    expect(messages.some((m) => m.includes("oldSchemaVersion"))).toBe(true);
  });
});

describe("config", () => {
  it("reads, merges and deletes the global config, falling back to the server default", async () => {
    expect(await client.getConfig(GLOBAL)).toEqual({ compatibilityLevel: "BACKWARD" });
    expect(await client.setConfig(GLOBAL, { compatibility: "FULL", normalize: true })).toMatchObject({
      compatibilityLevel: "FULL",
      normalize: true,
    });
    expect(await client.setConfig(GLOBAL, { normalize: null })).toEqual({ compatibilityLevel: "FULL" });
    expect(await client.deleteConfig(GLOBAL)).toEqual({ compatibilityLevel: "FULL" });
    expect(await client.getConfig(GLOBAL)).toEqual({ compatibilityLevel: "BACKWARD" });
  });

  it("keeps subject and context configs apart, with undefined where nothing is set", async () => {
    expect(await client.getConfig(subjectScope("orders"))).toBeUndefined();
    expect(await client.getConfig(contextScope(".prod"))).toBeUndefined();
    await client.setConfig(contextScope(".prod"), { compatibility: "NONE" });
    expect(await client.getConfig(contextScope(":.prod:"))).toEqual({ compatibilityLevel: "NONE" });
    // A subject in the context inherits the context's level, not the top-level one.
    expect(await client.getConfig(subjectScope(":.prod:orders"), { defaultToGlobal: true })).toEqual({
      compatibilityLevel: "NONE",
    });
    await client.setConfig(subjectScope("orders"), { compatibility: "FORWARD_TRANSITIVE" });
    expect(await client.getConfig(subjectScope("orders"))).toEqual({
      compatibilityLevel: "FORWARD_TRANSITIVE",
    });
    expect(await client.getConfig(GLOBAL)).toEqual({ compatibilityLevel: "BACKWARD" });
    expect(await client.deleteConfig(subjectScope("orders"))).toEqual({
      compatibilityLevel: "FORWARD_TRANSITIVE",
    });
    expect(await client.deleteConfig(subjectScope("orders"))).toBeUndefined();
    expect(await client.deleteConfig(contextScope(".prod"))).toEqual({ compatibilityLevel: "NONE" });
    expect(await client.getConfig(contextScope(".prod"))).toBeUndefined();
  });

  it("refuses an unknown compatibility level with 42203", async () => {
    const bogus = { compatibility: "SIDEWAYS" } as unknown as Parameters<RegistryClient["setConfig"]>[1];
    await failsWith(client.setConfig(GLOBAL, bogus), 422, 42203);
  });
});

describe("mode", () => {
  it("reads, sets and deletes modes at global, context and subject scope", async () => {
    expect(await client.getMode(GLOBAL)).toBe("READWRITE");
    for (const scope of [subjectScope("orders"), contextScope(".prod")]) {
      expect(await client.getMode(scope)).toBeUndefined();
      expect(await client.getMode(scope, { defaultToGlobal: true })).toBe("READWRITE");
      expect(await client.setMode(scope, "READONLY")).toBe("READONLY");
      expect(await client.getMode(scope)).toBe("READONLY");
      expect(await client.deleteMode(scope)).toBe("READONLY");
      expect(await client.deleteMode(scope)).toBeUndefined();
    }
    await client.setMode(contextScope(".prod"), "READONLY");
    expect(await client.getMode(subjectScope(":.prod:orders"), { defaultToGlobal: true })).toBe("READONLY");
    expect(await client.getMode(subjectScope("orders"), { defaultToGlobal: true })).toBe("READWRITE");
  });

  it("refuses registration in READONLY with an isReadOnly error, and allows it once the mode is gone", async () => {
    await client.registerSchema("orders", avro("Order", "id"));
    for (const scope of [subjectScope("orders"), GLOBAL]) {
      await client.setMode(scope, "READONLY");
      const error = await failsWith(client.registerSchema("orders", avro("Order")), 422, 42205);
      expect(error.isReadOnly).toBe(true);
      // Reads and lookups still work.
      expect(await client.lookupSchema("orders", avro("Order", "id"))).toMatchObject({ version: 1 });
      await client.deleteMode(scope);
    }
    expect(await client.registerSchema("orders", avro("Order"))).toMatchObject({ version: 2 });
  });

  it("switches to IMPORT only with force when subjects exist, and registers with a given id and version", async () => {
    await client.registerSchema("orders", avro("Order", "id"));
    const refused = await failsWith(client.setMode(GLOBAL, "IMPORT"), 422, 42205);
    expect(refused.isReadOnly).toBe(false);
    expect(await client.setMode(GLOBAL, "IMPORT", { force: true })).toBe("IMPORT");
    const imported = { id: 100, version: 5 };
    expect(
      await client.registerSchema("restored", avro("Restored", "x"), { import: imported }),
    ).toMatchObject(imported);
    expect(await client.getVersion("restored", 5)).toMatchObject({ id: 100, version: 5 });
    expect((await client.getSchemaById(100)).schema).toBe(avro("Restored", "x").schema);
    // Without an id, IMPORT refuses new schemas.
    await failsWith(client.registerSchema("restored", avro("Restored")), 422, 42205);
    await client.setMode(GLOBAL, "READWRITE");
    await failsWith(client.registerSchema("other", avro("Other"), { import: { id: 200 } }), 422, 42205);
    // The id sequence continues after the imported id.
    expect((await client.registerSchema("restored", avro("Restored"))).id).toBe(101);
  });
});

describe("contexts", () => {
  it("lists contexts and deletes one only when it holds no subject, soft-deleted ones included", async () => {
    expect(await client.getContexts()).toEqual(["."]);
    await client.registerSchema(":.beta:orders", avro("Order", "id"));
    await client.registerSchema(":.alpha:orders", avro("Order", "id"));
    expect(await client.getContexts()).toEqual([".", ".alpha", ".beta"]);
    await failsWith(client.deleteContext(".alpha"), 422, 42211);
    await client.deleteSubject(":.alpha:orders");
    await failsWith(client.deleteContext(":.alpha:"), 422, 42211);
    await client.deleteSubject(":.alpha:orders", { permanent: true });
    await expect(client.deleteContext(".alpha")).resolves.toBeUndefined();
    expect(await client.getContexts()).toEqual([".", ".beta"]);
  });
});
