import { describe, expect, it } from "vitest";
import { describeNetworkFailure } from "../../src/registry/failures.js";

const coded = (code: string, message = `${code} happened`) => Object.assign(new Error(message), { code });

describe("describeNetworkFailure", () => {
  it.each([
    ["ECONNREFUSED", "ECONNREFUSED"],
    ["ENOTFOUND", "ENOTFOUND"],
    ["UND_ERR_CONNECT_TIMEOUT", "connect-timeout"],
    ["UND_ERR_HEADERS_TIMEOUT", "headers-timeout"],
    ["UND_ERR_BODY_TIMEOUT", "body-timeout"],
    ["UND_ERR_SOCKET", "ECONNRESET"],
    ["EPIPE", "ECONNRESET"],
    ["UND_ERR_CLOSED", "closed"],
    ["DEPTH_ZERO_SELF_SIGNED_CERT", "DEPTH_ZERO_SELF_SIGNED_CERT"],
  ])("%s → %s", (code, expected) => {
    expect(describeNetworkFailure(coded(code))).toEqual({ code: expected, detail: `${code} happened` });
  });

  it("finds the code inside an AggregateError from dual-stack connection attempts", () => {
    const error = new AggregateError([
      new Error("no code"),
      coded("ECONNREFUSED", "connect ECONNREFUSED ::1:80"),
    ]);
    expect(describeNetworkFailure(error)).toEqual({
      code: "ECONNREFUSED",
      detail: "connect ECONNREFUSED ::1:80",
    });
  });

  it("follows Error.cause", () => {
    const error = new Error("fetch failed", { cause: coded("ECONNRESET", "read ECONNRESET") });
    expect(describeNetworkFailure(error)).toEqual({ code: "ECONNRESET", detail: "read ECONNRESET" });
  });

  it("names an error without a code", () => {
    expect(describeNetworkFailure(new Error("strange"))).toEqual({
      code: "network-error",
      detail: "strange",
    });
  });
});
