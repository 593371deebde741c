// Combined versus combined (compatibility.md §3.6): criterion change, de-duplication, size rules
// and a one-to-one pairing of compatible subschemas.

import { modelEquals } from "../model/equality.js";
import type { CombinedNode, SchemaNode } from "../model/nodes.js";
import { compareSchemas } from "./compare.js";
import type { Difference, DiffContext } from "./context.js";
import { maximumMatching } from "./matching.js";

export function compareCombined(ctx: DiffContext, original: CombinedNode, update: CombinedNode): void {
  if (!compareCriteria(ctx, original, update)) return;
  const originals = distinct(original.subschemas);
  const updates = distinct(update.subschemas);
  if (originals.length < updates.length) {
    ctx.add(update.criterion === "allOf" ? "PRODUCT_TYPE_EXTENDED" : "SUM_TYPE_EXTENDED");
  } else if (originals.length > updates.length) {
    ctx.add(original.criterion === "allOf" ? "PRODUCT_TYPE_NARROWED" : "SUM_TYPE_NARROWED");
  }

  // Every compatible (original, update) pair is an edge, with the differences it would bring.
  const edges: number[][] = [];
  const edgeDiffs = new Map<string, readonly Difference[]>();
  originals.forEach((o, i) => {
    edges.push([]);
    ctx.at([original.criterion, String(i)], () => {
      updates.forEach((u, j) => {
        const scratch = ctx.sub();
        compareSchemas(scratch, o, u);
        if (scratch.isCompatible()) {
          edges[i]!.push(j);
          edgeDiffs.set(`${i}:${j}`, scratch.diffs);
        }
      });
    });
  });

  const partners = maximumMatching(edges, updates.length);
  let matched = 0;
  partners.forEach((j, i) => {
    if (j === -1) return;
    matched++;
    ctx.addAll(edgeDiffs.get(`${i}:${j}`)!);
  });
  if (matched < Math.min(originals.length, updates.length)) ctx.add("COMBINED_TYPE_SUBSCHEMAS_CHANGED");
}

/** Reports a criterion change; false when it is one the comparison cannot go past. */
function compareCriteria(ctx: DiffContext, original: CombinedNode, update: CombinedNode): boolean {
  if (original.criterion === update.criterion) return true;
  const single = (n: CombinedNode): boolean => n.subschemas.length === 1;
  const extended =
    update.criterion === "anyOf" ||
    (single(original) && single(update)) ||
    (single(original) && update.criterion === "oneOf") ||
    (single(update) && original.criterion === "allOf");
  ctx.add(extended ? "COMBINED_TYPE_EXTENDED" : "COMBINED_TYPE_CHANGED");
  return extended;
}

/** Subschemas with structural duplicates dropped, first occurrence kept. */
function distinct(subschemas: readonly SchemaNode[]): SchemaNode[] {
  const out: SchemaNode[] = [];
  for (const s of subschemas) if (!out.some((kept) => modelEquals(kept, s))) out.push(s);
  return out;
}
