import { expect } from "vitest";
import { RegistryError } from "../../../src/registry/errors.js";

/** The RegistryError a promise rejects with; fails the test if it resolves or rejects with something else. */
export async function registryFailure(promise: Promise<unknown>): Promise<RegistryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryError);
  return error as RegistryError;
}
