// `schemaops registry serve`: the embedded registry as an HTTP server, until SIGINT or SIGTERM.

import path from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { createEmbeddedRegistry } from "../../embedded/index.js";
import { ExitCode } from "../exit-codes.js";
import { println, type Io } from "../io.js";
import type { CommandContext } from "../main.js";

export interface RegistryServeOptions {
  host: string;
  port: number;
  /** Directory to persist to; in memory when absent. */
  data?: string;
}

/** Serves until `shutdown` resolves, then lets in-flight writes finish and closes. */
export async function registryServe(
  io: Io,
  options: RegistryServeOptions,
  shutdown: Promise<unknown>,
): Promise<ExitCode> {
  const dir = options.data === undefined ? undefined : path.resolve(io.cwd, options.data);
  const registry = createEmbeddedRegistry(dir === undefined ? {} : { dir });
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

export function registryCommand(context: CommandContext): Command {
  const registry = new Command("registry").description("the embedded Confluent-compatible Schema Registry");
  registry
    .command("serve")
    .description("serve the embedded registry over HTTP")
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--port <port>", "port to listen on (0 picks a free one)", portNumber, 8081)
    .option("--data <dir>", "directory to persist to (in memory when absent)")
    .action(async (options: RegistryServeOptions) => {
      context.exit(await registryServe(context.io, options, context.shutdown()));
    });
  return registry;
}
