// Compatibility endpoints (registry-rest-api.md §2.4) and the transport conventions of §1: error
// bodies, media types, malformed input, metadata endpoints.

import { describe, expect, it } from "vitest";
import { avroRecord } from "../helpers/schemas.js";
import { unique, serveForTests } from "../helpers/server.js";

const api = serveForTests();

const register = (subject: string, body: object) => api.post(`/subjects/${subject}/versions`, body);
const compatible = avroRecord("Compat", ["a", "b"], { defaults: true });
const incompatible = avroRecord("Compat", ["a", "b"]);

async function subjectWithOneVersion(): Promise<string> {
  const subject = unique("compat");
  await register(subject, { schema: avroRecord("Compat", ["a"]) });
  return subject;
}

describe("compatibility", () => {
  it("says a compatible schema is compatible with the latest version", async () => {
    const subject = await subjectWithOneVersion();
    const res = await api.post(`/compatibility/subjects/${subject}/versions/latest`, { schema: compatible });
    expect(res.body).toEqual({ is_compatible: true });
  });

  it("says an incompatible one is not, with the registry's messages when verbose", async () => {
    const subject = await subjectWithOneVersion();
    expect(
      (await api.post(`/compatibility/subjects/${subject}/versions/latest`, { schema: incompatible })).body,
    ).toEqual({
      is_compatible: false,
    });
    const verbose = await api.post(`/compatibility/subjects/${subject}/versions/latest?verbose=true`, {
      schema: incompatible,
    });
    expect(verbose.body.is_compatible).toBe(false);
    // The same messages a refused registration lists.
    const refused = await register(subject, { schema: incompatible });
    expect(refused.body.message).toContain(`details: [${verbose.body.messages.join(", ")}]`);
  });

  it("treats `latest` of an unknown subject as compatible", async () => {
    const res = await api.post(`/compatibility/subjects/${unique("unknown")}/versions/latest`, {
      schema: incompatible,
    });
    expect(res.body).toEqual({ is_compatible: true });
  });

  it("answers 40402 for a numeric version that does not exist, even for an unknown subject", async () => {
    const res = await api.post(`/compatibility/subjects/${unique("unknown")}/versions/3`, {
      schema: compatible,
    });
    expect(res.body).toEqual({ error_code: 40402, message: "Version 3 not found." });
  });

  it("treats a soft-deleted version as not found", async () => {
    const subject = await subjectWithOneVersion();
    await register(subject, { schema: compatible });
    await api.delete(`/subjects/${subject}/versions/1`);
    expect(
      (await api.post(`/compatibility/subjects/${subject}/versions/1`, { schema: compatible })).body
        .error_code,
    ).toBe(40402);
  });

  it("answers 42201 for an invalid schema, or a verdict with the error when verbose", async () => {
    const subject = await subjectWithOneVersion();
    const invalid = { schema: '{"type":"record"' };
    expect(
      (await api.post(`/compatibility/subjects/${subject}/versions/latest`, invalid)).body.error_code,
    ).toBe(42201);
    const verbose = await api.post(
      `/compatibility/subjects/${subject}/versions/latest?verbose=true`,
      invalid,
    );
    expect(verbose.body.is_compatible).toBe(false);
    expect(verbose.body.messages[0]).toMatch(/^Invalid schema of type AVRO/);
  });

  it("checks every live version under a transitive level, but only the named one through /versions/{v}", async () => {
    const subject = unique("transitive");
    await api.put(`/config/${subject}`, { compatibility: "BACKWARD_TRANSITIVE" });
    await register(subject, { schema: avroRecord("T", ["a"]) });
    await register(subject, { schema: avroRecord("T", ["a", "b"], { defaults: true }) });
    await register(subject, { schema: avroRecord("T", ["b"], { defaults: true }) });
    // `b` without a default reads versions 2 and 3 (which write `b`) but not version 1.
    const candidate = { schema: avroRecord("T", ["b"]) };
    expect((await api.post(`/compatibility/subjects/${subject}/versions/latest`, candidate)).body).toEqual({
      is_compatible: true,
    });
    expect((await api.post(`/compatibility/subjects/${subject}/versions/1`, candidate)).body).toEqual({
      is_compatible: false,
    });
    expect((await api.post(`/compatibility/subjects/${subject}/versions`, candidate)).body).toEqual({
      is_compatible: false,
    });
  });
});

