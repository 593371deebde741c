// Registration, ids, versions and lookup (registry-rest-api.md §2.3, §4.1–§4.3), over HTTP against
// `schemaops registry serve`.

import { describe, expect, it } from "vitest";
import { avroRecord, jsonSchema, protoMessage } from "../helpers/schemas.js";
import { enc, unique, serveForTests } from "../helpers/server.js";

const api = serveForTests();

const register = (subject: string, body: object, query = "") =>
  api.post(`/subjects/${enc(subject)}/versions${query}`, body);

describe("register", () => {
  it("answers with the id, version 1 and the canonical schema text", async () => {
    const subject = unique("reg");
    const res = await register(subject, { schema: ' { "type" : "record", "name" : "R1", "fields" : [ ] } ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      version: 1,
      schemaType: "AVRO",
      schema: '{"type":"record","name":"R1","fields":[]}',
    });
    expect(res.body.id).toBeGreaterThan(0);
  });

  it("is idempotent: the same schema again gives the same id and no new version", async () => {
    const subject = unique("idem");
    const first = await register(subject, { schema: avroRecord("Idem") });
    const second = await register(subject, { schema: avroRecord("Idem") });
    expect(second.body).toMatchObject({ id: first.body.id, version: 1 });
    expect((await api.get(`/subjects/${subject}/versions`)).body).toEqual([1]);
  });

  it("matches a different spelling of the same schema to the stored one", async () => {
    const subject = unique("spelling");
    const first = await register(subject, { schema: avroRecord("Spelled", ["a"]) });
    const spelled = `{"name":"Spelled","type":"record","fields":[{"type":{"type":"string"},"name":"a"}]}`;
    expect((await register(subject, { schema: spelled })).body.id).toBe(first.body.id);
  });

  it("reuses the id of the same schema under another subject, with that subject's own version", async () => {
    const schema = avroRecord("Shared", ["x"]);
    const a = await register(unique("shared-a"), { schema });
    const b = await register(unique("shared-b"), { schema });
    expect(b.body).toMatchObject({ id: a.body.id, version: 1 });
  });

  it("gives a new schema the next id", async () => {
    const a = await register(unique("next"), { schema: avroRecord("NextA") });
    const b = await register(unique("next"), { schema: avroRecord("NextB") });
    expect(b.body.id).toBe(a.body.id + 1);
  });

  it("adds version 2 for a compatible change", async () => {
    const subject = unique("evolve");
    await register(subject, { schema: avroRecord("Evolve", ["a"]) });
    const res = await register(subject, { schema: avroRecord("Evolve", ["a", "b"], { defaults: true }) });
    expect(res.body.version).toBe(2);
  });

  it("refuses an incompatible change with 409/40901 and Confluent's message", async () => {
    const subject = unique("incompat");
    await register(subject, { schema: avroRecord("Incompat", ["a"]) });
    const res = await register(subject, { schema: avroRecord("Incompat", ["a", "b"]) });
    expect(res.status).toBe(409);
    expect(res.body.error_code).toBe(40901);
    expect(res.body.message).toMatch(
      new RegExp(
        `^Schema being registered is incompatible with an earlier schema for subject "${subject}", details: \\[`,
      ),
    );
    expect(res.body.message).toContain("READER_FIELD_MISSING_DEFAULT_VALUE");
    expect(res.body.message).toContain("{oldSchemaVersion: 1}");
    expect(res.body.message).toContain("{oldSchema: '");
    expect(res.body.message).toContain("{validateFields: 'false', compatibility: 'BACKWARD'}]");
  });

  it.each([
    ["JSON", jsonSchema({ a: "string" })],
    ["PROTOBUF", protoMessage("Reg", ["a"])],
  ])("registers a %s schema and reports its type", async (schemaType, schema) => {
    const res = await register(unique(`type-${schemaType}`), { schemaType, schema });
    expect(res.status).toBe(200);
    expect(res.body.schemaType).toBe(schemaType);
  });

  it("refuses an unknown schema type with 42201 `Invalid schema type X`", async () => {
    const res = await register(unique("badtype"), { schemaType: "XML", schema: "<a/>" });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ error_code: 42201, message: "Invalid schema type XML" });
  });

  it.each([
    ["AVRO", '{"type":"record","name":"Bad","fields":[{"name":"f","type":"strin"}]}'],
    ["JSON", '{"type": "object",\n "properties": {'],
    ["PROTOBUF", 'syntax = "proto3";\nmessage M {\n  string a = ;\n}\n'],
  ])(
    "refuses an invalid %s schema with 42201 and the parser's line and column",
    async (schemaType, schema) => {
      const res = await register(unique("invalid"), { schemaType, schema });
      expect(res.status).toBe(422);
      expect(res.body.error_code).toBe(42201);
      expect(res.body.message).toMatch(
        new RegExp(`^Invalid schema of type ${schemaType}, details: .*line \\d+, column \\d+`),
      );
    },
  );

  it("refuses an empty schema on a subject without versions with 42201 `Empty schema`", async () => {
    const res = await register(unique("empty"), { schema: "" });
    expect(res.body).toEqual({ error_code: 42201, message: "Empty schema" });
  });

  it("registers a metadata-only update: an empty schema repeats the latest one", async () => {
    const subject = unique("metaonly");
    const first = await register(subject, { schema: avroRecord("MetaOnly") });
    const res = await register(subject, { metadata: { properties: { owner: "team-a" } } });
    expect(res.body).toMatchObject({
      version: 2,
      schema: first.body.schema,
      metadata: { properties: { owner: "team-a" } },
    });
    expect(res.body.id).not.toBe(first.body.id);
  });

  it("refuses an explicit version that is not the next one with 42201", async () => {
    const subject = unique("cas");
    await register(subject, { schema: avroRecord("Cas") });
    const res = await register(subject, {
      schema: avroRecord("Cas", ["id", "b"], { defaults: true }),
      version: 5,
    });
    expect(res.body).toEqual({ error_code: 42201, message: "Version is not one more than previous version" });
  });

  it("accepts the next version as compare-and-set and records confluent:version", async () => {
    const subject = unique("cas-ok");
    await register(subject, { schema: avroRecord("CasOk") });
    const res = await register(subject, {
      schema: avroRecord("CasOk", ["id", "b"], { defaults: true }),
      version: 2,
    });
    expect(res.body).toMatchObject({ version: 2, metadata: { properties: { "confluent:version": "2" } } });
  });

  it("returns the latest unchanged for version -1 and the same schema", async () => {
    const subject = unique("latest-cas");
    const first = await register(subject, { schema: avroRecord("LatestCas") });
    const res = await register(subject, { schema: avroRecord("LatestCas"), version: -1 });
    expect(res.body).toMatchObject({ id: first.body.id, version: 1 });
  });

  it("refuses an explicit id outside IMPORT with 42205", async () => {
    const subject = unique("explicit-id");
    const res = await register(subject, { schema: avroRecord("ExplicitId"), id: 500 });
    expect(res.body).toEqual({
      error_code: 42205,
      message: `Subject ${subject} in context . is not in import mode`,
    });
  });

  it("refuses a schema over the size limit with 42209", async () => {
    const big = JSON.stringify({ type: "record", name: "Big", doc: "x".repeat(9 * 1024 * 1024), fields: [] });
    const res = await register(unique("big"), { schema: big });
    expect(res.body).toEqual({
      error_code: 42209,
      message: "Register operation failed because schema is too large",
    });
  });

  it.each([
    ["a control character", "bad\u0001subject"],
    ["the reserved name __GLOBAL", "__GLOBAL"],
    ["the reserved name __EMPTY", "__EMPTY"],
    ["the .__GLOBAL context", ":.__GLOBAL:x"],
  ])("refuses a subject with %s with 42208", async (_why, subject) => {
    const res = await register(subject, { schema: avroRecord("Invalid") });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      error_code: 42208,
      message: `The specified subject '${subject}' is not a valid.`,
    });
  });

  it("keeps a `/` in an encoded subject name", async () => {
    const subject = `${unique("team")}/orders`;
    await register(subject, { schema: avroRecord("Slash") });
    expect((await api.get(`/subjects/${enc(subject)}/versions/1`)).body.subject).toBe(subject);
    expect((await api.get("/subjects")).body).toContain(subject);
  });
});

