// The unqualified-subject fallback of registry-rest-api.md §5 (`getUsingContexts`): a bare subject
// that is not found in the default context is looked for under the same name in the other contexts.

import { RegistryError } from "../errors.js";
import { DEFAULT_CONTEXT, subjectRef, type SubjectRef } from "../subjects.js";
import { compareStrings } from "./paging.js";
import type { Services } from "./services.js";

const NOT_FOUND = new Set([40401, 40402, 40403]);

/**
 * Runs `attempt` on `ref`; when it finds nothing and `ref` is unqualified, runs it on `:.ctx:name` for
 * each other context in order, answering the first success or else the first failure.
 */
export function withContextFallback<T>(
  services: Services,
  ref: SubjectRef,
  attempt: (ref: SubjectRef) => T,
): T {
  try {
    return attempt(ref);
  } catch (error) {
    if (
      ref.context !== DEFAULT_CONTEXT ||
      !(error instanceof RegistryError) ||
      !NOT_FOUND.has(error.errorCode)
    )
      throw error;
    const contexts = [...services.store.state.contexts.values()]
      .filter((c) => c.name !== DEFAULT_CONTEXT && c.subjects.has(ref.name))
      .map((c) => c.name)
      .sort(compareStrings);
    for (const context of contexts) {
      try {
        return attempt(subjectRef(context, ref.name));
      } catch (inner) {
        if (!(inner instanceof RegistryError) || !NOT_FOUND.has(inner.errorCode)) throw inner;
      }
    }
    throw error;
  }
}
