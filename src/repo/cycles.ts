// Reference cycles: the registry cannot register any schema of a cycle, since each one needs the others
// registered first. Each cycle is reported once, where its first file names the next one.

import type { SchemaEntry } from "./entries.js";
import type { RepoIssue } from "./issues.js";
import type { ResolvedReference } from "./references.js";

export interface CycleReport {
  errors: RepoIssue[];
  /** Every file on a cycle; none of them can be parsed with its references. */
  members: Set<SchemaEntry>;
}

export function findCycles(references: Map<SchemaEntry, ResolvedReference[]>): CycleReport {
  const report: CycleReport = { errors: [], members: new Set() };
  const state = new Map<SchemaEntry, "open" | "done">();
  const stack: SchemaEntry[] = [];
  const entries = [...references.keys()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const visit = (entry: SchemaEntry): void => {
    state.set(entry, "open");
    stack.push(entry);
    for (const ref of references.get(entry) ?? []) {
      const target = ref.target;
      if (target === undefined) continue;
      if (state.get(target) === "open") record(stack.slice(stack.indexOf(target)));
      else if (state.get(target) === undefined) visit(target);
    }
    stack.pop();
    state.set(entry, "done");
  };

  const record = (cycle: SchemaEntry[]): void => {
    for (const member of cycle) report.members.add(member);
    const first = cycle[0]!;
    const next = cycle[1] ?? first;
    const at = (references.get(first) ?? []).find((r) => r.target === next)!.at;
    const names = [...cycle, first].map((e) => `${e.subject} (${e.path})`).join(" -> ");
    report.errors.push({ ...at, message: `reference cycle: ${names}` });
  };

  for (const entry of entries) if (state.get(entry) === undefined) visit(entry);
  return report;
}