describe("versions", () => {
  const twoVersions = async (prefix: string) => {
    const subject = unique(prefix);
    await register(subject, { schema: avroRecord("Two", ["a"]) });
    await register(subject, { schema: avroRecord("Two", ["a", "b"], { defaults: true }) });
    return subject;
  };

  it("lists versions ascending", async () => {
    const subject = await twoVersions("list");
    expect((await api.get(`/subjects/${subject}/versions`)).body).toEqual([1, 2]);
  });

  it.each(["latest", "LATEST", " latest ", "-1"])("reads %j as the latest version", async (version) => {
    const subject = await twoVersions("latest");
    const res = await api.get(`/subjects/${subject}/versions/${encodeURIComponent(version)}`);
    expect(res.body).toMatchObject({ subject, version: 2 });
  });

  it.each(["abc", "0", "-2", "2147483648"])("refuses version %j with 42202", async (version) => {
    const subject = await twoVersions("badversion");
    const res = await api.get(`/subjects/${subject}/versions/${version}`);
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      error_code: 42202,
      message: `The specified version '${version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`,
    });
  });

  it("answers 40401 for a subject that does not exist", async () => {
    const res = await api.get("/subjects/no-such-subject/versions/1");
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error_code: 40401, message: "Subject 'no-such-subject' not found." });
  });

  it("answers 40402 for a version that does not exist", async () => {
    const subject = await twoVersions("noversion");
    expect((await api.get(`/subjects/${subject}/versions/9`)).body).toEqual({
      error_code: 40402,
      message: "Version 9 not found.",
    });
  });

  it("serves the raw schema text of a version", async () => {
    const subject = await twoVersions("raw");
    const res = await api.get(`/subjects/${subject}/versions/1/schema`);
    expect(res.text).toBe(avroRecord("Two", ["a"]));
  });

  it("paginates versions with offset and limit", async () => {
    const subject = await twoVersions("page");
    expect((await api.get(`/subjects/${subject}/versions?offset=1&limit=1`)).body).toEqual([2]);
  });
});

