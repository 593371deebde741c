// Comparing two nodes (compatibility.md §3.3): the entry every keyword comparison recurses into.

import { valueKey } from "../model/equality.js";
import { dereference, type SchemaNode } from "../model/nodes.js";
import { compareArrays } from "./array.js";
import { compareCombined } from "./combined.js";
import type { DiffContext } from "./context.js";
import { compareObjects } from "./object.js";
import { compareNumbers, compareStrings } from "./scalars.js";
import { compareConsts, compareEnums, compareNots } from "./values.js";

/**
 * Compares `original` (the writer's schema) with `update` (the reader's) at the context's path.
 * A side that is absent makes SCHEMA_ADDED or SCHEMA_REMOVED.
 */
export function compareSchemas(
  ctx: DiffContext,
  original: SchemaNode | undefined,
  update: SchemaNode | undefined,
): void {
  if (original === undefined && update === undefined) return;
  if (original === undefined) {
    ctx.add("SCHEMA_ADDED", { update: update ?? null });
    return;
  }
  if (update === undefined) {
    ctx.add("SCHEMA_REMOVED", { original });
    return;
  }
  const o = dereference(original);
  const u = dereference(update);
  ctx.addRebased(ctx.comparePair(o, u, (pairCtx) => compareResolved(pairCtx, o, u)));
}

function compareResolved(ctx: DiffContext, original: SchemaNode, update: SchemaNode): void {
  if (original.kind !== "combined" && update.kind === "combined") {
    if (update.subschemas.length === 1) {
      if (probe(ctx, original, update.subschemas[0]!)) return;
    } else if (update.criterion !== "allOf") {
      // The writer's plain schema is one of the reader's alternatives.
      for (const alternative of update.subschemas) {
        if (probe(ctx, original, alternative)) {
          ctx.add("SUM_TYPE_EXTENDED");
          return;
        }
      }
    }
  } else if (original.kind === "combined" && update.kind !== "combined") {
    if (original.subschemas.length === 1) {
      if (probe(ctx, original.subschemas[0]!, update)) return;
    } else if (original.criterion === "allOf") {
      // The reader keeps one of the writer's conjuncts.
      for (const conjunct of original.subschemas) {
        if (probe(ctx, conjunct, update)) {
          ctx.add("PRODUCT_TYPE_NARROWED");
          return;
        }
      }
    }
  }

  if (classOf(original) !== classOf(update)) {
    // Everything reads what `false` allows (nothing), and `{}`/`true` read everything.
    if (original.kind === "false" || update.kind === "empty") return;
    if (original.connectType === "bytes" && update.connectType === "bytes") return;
    ctx.add("TYPE_CHANGED");
    return;
  }

  compareAnnotations(ctx, original, update);
  switch (original.kind) {
    case "string":
      return compareStrings(ctx, original, update as typeof original);
    case "number":
      return compareNumbers(ctx, original, update as typeof original);
    case "enum":
      return compareEnums(ctx, original, update as typeof original);
    case "const":
      return compareConsts(ctx, original, update as typeof original);
    case "combined":
      return compareCombined(ctx, original, update as typeof original);
    case "not":
      return compareNots(ctx, original, update as typeof original);
    case "object":
      return compareObjects(ctx, original, update as typeof original);
    case "array":
      return compareArrays(ctx, original, update as typeof original);
    default:
      // Boolean, null, empty, false and conditional nodes have nothing beyond annotations.
      return;
  }
}

/**
 * Compares in a scratch context and keeps every difference, compatible or not; says whether the pair was
 * compatible (the covered / not covered question of partially open content models).
 */
export function compareCovered(ctx: DiffContext, original: SchemaNode, update: SchemaNode): boolean {
  const scratch = ctx.sub();
  compareSchemas(scratch, original, update);
  ctx.addAll(scratch.diffs);
  return scratch.isCompatible();
}

/** Compares in a scratch context; when compatible, keeps its differences and says so. */
function probe(ctx: DiffContext, original: SchemaNode, update: SchemaNode): boolean {
  const scratch = ctx.sub();
  compareSchemas(scratch, original, update);
  if (!scratch.isCompatible()) return false;
  ctx.addAll(scratch.diffs);
  return true;
}

/**
 * The class the registry's comparison dispatches on: every combinator is one class, and `true`
 * is a class of its own (a subclass of the empty schema).
 */
function classOf(node: SchemaNode): string {
  return node.kind === "empty" && node.isTrue ? "true" : node.kind;
}

function compareAnnotations(ctx: DiffContext, original: SchemaNode, update: SchemaNode): void {
  const o = original.annotations;
  const u = update.annotations;
  if (o.id !== u.id) ctx.add("ID_CHANGED");
  if (o.title !== u.title) ctx.add("TITLE_CHANGED");
  if (o.description !== u.description) ctx.add("DESCRIPTION_CHANGED");
  if (!sameDefault(o.default, u.default)) {
    const lookAlike =
      o.default !== undefined && u.default !== undefined && valueKey(o.default) === valueKey(u.default);
    ctx.add("DEFAULT_CHANGED", lookAlike ? { quirk: OBJECT_DEFAULT_QUIRK } : {});
  }
}

const OBJECT_DEFAULT_QUIRK =
  "The defaults are equal, but the registry compares object and array defaults by identity, so they always look changed (a compatible difference).";

/**
 * The registry compares defaults with Java `equals` on its JSON library's values, whose objects
 * and arrays have identity equality: an object or array default always looks changed.
 */
function sameDefault(
  a: SchemaNode["annotations"]["default"],
  b: SchemaNode["annotations"]["default"],
): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.kind === "object" || a.kind === "array" || b.kind === "object" || b.kind === "array") return false;
  return valueKey(a) === valueKey(b);
}
