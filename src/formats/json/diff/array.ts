// Arrays (compatibility.md §3.6): the all-items schema, tuples under each content model,
// additionalItems, unevaluatedItems and the bounds.

import type { ArrayNode, SchemaNode } from "../model/nodes.js";
import { boundTypes, compareBound } from "./bounds.js";
import { compareCovered, compareSchemas } from "./compare.js";
import { coveringItemSchema, isOpenArray } from "./content-model.js";
import type { DiffContext } from "./context.js";
import { compareUnevaluated } from "./unevaluated.js";

/** 2020-12 spells tuples `prefixItems` and additional items `items`. */
const TUPLE_KEYWORDS = ["items", "prefixItems"];
const ADDITIONAL_ITEMS_KEYWORDS = ["additionalItems", "items"];

export function compareArrays(ctx: DiffContext, original: ArrayNode, update: ArrayNode): void {
  ctx.at(["items"], () => compareSchemas(ctx, original.allItems, update.allItems));
  compareTuples(ctx, original, update);
  compareAdditionalItems(ctx, original, update);
  compareUnevaluated(ctx, "unevaluatedItems", original.unevaluatedItems, update.unevaluatedItems);
  compareBound(ctx, "maxItems", original.maxItems, update.maxItems, boundTypes("MAX_ITEMS"));
  compareBound(ctx, "minItems", original.minItems, update.minItems, boundTypes("MIN_ITEMS"));
  if (original.uniqueItems !== update.uniqueItems) {
    ctx.add(original.uniqueItems ? "UNIQUE_ITEMS_REMOVED" : "UNIQUE_ITEMS_ADDED", {
      keyword: ["uniqueItems"],
    });
  }
  compareBound(ctx, "maxContains", original.maxContains, update.maxContains, boundTypes("MAX_CONTAINS"));
  compareBound(ctx, "minContains", original.minContains, update.minContains, boundTypes("MIN_CONTAINS"));
}

function compareTuples(ctx: DiffContext, original: ArrayNode, update: ArrayNode): void {
  const o = original.tupleItems ?? [];
  const u = update.tupleItems ?? [];
  for (let i = 0; i < Math.max(o.length, u.length); i++) {
    ctx.at(["items", String(i)], () => {
      if (i < o.length && i < u.length) compareSchemas(ctx, o[i], u[i]);
      else if (i < o.length) itemRemoved(ctx, o[i]!, update);
      else itemAdded(ctx, u[i]!, original);
    });
  }
}

/** The writer's tuple is longer: can the reader take the extra position? */
function itemRemoved(ctx: DiffContext, removed: SchemaNode, update: ArrayNode): void {
  const sides = { original: removed, update: null, near: TUPLE_KEYWORDS };
  if (isOpenArray(update)) {
    ctx.add("ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL", sides);
    return;
  }
  const covering = coveringItemSchema(update);
  if (covering !== undefined) {
    ctx.add(
      compareCovered(ctx, removed, covering)
        ? "ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"
        : "ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
      { ...sides, update: covering },
    );
  } else if (removed.kind === "false") {
    ctx.add("ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL", sides);
  } else {
    ctx.add("ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL", sides);
  }
}

/** The reader's tuple is longer: what could the writer have put in the new position? */
function itemAdded(ctx: DiffContext, added: SchemaNode, original: ArrayNode): void {
  const sides = { original: null, update: added, near: TUPLE_KEYWORDS };
  if (isOpenArray(original)) {
    ctx.add(
      added.kind === "empty"
        ? "ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL"
        : "ITEM_ADDED_TO_OPEN_CONTENT_MODEL",
      sides,
    );
    return;
  }
  const covering = coveringItemSchema(original);
  if (covering === undefined) {
    ctx.add("ITEM_ADDED_TO_CLOSED_CONTENT_MODEL", sides);
    return;
  }
  ctx.add(
    compareCovered(ctx, covering, added)
      ? "ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"
      : "ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
    { ...sides, original: covering },
  );
}

function compareAdditionalItems(ctx: DiffContext, original: ArrayNode, update: ArrayNode): void {
  const at = { keyword: ADDITIONAL_ITEMS_KEYWORDS };
  const o = original.additionalItemsSchema;
  const u = update.additionalItemsSchema;
  if (original.permitsAdditionalItems !== update.permitsAdditionalItems) {
    ctx.add(original.permitsAdditionalItems ? "ADDITIONAL_ITEMS_REMOVED" : "ADDITIONAL_ITEMS_ADDED", at);
  } else if (o === undefined && u !== undefined) {
    ctx.add("ADDITIONAL_ITEMS_NARROWED", at);
  } else if (o !== undefined && u === undefined) {
    ctx.add("ADDITIONAL_ITEMS_EXTENDED", at);
  } else {
    ctx.at(["additionalItems"], () => compareSchemas(ctx, o, u));
  }
}