describe("lookup", () => {
  it("finds a registered schema, whatever its spelling", async () => {
    const subject = unique("lookup");
    const registered = await register(subject, { schema: avroRecord("Look", ["a"]) });
    const res = await api.post(`/subjects/${subject}`, {
      schema: `{ "type": "record", "name": "Look", "fields": [ {"name":"a","type":"string"} ] }`,
    });
    expect(res.body).toMatchObject({ subject, version: 1, id: registered.body.id });
  });

  it("answers 40403 `Schema not found` for an unknown schema of a known subject", async () => {
    const subject = unique("lookup-miss");
    await register(subject, { schema: avroRecord("Miss") });
    const res = await api.post(`/subjects/${subject}`, { schema: avroRecord("Other") });
    expect(res.body).toEqual({ error_code: 40403, message: "Schema not found" });
  });

  it("answers 40401 for an unknown subject", async () => {
    const res = await api.post(`/subjects/${unique("lookup-none")}`, { schema: avroRecord("None") });
    expect(res.body.error_code).toBe(40401);
  });

  it("finds a soft-deleted version only with deleted=true", async () => {
    const subject = unique("lookup-deleted");
    await register(subject, { schema: avroRecord("Gone", ["a"]) });
    await register(subject, { schema: avroRecord("Gone", ["a", "b"], { defaults: true }) });
    await api.delete(`/subjects/${subject}/versions/1`);
    expect(
      (await api.post(`/subjects/${subject}`, { schema: avroRecord("Gone", ["a"]) })).body.error_code,
    ).toBe(40403);
    expect(
      (await api.post(`/subjects/${subject}?deleted=true`, { schema: avroRecord("Gone", ["a"]) })).body,
    ).toMatchObject({
      version: 1,
      deleted: true,
    });
  });
});

describe("normalize", () => {
  it("stores the normalized form with normalize=true", async () => {
    const subject = unique("normalize");
    const schema = JSON.stringify({
      type: "object",
      properties: { b: { type: "string" }, a: { type: "string" } },
    });
    const res = await register(subject, { schemaType: "JSON", schema }, "?normalize=true");
    expect(res.body.schema).toBe(
      '{"properties":{"a":{"type":"string"},"b":{"type":"string"}},"type":"object"}',
    );
  });

  it("stores the canonical form without it", async () => {
    const subject = unique("no-normalize");
    const schema = JSON.stringify({
      type: "object",
      properties: { b: { type: "string" }, a: { type: "string" } },
    });
    expect((await register(subject, { schemaType: "JSON", schema })).body.schema).toBe(schema);
  });
});
