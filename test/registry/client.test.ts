// The client's mapping of methods to requests and of answers to results, over the real transport against a
// local server that answers what each test scripts. Behaviour of a real registry is covered by the
// conformance suite against the embedded registry.

import { afterEach, describe, expect, it } from "vitest";
import { createRegistryClient, type RegistryClient } from "../../src/registry/client.js";
import { RegistryError } from "../../src/registry/errors.js";
import type { RegistryRequestEvent } from "../../src/registry/transport.js";
import {
  instantClock,
  sendJson,
  startServer,
  type RecordedRequest,
  type TestServer,
} from "./helpers/server.js";

interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** "METHOD /path" (query excluded) → a reply, a list of replies served in turn, or a function. */
type Routes = Record<string, Reply | Reply[] | ((request: RecordedRequest, url: URL) => Reply)>;

let server: TestServer | undefined;
let client: RegistryClient | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

async function registry(routes: Routes, basePath = "") {
  const served = new Map<string, number>();
  server = await startServer((request, response) => {
    const url = new URL(request.url, "http://registry");
    const key = `${request.method} ${url.pathname.slice(basePath.length)}`;
    const route = routes[key];
    let reply: Reply;
    if (route === undefined)
      reply = { status: 404, body: { error_code: 404, message: "HTTP 404 Not Found" } };
    else if (typeof route === "function") reply = route(request, url);
    else if (Array.isArray(route)) {
      const index = served.get(key) ?? 0;
      served.set(key, index + 1);
      reply = route[Math.min(index, route.length - 1)]!;
    } else reply = route;
    if (reply.body === undefined) response.writeHead(reply.status ?? 200, reply.headers).end();
    else sendJson(response, reply.status ?? 200, reply.body, reply.headers);
  });
  const warnings: string[] = [];
  const events: RegistryRequestEvent[] = [];
  client = createRegistryClient({
    url: server.url + basePath,
    clock: instantClock().clock,
    logger: { warn: (message) => warnings.push(message), debug: (event) => events.push(event) },
  });
  return {
    server,
    client,
    warnings,
    events,
    urls: () => server!.requests.map((r) => `${r.method} ${r.url}`),
  };
}

async function failure(promise: Promise<unknown>): Promise<RegistryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryError);
  return error as RegistryError;
}

const avro = '{"type":"record","name":"A","fields":[]}';
const version = (subject: string, v: number, extra: object = {}) => ({
  subject,
  version: v,
  id: v,
  schema: avro,
  ...extra,
});
const notConfigured = (code: number) => ({
  status: 404,
  body: { error_code: code, message: "not configured" },
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

  it("pages through a listing larger than the server's cap", async () => {
    const all = rows(2500);
    const { client, urls } = await registry({ "GET /schemas": paged(all) });
    const listed = await client.getSchemas({ subjectPrefix: ":*:", latestOnly: true });
    expect(listed.map((r) => r.subject)).toEqual(all.map((r) => r.subject));
    expect(urls()).toEqual([
      "GET /schemas?subjectPrefix=%3A*%3A&latestOnly=true&offset=0&limit=1000",
      "GET /schemas?subjectPrefix=%3A*%3A&latestOnly=true&offset=1000&limit=1000",
      "GET /schemas?subjectPrefix=%3A*%3A&latestOnly=true&offset=2000&limit=1000",
    ]);
  });

  it("needs one more request when the listing is an exact multiple of the page", async () => {
    const { client, urls } = await registry({ "GET /schemas": paged(rows(1000)) });
    expect(await client.getSchemas()).toHaveLength(1000);
    expect(urls()).toHaveLength(2);
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
    expect(urls()).toHaveLength(2);
    expect(warnings).toEqual([expect.stringContaining("ignores `offset`")]);
  });
});

