// `schemaops plan` against a registry of 10,000 subjects with 3 versions each, served by the embedded
// registry behind a front that adds 2 ms to every request and counts them; beside it, in the same run,
// a naive observer that fetches each subject's latest version one request at a time.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createEmbeddedRegistry, type EmbeddedRegistry } from "../src/embedded/index.js";
import { registryFront } from "../test/support/registry-front.js";

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 10_000);
const VERSIONS = 3;
const LATENCY_MS = 2;
/** Subjects whose file has a 4th, compatible version: the plan has work to do, not only reads. */
const CHANGED_EVERY = 100;

const CLI = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const USAGE_HOOK = fileURLToPath(new URL("./report-usage.mjs", import.meta.url));

function schemaOf(i: number, version: number): string {
  const fields: object[] = [
    { name: "id", type: "string" },
    { name: "amount", type: ["null", "long"], default: null },
  ];
  for (let v = 2; v <= version; v++) fields.push({ name: `added_in_v${v}`, type: "string", default: "" });
  return JSON.stringify({ type: "record", name: `Event${i}`, namespace: "com.acme.bench", fields });
}

async function seed(registry: EmbeddedRegistry): Promise<void> {
  // NONE while seeding: the checks are not what this bench measures.
  await registry.handle("PUT", "/config", { compatibility: "NONE" });
  for (let i = 0; i < SUBJECTS; i++) {
    for (let v = 1; v <= VERSIONS; v++) {
      const answer = await registry.handle("POST", `/subjects/subject-${i}-value/versions`, {
        schema: schemaOf(i, v),
      });
      if (answer.status !== 200) throw new Error(`seeding failed: ${answer.status} ${answer.body}`);
    }
  }
  await registry.handle("PUT", "/config", { compatibility: "BACKWARD" });
}

async function writeProject(url: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "schemaops-bench-"));
  await writeFile(path.join(dir, "schemaops.yaml"), `registries:\n  bench:\n    url: ${url}\n`);
  const folder = path.join(dir, "schemas", "default");
  await mkdir(folder, { recursive: true });
  for (let i = 0; i < SUBJECTS; i++) {
    const version = i % CHANGED_EVERY === 0 ? VERSIONS + 1 : VERSIONS;
    await writeFile(path.join(folder, `subject-${i}-value.avsc`), schemaOf(i, version));
  }
  return dir;
}

interface Measured {
  ms: number;
  maxRssMb: number;
  code: number;
  stdout: string;
}

/** Runs the built CLI with a preload that reports the process's peak memory at exit. */
function runPlan(dir: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ["--import", USAGE_HOOK, CLI, "plan", "--json", "--detailed-exitcode"],
      {
        cwd: dir,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      const rss = /schemaops-max-rss-kb=(\d+)/.exec(stderr);
      if (!rss) return reject(new Error(`no usage report; stderr: ${stderr.slice(0, 2000)}`));
      resolve({ ms, maxRssMb: Number(rss[1]) / 1024, code: code ?? -1, stdout });
    });
  });
}

/** The baseline: list subjects, then each subject's latest version, one request at a time. */
async function naiveObserver(url: string): Promise<{ ms: number; subjects: number }> {
  const started = performance.now();
  const subjects = (await (await fetch(`${url}/subjects`)).json()) as string[];
  for (const subject of subjects) {
    const response = await fetch(`${url}/subjects/${encodeURIComponent(subject)}/versions/latest`);
    if (response.status !== 200) throw new Error(`naive observer: ${response.status}`);
    await response.json();
  }
  return { ms: performance.now() - started, subjects: subjects.length };
}

export async function runPlanBench(): Promise<void> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  const registry = createEmbeddedRegistry();
  const seedStart = performance.now();
  await seed(registry);
  console.log(
    `seeded ${SUBJECTS} subjects × ${VERSIONS} versions in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );
  const front = await registryFront(registry, { latencyMs: LATENCY_MS });
  const dir = await writeProject(front.url);
  try {
    if (process.env.BENCH_HOLD) {
      // For profiling: keep the seeded registry up and print where the project is.
      console.log(`holding: project ${dir}, registry ${front.url}`);
      await new Promise(() => undefined);
    }
    front.requests.length = 0;
    const plan = await runPlan(dir);
    const planRequests = front.requests.length;
    const parsed = JSON.parse(plan.stdout) as { targets: { actions: { kind: string }[] }[] };
    const registers = parsed.targets[0]!.actions.filter((a) => a.kind === "register").length;

    front.requests.length = 0;
    const naive = await naiveObserver(front.url);
    const naiveRequests = front.requests.length;

    const rows = [
      ["", "schemaops plan", "naive observer"],
      ["requests", String(planRequests), String(naiveRequests)],
      ["requests per subject", (planRequests / SUBJECTS).toFixed(3), (naiveRequests / SUBJECTS).toFixed(3)],
      ["wall time", `${(plan.ms / 1000).toFixed(2)} s`, `${(naive.ms / 1000).toFixed(2)} s`],
      ["peak memory (RSS)", `${plan.maxRssMb.toFixed(0)} MB`, "–"],
    ];
    console.log(`registry: ${SUBJECTS} subjects × ${VERSIONS} versions, ${LATENCY_MS} ms added per request`);
    console.log(
      `plan: exit ${plan.code}, ${registers} registrations planned (every ${CHANGED_EVERY}th subject changed)`,
    );
    for (const row of rows)
      console.log(`  ${row[0]!.padEnd(22)}${row[1]!.padStart(16)}${row[2]!.padStart(18)}`);
    console.log(
      `  speed-up vs naive: ${(naive.ms / plan.ms).toFixed(1)}× (target ≥ 10×); requests/subject target ≤ 1.2; memory target < 400 MB`,
    );
  } finally {
    await front.close();
    await registry.close();
    await rm(dir, { recursive: true, force: true });
  }
}
