// Commander definitions of the project commands: they parse flags and call the command functions,
// which hold no argument parsing of their own.

import { Command, InvalidArgumentError, Option } from "commander";
import type { CommandContext } from "../main.js";
import { applyCommand } from "./apply.js";
import { checkCommand } from "./check.js";
import { importCommand } from "./import.js";
import { initCommand } from "./init.js";
import { planCommand } from "./plan.js";
import { validateCommand } from "./validate.js";

/** Flags every project command takes. */
function withGlobalOptions(command: Command, data = true): Command {
  command.option("-C, --dir <dir>", "project directory (where schemaops.yaml is)", ".");
  if (data) command.option("--json", "machine-readable output on stdout");
  return command
    .option("-q, --quiet", "no progress or informational output")
    .option("--no-color", "never colour the output");
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive integer");
  return n;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;
}

export function initModule(context: CommandContext): Command {
  return withGlobalOptions(new Command("init"), false)
    .description("write a starter repository (the content of schemas.example/)")
    .argument("[dir]", "where to write it", ".")
    .option("--empty", "only schemaops.yaml with the embedded registry, and an empty schemas/ folder")
    .option("--force", "overwrite an existing schemaops.yaml and example files")
    .addHelpText("after", examples("schemaops init my-schemas", "schemaops init --empty"))
    .action(async (target: string, options) =>
      context.exit(await initCommand(context.io, { ...options, target })),
    );
}

export function validateModule(context: CommandContext): Command {
  return withGlobalOptions(new Command("validate"))
    .description("parse every file, resolve references and run lint rules; no network")
    .addHelpText("after", examples("schemaops validate", "schemaops validate -C path/to/repo --json"))
    .action(async (options) => context.exit(await validateCommand(context.io, options)));
}

export function checkModule(context: CommandContext): Command {
  return withGlobalOptions(new Command("check"))
    .description(
      "offline compatibility of the working tree against the files at a git ref; no registry needed",
    )
    .option("--base <ref>", "git ref to compare with (default: merge base with the default branch)")
    .addHelpText(
      "after",
      "\nExit codes: 0 compatible, 1 error, 3 incompatible change (unless policy.allowIncompatible).\n" +
        examples("schemaops check", "schemaops check --base origin/main --json"),
    )
    .action(async (options) => context.exit(await checkCommand(context.io, options)));
}

export function planModule(context: CommandContext): Command {
  return withGlobalOptions(new Command("plan"))
    .description("read the registries and show what apply would change, with compatibility verdicts")
    .option("-r, --registry <name>", "plan only this registry (repeatable)", collect)
    .option("-o, --out <file>", "save the plan (JSON) for `schemaops apply <file>`")
    .addOption(
      new Option("--format <format>", "output format").choices(["text", "markdown", "json"]).default("text"),
    )
    .option("--detailed-exitcode", "exit 2 when there are changes")
    .option(
      "--verify-with-registry",
      "also ask each registry's compatibility endpoint, and show both verdicts if they differ",
    )
    .option("--allow-mass-delete", "allow more deletions than policy.maxDeletions")
    .option("--concurrency <n>", "parallel requests for per-subject reads", positiveInteger)
    .addHelpText(
      "after",
      "\nExit codes: 0 no changes, 1 error, 2 changes pending (with --detailed-exitcode), 3 blocked by policy.\n" +
        examples(
          "schemaops plan",
          "schemaops plan --registry staging --out plan.json",
          "schemaops plan --format markdown > plan.md",
        ),
    )
    .action(async (options) => context.exit(await planCommand(context.io, options)));
}

export function applyModule(context: CommandContext): Command {
  return withGlobalOptions(new Command("apply"))
    .description(
      "apply a saved plan (refused if the registry changed since), or plan and apply after confirmation",
    )
    .argument("[planfile]", "a plan saved with `schemaops plan --out`")
    .option("-r, --registry <name>", "apply only to this registry (repeatable)", collect)
    .option("--auto-approve", "do not ask for confirmation (for CI)")
    .option("--concurrency <n>", "actions in flight at once", positiveInteger)
    .option("--allow-mass-delete", "allow more deletions than policy.maxDeletions")
    .addHelpText(
      "after",
      "\nExit codes: 0 applied (or nothing to do), 1 error or failed apply, 3 blocked by policy.\n" +
        examples(
          "schemaops apply",
          "schemaops plan --out plan.json && schemaops apply plan.json",
          "schemaops apply --registry staging --auto-approve",
        ),
    )
    .action(async (planFile: string | undefined, options) =>
      context.exit(await applyCommand(context.io, { ...options, planFile })),
    );
}

export function importModule(context: CommandContext): Command {
  return withGlobalOptions(new Command("import"))
    .description("write a registry's subjects and settings into files, so that the next plan is empty")
    .requiredOption("-r, --registry <name>", "the registry to import from")
    .option("--context <context>", "import only this context (repeatable), e.g. .staging", collect)
    .option("--subject <glob>", "import only matching subjects (repeatable), e.g. 'orders-*'", collect)
    .addHelpText(
      "after",
      examples(
        "schemaops import --registry prod",
        "schemaops import --registry prod --context .staging --subject 'payments-*'",
      ),
    )
    .action(async (options) => context.exit(await importCommand(context.io, options)));
}

export const projectCommandModules = [
  initModule,
  validateModule,
  checkModule,
  planModule,
  applyModule,
  importModule,
];
