// Enum, const and not (compatibility.md §3.4).

import { valueKey } from "../model/equality.js";
import type { ConstNode, EnumNode, NotNode } from "../model/nodes.js";
import { compareSchemas } from "./compare.js";
import type { DiffContext } from "./context.js";

export function compareEnums(ctx: DiffContext, original: EnumNode, update: EnumNode): void {
  const o = new Set(original.values.map(valueKey));
  const u = new Set(update.values.map(valueKey));
  const updateHasAll = [...o].every((v) => u.has(v));
  const originalHasAll = [...u].every((v) => o.has(v));
  const at = { keyword: ["enum"] };
  if (updateHasAll && originalHasAll) return;
  if (updateHasAll) ctx.add("ENUM_ARRAY_EXTENDED", at);
  else if (originalHasAll) ctx.add("ENUM_ARRAY_NARROWED", at);
  else ctx.add("ENUM_ARRAY_CHANGED", at);
}

export function compareConsts(ctx: DiffContext, original: ConstNode, update: ConstNode): void {
  if (valueKey(original.value) !== valueKey(update.value))
    ctx.add("ENUM_ARRAY_CHANGED", { keyword: ["const"] });
}

/**
 * A negation reads the writer's data when the negated schemas compare the other way round: the
 * update's negated schema must read the original's. Only the verdict is kept.
 */
export function compareNots(ctx: DiffContext, original: NotNode, update: NotNode): void {
  const scratch = ctx.sub();
  compareSchemas(scratch, update.schema, original.schema);
  ctx.add(scratch.isCompatible() ? "NOT_TYPE_NARROWED" : "NOT_TYPE_EXTENDED", { keyword: ["not"] });
}