describe("config", () => {
  it("sends `compatibility` and reads `compatibilityLevel`, leaving out undefined keys and keeping nulls", async () => {
    const { client, server, urls } = await registry({
      "PUT /config/s": { body: { compatibility: "FULL", normalize: true } },
      "GET /config/s": { body: { compatibilityLevel: "full", normalize: true } },
    });
    const answer = await client.setConfig(
      { scope: "subject", subject: "s" },
      { compatibility: "FULL", normalize: true, compatibilityGroup: null, alias: undefined },
    );
    expect(answer).toEqual({ compatibilityLevel: "FULL", normalize: true });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({
      compatibility: "FULL",
      normalize: true,
      compatibilityGroup: null,
    });
    expect(await client.getConfig({ scope: "subject", subject: "s" }, { defaultToGlobal: true })).toEqual({
      compatibilityLevel: "FULL",
      normalize: true,
    });
    expect(urls()).toEqual(["PUT /config/s", "GET /config/s?defaultToGlobal=true"]);
  });

  it.each([
    ["40408 (7.0+)", 40408],
    ["40401 (before 7.0)", 40401],
  ])("answers a subject without its own config (%s) as undefined", async (_name, code) => {
    const { client } = await registry({ "GET /config/s": notConfigured(code) });
    expect(await client.getConfig({ scope: "subject", subject: "s" })).toBeUndefined();
  });

  it("reads context and global config at their paths", async () => {
    const { client, urls } = await registry({
      "GET /config/%3A.prod%3A": { body: { compatibilityLevel: "NONE" } },
      "GET /config": { body: { compatibilityLevel: "BACKWARD" } },
    });
    expect(await client.getConfig({ scope: "context", context: ".prod" })).toEqual({
      compatibilityLevel: "NONE",
    });
    expect(await client.getConfig({ scope: "global" })).toEqual({ compatibilityLevel: "BACKWARD" });
    expect(await client.getConfig({ scope: "context", context: "." })).toEqual({
      compatibilityLevel: "BACKWARD",
    });
    expect(urls()).toEqual(["GET /config/%3A.prod%3A", "GET /config", "GET /config"]);
  });

  it("deletes a config, undefined when none was set", async () => {
    const { client } = await registry({
      "DELETE /config/a": { body: { compatibilityLevel: "FULL" } },
      "DELETE /config/b": notConfigured(40401),
    });
    expect(await client.deleteConfig({ scope: "subject", subject: "a" })).toEqual({
      compatibilityLevel: "FULL",
    });
    expect(await client.deleteConfig({ scope: "subject", subject: "b" })).toBeUndefined();
  });

  it("still throws other errors", async () => {
    const { client } = await registry({
      "GET /config/s": { status: 500, body: { error_code: 50001, message: "store" } },
    });
    expect((await failure(client.getConfig({ scope: "subject", subject: "s" }))).errorCode).toBe(50001);
  });

  it("refuses an unknown compatibility level in an answer", async () => {
    const { client } = await registry({ "GET /config": { body: { compatibilityLevel: "SIDEWAYS" } } });
    expect((await failure(client.getConfig({ scope: "global" }))).cause).toBe("invalid-response");
  });
});

describe("mode", () => {
  it("reads, sets and deletes modes", async () => {
    const { client, server, urls } = await registry({
      "GET /mode/s": notConfigured(40409),
      "GET /mode": { body: { mode: "READWRITE" } },
      "PUT /mode/%3A.prod%3A": { body: { mode: "IMPORT" } },
      "DELETE /mode/%3A.prod%3A": { body: {} },
    });
    expect(await client.getMode({ scope: "subject", subject: "s" })).toBeUndefined();
    expect(await client.getMode({ scope: "global" })).toBe("READWRITE");
    expect(await client.setMode({ scope: "context", context: ".prod" }, "IMPORT", { force: true })).toBe(
      "IMPORT",
    );
    expect(JSON.parse(server.requests[2]!.body)).toEqual({ mode: "IMPORT" });
    expect(
      await client.deleteMode({ scope: "context", context: ".prod" }, { recursive: true }),
    ).toBeUndefined();
    expect(urls()).toEqual([
      "GET /mode/s",
      "GET /mode",
      "PUT /mode/%3A.prod%3A?force=true",
      "DELETE /mode/%3A.prod%3A?recursive=true",
    ]);
    expect(await client.capabilities()).toMatchObject({ modeWrites: true, importMode: true });
  });

  it("explains a registry without PUT /mode and records it", async () => {
    const { client, warnings } = await registry({
      "PUT /mode": { status: 405, body: { error_code: 405, message: "HTTP 405 Method Not Allowed" } },
      "GET /v1/metadata/version": { body: { version: "7.6.0" } },
      "GET /contexts": { body: ["."] },
    });
    const error = await failure(client.setMode({ scope: "global" }, "READONLY"));
    expect(error.status).toBe(405);
    expect(error.message).toContain("does not support changing the mode (PUT /mode answered 405)");
    expect(await client.capabilities()).toMatchObject({ modeWrites: false, importMode: false });
    expect(warnings).toHaveLength(1);
  });

  it("records a registry that does not know IMPORT", async () => {
    const { client } = await registry({
      "PUT /mode": {
        status: 422,
        body: { error_code: 42204, message: "Invalid mode. Valid values are READWRITE, READONLY." },
      },
    });
    const error = await failure(client.setMode({ scope: "global" }, "IMPORT"));
    expect(error.message).toContain("does not accept IMPORT mode");
    expect((await client.capabilities()).importMode).toBe(false);
  });

  it("does not take a refused switch to IMPORT for missing support", async () => {
    const { client } = await registry({
      "PUT /mode": {
        status: 422,
        body: { error_code: 42205, message: "Cannot import since found existing subjects" },
      },
      "GET /v1/metadata/version": { body: { version: "8.1.0" } },
      "GET /contexts": { body: ["."] },
    });
    const error = await failure(client.setMode({ scope: "global" }, "IMPORT"));
    expect(error.registryMessage).toBe("Cannot import since found existing subjects");
    expect(await client.capabilities()).toMatchObject({ modeWrites: true, importMode: true });
  });
});

