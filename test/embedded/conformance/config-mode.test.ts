// Config and mode (registry-rest-api.md §2.5, §2.6, §4.7), over HTTP against `schemaops registry
// serve`. Tests that change the top-level or global settings get a server of their own.

import { describe, expect, it } from "vitest";
import { avroRecord } from "../helpers/schemas.js";
import { enc, unique, serveForTests } from "../helpers/server.js";

const api = serveForTests();

const register = (subject: string, body: object) => api.post(`/subjects/${enc(subject)}/versions`, body);
const context = () => `.${unique("ctx")}`;

describe("subject and context config", () => {
  it("answers 40408 for a subject without its own config", async () => {
    const subject = unique("noconfig");
    expect((await api.get(`/config/${subject}`)).body).toEqual({
      error_code: 40408,
      message: `Subject '${subject}' does not have subject-level compatibility configured`,
    });
  });

  it("sets a level case-insensitively and reads it back as compatibilityLevel", async () => {
    const subject = unique("level");
    expect((await api.put(`/config/${subject}`, { compatibility: "full" })).body).toEqual({
      compatibility: "FULL",
    });
    expect((await api.get(`/config/${subject}`)).body).toEqual({ compatibilityLevel: "FULL" });
  });

  it("merges updates: absent keys stay, null clears", async () => {
    const subject = unique("merge");
    await api.put(`/config/${subject}`, { normalize: true });
    expect((await api.put(`/config/${subject}`, { compatibility: "NONE" })).body).toEqual({
      compatibility: "NONE",
      normalize: true,
    });
    expect((await api.put(`/config/${subject}`, { normalize: null })).body).toEqual({
      compatibility: "NONE",
    });
  });

  it("refuses an unknown level with 42203", async () => {
    expect((await api.put(`/config/${unique("badlevel")}`, { compatibility: "SIDEWAYS" })).body).toEqual({
      error_code: 42203,
      message:
        "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive",
    });
  });

  it("refuses an invalid default rule set with 42210", async () => {
    const res = await api.put(`/config/${unique("badrules")}`, {
      defaultRuleSet: { domainRules: [{ name: "x" }] },
    });
    expect(res.body).toEqual({ error_code: 42210, message: "Missing rule type" });
  });

  it("refuses config for an invalid subject with 42208", async () => {
    expect((await api.put(`/config/__EMPTY`, { compatibility: "NONE" })).body.error_code).toBe(42208);
  });

  it("deletes a subject config, answering the previous one; then 40401", async () => {
    const subject = unique("delconfig");
    await api.put(`/config/${subject}`, { compatibility: "FORWARD" });
    expect((await api.delete(`/config/${subject}`)).body).toEqual({ compatibilityLevel: "FORWARD" });
    expect((await api.delete(`/config/${subject}`)).body).toEqual({
      error_code: 40401,
      message: `Subject '${subject}' not found.`,
    });
  });

  it("answers the effective config with defaultToGlobal=true", async () => {
    expect((await api.get(`/config/${unique("effective")}?defaultToGlobal=true`)).body).toEqual({
      compatibilityLevel: "BACKWARD",
    });
  });

  it("lets NONE through what BACKWARD refuses", async () => {
    const subject = unique("none");
    await register(subject, { schema: avroRecord("None", ["a"]) });
    await api.put(`/config/${subject}`, { compatibility: "NONE" });
    expect((await register(subject, { schema: avroRecord("Other", ["z"]) })).body.version).toBe(2);
  });

  it("applies a context config to the context's subjects", async () => {
    const ctx = context();
    await api.put(`/config/${enc(`:${ctx}:`)}`, { compatibility: "NONE" });
    const subject = `:${ctx}:${unique("inctx")}`;
    await register(subject, { schema: avroRecord("InCtx", ["a"]) });
    expect((await register(subject, { schema: avroRecord("Else", ["b"]) })).body.version).toBe(2);
    expect((await api.get(`/contexts/${ctx}/config`)).body).toEqual({ compatibilityLevel: "NONE" });
  });

  it("merges defaultMetadata and overrideMetadata into registrations", async () => {
    const subject = unique("metaconfig");
    await api.put(`/config/${subject}`, {
      defaultMetadata: { properties: { owner: "default-owner", tier: "2" } },
      overrideMetadata: { properties: { tier: "1" } },
    });
    const res = await register(subject, {
      schema: avroRecord("MetaConfig"),
      metadata: { properties: { owner: "me" } },
    });
    expect(res.body.metadata).toEqual({ properties: { owner: "me", tier: "1" } });
  });

  it("uses an alias config to resolve subject paths", async () => {
    const target = unique("alias-target");
    await register(target, { schema: avroRecord("Aliased") });
    const alias = unique("alias");
    await api.put(`/config/${alias}`, { alias: target });
    expect((await api.get(`/subjects/${alias}/versions/1`)).body.subject).toBe(target);
  });
});

