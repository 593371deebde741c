// The plan as a pull-request comment: a summary table, then one collapsible section per subject with
// its verdict and diff.

import type { Action, Plan, RegisterAction, TargetPlan } from "../core/plan.js";
import {
  locationLabel,
  registerHeadline,
  scopeLabel,
  settingLabel,
  subjectLabel,
  summarize,
  verdictLabel,
} from "./summary.js";

/** GitHub refuses comments above 65,536 characters; leave room for the Action's own text. */
const MAX_LENGTH = 60_000;

export function renderPlanMarkdown(plan: Plan): string {
  const out = [
    "## schemaops plan",
    "",
    "| Registry | Register | Settings | Delete | Compatibility | Policy |",
    "| --- | ---: | ---: | ---: | --- | --- |",
  ];
  for (const target of plan.targets) {
    const s = summarize(target);
    const compat =
      s.incompatible > 0 ? `❌ ${s.incompatible} incompatible` : s.register > 0 ? "✅ compatible" : "–";
    const policy = target.violations.length > 0 ? `⛔ ${target.violations.length} blocked` : "✅";
    out.push(
      `| ${escapeCell(target.registry)} | ${s.register} | ${s.settings} | ${s.delete} | ${compat} | ${policy} |`,
    );
  }
  for (const target of plan.targets) out.push("", ...renderTarget(target));
  const text = out.join("\n") + "\n";
  return text.length <= MAX_LENGTH ? text : truncate(text);
}

function renderTarget(target: TargetPlan): string[] {
  const lines = [`### ${target.registry}`, ""];
  if (!target.actions.some((a) => a.kind !== "note"))
    lines.push("No changes: the registry matches the repository.", "");
  for (const violation of target.violations)
    lines.push(`> ⛔ **Blocked by policy** (${violation.rule}): ${violation.message}`, "");
  for (const warning of target.warnings) lines.push(`> ⚠️ ${warning}`, "");
  for (const action of target.actions) lines.push(...renderAction(action));
  return lines;
}

function renderAction(action: Action): string[] {
  switch (action.kind) {
    case "register":
      return renderRegister(action);
    case "set-config":
      return [
        `- 🔧 config of **${escapeInline(scopeLabel(action))}**: ${settingLabel(action.from)} → **${settingLabel(action.to)}**`,
        "",
      ];
    case "set-mode":
      return [
        `- 🔧 mode of **${escapeInline(scopeLabel(action))}**: ${settingLabel(action.from)} → **${action.to}**`,
        "",
      ];
    case "delete-subject":
      return [
        `- 🗑️ **${escapeInline(subjectLabel(action))}**: delete ${action.permanent ? "permanently" : "(soft)"} versions ${action.versions.join(", ")}`,
        "",
      ];
    case "note":
      return [`- ℹ️ **${escapeInline(subjectLabel(action))}**: ${action.message}`, ""];
  }
}

function renderRegister(action: RegisterAction): string[] {
  const icon =
    action.compatibility.verdict === "incompatible"
      ? "❌"
      : action.compatibility.verdict === "compatible"
        ? "✅"
        : "⚠️";
  const sign = action.reason === "new-subject" ? "+" : "~";
  const lines = [
    "<details>",
    `<summary><code>${sign} ${escapeHtml(subjectLabel(action))}</code> ${escapeHtml(registerHeadline(action))} — ${icon} ${escapeHtml(verdictLabel(action))}</summary>`,
    "",
    `File: \`${action.origin.file}\``,
    "",
  ];
  for (const message of action.compatibility.messages) {
    const where = locationLabel(action.origin.file, message.location);
    lines.push(
      `- \`${message.errorType}\`${message.path ? ` at \`${message.path}\`` : ""} (${escapeInline(where)}): ${escapeInline(message.description)}`,
    );
  }
  if (action.compatibility.messages.length > 0) lines.push("");
  if (action.diff) lines.push("```diff", action.diff.trimEnd().replaceAll("```", "` ` `"), "```", "");
  lines.push("</details>", "");
  return lines;
}

function escapeCell(text: string): string {
  return escapeInline(text).replaceAll("|", "\\|");
}

function escapeInline(text: string): string {
  return text.replace(/[<>]/g, (c) => (c === "<" ? "&lt;" : "&gt;"));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

function truncate(text: string): string {
  const cut = text.lastIndexOf("\n</details>", MAX_LENGTH - 200);
  const kept = cut > 0 ? text.slice(0, cut + "\n</details>".length) : text.slice(0, MAX_LENGTH - 200);
  return `${kept}\n\n_The plan is too long for one comment; the full plan is in the job summary and the plan file._\n`;
}
