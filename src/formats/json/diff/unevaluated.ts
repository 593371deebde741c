// The unevaluatedProperties / unevaluatedItems state table (compatibility.md §3.5).

import type { SchemaNode } from "../model/nodes.js";
import { compareSchemas } from "./compare.js";
import { unevaluatedState } from "./content-model.js";
import type { DiffContext } from "./context.js";
import type { DifferenceType } from "./types.js";

export function compareUnevaluated(
  ctx: DiffContext,
  keyword: "unevaluatedProperties" | "unevaluatedItems",
  original: SchemaNode | undefined,
  update: SchemaNode | undefined,
): void {
  if (original === undefined && update === undefined) return;
  const prefix = keyword === "unevaluatedProperties" ? "UNEVALUATED_PROPERTIES" : "UNEVALUATED_ITEMS";
  const type = (suffix: string): DifferenceType => `${prefix}_${suffix}` as DifferenceType;
  const o = unevaluatedState(original);
  const u = unevaluatedState(update);
  const at = { keyword: [keyword] };
  if (o === "absent") ctx.add(type(u === "false" ? "REMOVED" : "NARROWED"), at);
  else if (u === "absent") ctx.add(type(o === "false" ? "ADDED" : "EXTENDED"), at);
  else if (o === "false" && u !== "false") ctx.add(type("ADDED"), at);
  else if (o !== "false" && u === "false") ctx.add(type("REMOVED"), at);
  else if (o === "anything" && u !== "anything") ctx.add(type("NARROWED"), at);
  else if (o !== "anything" && u === "anything") ctx.add(type("EXTENDED"), at);
  else ctx.at([keyword], () => compareSchemas(ctx, original, update));
}
