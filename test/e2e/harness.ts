// End-to-end harness: the built CLI (dist/cli/main.js) run as a child process, against an embedded
// registry listening on 127.0.0.1, in project folders written to temp directories.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createEmbeddedRegistry, type EmbeddedRegistry } from "../../src/embedded/index.js";

export const CLI = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before the end-to-end tests`);
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `schemaops …` and collects its output; never throws on a non-zero exit. */
export function run(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export interface TestRegistry {
  url: string;
  registry: EmbeddedRegistry;
  /** A raw request to the registry, for seeding and inspecting it. */
  request(method: string, pathWithQuery: string, body?: unknown): Promise<{ status: number; json: unknown }>;
  close(): Promise<void>;
}

export async function startRegistry(): Promise<TestRegistry> {
  const registry = createEmbeddedRegistry();
  const { url } = await registry.listen({ host: "127.0.0.1", port: 0 });
  return {
    url,
    registry,
    request: async (method, pathWithQuery, body) => {
      const response = await fetch(`${url}${pathWithQuery}`, {
        method,
        headers: { "content-type": "application/vnd.schemaregistry.v1+json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : undefined };
    },
    close: () => registry.close(),
  };
}

export type Tree = Record<string, string>;

/** Writes `files` (relative paths → content) into a fresh temp folder. */
export async function writeTree(files: Tree, dir?: string): Promise<string> {
  const root = dir ?? (await mkdtemp(path.join(tmpdir(), "schemaops-e2e-")));
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(root, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return root;
}

export async function removeTree(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** schemaops.yaml for one registry reached through SR_URL, plus the given policy lines. */
export function projectFile(policy: string[] = [], registryExtra: string[] = []): string {
  return [
    "registries:",
    "  test:",
    "    url: ${SR_URL}",
    ...registryExtra.map((l) => `    ${l}`),
    "policy:",
    ...(policy.length ? policy.map((l) => `  ${l}`) : ["  deletions: none"]),
    "",
  ].join("\n");
}

export function avroRecord(name: string, fields: Record<string, unknown>[], namespace = "com.acme"): string {
  return `${JSON.stringify({ type: "record", name, namespace, fields }, null, 2)}\n`;
}
