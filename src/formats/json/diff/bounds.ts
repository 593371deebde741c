// A keyword with a numeric value on either side: added, removed, increased or decreased.

import type { DiffContext, Sides } from "./context.js";
import type { DifferenceType } from "./types.js";

/** The four difference types of one bound keyword, e.g. MAX_LENGTH_ADDED … MAX_LENGTH_DECREASED. */
export function boundTypes(prefix: string): BoundTypes {
  return {
    added: `${prefix}_ADDED` as DifferenceType,
    removed: `${prefix}_REMOVED` as DifferenceType,
    increased: `${prefix}_INCREASED` as DifferenceType,
    decreased: `${prefix}_DECREASED` as DifferenceType,
  };
}

export interface BoundTypes {
  added: DifferenceType;
  removed: DifferenceType;
  increased: DifferenceType;
  decreased: DifferenceType;
}

/** Compares the update's value of `keyword` to the original's. */
export function compareBound(
  ctx: DiffContext,
  keyword: string,
  original: number | undefined,
  update: number | undefined,
  types: BoundTypes,
  sides: Omit<Sides, "keyword"> = {},
): void {
  const at = { ...sides, keyword: [keyword] };
  if (original === undefined && update === undefined) return;
  if (original === undefined) ctx.add(types.added, at);
  else if (update === undefined) ctx.add(types.removed, at);
  else if (original < update) ctx.add(types.increased, at);
  else if (original > update) ctx.add(types.decreased, at);
}
