// `schemaops apply [PLANFILE]`: apply a saved plan (refused when the registry changed since), or plan
// and apply in one go after a confirmation.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { changesOf, PLAN_FORMAT_VERSION, type Plan, type TargetPlan } from "../../core/plan.js";
import {
  applyPlan,
  applyTarget,
  PolicyRefusalError,
  type ApplyEvent,
  type ApplyReport,
} from "../../ops/apply.js";
import { connectRegistry } from "../../ops/connect.js";
import { gitCommitOf } from "../../ops/git.js";
import { newPlan, planRegistry, selectRegistries } from "../../ops/plan.js";
import type { Project } from "../../repo/index.js";
import { renderPlanText } from "../../render/index.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions, Io } from "../io.js";
import { println, showProgress, useColor } from "../io.js";
import { loadForCommand } from "./project.js";

export interface ApplyCommandOptions extends GlobalOptions {
  planFile?: string;
  registry?: string[];
  autoApprove?: boolean;
  concurrency?: number;
  allowMassDelete?: boolean;
}

export class PlanFileError extends Error {}

export async function applyCommand(io: Io, options: ApplyCommandOptions): Promise<ExitCode> {
  const project = await loadForCommand(io, options);
  if (!project) return ExitCode.Error;
  return options.planFile ? applySavedPlan(io, project, options) : planAndApply(io, project, options);
}

async function applySavedPlan(io: Io, project: Project, options: ApplyCommandOptions): Promise<ExitCode> {
  const plan = await readPlanFile(path.resolve(io.cwd, options.planFile!));
  if (!options.json && !options.quiet) {
    const changes = plan.targets.reduce((n, t) => n + changesOf(t).length, 0);
    println(io.stderr, `Applying ${changes} change(s) from ${options.planFile}…`);
  }
  const reports = await applyPlan(project, plan, {
    ...progressOptions(io, options),
    registries: options.registry,
  });
  return finish(io, options, reports);
}

async function planAndApply(io: Io, project: Project, options: ApplyCommandOptions): Promise<ExitCode> {
  const reports: ApplyReport[] = [];
  const gitCommit = await gitCommitOf(project.dir);
  for (const registry of selectRegistries(project, options.registry)) {
    const connection = await connectRegistry(project.dir, registry);
    try {
      const target = await planRegistry(project, registry, connection.client, {
        allowMassDelete: options.allowMassDelete,
        concurrency: options.concurrency,
      });
      if (!options.json)
        io.stdout.write(
          renderPlanText(newPlan(project, [target], { gitCommit }), { color: useColor(io, options) }),
        );
      if (changesOf(target).length === 0) continue;
      if (target.violations.length > 0)
        throw new PolicyRefusalError(
          target.registry,
          target.violations.map((v) => v.message),
        );
      if (!(await confirmed(io, options, target))) {
        println(io.stderr, "Apply cancelled; nothing was changed.");
        return ExitCode.Error;
      }
      const report = await applyOne(io, options, target, (t) =>
        applyTarget(t, connection.client, { ...progressOptions(io, options), fresh: true }),
      );
      reports.push(report);
      if (report.failed) break;
    } finally {
      await connection.close();
    }
  }
  return finish(io, options, reports);
}

async function applyOne(
  io: Io,
  options: ApplyCommandOptions,
  target: TargetPlan,
  run: (target: TargetPlan) => Promise<ApplyReport>,
): Promise<ApplyReport> {
  if (changesOf(target).length === 0) return { registry: target.registry, done: [], notRun: [] };
  if (!options.json && !options.quiet)
    println(io.stderr, `Applying ${changesOf(target).length} change(s) to registry ${target.registry}…`);
  return run(target);
}

/** Interactive confirmation, like `terraform apply`; refused without a terminal unless --auto-approve. */
async function confirmed(io: Io, options: ApplyCommandOptions, target: TargetPlan): Promise<boolean> {
  if (options.autoApprove) return true;
  if (!io.prompt) {
    throw new PlanFileError(
      "apply needs confirmation: run it in a terminal, or pass --auto-approve (for CI), or apply a saved plan file",
    );
  }
  const answer = await io.prompt(
    `Apply ${changesOf(target).length} change(s) to registry ${target.registry}? Only "yes" is accepted: `,
  );
  return answer.trim() === "yes";
}

function progressOptions(
  io: Io,
  options: GlobalOptions,
): { concurrency?: number; onProgress?: (e: ApplyEvent) => void } {
  if (!showProgress(io, options)) return {};
  return {
    onProgress: (event) => {
      if (event.kind === "done") println(io.stderr, `  ✓ ${event.action.id}: ${event.detail}`);
      if (event.kind === "failed") println(io.stderr, `  ✗ ${event.action.id}: ${event.error}`);
    },
  };
}

function finish(io: Io, options: ApplyCommandOptions, reports: ApplyReport[]): ExitCode {
  const failed = reports.find((r) => r.failed);
  if (options.json) {
    println(io.stdout, JSON.stringify({ ok: !failed, registries: reports }, null, 2));
    return failed ? ExitCode.Error : ExitCode.Ok;
  }
  for (const report of reports) {
    if (report.done.length === 0 && !report.failed) continue;
    println(io.stdout, `Registry ${report.registry}: ${report.done.length} change(s) applied.`);
    for (const done of report.done) println(io.stdout, `  done     ${done.id}: ${done.detail}`);
    if (report.failed) {
      println(io.stdout, `  FAILED   ${report.failed.id}: ${report.failed.error}`);
      for (const id of report.notRun) println(io.stdout, `  not run  ${id}`);
    }
  }
  if (failed) {
    println(
      io.stderr,
      `Apply stopped at ${failed.failed!.id}. The actions listed as done were applied; the others were not. Fix the cause and run apply again: it is idempotent.`,
    );
    return ExitCode.Error;
  }
  if (!reports.some((r) => r.done.length > 0) && !options.quiet) println(io.stdout, "Nothing to apply.");
  return ExitCode.Ok;
}

export async function readPlanFile(file: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new PlanFileError(`cannot read plan file ${file}: ${(err as Error).message}`);
  }
  let plan: Plan;
  try {
    plan = JSON.parse(text) as Plan;
  } catch (err) {
    throw new PlanFileError(`${file} is not a plan file (invalid JSON: ${(err as Error).message})`);
  }
  if (plan?.formatVersion !== PLAN_FORMAT_VERSION || !Array.isArray(plan.targets)) {
    throw new PlanFileError(
      `${file} is a plan of format ${String(plan?.formatVersion)}, this schemaops reads format ${PLAN_FORMAT_VERSION}; make the plan again`,
    );
  }
  return plan;
}
