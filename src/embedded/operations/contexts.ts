// `/contexts` (registry-rest-api.md §2.7): listing, and deleting an empty context (8.1+).

import { errors } from "../errors.js";
import { outcome } from "../store/changes.js";
import { DEFAULT_CONTEXT } from "../subjects.js";
import { compareStrings, paginate, UNLIMITED, type Page } from "./paging.js";
import type { Services } from "./services.js";

/** `.` first, then every context created by a registration, sorted. */
export function listContexts(services: Services, options: Page & { contextPrefix?: string }): string[] {
  const named = [...services.store.state.contexts.values()]
    .filter((c) => c.listed && c.name !== DEFAULT_CONTEXT)
    .map((c) => c.name)
    .sort(compareStrings);
  const prefix = options.contextPrefix ?? "";
  return paginate(
    [DEFAULT_CONTEXT, ...named].filter((name) => name.startsWith(prefix)),
    options,
    UNLIMITED,
  );
}

/** `.ctx`, `:.ctx:` or `:.:`: the context's name, or a 400 for a name with a colon inside. */
export function parseContextSegment(segment: string): string {
  let name = segment;
  if (name.startsWith(":")) name = name.slice(1);
  if (name.endsWith(":")) name = name.slice(0, -1);
  if (name.includes(":"))
    throw errors.badRequest(`Invalid context name '${segment}': a context name cannot contain a colon`);
  return name.startsWith(".") ? name : `.${name}`;
}

/** Soft-deleted subjects count: only an empty context may go. An unknown one is accepted silently. */
export function deleteContext(services: Services, segment: string): Promise<void> {
  const name = parseContextSegment(segment);
  return services.store.write((state) => {
    const context = state.context(name);
    if (!context) return outcome(undefined);
    if ([...context.subjects.values()].some((s) => s.versions.length > 0)) {
      throw errors.contextNotEmpty(`:${name}:`);
    }
    return outcome(undefined, context.listed ? [{ op: "setListed", context: name, listed: false }] : []);
  });
}
