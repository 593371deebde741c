// `schemaops plan`: read the registries, print the plan, optionally save it.

import { writeFile } from "node:fs/promises";
import path from "node:path";
import { hasChanges, hasViolations, type Plan } from "../../core/plan.js";
import { gitCommitOf } from "../../ops/git.js";
import { planProject } from "../../ops/plan.js";
import { renderPlanJson, renderPlanMarkdown, renderPlanText } from "../../render/index.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions, Io } from "../io.js";
import { println, showProgress, useColor } from "../io.js";
import { loadForCommand } from "./project.js";

export interface PlanCommandOptions extends GlobalOptions {
  registry?: string[];
  out?: string;
  format?: "text" | "markdown" | "json";
  detailedExitcode?: boolean;
  verifyWithRegistry?: boolean;
  allowMassDelete?: boolean;
  concurrency?: number;
}

export async function planCommand(io: Io, options: PlanCommandOptions): Promise<ExitCode> {
  const project = await loadForCommand(io, options);
  if (!project) return ExitCode.Error;
  const plan = await planProject(project, {
    registries: options.registry,
    verifyWithRegistry: options.verifyWithRegistry,
    allowMassDelete: options.allowMassDelete,
    concurrency: options.concurrency,
    gitCommit: await gitCommitOf(project.dir),
    ...(showProgress(io, options)
      ? {
          onRegistry: (name: string, url: string) => println(io.stderr, `Reading registry ${name} (${url})…`),
        }
      : {}),
  });
  if (options.out) {
    await writeFile(path.resolve(io.cwd, options.out), renderPlanJson(plan));
  }
  io.stdout.write(
    renderPlan(plan, options.json ? "json" : (options.format ?? "text"), useColor(io, options)),
  );
  if (options.out && !options.json && options.format !== "json")
    println(io.stderr, `Plan saved to ${options.out}.`);
  return planExitCode(plan, options.detailedExitcode ?? false);
}

export function renderPlan(plan: Plan, format: "text" | "markdown" | "json", color: boolean): string {
  if (format === "json") return renderPlanJson(plan);
  if (format === "markdown") return renderPlanMarkdown(plan);
  return renderPlanText(plan, { color });
}

export function planExitCode(plan: Plan, detailed: boolean): ExitCode {
  if (hasViolations(plan)) return ExitCode.Blocked;
  return detailed && hasChanges(plan) ? ExitCode.Changes : ExitCode.Ok;
}
