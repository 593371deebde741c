// `schemaops registry serve`: the embedded registry as an HTTP server, until SIGINT or SIGTERM.

import path from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { parseCompatibilityLevel, type CompatibilityLevel } from "../../compat/levels.js";
import { createEmbeddedRegistry, type EmbeddedRegistryOptions } from "../../embedded/index.js";
import { ExitCode } from "../exit-codes.js";
import { println, type Io } from "../io.js";
import type { CommandContext } from "../main.js";

export interface RegistryServeOptions {
  host: string;
  port: number;
  /** Directory to persist to; in memory when absent. */
  data?: string;
  /** The level where no config sets one (`schema.compatibility.level`). */
  compatibility?: CompatibilityLevel;
  /** false refuses every mode change (`mode.mutability=false`). */
  modeMutability?: boolean;
}

/** Serves until `shutdown` resolves, then lets in-flight writes finish and closes. */
export async function registryServe(
  io: Io,
  options: RegistryServeOptions,
  shutdown: Promise<unknown>,
): Promise<ExitCode> {
  const settings: EmbeddedRegistryOptions = {};
  if (options.data !== undefined) settings.dir = path.resolve(io.cwd, options.data);
  if (options.compatibility !== undefined) settings.compatibilityLevel = options.compatibility;
  if (options.modeMutability !== undefined) settings.modeMutability = options.modeMutability;
  const registry = createEmbeddedRegistry(settings);
  let url: string;
  try {
    ({ url } = await registry.listen({ host: options.host, port: options.port }));
  } catch (error) {
    println(io.stderr, `schemaops registry could not start: ${(error as Error).message}`);
    await registry.close().catch(() => undefined);
    return ExitCode.Error;
  }
  println(io.stdout, `schemaops registry listening on ${url}`);
  await shutdown;
  await registry.close();
  return ExitCode.Ok;
}

function portNumber(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new InvalidArgumentError("expected a port number");
  return port;
}

function compatibilityLevel(text: string): CompatibilityLevel {
  const level = parseCompatibilityLevel(text);
  if (!level)
    throw new InvalidArgumentError("expected NONE, BACKWARD, FORWARD, FULL or a *_TRANSITIVE level");
  return level;
}

export function registryCommand(context: CommandContext): Command {
  const registry = new Command("registry").description("the embedded Confluent-compatible Schema Registry");
  registry
    .command("serve")
    .description("serve the embedded registry over HTTP")
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--port <port>", "port to listen on (0 picks a free one)", portNumber, 8081)
    .option("--data <dir>", "directory to persist to (in memory when absent)")
    .option(
      "--compatibility <level>",
      "compatibility level where no config sets one (default BACKWARD)",
      compatibilityLevel,
    )
    .option("--no-mode-mutability", "refuse every mode change, as mode.mutability=false does")
    .action(async (options: RegistryServeOptions) => {
      context.exit(await registryServe(context.io, options, context.shutdown()));
    });
  return registry;
}
