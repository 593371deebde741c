// How the client turns calls into requests and answers into results: paths, queries, bodies, retries,
// pagination. The answers are scripted per test.

import { describe, expect, it } from "vitest";
import type { RegistryClient } from "../../src/registry/api.js";
import { registryFailure as failure } from "./helpers/failure.js";
import type { RecordedRequest } from "./helpers/server.js";
import { stubRegistries, type Reply } from "./helpers/stub-registry.js";

const registry = stubRegistries();

const avro = '{"type":"record","name":"A","fields":[]}';
const version = (subject: string, v: number, extra: object = {}) => ({
  subject,
  version: v,
  id: v,
  schema: avro,
  ...extra,
});

describe("paths and queries", () => {
  it("encodes subjects as one path segment and sends flags only when set", async () => {
    const { client, urls } = await registry({
      "GET /subjects/team%2Forders%3Av/versions/latest": { body: version("team/orders:v", 1) },
      "GET /subjects/%3A.prod%3Ax/versions/3": { body: version(":.prod:x", 3) },
      "GET /subjects/%3A.%3A/versions": { body: [1] },
    });
    await client.getVersion("team/orders:v", "latest", { deleted: true });
    await client.getVersion(":.prod:x", 3, { deleted: false });
    await client.getVersions("");
    expect(urls()).toEqual([
      "GET /subjects/team%2Forders%3Av/versions/latest?deleted=true",
      "GET /subjects/%3A.prod%3Ax/versions/3",
      "GET /subjects/%3A.%3A/versions",
    ]);
  });

  it("sends an empty subjectPrefix, which differs from leaving it out", async () => {
    const { client, urls } = await registry({ "GET /subjects": { body: ["a"] } });
    await client.getSubjects();
    await client.getSubjects({ subjectPrefix: "" });
    await client.getSubjects({ subjectPrefix: ":.prod:", deletedOnly: true, offset: 5, limit: 10 });
    expect(urls()).toEqual([
      "GET /subjects",
      "GET /subjects?subjectPrefix=",
      "GET /subjects?subjectPrefix=%3A.prod%3A&deletedOnly=true&offset=5&limit=10",
    ]);
  });

  it.each([
    ["ping", (c: RegistryClient) => c.ping(), "GET /", {}],
    ["getSchemaTypes", (c: RegistryClient) => c.getSchemaTypes(), "GET /schemas/types", ["AVRO"]],
    [
      "getSchemaSubjects",
      (c: RegistryClient) => c.getSchemaSubjects(4, { subject: ":.p:", deleted: true }),
      "GET /schemas/ids/4/subjects?subject=%3A.p%3A&deleted=true",
      ["s"],
    ],
    [
      "getSchemaVersions",
      (c: RegistryClient) => c.getSchemaVersions(4),
      "GET /schemas/ids/4/versions",
      [{ subject: "s", version: 1 }],
    ],
    [
      "getReferencedBy",
      (c: RegistryClient) => c.getReferencedBy("s", 2),
      "GET /subjects/s/versions/2/referencedby",
      [7],
    ],
    [
      "deleteVersion",
      (c: RegistryClient) => c.deleteVersion("s", 2, { permanent: true }),
      "DELETE /subjects/s/versions/2?permanent=true",
      2,
    ],
    ["deleteSubject", (c: RegistryClient) => c.deleteSubject("s"), "DELETE /subjects/s", [1, 2]],
    ["deleteContext", (c: RegistryClient) => c.deleteContext(":.prod:"), "DELETE /contexts/.prod", undefined],
  ] as const)("%s → %s", async (_name, call, expected, body) => {
    const [method, pathAndQuery] = expected.split(" ") as [string, string];
    const path = pathAndQuery.split("?")[0]!;
    const { client, urls } = await registry({
      [`${method} ${path}`]: { status: body === undefined ? 204 : 200, body },
    });
    const result = await call(client);
    expect(urls()).toEqual([expected]);
    if (body !== undefined && expected !== "GET /") expect(result).toEqual(body);
  });

  it("refuses an invalid context name before sending anything", async () => {
    const { client, urls } = await registry({});
    await expect(client.deleteContext("prod")).rejects.toThrow(TypeError);
    expect(urls()).toEqual([]);
  });
});

