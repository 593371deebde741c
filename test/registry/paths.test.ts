import { describe, expect, it } from "vitest";
import { scopePath, subjectSegment, versionSegment } from "../../src/registry/paths.js";

describe("subjectSegment", () => {
  it.each([
    ["orders-value", "orders-value"],
    ["test/Alias", "test%2FAlias"],
    [":.prod:orders", "%3A.prod%3Aorders"],
    ["a b?c#d%", "a%20b%3Fc%23d%25"],
    ["", "%3A.%3A"],
    [".", "%2E"],
    ["..", "%2E%2E"],
    ["...x", "...x"],
  ])("%j → %s", (subject, segment) => {
    expect(subjectSegment(subject)).toBe(segment);
  });
});

describe("versionSegment", () => {
  it.each([
    [3, "3"],
    [-1, "-1"],
    ["latest", "latest"],
  ] as const)("%j → %s", (version, segment) => {
    expect(versionSegment(version)).toBe(segment);
  });

  it("refuses a fractional version", () => {
    expect(() => versionSegment(1.5)).toThrow(TypeError);
  });
});

describe("scopePath", () => {
  it.each([
    [{ scope: "global" }, "/config"],
    [{ scope: "context", context: "." }, "/config"],
    [{ scope: "context", context: ":.:" }, "/config"],
    [{ scope: "context", context: ".prod" }, "/config/%3A.prod%3A"],
    [{ scope: "context", context: ":.prod:" }, "/config/%3A.prod%3A"],
    [{ scope: "subject", subject: "a/b" }, "/config/a%2Fb"],
    [{ scope: "subject", subject: ":.prod:x" }, "/config/%3A.prod%3Ax"],
  ] as const)("%j → %s", (scope, path) => {
    expect(scopePath("config", scope)).toBe(path);
  });

  it("builds mode paths the same way", () => {
    expect(scopePath("mode", { scope: "context", context: ".prod" })).toBe("/mode/%3A.prod%3A");
  });

  it("refuses an invalid context", () => {
    expect(() => scopePath("config", { scope: "context", context: "prod" })).toThrow(TypeError);
  });
});
