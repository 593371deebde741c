// `schemaops import --registry N [--context C] [--subject GLOB]`: registry content into files.

import { connectRegistry } from "../../ops/connect.js";
import { importRegistry } from "../../ops/import.js";
import { selectRegistries } from "../../ops/plan.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions, Io } from "../io.js";
import { println } from "../io.js";
import { loadForCommand } from "./project.js";

export interface ImportCommandOptions extends GlobalOptions {
  registry: string;
  context?: string[];
  subject?: string[];
}

export async function importCommand(io: Io, options: ImportCommandOptions): Promise<ExitCode> {
  const project = await loadForCommand(io, options);
  if (!project) return ExitCode.Error;
  const [registry] = selectRegistries(project, [options.registry]);
  const connection = await connectRegistry(project.dir, registry!);
  try {
    const result = await importRegistry(project.dir, connection.client, {
      contexts: options.context,
      subjects: options.subject,
      defaults: project.config.defaults,
      ...(registry!.contexts ? { registryContexts: registry!.contexts } : {}),
    });
    if (options.json) {
      println(io.stdout, JSON.stringify(result, null, 2));
      return ExitCode.Ok;
    }
    for (const warning of result.warnings) println(io.stderr, `warning: ${warning}`);
    println(
      io.stdout,
      `Imported ${result.subjects} subject(s) from ${result.contexts.length} context(s) of registry ${registry!.name}: ` +
        `${result.written.length} file(s) written, ${result.removed.length} removed.`,
    );
    if (!options.quiet) for (const file of result.written) println(io.stdout, `  ${file}`);
    println(io.stdout, `Run "schemaops plan --registry ${registry!.name}" to confirm that nothing differs.`);
    return ExitCode.Ok;
  } finally {
    await connection.close();
  }
}