describe("subject and context mode", () => {
  it("answers 40409 for a subject without its own mode", async () => {
    const subject = unique("nomode");
    expect((await api.get(`/mode/${subject}`)).body).toEqual({
      error_code: 40409,
      message: `Subject '${subject}' does not have subject-level mode configured`,
    });
  });

  it("refuses writes in READONLY with 42205, but serves reads and lookups", async () => {
    const subject = unique("readonly");
    await register(subject, { schema: avroRecord("Ro") });
    expect((await api.put(`/mode/${subject}`, { mode: "READONLY" })).body).toEqual({ mode: "READONLY" });
    const message = `Subject ${subject} in context . is in read-only mode`;
    expect(
      (await register(subject, { schema: avroRecord("Ro", ["id", "x"], { defaults: true }) })).body,
    ).toEqual({ error_code: 42205, message });
    expect((await api.delete(`/subjects/${subject}/versions/1`)).body).toEqual({
      error_code: 42205,
      message,
    });
    expect((await api.delete(`/subjects/${subject}`)).body).toEqual({ error_code: 42205, message });
    expect((await api.put(`/config/${subject}`, { compatibility: "NONE" })).body).toEqual({
      error_code: 42205,
      message,
    });
    expect((await api.get(`/subjects/${subject}/versions/1`)).status).toBe(200);
    expect((await api.post(`/subjects/${subject}`, { schema: avroRecord("Ro") })).body.version).toBe(1);
  });

  it("applies a context's READONLY to its subjects", async () => {
    const ctx = context();
    await api.put(`/mode/${enc(`:${ctx}:`)}`, { mode: "READONLY" });
    const subject = unique("ctx-ro");
    expect((await register(`:${ctx}:${subject}`, { schema: avroRecord("CtxRo") })).body).toEqual({
      error_code: 42205,
      message: `Subject ${subject} in context ${ctx} is in read-only mode`,
    });
  });

  it("refuses an unknown mode with 42204", async () => {
    expect((await api.put(`/mode/${unique("badmode")}`, { mode: "SOMETIMES" })).body).toEqual({
      error_code: 42204,
      message: "Invalid mode. Valid values are READWRITE, READONLY, IMPORT and FORWARD.",
    });
  });

  it("refuses FORWARD below the global level with 42204", async () => {
    expect((await api.put(`/mode/${unique("forward")}`, { mode: "FORWARD" })).body).toEqual({
      error_code: 42204,
      message: "Forward mode only supported on global level",
    });
  });

  it("echoes the mode as sent, clears it with null", async () => {
    const subject = unique("echo");
    expect((await api.put(`/mode/${subject}`, { mode: "readonly" })).body).toEqual({ mode: "readonly" });
    expect((await api.get(`/mode/${subject}`)).body).toEqual({ mode: "READONLY" });
    await api.put(`/mode/${subject}`, { mode: null });
    expect((await api.get(`/mode/${subject}`)).body.error_code).toBe(40409);
  });

  it("deletes a subject mode, answering the previous one; then 40401", async () => {
    const subject = unique("delmode");
    await api.put(`/mode/${subject}`, { mode: "READONLY" });
    expect((await api.delete(`/mode/${subject}`)).body).toEqual({ mode: "READONLY" });
    expect((await api.delete(`/mode/${subject}`)).body).toEqual({
      error_code: 40401,
      message: `Subject '${subject}' not found.`,
    });
  });

  it("refuses IMPORT over live subjects with 42205 unless forced", async () => {
    const subject = unique("import-live");
    await register(subject, { schema: avroRecord("Live") });
    expect((await api.put(`/mode/${subject}`, { mode: "IMPORT" })).body).toEqual({
      error_code: 42205,
      message: "Cannot import since found existing subjects",
    });
    expect((await api.put(`/mode/${subject}?force=true`, { mode: "IMPORT" })).body).toEqual({
      mode: "IMPORT",
    });
  });

  it("hard-deletes soft-deleted subjects of the scope when switching to IMPORT", async () => {
    const ctx = context();
    const subject = `:${ctx}:${unique("purged")}`;
    await register(subject, { schema: avroRecord("Purged") });
    await api.delete(`/subjects/${enc(subject)}`);
    await api.put(`/mode/${enc(`:${ctx}:`)}`, { mode: "IMPORT" });
    expect((await api.get(`/subjects/${enc(subject)}/versions?deleted=true`)).body.error_code).toBe(40401);
  });
});