describe("schemas", () => {
  it("fills in what older registries leave out of a schema", async () => {
    const { client } = await registry({ "GET /subjects/s/versions/1": { body: version("s", 1) } });
    expect(await client.getVersion("s", 1)).toEqual({
      subject: "s",
      version: 1,
      id: 1,
      schema: avro,
      schemaType: "AVRO",
      references: [],
    });
  });

  it("keeps metadata and rule sets whole and ignores unknown top-level fields", async () => {
    const metadata = { properties: { owner: "team" }, tags: { "$.a": ["PII"] }, futureField: { x: 1 } };
    const ruleSet = {
      domainRules: [{ name: "r", kind: "CONDITION", mode: "WRITE", type: "CEL", expr: "true" }],
    };
    const { client, urls } = await registry({
      "GET /schemas/ids/9": {
        body: {
          schema: avro,
          schemaType: "JSON",
          metadata,
          ruleSet,
          guid: "g",
          ts: 1,
          schemaTags: [],
          maxId: 3,
        },
      },
    });
    const schema = await client.getSchemaById(9, { subject: ":.prod:" });
    expect(schema).toEqual({
      schema: avro,
      schemaType: "JSON",
      references: [],
      metadata,
      ruleSet,
      guid: "g",
      ts: 1,
    });
    expect(urls()).toEqual(["GET /schemas/ids/9?subject=%3A.prod%3A"]);
  });

  it("reports an answer of the wrong shape as an invalid response, naming the request", async () => {
    const { client } = await registry({ "GET /subjects/s/versions": { body: { versions: [1] } } });
    const error = await failure(client.getVersions("s", { deleted: true }));
    expect(error).toMatchObject({
      status: 200,
      cause: "invalid-response",
      path: "/subjects/s/versions?deleted=true",
    });
    expect(error.registryMessage).toMatch(/^unexpected response: /);
  });
});

describe("register, lookup and compatibility", () => {
  it("registers with schemaType always set and without id or version", async () => {
    const { client, server } = await registry({ "POST /subjects/s/versions": { body: { id: 5 } } });
    expect(await client.registerSchema("s", { schema: avro })).toEqual({ id: 5 });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ schema: avro, schemaType: "AVRO" });
  });

  it("sends references, metadata, rule set and normalize when given", async () => {
    const { client, server, urls } = await registry({
      "POST /subjects/s/versions": { body: { id: 5, version: 2, guid: "g", schema: avro } },
    });
    const payload = {
      schema: "{}",
      schemaType: "JSON",
      references: [{ name: "b.json", subject: "b", version: 1 }],
      metadata: { properties: { owner: "x" } },
      ruleSet: { domainRules: [] },
    };
    expect(await client.registerSchema("s", payload, { normalize: true })).toEqual({
      id: 5,
      version: 2,
      guid: "g",
    });
    expect(JSON.parse(server.requests[0]!.body)).toEqual(payload);
    expect(urls()).toEqual(["POST /subjects/s/versions?normalize=true"]);
  });

  it("sends id and version only for an IMPORT registration", async () => {
    const { client, server } = await registry({ "POST /subjects/s/versions": { body: { id: 100 } } });
    await client.registerSchema("s", { schema: avro }, { import: { id: 100, version: 3 } });
    await client.registerSchema("s", { schema: avro }, { import: { id: 101 } });
    expect(server.requests.map((r) => JSON.parse(r.body) as unknown)).toEqual([
      { schema: avro, schemaType: "AVRO", id: 100, version: 3 },
      { schema: avro, schemaType: "AVRO", id: 101 },
    ]);
  });

  it("retries a registration answered 503, since registering is idempotent", async () => {
    const { client, server } = await registry({
      "POST /subjects/s/versions": [
        { status: 503, body: { error_code: 50003, message: "forwarding failed" } },
        { body: { id: 1 } },
      ],
    });
    expect(await client.registerSchema("s", { schema: avro })).toEqual({ id: 1 });
    expect(server.requests).toHaveLength(2);
  });

  it("looks a schema up, retrying like a read", async () => {
    const { client, server, urls } = await registry({
      "POST /subjects/s": [{ status: 503, body: {} }, { body: version("s", 2) }],
    });
    const found = await client.lookupSchema("s", { schema: avro }, { deleted: true });
    expect(found).toMatchObject({ subject: "s", version: 2, schemaType: "AVRO", references: [] });
    expect(server.requests).toHaveLength(2);
    expect(urls()[1]).toBe("POST /subjects/s?deleted=true");
  });

  it("does not retry a delete answered 503", async () => {
    const { client, server } = await registry({
      "DELETE /subjects/s": [{ status: 503, body: {} }, { body: [1] }],
    });
    expect((await failure(client.deleteSubject("s"))).status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [undefined, "POST /compatibility/subjects/s/versions?verbose=true"],
    ["latest", "POST /compatibility/subjects/s/versions/latest?verbose=true"],
    [3, "POST /compatibility/subjects/s/versions/3?verbose=true"],
  ] as const)("tests compatibility against version %j", async (target, expected) => {
    const path = expected.split(" ")[1]!.split("?")[0]!;
    const { client, urls } = await registry({
      [`POST ${path}`]: {
        body: {
          is_compatible: false,
          messages: ["READER_FIELD_MISSING_DEFAULT_VALUE", { oldSchemaVersion: 1 }],
        },
      },
    });
    const result = await client.testCompatibility("s", { schema: avro }, { version: target, verbose: true });
    expect(result).toEqual({
      isCompatible: false,
      messages: ["READER_FIELD_MISSING_DEFAULT_VALUE", '{"oldSchemaVersion":1}'],
    });
    expect(urls()).toEqual([expected]);
  });

  it("reads a non-verbose compatible answer", async () => {
    const { client } = await registry({
      "POST /compatibility/subjects/s/versions": { body: { is_compatible: true } },
    });
    expect(await client.testCompatibility("s", { schema: avro })).toEqual({
      isCompatible: true,
      messages: [],
    });
  });

  it.each([409, 40901])("surfaces an incompatible registration (error_code %i)", async (errorCode) => {
    const { client } = await registry({
      "POST /subjects/s/versions": { status: 409, body: { error_code: errorCode, message: "incompatible" } },
    });
    expect((await failure(client.registerSchema("s", { schema: avro }))).isIncompatible).toBe(true);
  });
});

