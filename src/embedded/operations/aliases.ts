// Subject aliases (registry-rest-api.md §4.8): a subject whose own config sets `alias` stands for the
// aliased subject on `/subjects` and `/compatibility` paths (not on `/config` or `/mode`).

import { referenceTarget } from "../store/state.js";
import { toSubjectRef } from "../subjects.js";
import type { Services } from "./services.js";

/** The subject a path segment means; an unqualified alias lives in the alias subject's context. */
export function resolveAlias(services: Services, rawSubject: string): string {
  const ref = toSubjectRef(rawSubject);
  const alias = services.store.state.subject(ref.context, ref.name)?.config?.alias;
  return alias === undefined ? rawSubject : referenceTarget(ref.context, alias).qualified;
}