describe("IMPORT", () => {
  async function importingContext(): Promise<string> {
    const ctx = context();
    await api.put(`/mode/${enc(`:${ctx}:`)}`, { mode: "IMPORT" });
    return ctx;
  }

  it("registers with the given id and version", async () => {
    const ctx = await importingContext();
    const subject = `:${ctx}:${unique("imp")}`;
    const res = await register(subject, { schema: avroRecord("Imp"), id: 100, version: 5 });
    expect(res.body).toMatchObject({ id: 100, version: 5 });
    expect((await api.get(`/subjects/${enc(subject)}/versions/5`)).body.id).toBe(100);
  });

  it("answers a replayed import (same id, version and schema) with the stored row", async () => {
    const ctx = await importingContext();
    const subject = `:${ctx}:${unique("imp-replay")}`;
    const first = await register(subject, { schema: avroRecord("Replay"), id: 40, version: 3 });
    const again = await register(subject, { schema: avroRecord("Replay"), id: 40, version: 3 });
    expect(again.body).toEqual(first.body);
  });

  it("refuses a registration without id with 42205", async () => {
    const ctx = await importingContext();
    const name = unique("imp-noid");
    expect((await register(`:${ctx}:${name}`, { schema: avroRecord("NoId") })).body).toEqual({
      error_code: 42205,
      message: `Subject ${name} in context ${ctx} is not in read-write mode`,
    });
  });

  it("returns the existing version for an identical schema sent without id", async () => {
    const ctx = await importingContext();
    const subject = `:${ctx}:${unique("imp-same")}`;
    await register(subject, { schema: avroRecord("Same"), id: 7, version: 1 });
    expect((await register(subject, { schema: avroRecord("Same") })).body).toMatchObject({
      id: 7,
      version: 1,
    });
  });

  it("refuses an id already bound to another schema with 42205", async () => {
    const ctx = await importingContext();
    await register(`:${ctx}:${unique("imp-a")}`, { schema: avroRecord("A"), id: 9, version: 1 });
    expect(
      (await register(`:${ctx}:${unique("imp-b")}`, { schema: avroRecord("B"), id: 9, version: 1 })).body,
    ).toEqual({
      error_code: 42205,
      message: `Overwrite new schema with id 9 in context ${ctx} is not permitted.`,
    });
  });

  it("accepts the same schema under another id", async () => {
    const ctx = await importingContext();
    await register(`:${ctx}:${unique("imp-x")}`, { schema: avroRecord("X"), id: 11, version: 1 });
    expect(
      (await register(`:${ctx}:${unique("imp-y")}`, { schema: avroRecord("X"), id: 12, version: 1 })).body.id,
    ).toBe(12);
  });

  it("continues the id sequence after the highest imported id", async () => {
    const ctx = await importingContext();
    await register(`:${ctx}:${unique("imp-high")}`, { schema: avroRecord("High"), id: 200, version: 1 });
    await api.put(`/mode/${enc(`:${ctx}:`)}`, { mode: "READWRITE" });
    expect((await register(`:${ctx}:${unique("after")}`, { schema: avroRecord("After") })).body.id).toBe(201);
  });

  it("skips compatibility checks", async () => {
    const ctx = await importingContext();
    const subject = `:${ctx}:${unique("imp-incompat")}`;
    await register(subject, { schema: avroRecord("Inc", ["a"]), id: 1, version: 1 });
    expect(
      (await register(subject, { schema: avroRecord("Inc", ["a", "b"]), id: 2, version: 2 })).status,
    ).toBe(200);
  });
});

