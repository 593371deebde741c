// `/schemas` by id and guid, and contexts (registry-rest-api.md §2.2, §2.7, §5), over HTTP against
// `schemaops registry serve`. Contexts are per test, so ids start at 1 in each.

import { describe, expect, it } from "vitest";
import { avroRecord, protoMessage } from "../helpers/schemas.js";
import { enc, unique, serveForTests } from "../helpers/server.js";

const api = serveForTests();

const register = (subject: string, body: object) => api.post(`/subjects/${enc(subject)}/versions`, body);
const context = () => `.${unique("ctx")}`;

describe("schemas by id", () => {
  it("serves the schema of an id with its type", async () => {
    const { body } = await register(unique("byid"), { schema: avroRecord("ById") });
    expect((await api.get(`/schemas/ids/${body.id}`)).body).toMatchObject({
      schema: avroRecord("ById"),
      schemaType: "AVRO",
    });
  });

  it("answers 40403 `Schema <id> not found` for an unknown id", async () => {
    expect((await api.get("/schemas/ids/987654")).body).toEqual({
      error_code: 40403,
      message: "Schema 987654 not found",
    });
    expect((await api.get("/schemas/ids/987654/schema")).body).toEqual({
      error_code: 40403,
      message: "Schema 987654 not found",
    });
  });

  it("answers 404 for an id that is not a number", async () => {
    expect((await api.get("/schemas/ids/abc")).body).toEqual({
      error_code: 404,
      message: "HTTP 404 Not Found",
    });
  });

  it("serves the raw schema of an id", async () => {
    const { body } = await register(unique("raw"), { schemaType: "PROTOBUF", schema: protoMessage("Raw") });
    expect((await api.get(`/schemas/ids/${body.id}/schema`)).text).toBe(protoMessage("Raw"));
  });

  it("lists the subjects and subject-versions that use an id", async () => {
    const schema = avroRecord("Uses");
    const [a, b] = [unique("uses-a"), unique("uses-b")];
    const { body } = await register(a, { schema });
    await register(b, { schema });
    expect((await api.get(`/schemas/ids/${body.id}/subjects`)).body).toEqual([a, b]);
    expect((await api.get(`/schemas/ids/${body.id}/versions`)).body).toEqual([
      { subject: a, version: 1 },
      { subject: b, version: 1 },
    ]);
  });

  it("answers 40403 `Schema not found` for the subjects of an unknown id", async () => {
    expect((await api.get("/schemas/ids/987654/subjects")).body).toEqual({
      error_code: 40403,
      message: "Schema not found",
    });
    expect((await api.get("/schemas/ids/987654/versions")).body).toEqual({
      error_code: 40403,
      message: "Schema not found",
    });
  });

  it("still serves a soft-deleted schema by id, but lists its subject only with deleted=true", async () => {
    const subject = unique("soft-id");
    const { body } = await register(subject, { schema: avroRecord("SoftId") });
    await api.delete(`/subjects/${subject}`);
    expect((await api.get(`/schemas/ids/${body.id}`)).status).toBe(200);
    expect((await api.get(`/schemas/ids/${body.id}/subjects`)).body).toEqual([]);
    expect((await api.get(`/schemas/ids/${body.id}/subjects?deleted=true`)).body).toEqual([subject]);
  });

  it("reports the highest id with fetchMaxId=true", async () => {
    const { body } = await register(unique("maxid"), { schema: avroRecord("MaxId") });
    expect((await api.get(`/schemas/ids/1?fetchMaxId=true`)).body.maxId).toBeGreaterThanOrEqual(body.id);
  });

  it("serves a Protobuf schema as a base64 descriptor with format=serialized", async () => {
    const { body } = await register(unique("serialized"), {
      schemaType: "PROTOBUF",
      schema: protoMessage("Ser", ["a", "b"]),
    });
    const res = await api.get(`/schemas/ids/${body.id}?format=serialized`);
    expect(res.body.schema).toMatch(/^[A-Za-z0-9+/]+=*$/);
    // The registry accepts the descriptor back as the same schema.
    const again = await register(unique("serialized-back"), {
      schemaType: "PROTOBUF",
      schema: res.body.schema,
    });
    expect(again.body.schema).toContain("message Ser");
  });

  it("lists the schema types", async () => {
    expect((await api.get("/schemas/types")).body.sort()).toEqual(["AVRO", "JSON", "PROTOBUF"]);
  });

  it("finds a schema by guid, in every context that has it", async () => {
    const ctx = context();
    const schema = avroRecord("ByGuid");
    const first = await register(unique("guid"), { schema });
    await register(`:${ctx}:${unique("guid")}`, { schema });
    expect((await api.get(`/schemas/guids/${first.body.guid}`)).body).toMatchObject({
      schema,
      guid: first.body.guid,
    });
    const ids = (await api.get(`/schemas/guids/${first.body.guid}/ids`)).body;
    expect(ids).toEqual(
      expect.arrayContaining([
        { context: ".", id: first.body.id },
        { context: ctx, id: 1 },
      ]),
    );
    expect((await api.get("/schemas/guids/00000000-0000-3000-8000-000000000000")).body.error_code).toBe(
      40403,
    );
  });
});

