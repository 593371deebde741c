// The state of one comparison: the current path, the differences found so far, and — shared by
// every scratch context of a run — the memo of compared pairs and the pairs still in progress.

import type { JsonNode } from "../../jsontext/index.js";
import type { SourceLocation } from "../../types.js";
import type { SchemaNode } from "../model/nodes.js";
import { PairMap, PairSet } from "./pairs.js";
import type { DifferenceType } from "./types.js";

/**
 * Internal marker for "this pair was found incompatible in the previous pass" (see run.ts). It
 * makes enclosing probes fail like a real incompatibility and never reaches the caller.
 */
export const CYCLE_MARKER = "CYCLE_MARKER";

export interface Difference {
  type: DifferenceType | typeof CYCLE_MARKER;
  /** Segments below the root of the comparison that produced it. */
  path: readonly string[];
  readerLocation?: SourceLocation;
  writerLocation?: SourceLocation;
  quirk?: string;
}

/** What a run shares between all its contexts. */
export class RunState {
  readonly memo = new PairMap<SchemaNode, Difference[]>();
  readonly inProgress = new PairSet<SchemaNode>();
  /** Set when a pair was met again while still being compared and assumed compatible. */
  cycleCut = false;

  constructor(
    readonly compatible: ReadonlySet<DifferenceType>,
    /** Pairs found incompatible in the previous pass: no longer assumed compatible on a cycle. */
    readonly seeds: PairSet<SchemaNode>,
  ) {}

  isCompatible(diffs: readonly Difference[]): boolean {
    return diffs.every((d) => d.type !== CYCLE_MARKER && this.compatible.has(d.type));
  }
}

/** Which element of each side a difference is about. */
export interface Sides {
  /** Keyword appended to the path (first entry), located in the pair's nodes by any of the entries. */
  keyword?: readonly string[];
  /**
   * The writer-side (original) element when it is not the pair's node; null when it does not exist
   * on that side, in which case the location falls back to the pair's node (at `near` if given).
   */
  original?: SchemaNode | null;
  /** The reader-side (update) element, as for `original`. */
  update?: SchemaNode | null;
  /** Keywords of the pair's nodes to point at when a side's element is absent. */
  near?: readonly string[];
  quirk?: string;
}

export class DiffContext {
  readonly diffs: Difference[] = [];

  constructor(
    readonly run: RunState,
    /** The pair whose comparison this context belongs to (for locations). */
    readonly original: SchemaNode | undefined,
    readonly update: SchemaNode | undefined,
    private readonly path: string[] = [],
  ) {}

  /** A scratch context at the same path and pair, sharing the run state. */
  sub(): DiffContext {
    return new DiffContext(this.run, this.original, this.update, [...this.path]);
  }

  /** Runs `fn` with `segments` appended to the path. */
  at<T>(segments: readonly string[], fn: () => T): T {
    this.path.push(...segments);
    try {
      return fn();
    } finally {
      this.path.length -= segments.length;
    }
  }

  isCompatible(): boolean {
    return this.run.isCompatible(this.diffs);
  }

  /** Records `type` at the current path, extended by `sides.keyword`'s first entry if given. */
  add(type: DifferenceType, sides: Sides = {}): void {
    const keyword = sides.keyword?.[0];
    const diff: Difference = { type, path: keyword === undefined ? [...this.path] : [...this.path, keyword] };
    const writerLocation = this.locateSide(sides.original, this.original, sides);
    const readerLocation = this.locateSide(sides.update, this.update, sides);
    if (writerLocation) diff.writerLocation = writerLocation;
    if (readerLocation) diff.readerLocation = readerLocation;
    if (sides.quirk !== undefined) diff.quirk = sides.quirk;
    this.diffs.push(diff);
  }

  private locateSide(
    element: SchemaNode | null | undefined,
    pairNode: SchemaNode | undefined,
    sides: Sides,
  ): SourceLocation | undefined {
    if (element) return element.location;
    if (pairNode === undefined) return undefined;
    return locate(pairNode, element === null ? sides.near : sides.keyword);
  }

  /** Adds differences found by a scratch context of this one (same path frame). */
  addAll(diffs: readonly Difference[]): void {
    this.diffs.push(...diffs);
  }

  /** Adds differences computed relative to a nested pair, re-based onto the current path. */
  addRebased(diffs: readonly Difference[]): void {
    for (const d of diffs) this.diffs.push({ ...d, path: [...this.path, ...d.path] });
  }

  /**
   * The differences of one (original, update) pair relative to the pair, memoised by node
   * identity. A pair met again while in progress is a cycle: assumed compatible (unless an
   * earlier pass proved it is not) and not memoised.
   */
  comparePair(
    original: SchemaNode,
    update: SchemaNode,
    compare: (ctx: DiffContext) => void,
  ): readonly Difference[] {
    const run = this.run;
    const cached = run.memo.get(original, update);
    if (cached !== undefined) return cached;
    if (run.inProgress.has(original, update)) {
      run.cycleCut = true;
      return run.seeds.has(original, update) ? [{ type: CYCLE_MARKER, path: [] }] : [];
    }
    run.inProgress.add(original, update);
    try {
      const ctx = new DiffContext(run, original, update);
      compare(ctx);
      run.memo.set(original, update, ctx.diffs);
      return ctx.diffs;
    } finally {
      run.inProgress.delete(original, update);
    }
  }
}

/** The keyword's position inside the node's JSON when present there, else the node's own. */
function locate(node: SchemaNode, keywords: readonly string[] | undefined): SourceLocation {
  const json: JsonNode = node.json;
  if (keywords !== undefined && json.kind === "object") {
    for (const keyword of keywords) {
      const entry = [...json.entries].reverse().find((e) => e.key === keyword);
      if (entry !== undefined) {
        const location: SourceLocation = { line: entry.keyStart.line, column: entry.keyStart.column };
        if (node.location.source !== undefined) location.source = node.location.source;
        return location;
      }
    }
  }
  return node.location;
}
