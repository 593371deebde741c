import { describe, expect, it } from "vitest";
import { authorizationSource } from "../../src/registry/auth.js";
import { parseRegistryUrl } from "../../src/registry/endpoint.js";
import { Redactor } from "../../src/registry/redact.js";

describe("parseRegistryUrl", () => {
  it.each([
    ["http://localhost:8081", "http://localhost:8081", ""],
    ["https://sr.example.com/", "https://sr.example.com", ""],
    ["https://host/apis/ccompat/v7/", "https://host", "/apis/ccompat/v7"],
  ])("%s → origin %s, base path %j", (url, origin, basePath) => {
    const endpoint = parseRegistryUrl(url);
    expect(endpoint).toMatchObject({ origin, basePath, displayUrl: origin + basePath });
    expect(endpoint.userinfo).toBeUndefined();
  });

  it("takes userinfo out of the URL, percent-decoded", () => {
    const endpoint = parseRegistryUrl("https://svc%40corp:p%3Ass%2Fw0rd@sr.example.com:8443/base");
    expect(endpoint.userinfo).toEqual({ username: "svc@corp", password: "p:ss/w0rd" });
    expect(endpoint.displayUrl).toBe("https://sr.example.com:8443/base");
  });

  it.each([
    ["ftp://host", "http or https"],
    ["https://host/?token=abc", "query string"],
    ["https://host/#frag", "fragment"],
  ])("refuses %s", (url, message) => {
    expect(() => parseRegistryUrl(url)).toThrow(message);
  });

  it("does not echo credentials of an unparsable URL", () => {
    const attempt = () => parseRegistryUrl("https://user:S3cret-Pass@[bad");
    expect(attempt).toThrow(TypeError);
    expect(attempt).not.toThrow(/S3cret/);
    expect(attempt).toThrow("https://***@[bad");
  });
});

describe("authorizationSource", () => {
  it("encodes basic credentials and registers them as secrets", async () => {
    const redactor = new Redactor();
    const header = await authorizationSource(
      { basic: { username: "u", password: "pw-123" } },
      undefined,
      redactor,
    )();
    expect(header).toBe(`Basic ${Buffer.from("u:pw-123").toString("base64")}`);
    expect(redactor.redact(`echo ${header} pw-123`)).toBe("echo Basic *** ***");
  });

  it("uses URL userinfo as basic credentials", async () => {
    const header = await authorizationSource(undefined, { username: "a", password: "b" }, new Redactor())();
    expect(header).toBe(`Basic ${Buffer.from("a:b").toString("base64")}`);
  });

  it("fetches a bearer token from a provider before each request and redacts it", async () => {
    const redactor = new Redactor();
    let calls = 0;
    const source = authorizationSource({ bearer: () => `tok-${++calls}` }, undefined, redactor);
    expect(await source()).toBe("Bearer tok-1");
    expect(await source()).toBe("Bearer tok-2");
    expect(redactor.redact("tok-1 and tok-2")).toBe("*** and ***");
  });

  it("sends nothing without credentials", async () => {
    expect(await authorizationSource(undefined, undefined, new Redactor())()).toBeUndefined();
  });

  it.each([
    [{ basic: { username: "u", password: "p" }, bearer: "t" }, undefined, "not both"],
    [{ bearer: "t" }, { username: "u", password: "p" }, "both in the URL and in auth"],
  ])("refuses ambiguous credentials", (auth, userinfo, message) => {
    expect(() => authorizationSource(auth, userinfo, new Redactor())).toThrow(message);
  });
});

describe("Redactor", () => {
  it("replaces every occurrence, the percent-encoded spelling too, longest secret first", () => {
    const redactor = new Redactor();
    redactor.add("ab");
    redactor.add("ab/cd");
    expect(redactor.redact("ab/cd ab ab%2Fcd x")).toBe("*** *** *** x");
  });

  it("ignores empty secrets", () => {
    const redactor = new Redactor();
    redactor.add("");
    expect(redactor.redact("text")).toBe("text");
  });
});
