// Counts and labels shared by every plan renderer.

import type { Action, RegisterAction, TargetPlan } from "../core/plan.js";
import { qualifySubject } from "../core/subject-names.js";

export interface TargetSummary {
  register: number;
  settings: number;
  delete: number;
  notes: number;
  incompatible: number;
}

export function summarize(target: TargetPlan): TargetSummary {
  const count = (pred: (a: Action) => boolean) => target.actions.filter(pred).length;
  return {
    register: count((a) => a.kind === "register"),
    settings: count((a) => a.kind === "set-config" || a.kind === "set-mode"),
    delete: count((a) => a.kind === "delete-subject"),
    notes: count((a) => a.kind === "note"),
    incompatible: count((a) => a.kind === "register" && a.compatibility.verdict === "incompatible"),
  };
}

export function summaryLine(summary: TargetSummary): string {
  const parts = [
    `${summary.register} to register`,
    `${summary.settings} setting change${summary.settings === 1 ? "" : "s"}`,
    `${summary.delete} to delete`,
  ];
  return parts.join(", ");
}

export function isEmpty(summary: TargetSummary): boolean {
  return summary.register + summary.settings + summary.delete === 0;
}

/** The subject as people know it: the bare name in the default context, `:.ctx:name` elsewhere. */
export function subjectLabel(action: { context: string; subject: string }): string {
  return qualifySubject(action.context, action.subject);
}

const REASONS: Record<RegisterAction["reason"], string> = {
  "new-subject": "new subject",
  changed: "changed",
  "reference-changed": "a referenced schema changed",
  "metadata-changed": "metadata changed",
};

export function registerHeadline(action: RegisterAction): string {
  const from = action.previousVersion ? `v${action.previousVersion} → ` : "";
  return `register ${from}v${action.expectedVersion} (${REASONS[action.reason]}, ${action.schemaType})`;
}

export function verdictLabel(action: RegisterAction): string {
  const c = action.compatibility;
  if (c.verdict === "skipped") return `compatibility not checked: ${c.skippedBecause ?? "skipped"}`;
  const against = c.checkedAgainst.length > 0 ? ` against v${c.checkedAgainst.join(", v")}` : "";
  return `${c.verdict} (${c.level}${against})`;
}

export function settingLabel(value: object | string | undefined): string {
  if (value === undefined) return "(not set)";
  if (typeof value === "string") return value;
  const parts = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => (k === "compatibility" ? String(v) : `${k}=${String(v)}`));
  return parts.length > 0 ? parts.join(" ") : "(not set)";
}

export function scopeLabel(action: { scope: string; target: string }): string {
  if (action.scope === "subject") return action.target;
  return action.target === "." ? "default context" : `context ${action.target}`;
}

export function locationLabel(
  file: string,
  location: { line: number; column: number; source?: string } | undefined,
): string {
  if (!location) return file;
  const where = location.source ? `${location.source}` : file;
  return `${where}:${location.line}:${location.column}`;
}
