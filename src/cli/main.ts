#!/usr/bin/env node
// The schemaops command line: builds the program from the command modules, runs it, and is the only
// place that ends the process.

import { Command, CommanderError } from "commander";
import { createInterface } from "node:readline/promises";
import { projectCommandModules } from "./commands/project-commands.js";
import { registryCommand } from "./commands/registry.js";
import { ExitCode, exitCodeForError } from "./exit-codes.js";
import type { Io } from "./io.js";

/** What a command module gets from the entry point. */
export interface CommandContext {
  io: Io;
  /** Records the exit code of the command that ran. */
  exit(code: ExitCode): void;
  /** Resolves on SIGINT or SIGTERM; only long-running commands ask, so Ctrl-C keeps its default elsewhere. */
  shutdown(): Promise<void>;
}

const commandModules: ((context: CommandContext) => Command)[] = [...projectCommandModules, registryCommand];

/** A one-line question on the terminal; only offered when both ends are a terminal. */
async function prompt(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

async function main(argv: string[]): Promise<number> {
  let exitCode: number = ExitCode.Ok;
  const context: CommandContext = {
    io: {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      cwd: process.cwd(),
      ...(process.stdin.isTTY && process.stderr.isTTY ? { prompt } : {}),
    },
    exit: (code) => {
      exitCode = code;
    },
    shutdown: () =>
      new Promise<void>((resolve) => {
        process.once("SIGINT", () => resolve());
        process.once("SIGTERM", () => resolve());
      }),
  };
  const program = new Command("schemaops")
    .description("Kafka Schema Registry content as code")
    .showHelpAfterError();
  for (const module of commandModules) program.addCommand(module(context));
  throwInsteadOfExiting(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    process.stderr.write(`schemaops: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitCodeForError(error);
  }
  return exitCode;
}

/** Commander exits on parse errors and --help unless told otherwise, at every level of the tree. */
function throwInsteadOfExiting(command: Command): void {
  command.exitOverride();
  for (const sub of command.commands) throwInsteadOfExiting(sub);
}

/** Resolves once everything written so far has been handed to the OS: exiting earlier cuts piped output short. */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write("", () => resolve()));
}

const code = await main(process.argv);
await Promise.all([drained(process.stdout), drained(process.stderr)]);
process.exit(code);
