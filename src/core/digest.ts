// A compact summary of what the planner read from a registry. Its hash is the plan's fingerprint;
// comparing two summaries says what changed when a saved plan has gone stale.

import { createHash } from "node:crypto";
import type { ObservedConfig, ObservedState, Scoped } from "./model.js";
import { qualifySubject } from "./subject-names.js";

/**
 * One entry per scope that was read, e.g. `subject orders-value` → `v1#1,v2#5,v3#7(deleted)` (version#id:
 * within a context an id always names the same schema, so a changed schema shows as a changed id).
 */
export type ObservedDigest = Record<string, string>;

function describeConfig(config: Scoped<ObservedConfig>): string {
  if (config === "unknown") return "?";
  if (config === undefined) return "-";
  const parts: string[] = [];
  if (config.compatibility) parts.push(config.compatibility);
  if (config.normalize !== undefined) parts.push(`normalize=${config.normalize}`);
  if (config.compatibilityGroup !== undefined) parts.push(`group=${config.compatibilityGroup}`);
  if (config.compatibilityPolicy !== undefined) parts.push(`policy=${config.compatibilityPolicy}`);
  if (config.validateFields !== undefined) parts.push(`validateFields=${config.validateFields}`);
  return parts.join(" ") || "{}";
}

function describeMode(mode: Scoped<string>): string {
  return mode === "unknown" ? "?" : (mode ?? "-");
}

/** Summarises the observed state, restricted to the given contexts when a list is given. */
export function digestObserved(observed: ObservedState, contexts?: ReadonlySet<string>): ObservedDigest {
  const inScope = (context: string) => !contexts || contexts.has(context);
  const digest: ObservedDigest = {
    "global config": describeConfig(observed.global.config),
    "global mode": describeMode(observed.global.mode),
  };
  for (const context of observed.contexts) {
    if (!inScope(context.name)) continue;
    digest[`context ${context.name} config`] = describeConfig(context.config);
    digest[`context ${context.name} mode`] = describeMode(context.mode);
  }
  for (const subject of observed.subjects) {
    if (!inScope(subject.context)) continue;
    const name = qualifySubject(subject.context, subject.name);
    digest[`subject ${name}`] = subject.versions
      .map((v) => `v${v.version}#${v.id}${v.deleted ? "(deleted)" : ""}`)
      .join(",");
    digest[`subject ${name} config`] = describeConfig(subject.config);
    digest[`subject ${name} mode`] = describeMode(subject.mode);
  }
  return digest;
}

export function fingerprintOf(digest: ObservedDigest): string {
  const hash = createHash("sha256");
  for (const key of Object.keys(digest).sort()) hash.update(`${key}=${digest[key]}\n`);
  return `sha256:${hash.digest("hex")}`;
}

/**
 * What differs between the summary a plan was made from and the registry now, in words. Entries only
 * one side read ("?") are not differences.
 */
export function describeDigestChanges(before: ObservedDigest, after: ObservedDigest, limit = 20): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes: string[] = [];
  for (const key of keys) {
    const was = before[key];
    const now = after[key];
    if (was === now || was === "?" || now === "?") continue;
    if (was === undefined) changes.push(`${key}: appeared (${now})`);
    else if (now === undefined) changes.push(`${key}: disappeared (was ${was})`);
    else changes.push(`${key}: was ${was}, now ${now}`);
  }
  if (changes.length > limit) {
    const rest = changes.length - limit;
    return [...changes.slice(0, limit), `… and ${rest} more change${rest === 1 ? "" : "s"}`];
  }
  return changes;
}
