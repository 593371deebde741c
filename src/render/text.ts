// The plan for a terminal: `+`/`~`/`-` lines, verdicts, diffs; coloured when asked.

import type { Action, Plan, RegisterAction, TargetPlan } from "../core/plan.js";
import {
  isEmpty,
  locationLabel,
  registerHeadline,
  scopeLabel,
  settingLabel,
  subjectLabel,
  summarize,
  summaryLine,
  verdictLabel,
} from "./summary.js";

export interface TextOptions {
  color?: boolean;
  /** Schema diffs: "changed" (default) for changed subjects only, "all" also prints new subjects whole. */
  diffs?: "changed" | "all" | "none";
}

const CODES = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;
type Style = keyof typeof CODES;

export function renderPlanText(plan: Plan, options: TextOptions = {}): string {
  const paint = (style: Style, text: string) =>
    options.color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text;
  const out: string[] = [];
  for (const target of plan.targets) out.push(...renderTarget(target, paint, options.diffs ?? "changed"), "");
  return out.join("\n");
}

type Diffs = NonNullable<TextOptions["diffs"]>;

function renderTarget(target: TargetPlan, paint: (s: Style, t: string) => string, diffs: Diffs): string[] {
  const server = target.observed.serverVersion ? ` (server ${target.observed.serverVersion})` : "";
  const lines = [paint("bold", `Registry ${target.registry}${server}`)];
  const summary = summarize(target);
  if (isEmpty(summary)) lines.push("  No changes. The registry matches the repository.");
  for (const action of target.actions) lines.push(...renderAction(action, paint, diffs));
  for (const warning of target.warnings) lines.push(paint("yellow", `  ! ${warning}`));
  for (const violation of target.violations)
    lines.push(paint("red", `  ✗ blocked by policy (${violation.rule}): ${violation.message}`));
  lines.push(`  Plan: ${summaryLine(summary)}.`);
  return lines;
}

function renderAction(action: Action, paint: (s: Style, t: string) => string, diffs: Diffs): string[] {
  switch (action.kind) {
    case "register":
      return renderRegister(action, paint, diffs);
    case "set-config":
      return [
        paint(
          "yellow",
          `  ~ config of ${scopeLabel(action)}: ${settingLabel(action.from)} → ${settingLabel(action.to)}`,
        ),
      ];
    case "set-mode":
      return [
        paint("yellow", `  ~ mode of ${scopeLabel(action)}: ${settingLabel(action.from)} → ${action.to}`),
      ];
    case "delete-subject": {
      const how = action.permanent ? "permanently" : "soft";
      const why = action.reason === "marked-deleted" ? "marked deleted" : "no file";
      return [
        paint(
          "red",
          `  - ${subjectLabel(action)}: delete ${how}, versions ${action.versions.join(", ")} (${why})`,
        ),
      ];
    }
    case "note":
      return [paint("cyan", `  • ${subjectLabel(action)}: ${action.message}`)];
  }
}

function renderRegister(
  action: RegisterAction,
  paint: (s: Style, t: string) => string,
  diffs: Diffs,
): string[] {
  const sign = action.reason === "new-subject" ? paint("green", "+") : paint("yellow", "~");
  const verdict = action.compatibility.verdict;
  const verdictText = verdictLabel(action);
  const coloured =
    verdict === "incompatible"
      ? paint("red", `✗ ${verdictText}`)
      : verdict === "compatible"
        ? paint("green", `✓ ${verdictText}`)
        : paint("yellow", verdictText);
  const lines = [`  ${sign} ${subjectLabel(action)}: ${registerHeadline(action)}, ${coloured}`];
  for (const message of action.compatibility.messages) {
    const where = locationLabel(action.origin.file, message.location);
    const path = message.path ? ` at ${message.path}` : "";
    lines.push(paint("red", `      ${message.errorType}${path} (${where}): ${message.description}`));
    if (message.quirk) lines.push(paint("dim", `        note: ${message.quirk}`));
  }
  const registry = action.compatibility.registryVerdict;
  if (registry && registry.verdict !== action.compatibility.verdict) {
    lines.push(paint("yellow", `      the registry itself says: ${registry.verdict}`));
    for (const message of registry.messages) lines.push(paint("yellow", `        ${message}`));
  } else if (registry) {
    lines.push(paint("dim", "      confirmed by the registry's compatibility endpoint"));
  }
  const showDiff = diffs === "all" || (diffs === "changed" && action.reason !== "new-subject");
  if (showDiff && action.diff) {
    for (const line of action.diff.trimEnd().split("\n")) {
      const style: Style | undefined = line.startsWith("+")
        ? "green"
        : line.startsWith("-")
          ? "red"
          : line.startsWith("@@")
            ? "cyan"
            : undefined;
      lines.push(`      ${style ? paint(style, line) : line}`);
    }
  }
  return lines;
}
