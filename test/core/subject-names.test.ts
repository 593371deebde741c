import { describe, expect, it } from "vitest";
import {
  ALL_CONTEXTS_PREFIX,
  DEFAULT_CONTEXT,
  contextNameProblem,
  contextPrefix,
  isValidContextName,
  parseContext,
  parseSubject,
  qualifySubject,
} from "../../src/core/subject-names.js";

describe("parseSubject", () => {
  it.each([
    ["orders-value", ".", "orders-value"],
    ["", ".", ""],
    [":.prod:orders-value", ".prod", "orders-value"],
    [":.:x", ".", "x"],
    [":.prod:", ".prod", ""],
    [":.prod", ".prod", ""],
    [":.prod:a:b", ".prod", "a:b"],
    ["test/Alias", ".", "test/Alias"],
    [":.prod:team/orders", ".prod", "team/orders"],
    [":prod:x", ".", ":prod:x"],
    [":*:x", ".", ":*:x"],
    [".prod:x", ".", ".prod:x"],
    [":.::.x:y", ".", ":.x:y"],
  ])("%j → context %j, name %j", (subject, context, name) => {
    expect(parseSubject(subject)).toEqual({ context, name });
  });
});

describe("qualifySubject", () => {
  it.each([
    [".", "orders-value", "orders-value"],
    [".", "", ""],
    [".prod", "orders-value", ":.prod:orders-value"],
    [".prod", "", ":.prod:"],
    [".prod", "a:b/c", ":.prod:a:b/c"],
    [".", ":.x:y", ":.::.x:y"],
    [".", ":*:x", ":.::*:x"],
    [".", ":x", ":x"],
  ])("(%j, %j) → %j", (context, name, qualified) => {
    expect(qualifySubject(context, name)).toBe(qualified);
  });

  it.each([
    [".", "plain"],
    [".", ":.looks:qualified"],
    [".", ":*:wild"],
    [".prod", ""],
    [".prod", "with:colon"],
    [".a.b", "x/y"],
  ])("round-trips (%j, %j) through parseSubject", (context, name) => {
    expect(parseSubject(qualifySubject(context, name))).toEqual({ context, name });
  });
});

describe("contextPrefix", () => {
  it("is empty for the default context and :.ctx: otherwise", () => {
    expect(contextPrefix(DEFAULT_CONTEXT)).toBe("");
    expect(contextPrefix(".prod")).toBe(":.prod:");
  });

  it("differs from the all-contexts wildcard", () => {
    expect(ALL_CONTEXTS_PREFIX).toBe(":*:");
  });
});

describe("context names", () => {
  it.each([".", ".prod", ".a.b", ".with space", ".ümlaut"])("%j is valid", (name) => {
    expect(isValidContextName(name)).toBe(true);
    expect(contextNameProblem(name)).toBeUndefined();
  });

  it.each([
    ["prod", 'must start with "."'],
    ["", 'must start with "."'],
    ["*", 'must start with "."'],
    [".a:b", 'must not contain ":"'],
    [".a\u0000b", "control character"],
    [".a\nb", "control character"],
  ])("%j is invalid: %s", (name, problem) => {
    expect(isValidContextName(name)).toBe(false);
    expect(contextNameProblem(name)).toContain(problem);
  });
});

describe("parseContext", () => {
  it.each([
    [".prod", ".prod"],
    [":.prod:", ".prod"],
    [":.:", "."],
    [".", "."],
  ])("%j → %j", (input, context) => {
    expect(parseContext(input)).toBe(context);
  });

  it.each(["prod", ":.a:b:", "::", ":", ":.prod"])("rejects %j", (input) => {
    expect(() => parseContext(input)).toThrow(TypeError);
  });
});
