import { describe, expect, it } from "vitest";
import {
  DEFAULT_RETRY,
  isIdempotentMethod,
  isRetryableStatus,
  neverReachedServer,
  parseRetryAfter,
  retryDelay,
  type AttemptResult,
} from "../../src/registry/retry-policy.js";

const settings = { maxRetries: 3, initialDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 };
const context = (attempt: number, idempotent: boolean, random = 0.5) => ({
  attempt,
  idempotent,
  settings,
  random: () => random,
});
const status = (code: number, retryAfterMs?: number): AttemptResult => ({
  kind: "status",
  status: code,
  retryAfterMs,
});
const failure = (code: string): AttemptResult => ({ kind: "failure", code });

describe("retryDelay", () => {
  it.each([
    ["503 on an idempotent request", status(503), true, 50],
    ["500 on an idempotent request", status(500), true, 50],
    ["429 without Retry-After", status(429), true, 50],
    ["429 with Retry-After", status(429, 2_000), true, 2_000],
    ["503 with Retry-After", status(503, 0), true, 0],
    ["Retry-After beyond the cap", status(429, 6_000), true, undefined],
    ["404", status(404), true, undefined],
    ["409", status(409), true, undefined],
    ["422", status(422), true, undefined],
    ["501", status(501), true, undefined],
    ["503 on a DELETE", status(503), false, undefined],
    ["429 on a DELETE", status(429), false, undefined],
    ["reset on an idempotent request", failure("ECONNRESET"), true, 50],
    ["headers timeout on an idempotent request", failure("headers-timeout"), true, 50],
    ["reset on a DELETE", failure("ECONNRESET"), false, undefined],
    ["headers timeout on a DELETE", failure("headers-timeout"), false, undefined],
    ["refused on a DELETE", failure("ECONNREFUSED"), false, 50],
    ["DNS failure on a DELETE", failure("ENOTFOUND"), false, 50],
    ["connect timeout on a DELETE", failure("connect-timeout"), false, 50],
    ["TLS verification failure", failure("UNABLE_TO_VERIFY_LEAF_SIGNATURE"), true, undefined],
    ["closed client", failure("closed"), true, undefined],
  ])("%s", (_name, result, idempotent, expected) => {
    expect(retryDelay(result, context(1, idempotent))).toBe(expected);
  });

  it("stops after maxRetries attempts beyond the first", () => {
    expect(retryDelay(status(503), context(3, true))).toBeDefined();
    expect(retryDelay(status(503), context(4, true))).toBeUndefined();
  });

  it("doubles the jitter window per attempt up to the maximum", () => {
    const nearlyOne = 0.999_999;
    const ceilings = [1, 2, 3].map((attempt) => retryDelay(status(503), context(attempt, true, nearlyOne)));
    expect(ceilings).toEqual([99, 199, 399]);
    const capped = retryDelay(status(503), {
      ...context(3, true, nearlyOne),
      settings: { ...settings, maxDelayMs: 250 },
    });
    expect(capped).toBe(249);
  });

  it("uses full jitter: a random of 0 gives no wait", () => {
    expect(retryDelay(status(503), context(2, true, 0))).toBe(0);
  });

  it("has defaults that retry", () => {
    expect(DEFAULT_RETRY.maxRetries).toBeGreaterThan(0);
  });
});

describe("request classification", () => {
  it.each([
    ["GET", true],
    ["HEAD", true],
    ["PUT", true],
    ["POST", false],
    ["DELETE", false],
  ])("%s idempotent by default: %s", (method, expected) => {
    expect(isIdempotentMethod(method)).toBe(expected);
  });

  it.each([
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [501, false],
    [505, false],
    [400, false],
    [408, false],
  ])("status %i retryable: %s", (code, expected) => {
    expect(isRetryableStatus(code)).toBe(expected);
  });

  it.each([
    ["ECONNREFUSED", true],
    ["EAI_AGAIN", true],
    ["EHOSTUNREACH", true],
    ["ECONNRESET", false],
    ["body-timeout", false],
  ])("%s never reached the server: %s", (code, expected) => {
    expect(neverReachedServer(code)).toBe(expected);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it.each([
    ["3", 3_000],
    [" 0 ", 0],
    ["Thu, 01 Jan 2026 00:00:05 GMT", 5_000],
    ["Wed, 31 Dec 2025 23:59:00 GMT", 0],
    ["soon", undefined],
    ["-1", undefined],
    [undefined, undefined],
  ])("%j → %j ms", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
