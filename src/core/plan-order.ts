// The order of a plan's actions and what each waits for. Apply may run actions concurrently, so every
// real dependency is written down in `dependsOn`; the list order is a valid sequential order too.

import type { DeleteSubjectAction, RegisterAction, SetConfigAction, SetModeAction } from "./plan.js";
import { qualifySubject } from "./subject-names.js";

export interface UnorderedActions {
  configs: SetConfigAction[];
  modes: SetModeAction[];
  /** Already in reference order. */
  registers: RegisterAction[];
  deletes: DeleteSubjectAction[];
}

type Write = RegisterAction | DeleteSubjectAction | SetConfigAction;

/**
 * Mode changes to READWRITE first (they unblock), then config changes (contexts before subjects), then
 * registrations (referenced subjects first), then deletions (referrers first), then mode changes that
 * lock (READONLY, IMPORT) last, so that they never block this plan's own writes.
 */
export function orderActions(actions: UnorderedActions): (SetModeAction | Write)[] {
  const unblocking = actions.modes.filter((m) => m.to === "READWRITE");
  const locking = actions.modes.filter((m) => m.to !== "READWRITE");
  const configs = [...actions.configs].sort((a, b) => scopeRank(a) - scopeRank(b));
  const deletes = referrersFirst(actions.deletes);

  const affects = (setting: SetModeAction | SetConfigAction, write: Write) => {
    if (setting.scope === "context") return write.context === setting.target;
    if (write.kind === "set-config") return write.scope === "subject" && write.target === setting.target;
    return qualifySubject(write.context, write.subject) === setting.target;
  };
  const addDependency = (action: { dependsOn: string[] }, id: string) => {
    if (!action.dependsOn.includes(id)) action.dependsOn.push(id);
  };

  for (const write of [...configs, ...actions.registers, ...deletes]) {
    for (const mode of unblocking) if (affects(mode, write)) addDependency(write, mode.id);
    if (write.kind === "set-config") {
      // A subject's config change waits for its context's.
      for (const config of configs) {
        if (
          config !== write &&
          config.scope === "context" &&
          write.scope === "subject" &&
          config.target === write.context
        ) {
          addDependency(write, config.id);
        }
      }
      continue;
    }
    for (const config of configs) if (affects(config, write)) addDependency(write, config.id);
  }
  for (const mode of locking) {
    for (const write of [...actions.registers, ...deletes])
      if (affects(mode, write)) addDependency(mode, write.id);
  }
  return [...unblocking, ...configs, ...actions.registers, ...deletes, ...locking];
}

function scopeRank(action: SetConfigAction): number {
  return action.scope === "subject" ? 1 : 0;
}

/** Deletions ordered so that each comes after the deletions it depends on (its referrers). */
function referrersFirst(deletes: DeleteSubjectAction[]): DeleteSubjectAction[] {
  const byId = new Map(deletes.map((d) => [d.id, d]));
  const ordered: DeleteSubjectAction[] = [];
  const done = new Set<string>();
  const visit = (action: DeleteSubjectAction, depth: number) => {
    if (done.has(action.id) || depth > deletes.length) return;
    for (const dep of action.dependsOn) {
      const before = byId.get(dep);
      if (before) visit(before, depth + 1);
    }
    done.add(action.id);
    ordered.push(action);
  };
  for (const action of deletes) visit(action, 0);
  return ordered;
}
