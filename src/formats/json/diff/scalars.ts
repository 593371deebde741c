// Strings and numbers (compatibility.md §3.4).

import type { NumberNode, StringNode } from "../model/nodes.js";
import { boundTypes, compareBound } from "./bounds.js";
import type { DiffContext } from "./context.js";
import { decimalEquals, isMultipleOf } from "./decimal.js";

export function compareStrings(ctx: DiffContext, original: StringNode, update: StringNode): void {
  compareBound(ctx, "maxLength", original.maxLength, update.maxLength, boundTypes("MAX_LENGTH"));
  compareBound(ctx, "minLength", original.minLength, update.minLength, boundTypes("MIN_LENGTH"));
  // Regular expressions compare as written: no attempt to decide language inclusion.
  const [o, u] = [original.pattern, update.pattern];
  if (o === u) return;
  if (o === undefined) ctx.add("PATTERN_ADDED", { keyword: ["pattern"] });
  else if (u === undefined) ctx.add("PATTERN_REMOVED", { keyword: ["pattern"] });
  else ctx.add("PATTERN_CHANGED", { keyword: ["pattern"] });
}

export function compareNumbers(ctx: DiffContext, original: NumberNode, update: NumberNode): void {
  compareBound(ctx, "maximum", original.maximum?.value, update.maximum?.value, boundTypes("MAXIMUM"));
  compareBound(ctx, "minimum", original.minimum?.value, update.minimum?.value, boundTypes("MINIMUM"));
  compareExclusiveMaximum(ctx, original, update);
  compareBound(
    ctx,
    "exclusiveMinimum",
    original.exclusiveMinimum?.value,
    update.exclusiveMinimum?.value,
    boundTypes("EXCLUSIVE_MINIMUM"),
  );
  compareMultipleOf(ctx, original, update);
  if (original.integer !== update.integer) ctx.add(original.integer ? "TYPE_EXTENDED" : "TYPE_NARROWED");
}

/**
 * The registry's exclusiveMaximum check has a slip: when both sides have one, they differ and the
 * update's is not larger, it compares the original's exclusiveMaximum with the update's *maximum*.
 * This port mirrors the registry's verdicts where it gives one:
 * - the update has a maximum below the original's exclusiveMaximum → EXCLUSIVE_MAXIMUM_DECREASED,
 *   flagged as a quirk;
 * - the update has a maximum at or above it → nothing, as the registry (the decrease goes unseen);
 * - the update has no maximum → the registry fails with an error and gives no verdict; this port
 *   reports the real decrease (EXCLUSIVE_MAXIMUM_DECREASED), flagged as a quirk.
 */
function compareExclusiveMaximum(ctx: DiffContext, original: NumberNode, update: NumberNode): void {
  const o = original.exclusiveMaximum?.value;
  const u = update.exclusiveMaximum?.value;
  if (o === undefined || u === undefined || o === u || o < u) {
    compareBound(ctx, "exclusiveMaximum", o, u, boundTypes("EXCLUSIVE_MAXIMUM"));
    return;
  }
  const keyword = ["exclusiveMaximum"];
  const updateMaximum = update.maximum?.value;
  if (updateMaximum === undefined) {
    ctx.add("EXCLUSIVE_MAXIMUM_DECREASED", {
      keyword,
      quirk:
        "The registry fails on this comparison (it compares the old exclusiveMaximum with the new schema's " +
        "maximum, which is absent) and returns an error instead of a verdict; the decrease is reported here.",
    });
  } else if (o > updateMaximum) {
    ctx.add("EXCLUSIVE_MAXIMUM_DECREASED", {
      keyword,
      quirk:
        "The registry reports this decrease because the old exclusiveMaximum is above the new schema's maximum " +
        "(it compares against maximum, not the new exclusiveMaximum); a decrease that stays below maximum goes unreported.",
    });
  }
}

function compareMultipleOf(ctx: DiffContext, original: NumberNode, update: NumberNode): void {
  const o = original.multipleOf?.lexeme;
  const u = update.multipleOf?.lexeme;
  const at = { keyword: ["multipleOf"] };
  if (o === undefined && u === undefined) return;
  if (o === undefined) ctx.add("MULTIPLE_OF_ADDED", at);
  else if (u === undefined) ctx.add("MULTIPLE_OF_REMOVED", at);
  else if (decimalEquals(o, u)) return;
  else if (isMultipleOf(u, o)) ctx.add("MULTIPLE_OF_EXPANDED", at);
  else if (isMultipleOf(o, u)) ctx.add("MULTIPLE_OF_REDUCED", at);
  else ctx.add("MULTIPLE_OF_CHANGED", at);
}
