// One full comparison, repeated until cycles stop hiding incompatibilities (compatibility.md §3.7).
//
// A pair met again while it is still being compared is assumed compatible, which lets recursive
// schemas terminate. That optimism can be wrong: a pair memoised as compatible under the assumption
// may turn out to depend on a pair that later proves incompatible. So when a pass cut a cycle, the
// comparison runs again with the pairs proved incompatible so far "seeded": met again in progress,
// they now count as incompatible (through an internal marker that makes enclosing probes fail but
// is never reported). The seeded set only grows, so the loop ends, at the latest when every
// compared pair is seeded.

import type { SchemaNode } from "../model/nodes.js";
import { compareSchemas } from "./compare.js";
import { CYCLE_MARKER, DiffContext, RunState, type Difference } from "./context.js";
import { PairSet } from "./pairs.js";
import { compatibleTypes, type DifferenceType, type Policy } from "./types.js";

export interface ReportedDifference extends Difference {
  type: DifferenceType;
}

/** Every difference found when `update` (the reader) reads data written with `original`. */
export function diffSchemas(original: SchemaNode, update: SchemaNode, policy: Policy): ReportedDifference[] {
  const compatible = compatibleTypes(policy);
  let seeds = new PairSet<SchemaNode>();
  for (;;) {
    const run = new RunState(compatible, seeds);
    const ctx = new DiffContext(run, original, update);
    compareSchemas(ctx, original, update);
    const next = grownSeeds(run, seeds);
    if (!run.cycleCut || next === undefined) {
      return ctx.diffs.filter((d): d is ReportedDifference => d.type !== CYCLE_MARKER);
    }
    seeds = next;
  }
}

/** The seeds plus every pair this run proved incompatible; undefined when nothing was added. */
function grownSeeds(run: RunState, seeds: PairSet<SchemaNode>): PairSet<SchemaNode> | undefined {
  const next = new PairSet<SchemaNode>();
  for (const [a, b] of seeds.pairs()) next.add(a, b);
  let grew = false;
  for (const [a, b, diffs] of run.memo.entries()) {
    if (!run.isCompatible(diffs) && !next.has(a, b)) {
      next.add(a, b);
      grew = true;
    }
  }
  return grew ? next : undefined;
}
