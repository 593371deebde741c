import { describe, expect, it } from "vitest";
import { expandString } from "../../src/repo/env.js";

describe("expandString", () => {
  const env = { HOST: "sr.example.com", PORT: "8081", EMPTY: "" };

  it.each([
    ["no reference", "https://x", "https://x"],
    ["one reference", "${HOST}", "sr.example.com"],
    ["several references in one value", "https://${HOST}:${PORT}/v1", "https://sr.example.com:8081/v1"],
    ["a variable set to the empty string", "a${EMPTY}b", "ab"],
    ["an escaped reference", "$${HOST}", "${HOST}"],
    ["a lone dollar sign", "cost: $5", "cost: $5"],
  ])("expands %s", (_, text, expected) => {
    expect(expandString(text, env)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["a missing variable", "${NOPE}", "environment variable NOPE is not set"],
    ["an empty name", "${}", 'invalid variable name "" in "${}"'],
    [
      "a name with a default (not supported)",
      "${HOST:-x}",
      'invalid variable name "HOST:-x" in "${HOST:-x}"',
    ],
    ["an unterminated reference", "${HOST", 'unterminated "${" (write "$${" for a literal "${")'],
  ])("rejects %s", (_, text, message) => {
    expect(expandString(text, env)).toEqual({ ok: false, message });
  });
});
