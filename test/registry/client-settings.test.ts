// Config, mode, contexts and capability detection, with scripted answers from the registry.

import { describe, expect, it } from "vitest";
import { registryFailure as failure } from "./helpers/failure.js";
import { stubRegistries } from "./helpers/stub-registry.js";

const registry = stubRegistries();

const notConfigured = (code: number) => ({
  status: 404,
  body: { error_code: code, message: "not configured" },
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
    const { client } = await registry({
      "GET /v1/metadata/version": { body: { version: "7.3.2" } },
      "GET /contexts": { body: ["."] },
    });
    expect((await client.capabilities()).metadataKept).toBe(false);
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
