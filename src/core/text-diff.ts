// A line diff in unified format (Myers' O(ND) algorithm), for showing schema changes in plans.

type Edit = { op: " " | "-" | "+"; line: string };

/** The shortest edit script turning `a` into `b`. */
function diffLines(a: string[], b: string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  // Walk the trace backwards to recover the edits.
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      y--;
      edits.push({ op: " ", line: a[--x]! });
    }
    if (d === 0) break;
    if (x === prevX) edits.push({ op: "+", line: b[--y]! });
    else edits.push({ op: "-", line: a[--x]! });
  }
  return edits.reverse();
}

export interface UnifiedDiffOptions {
  oldLabel: string;
  newLabel: string;
  /** Unchanged lines shown around each change. */
  context?: number;
}

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** A unified diff, or "" when the texts are equal. */
export function unifiedDiff(oldText: string, newText: string, options: UnifiedDiffOptions): string {
  if (oldText === newText) return "";
  const context = options.context ?? 3;
  const edits = diffLines(splitLines(oldText), splitLines(newText));
  const out = [`--- ${options.oldLabel}`, `+++ ${options.newLabel}`];
  let i = 0;
  let oldLine = 1;
  let newLine = 1;
  while (i < edits.length) {
    // Skip to the next change, keeping `context` lines before it.
    let next = i;
    while (next < edits.length && edits[next]!.op === " ") next++;
    if (next === edits.length) break;
    const start = Math.max(i, next - context);
    oldLine += start - i;
    newLine += start - i;
    // Extend the hunk while changes are closer than 2 × context apart.
    let end = next;
    let lastChange = next;
    while (end < edits.length) {
      if (edits[end]!.op !== " ") lastChange = end;
      else if (end - lastChange > 2 * context) break;
      end++;
    }
    end = Math.min(edits.length, lastChange + context + 1);
    const hunk = edits.slice(start, end);
    const oldCount = hunk.filter((e) => e.op !== "+").length;
    const newCount = hunk.filter((e) => e.op !== "-").length;
    out.push(
      `@@ -${oldCount === 0 ? oldLine - 1 : oldLine},${oldCount} +${newCount === 0 ? newLine - 1 : newLine},${newCount} @@`,
    );
    for (const e of hunk) out.push(`${e.op}${e.line}`);
    oldLine += oldCount;
    newLine += newCount;
    i = end;
  }
  return `${out.join("\n")}\n`;
}