describe("contexts and capabilities", () => {
  it("lists contexts", async () => {
    const { client } = await registry({ "GET /contexts": { body: [".", ".prod"] } });
    expect(await client.getContexts()).toEqual([".", ".prod"]);
  });

  it("falls back to the default context, once, on a registry without /contexts", async () => {
    const { client, urls, warnings } = await registry({});
    expect(await client.getContexts()).toEqual(["."]);
    expect(await client.getContexts()).toEqual(["."]);
    expect(urls()).toEqual(["GET /contexts"]);
    expect(warnings).toEqual([
      "this registry does not support contexts (no /contexts endpoint); only the default context is managed",
    ]);
    expect((await client.capabilities()).warnings).toEqual(warnings);
  });

  it("tolerates a registry without a version endpoint", async () => {
    const { client } = await registry({});
    expect(await client.getServerVersion()).toBeUndefined();
  });

  it("detects a Confluent registry once", async () => {
    const { client, urls } = await registry({
      "GET /v1/metadata/version": { body: { version: "7.6.1", commitId: "abc" } },
      "GET /contexts": { body: ["."] },
    });
    const expected = {
      flavour: "confluent",
      serverVersion: "7.6.1",
      contexts: true,
      modeWrites: true,
      importMode: true,
      metadataKept: true,
      warnings: [],
    };
    expect(await client.capabilities()).toEqual(expected);
    expect(await client.capabilities()).toEqual(expected);
    expect(urls()).toHaveLength(2);
    expect(await client.getServerVersion()).toEqual({ version: "7.6.1", commitId: "abc" });
  });

  it("knows that Confluent before 7.4 drops metadata", async () => {
    await registry({
      "GET /v1/metadata/version": { body: { version: "7.3.2" } },
      "GET /contexts": { body: ["."] },
    });
    expect((await client!.capabilities()).metadataKept).toBe(false);
  });

  it.each([
    [
      "Karapace",
      { server: "uvicorn" },
      "",
      "karapace",
      { contexts: false, modeWrites: false, importMode: false },
      2,
    ],
    ["Redpanda", { server: "Seastar httpd" }, "", "redpanda", { contexts: false }, 1],
    ["Apicurio", {}, "/apis/ccompat/v7", "apicurio", { contexts: false, metadataKept: false }, 1],
    ["an unknown registry", {}, "", "unknown", { contexts: false }, 1],
  ])("recognises %s", async (_name, headers, basePath, flavour, expected, warningCount) => {
    const missing = { status: 404, body: { error_code: 404, message: "Not found" }, headers };
    const { client } = await registry(
      { "GET /v1/metadata/version": missing, "GET /contexts": missing },
      basePath,
    );
    const capabilities = await client.capabilities();
    expect(capabilities).toMatchObject({ flavour, ...expected });
    expect(capabilities.serverVersion).toBeUndefined();
    expect(capabilities.warnings).toHaveLength(warningCount);
  });

  it("probes again after a failed probe", async () => {
    const { client, server } = await registry({
      "GET /v1/metadata/version": [
        { status: 401, body: { error_code: 401, message: "Unauthorized" } },
        { body: { version: "8.0.0" } },
      ],
      "GET /contexts": { body: ["."] },
    });
    expect((await failure(client.capabilities())).status).toBe(401);
    expect((await client.capabilities()).serverVersion).toBe("8.0.0");
    expect(server.requests.filter((r) => r.url === "/v1/metadata/version")).toHaveLength(2);
  });
});