describe("GET /schemas", () => {
  const rows = (count: number) =>
    Array.from({ length: count }, (_, i) => version(`s${String(i).padStart(4, "0")}`, 1));

  function paged(all: ReturnType<typeof rows>) {
    return (_request: RecordedRequest, url: URL): Reply => {
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const limit = Number(url.searchParams.get("limit") ?? 1000);
      return { body: all.slice(offset, offset + Math.min(limit, 1000)) };
    };
  }

  it("pages through a listing larger than the server's cap, reading ahead after a full first page", async () => {
    const all = rows(2500);
    const { client, urls } = await registry({ "GET /schemas": paged(all) });
    const listed = await client.getSchemas({ subjectPrefix: ":*:", latestOnly: true });
    expect(listed.map((r) => r.subject)).toEqual(all.map((r) => r.subject));
    // The first page alone, then four at once; the pages after the short one are dropped.
    expect(urls().sort()).toEqual(
      [0, 1000, 2000, 3000, 4000]
        .map((o) => `GET /schemas?subjectPrefix=%3A*%3A&latestOnly=true&offset=${o}&limit=1000`)
        .sort(),
    );
  });

  it("keeps the order of rows when read-ahead pages arrive out of order", async () => {
    const all = rows(4200);
    const { client } = await registry({ "GET /schemas": paged(all) });
    const listed = await client.getSchemas();
    expect(listed.map((r) => r.subject)).toEqual(all.map((r) => r.subject));
  });

  it("reads one page when the listing fits, and reads ahead when it is an exact multiple of the page", async () => {
    const small = await registry({ "GET /schemas": paged(rows(999)) });
    expect(await small.client.getSchemas()).toHaveLength(999);
    expect(small.urls()).toHaveLength(1);
    const exact = await registry({ "GET /schemas": paged(rows(1000)) });
    expect(await exact.client.getSchemas()).toHaveLength(1000);
    expect(exact.urls()).toHaveLength(5);
  });

  it("stops at the requested limit", async () => {
    const { client, urls } = await registry({ "GET /schemas": paged(rows(2500)) });
    const listed = await client.getSchemas({ offset: 100, limit: 1200 });
    expect(listed).toHaveLength(1200);
    expect(listed[0]!.subject).toBe("s0100");
    expect(urls()).toEqual(["GET /schemas?offset=100&limit=1000", "GET /schemas?offset=1100&limit=200"]);
  });

  it("takes everything from a registry that ignores limit", async () => {
    const { client, urls } = await registry({ "GET /schemas": { body: rows(1500) } });
    expect(await client.getSchemas()).toHaveLength(1500);
    expect(urls()).toHaveLength(1);
  });

  it("stops and warns when the registry ignores offset", async () => {
    const { client, urls, warnings } = await registry({ "GET /schemas": { body: rows(1000) } });
    expect(await client.getSchemas()).toHaveLength(1000);
    expect(urls()).toHaveLength(5);
    expect(warnings).toEqual([expect.stringContaining("ignores `offset`")]);
  });
});