describe("listing schemas", () => {
  it("lists the versions of the default context by subject then version, with filters", async () => {
    const prefix = unique("list");
    await register(`${prefix}-b`, { schema: avroRecord("ListB") });
    await register(`${prefix}-a`, { schema: avroRecord("ListA", ["a"]) });
    await register(`${prefix}-a`, { schema: avroRecord("ListA", ["a", "b"], { defaults: true }) });
    const all = (await api.get(`/schemas?subjectPrefix=${prefix}`)).body;
    expect(all.map((s: { subject: string; version: number }) => [s.subject, s.version])).toEqual([
      [`${prefix}-a`, 1],
      [`${prefix}-a`, 2],
      [`${prefix}-b`, 1],
    ]);
    const latest = (await api.get(`/schemas?subjectPrefix=${prefix}&latestOnly=true`)).body;
    expect(latest.map((s: { version: number }) => s.version)).toEqual([2, 1]);
    expect((await api.get(`/schemas?subjectPrefix=${prefix}&offset=1&limit=1`)).body).toHaveLength(1);
  });

  it("keeps named contexts out of the default listing, and includes them with :*:", async () => {
    const ctx = context();
    const subject = `:${ctx}:${unique("hidden")}`;
    await register(subject, { schema: avroRecord("Hidden") });
    expect((await api.get("/schemas")).body.map((s: { subject: string }) => s.subject)).not.toContain(
      subject,
    );
    expect(
      (await api.get("/schemas?subjectPrefix=:*:")).body.map((s: { subject: string }) => s.subject),
    ).toContain(subject);
  });
});