describe("transport", () => {
  it.each([
    ["an unknown path", "GET", "/nowhere", 404, "HTTP 404 Not Found"],
    ["a wrong method", "PUT", "/subjects", 405, "HTTP 405 Method Not Allowed"],
    ["a DELETE to an unknown path", "DELETE", "/nowhere/at/all", 404, "HTTP 404 Not Found"],
  ] as const)("answers %s with a JSON error body", async (_what, method, path, status, message) => {
    const res =
      method === "GET"
        ? await api.get(path)
        : method === "PUT"
          ? await api.put(path, {})
          : await api.delete(path);
    expect(res.status).toBe(status);
    expect(res.contentType).toBe("application/vnd.schemaregistry.v1+json");
    expect(res.body).toEqual({ error_code: status, message });
  });

  it("answers malformed JSON with 400/400", async () => {
    const res = await api.post(`/subjects/${unique("malformed")}/versions`, '{"schema": ');
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe(400);
  });

  it.each([
    ["a schema that is an object", { schema: { type: "string" } }],
    ["a version that is not a number", { schema: '"string"', version: "two" }],
    ["references that are not a list", { schema: '"string"', references: "none" }],
    ["a body that is not an object", ["schema"]],
  ])("answers %s with 400/400", async (_what, body) => {
    const res = await api.post(`/subjects/${unique("typed")}/versions`, body);
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe(400);
  });

  it("answers a missing body with 422/422", async () => {
    const res = await api.post(`/subjects/${unique("nobody")}/versions`);
    expect(res.status).toBe(422);
    expect(res.body.error_code).toBe(422);
  });

  it("ignores unknown fields in a request", async () => {
    const res = await register(unique("unknown-fields"), { schema: '"string"', color: "blue" });
    expect(res.status).toBe(200);
  });

  it("coerces a numeric string where an int is expected, as Jackson does", async () => {
    const subject = unique("coerce");
    expect((await register(subject, { schema: '"string"', version: "1" })).body.version).toBe(1);
  });

  it("answers 413 for a body over 16 MiB", async () => {
    const res = await api.post(
      `/subjects/${unique("huge")}/versions`,
      `{"schema":"${"x".repeat(17 * 1024 * 1024)}"}`,
    );
    expect(res.status).toBe(413);
    expect(res.body.error_code).toBe(413);
  });

  it("answers 415 for an unsupported request media type", async () => {
    const res = await api.post(`/subjects/${unique("media")}/versions`, '{"schema":"\\"string\\""}', {
      "content-type": "text/plain",
    });
    expect(res.status).toBe(415);
    expect(res.body.error_code).toBe(415);
  });

  it.each([
    "application/vnd.schemaregistry.v1+json",
    "application/vnd.schemaregistry+json",
    "application/json",
    "application/octet-stream",
  ])("accepts request bodies of type %s", async (type) => {
    const res = await api.post(`/subjects/${unique("types")}/versions`, '{"schema":"\\"int\\""}', {
      "content-type": type,
    });
    expect(res.status).toBe(200);
  });

  it("answers in application/json when only that is acceptable, and 406 when nothing is", async () => {
    expect((await api.get("/subjects", { accept: "application/json" })).contentType).toBe("application/json");
    const refused = await api.get("/subjects", { accept: "text/html" });
    expect(refused.status).toBe(406);
    expect(refused.body.error_code).toBe(406);
  });

  it("answers 404 for a pagination parameter that is not a number", async () => {
    expect((await api.get("/subjects?offset=abc")).body).toEqual({
      error_code: 404,
      message: "HTTP 404 Not Found",
    });
  });

  it("answers HEAD like GET, without a body", async () => {
    const res = await api.head("/subjects");
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
  });
});

describe("root and metadata", () => {
  it.each([
    ["GET /", () => api.get("/"), {}],
    ["POST /", () => api.post("/", {}), {}],
    ["GET /v1/metadata/deployment", () => api.get("/v1/metadata/deployment"), { attributes: [] }],
  ])("answers %s", async (_what, call, expected) => {
    expect((await call()).body).toEqual(expected);
  });

  it("reports an 8.3-like version", async () => {
    expect((await api.get("/v1/metadata/version")).body).toMatchObject({ version: "8.3.0" });
  });

  it("reports an id with its cluster scope", async () => {
    expect((await api.get("/v1/metadata/id")).body).toMatchObject({
      id: "",
      scope: { path: [], clusters: expect.any(Object) },
    });
  });
});
