// `schemaops init [dir]`: writes a starter repository, the content of schemas.example/ (or, with
// --empty, only a schemaops.yaml with the embedded registry and an empty schemas/ folder).

import { access, cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions, Io } from "../io.js";
import { println } from "../io.js";

export interface InitCommandOptions extends GlobalOptions {
  target?: string;
  empty?: boolean;
  force?: boolean;
}

/** schemas.example/ ships with the package, two levels above this file in both src/ and dist/. */
const EXAMPLE_DIR = fileURLToPath(new URL("../../../schemas.example/", import.meta.url));

const EMPTY_PROJECT = `# schemaops project: registries, defaults and policy. See the README for every key.
registries:
  local:
    url: embedded
policy:
  deletions: none
  maxDeletions: 10
  allowIncompatible: false
`;

export async function initCommand(io: Io, options: InitCommandOptions): Promise<ExitCode> {
  const dir = path.resolve(io.cwd, options.dir ?? ".", options.target ?? ".");
  if (!options.force && (await exists(path.join(dir, "schemaops.yaml")))) {
    println(
      io.stderr,
      `${path.join(dir, "schemaops.yaml")} already exists; nothing was written (use --force to overwrite).`,
    );
    return ExitCode.Error;
  }
  await mkdir(dir, { recursive: true });
  if (options.empty) {
    await writeFile(path.join(dir, "schemaops.yaml"), EMPTY_PROJECT);
    await mkdir(path.join(dir, "schemas", "default"), { recursive: true });
  } else {
    await cp(EXAMPLE_DIR, dir, { recursive: true, force: options.force ?? false, errorOnExist: false });
  }
  await ignoreLocalState(dir);
  if (!options.quiet) {
    println(io.stdout, `Wrote a schemaops project to ${dir}.`);
    println(
      io.stdout,
      `Next: schemaops validate -C ${path.relative(io.cwd, dir) || "."}, then schemaops plan.`,
    );
  }
  return ExitCode.Ok;
}

/** The embedded registry's data lives in .schemaops/, which does not belong in git. */
async function ignoreLocalState(dir: string): Promise<void> {
  const file = path.join(dir, ".gitignore");
  const current = (await exists(file)) ? await readFile(file, "utf8") : "";
  if (current.split("\n").some((line) => line.trim() === ".schemaops/")) return;
  const separator = current === "" || current.endsWith("\n") ? "" : "\n";
  await writeFile(file, `${current}${separator}.schemaops/\n`);
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