describe("contexts", () => {
  it("creates a context on first registration and lists it after `.`", async () => {
    const ctx = context();
    await register(`:${ctx}:${unique("s")}`, { schema: avroRecord("Ctx") });
    const contexts = (await api.get("/contexts")).body;
    expect(contexts[0]).toBe(".");
    expect(contexts).toContain(ctx);
  });

  it("numbers ids per context: the first schema of a context gets id 1", async () => {
    const ctx = context();
    const res = await register(`:${ctx}:${unique("first")}`, { schema: avroRecord("First") });
    expect(res.body.id).toBe(1);
  });

  it("gives the same schema different ids in two contexts but one guid", async () => {
    const schema = avroRecord("TwoContexts", ["q"]);
    const here = await register(unique("two"), { schema });
    const there = await register(`:${context()}:${unique("two")}`, { schema });
    expect(there.body.guid).toBe(here.body.guid);
    expect(there.body.id).toBe(1);
  });

  it("lists qualified subjects of every context by default, sorted before bare names", async () => {
    const ctx = context();
    const qualified = `:${ctx}:${unique("q")}`;
    await register(qualified, { schema: avroRecord("Q") });
    const subjects: string[] = (await api.get("/subjects")).body;
    expect(subjects).toContain(qualified);
    expect(subjects).toEqual([...subjects].sort());
    expect((await api.get("/subjects?subjectPrefix=")).body).not.toContain(qualified);
    expect((await api.get(`/subjects?subjectPrefix=:${ctx}:`)).body).toEqual([qualified]);
  });

  it("serves the /contexts/{ctx}/… URL forms", async () => {
    const ctx = context();
    const name = unique("url");
    const { body } = await register(`:${ctx}:${name}`, { schema: avroRecord("Url") });
    expect((await api.get(`/contexts/${ctx}/subjects`)).body).toEqual([`:${ctx}:${name}`]);
    expect((await api.get(`/contexts/${ctx}/subjects/${name}/versions`)).body).toEqual([1]);
    expect((await api.get(`/contexts/${ctx}/schemas/ids/${body.id}`)).body.schema).toBe(avroRecord("Url"));
    expect(
      (await api.post(`/contexts/${ctx}/subjects/${name}/versions`, { schema: avroRecord("Url") })).body.id,
    ).toBe(body.id);
  });

  it("falls back to other contexts for an unqualified subject absent from the default one", async () => {
    const ctx = context();
    const name = unique("fallback");
    const { body } = await register(`:${ctx}:${name}`, { schema: avroRecord("Fallback") });
    expect((await api.get(`/subjects/${name}/versions/1`)).body).toMatchObject({
      subject: `:${ctx}:${name}`,
      id: body.id,
    });
    expect((await api.post(`/subjects/${name}`, { schema: avroRecord("Fallback") })).body).toMatchObject({
      subject: `:${ctx}:${name}`,
      version: 1,
    });
    expect((await api.get(`/subjects/${name}/versions`)).body.error_code).toBe(40401);
  });

  it("scopes /schemas/ids/{id} to the context of `subject`", async () => {
    const ctx = context();
    await register(`:${ctx}:${unique("scoped")}`, { schema: avroRecord("Scoped") });
    expect((await api.get(`/schemas/ids/1?subject=${enc(`:${ctx}:`)}`)).body.schema).toBe(
      avroRecord("Scoped"),
    );
  });

  it("resolves an unqualified reference subject in the referrer's context", async () => {
    const ctx = context();
    const target = unique("ref-target");
    await register(`:${ctx}:${target}`, { schema: avroRecord("Part", ["p"], { namespace: "ctx" }) });
    const schema = JSON.stringify({
      type: "record",
      name: "Whole",
      namespace: "ctx",
      fields: [{ name: "part", type: "ctx.Part" }],
    });
    const res = await register(`:${ctx}:${unique("ref-user")}`, {
      schema,
      references: [{ name: "ctx.Part", subject: target, version: 1 }],
    });
    expect(res.status).toBe(200);
    // The same reference from the default context does not resolve.
    const outside = await register(unique("ref-outside"), {
      schema,
      references: [{ name: "ctx.Part", subject: target, version: 1 }],
    });
    expect(outside.body.error_code).toBe(42201);
  });

  it("qualifies reference subjects with referenceFormat=qualified", async () => {
    const ctx = context();
    const target = unique("qref-target");
    await register(`:${ctx}:${target}`, { schema: avroRecord("QPart", ["p"], { namespace: "q" }) });
    const schema = JSON.stringify({
      type: "record",
      name: "QWhole",
      namespace: "q",
      fields: [{ name: "part", type: "q.QPart" }],
    });
    const referrer = `:${ctx}:${unique("qref-user")}`;
    const { body } = await register(referrer, {
      schema,
      references: [{ name: "q.QPart", subject: target, version: 1 }],
    });
    const stored = (await api.get(`/subjects/${enc(referrer)}/versions/1`)).body.references;
    expect(stored).toEqual([{ name: "q.QPart", subject: target, version: 1 }]);
    const qualified = (await api.get(`/subjects/${enc(referrer)}/versions/1?referenceFormat=qualified`)).body
      .references;
    expect(qualified).toEqual([{ name: "q.QPart", subject: `:${ctx}:${target}`, version: 1 }]);
    const byId = await api.get(
      `/schemas/ids/${body.id}?subject=${enc(`:${ctx}:`)}&referenceFormat=qualified`,
    );
    expect(byId.body.references).toEqual(qualified);
  });

  it("refuses to delete a context that still has subjects, soft-deleted ones included (42211)", async () => {
    const ctx = context();
    const subject = `:${ctx}:${unique("busy")}`;
    await register(subject, { schema: avroRecord("Busy") });
    await api.delete(`/subjects/${enc(subject)}`);
    expect((await api.delete(`/contexts/${ctx}`)).body).toEqual({
      error_code: 42211,
      message: `The specified context ':${ctx}:' is not empty.`,
    });
  });

  it("deletes an empty context with 204", async () => {
    const ctx = context();
    const subject = `:${ctx}:${unique("emptied")}`;
    await register(subject, { schema: avroRecord("Emptied") });
    await api.delete(`/subjects/${enc(subject)}`);
    await api.delete(`/subjects/${enc(subject)}?permanent=true`);
    const res = await api.delete(`/contexts/${enc(`:${ctx}:`)}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect((await api.get("/contexts")).body).not.toContain(ctx);
  });

  it("answers 400 for a context name with a colon inside", async () => {
    const res = await api.get(`/contexts/${enc(":.a:b:")}/subjects`);
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe(400);
  });
});
