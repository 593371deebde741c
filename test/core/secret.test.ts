import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { Secret, redact } from "../../src/core/secret.js";

describe("Secret", () => {
  const secret = new Secret("hunter2-password");

  it("never prints its value", () => {
    expect(String(secret)).toBe("***");
    expect(`${secret}`).toBe("***");
    expect(JSON.stringify({ auth: { password: secret } })).toBe('{"auth":{"password":"***"}}');
    expect(inspect({ secret })).not.toContain("hunter2");
  });

  it("hands out the value only when asked", () => {
    expect(secret.reveal()).toBe("hunter2-password");
  });

  it("redacts values inside foreign text", () => {
    expect(redact("401 for user:hunter2-password@host", [secret])).toBe("401 for user:***@host");
    expect(redact("nothing to hide", [secret, "ab"])).toBe("nothing to hide");
  });
});