describe("top-level and global settings", () => {
  const top = serveForTests();

  it("reads the server default when nothing is set", async () => {
    expect((await top.get("/config")).body).toEqual({ compatibilityLevel: "BACKWARD" });
    expect((await top.get("/mode")).body).toEqual({ mode: "READWRITE" });
  });

  it("sets the top-level config, answering the merged config, and deletes it answering the previous one", async () => {
    expect((await top.put("/config", { compatibility: "FULL" })).body).toEqual({ compatibility: "FULL" });
    expect((await top.get("/config")).body).toEqual({ compatibilityLevel: "FULL" });
    expect((await top.delete("/config")).body).toEqual({ compatibilityLevel: "FULL" });
    expect((await top.get("/config")).body).toEqual({ compatibilityLevel: "BACKWARD" });
  });

  it("shows a subject config without level with the server default, not the top-level one", async () => {
    await top.put("/config", { compatibility: "FULL" });
    const subject = unique("nolevel");
    await top.put(`/config/${subject}`, { normalize: true });
    expect((await top.get(`/config/${subject}`)).body).toEqual({
      compatibilityLevel: "BACKWARD",
      normalize: true,
    });
    await top.delete("/config");
  });

  it("lets a subject config without normalize inherit the top-level normalize", async () => {
    await top.put("/config", { normalize: true });
    const subject = unique("inherit-normalize");
    await top.put(`/config/${subject}`, { compatibility: "NONE" });
    const schema = JSON.stringify({
      type: "object",
      properties: { b: { type: "string" }, a: { type: "string" } },
    });
    const res = await top.post(`/subjects/${subject}/versions`, { schemaType: "JSON", schema });
    expect(res.body.schema).toBe(
      '{"properties":{"a":{"type":"string"},"b":{"type":"string"}},"type":"object"}',
    );
    await top.delete("/config");
  });

  it("does not apply the top-level config to named contexts, but applies :.__GLOBAL:", async () => {
    await top.put("/config", { compatibility: "NONE" });
    const ctx = context();
    expect((await top.get(`/config/${enc(`:${ctx}:x`)}?defaultToGlobal=true`)).body).toEqual({
      compatibilityLevel: "BACKWARD",
    });
    await top.put(`/config/${enc(":.__GLOBAL:")}`, { compatibility: "FORWARD" });
    expect((await top.get(`/config/${enc(`:${ctx}:x`)}?defaultToGlobal=true`)).body).toEqual({
      compatibilityLevel: "FORWARD",
    });
    expect((await top.get(`/config/x?defaultToGlobal=true`)).body).toEqual({ compatibilityLevel: "NONE" });
    await top.delete(`/config/${enc(":.__GLOBAL:")}`);
    await top.delete("/config");
  });

  it("accepts FORWARD at :.__GLOBAL:", async () => {
    expect((await top.put(`/mode/${enc(":.__GLOBAL:")}`, { mode: "FORWARD" })).body).toEqual({
      mode: "FORWARD",
    });
    await top.delete(`/mode/${enc(":.__GLOBAL:")}`);
  });

  it("refuses a global IMPORT while any subject in any context is live", async () => {
    await top.post(`/subjects/${enc(`:${context()}:busy`)}/versions`, { schema: avroRecord("Busy") });
    expect((await top.put("/mode", { mode: "IMPORT" })).body.message).toBe(
      "Cannot import since found existing subjects",
    );
  });

  it("puts the whole registry in READONLY with the top-level mode, and lets it go", async () => {
    await top.put("/mode", { mode: "READONLY" });
    const subject = unique("global-ro");
    expect(
      (await top.post(`/subjects/${subject}/versions`, { schema: avroRecord("G") })).body.error_code,
    ).toBe(42205);
    expect((await top.delete("/mode")).body).toEqual({ mode: "READONLY" });
    expect((await top.post(`/subjects/${subject}/versions`, { schema: avroRecord("G") })).status).toBe(200);
  });
});

describe("server settings", () => {
  const fixed = serveForTests(["--no-mode-mutability", "--compatibility", "full_transitive"]);

  it("refuses mode changes with 42205 when mode mutability is off", async () => {
    expect((await fixed.put(`/mode/${unique("immutable")}`, { mode: "READONLY" })).body).toEqual({
      error_code: 42205,
      message: "Mode changes are not allowed",
    });
  });

  it("reports the configured server default level", async () => {
    expect((await fixed.get("/config")).body).toEqual({ compatibilityLevel: "FULL_TRANSITIVE" });
  });
});
