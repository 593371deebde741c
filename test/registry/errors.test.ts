import { describe, expect, it } from "vitest";
import { RegistryError, type RegistryErrorDetails } from "../../src/registry/errors.js";

const base: RegistryErrorDetails = {
  status: 404,
  registryMessage: "Subject 'orders' not found.",
  method: "GET",
  path: "/subjects/orders/versions/latest",
  registry: "https://sr.example.com",
};

const error = (details: Partial<RegistryErrorDetails>) => new RegistryError({ ...base, ...details });

describe("RegistryError", () => {
  it("carries status, code, registry message, method, path and registry", () => {
    const e = error({ errorCode: 40401 });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("RegistryError");
    expect(e).toMatchObject({ ...base, errorCode: 40401, attempts: 1 });
    expect(e.message).toBe(
      "registry https://sr.example.com answered 404 (error code 40401) to GET /subjects/orders/versions/latest: Subject 'orders' not found.",
    );
  });

  it("describes an unreachable registry with its failure code and attempts", () => {
    const e = error({
      status: 0,
      registryMessage: "connect ECONNREFUSED 127.0.0.1:1",
      cause: "ECONNREFUSED",
      attempts: 4,
    });
    expect(e.cause).toBe("ECONNREFUSED");
    expect(e.isUnreachable).toBe(true);
    expect(e.message).toBe(
      "cannot reach registry https://sr.example.com (ECONNREFUSED) for GET /subjects/orders/versions/latest after 4 attempts: connect ECONNREFUSED 127.0.0.1:1",
    );
  });

  it.each([
    ["409 with error_code 409 (≤8.1)", { status: 409, errorCode: 409 }, true],
    ["409 with error_code 40901 (8.2+)", { status: 409, errorCode: 40901 }, true],
    ["409 without a registry body", { status: 409, errorCode: undefined }, true],
    ["409 association conflict 40904", { status: 409, errorCode: 40904 }, false],
    ["422 invalid schema", { status: 422, errorCode: 42201 }, false],
  ])("isIncompatible: %s", (_name, details, expected) => {
    expect(error(details).isIncompatible).toBe(expected);
  });

  it.each([
    [
      "read-only mode",
      { status: 422, errorCode: 42205, registryMessage: "Subject x in context . is in read-only mode" },
      true,
    ],
    [
      "not in import mode",
      { status: 422, errorCode: 42205, registryMessage: "Subject x in context . is not in import mode" },
      false,
    ],
    ["another code", { status: 422, errorCode: 42201, registryMessage: "read-only" }, false],
  ])("isReadOnly: %s", (_name, details, expected) => {
    expect(error(details).isReadOnly).toBe(expected);
  });

  it.each([
    ["isSubjectNotFound", 40401],
    ["isVersionNotFound", 40402],
    ["isSchemaNotFound", 40403],
  ] as const)("%s matches %i only", (getter, code) => {
    expect(error({ errorCode: code })[getter]).toBe(true);
    expect(error({ errorCode: 40404 })[getter]).toBe(false);
    expect(error({ errorCode: code }).isNotFound).toBe(true);
  });

  it.each([
    ["headers-timeout", true],
    ["connect-timeout", true],
    ["ETIMEDOUT", true],
    ["ECONNRESET", false],
  ])("isTimeout for cause %s: %s", (cause, expected) => {
    expect(error({ status: 0, cause }).isTimeout).toBe(expected);
  });

  it("is invalid schema for 42201", () => {
    expect(error({ status: 422, errorCode: 42201 }).isInvalidSchema).toBe(true);
    expect(error({ status: 422, errorCode: 42202 }).isInvalidSchema).toBe(false);
  });
});
