// The whole state written as changes: applying them to an empty state rebuilds it. Compaction stores
// this list as the snapshot.

import type { Change } from "./changes.js";
import type { RegistryState } from "./state.js";

export function snapshotChanges(state: RegistryState): Change[] {
  const changes: Change[] = [];
  for (const context of state.contexts.values()) {
    const name = context.name;
    changes.push({ op: "setMaxId", context: name, maxId: context.maxId });
    if (context.listed) changes.push({ op: "setListed", context: name, listed: true });
    if (context.config) changes.push({ op: "setContextConfig", context: name, config: context.config });
    if (context.mode) changes.push({ op: "setContextMode", context: name, mode: context.mode });
    for (const subject of context.subjects.values()) {
      const key = { context: name, subject: subject.ref.name };
      for (const record of subject.versions) changes.push({ op: "putVersion", ...key, record });
      if (subject.config) changes.push({ op: "setSubjectConfig", ...key, config: subject.config });
      if (subject.mode) changes.push({ op: "setSubjectMode", ...key, mode: subject.mode });
    }
  }
  return changes;
}
