// The embedded registry under load: registrations/s and lookups/s over HTTP with 1 and 32 concurrent
// clients, in memory and persisted (`registry serve --data`); then a client's operations/s against it,
// schemaops's client beside @kafkajs/confluent-schema-registry doing the same work in the same run.
//
// The server runs as `schemaops registry serve` in its own process, as users run it, so that the load
// generator does not share its event loop.

import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SchemaRegistry, SchemaType } from "@kafkajs/confluent-schema-registry";
import { Pool } from "undici";
import { createRegistryClient } from "../src/registry/index.js";

const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));
const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 2_000);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 10_000);
const CLIENT_SUBJECTS = Number(process.env.BENCH_CLIENT_SUBJECTS ?? 500);

interface Served {
  url: string;
  stop(): Promise<void>;
}

async function serve(args: string[]): Promise<Served> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "registry", "serve", "--port", "0", ...args],
    { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`registry serve exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

const schemaNamed = (name: string) =>
  JSON.stringify({ type: "record", name, namespace: "bench", fields: [{ name: "id", type: "string" }] });
const schemaNumber = (n: number) => schemaNamed(`Bench${n}`);
const warmupSchema = (n: number) => schemaNamed(`Warmup${n}`);

/** Runs `count` operations with `concurrency` workers; returns operations per second. */
async function measure(
  count: number,
  concurrency: number,
  operation: (i: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) await operation(i);
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

async function expectOk(
  response: Promise<{ statusCode: number; body: { text(): Promise<string> } }>,
): Promise<void> {
  const { statusCode, body } = await response;
  const text = await body.text();
  if (statusCode !== 200) throw new Error(`HTTP ${statusCode}: ${text}`);
}

interface ServerFigures {
  store: string;
  concurrency: number;
  registrations: number;
  lookups: number;
}

/** Distinct schemas to distinct subjects, then lookups of registered schemas (POST /subjects/{s}). */
async function serverFigures(store: string, args: string[]): Promise<ServerFigures[]> {
  const server = await serve(args);
  const pool = new Pool(server.url, { connections: 32 });
  const post = (path: string, body: object) =>
    expectOk(
      pool.request({
        method: "POST",
        path,
        body: JSON.stringify(body),
        headers: { "content-type": "application/vnd.schemaregistry.v1+json" },
      }),
    );
  const figures: ServerFigures[] = [];
  try {
    await warmUp(post);
    let offset = 0;
    for (const concurrency of [1, 32]) {
      const count = concurrency === 1 ? Math.max(100, REGISTRATIONS / 4) : REGISTRATIONS;
      const base = offset;
      const registrations = await measure(count, concurrency, (i) =>
        post(`/subjects/bench-${base + i}/versions`, { schema: schemaNumber(base + i) }),
      );
      offset += count;
      const lookups = await measure(concurrency === 1 ? LOOKUPS / 4 : LOOKUPS, concurrency, (i) =>
        post(`/subjects/bench-${i % offset}`, { schema: schemaNumber(i % offset) }),
      );
      figures.push({ store, concurrency, registrations, lookups });
    }
  } finally {
    await pool.close();
    await server.stop();
  }
  return figures;
}

interface ClientFigures {
  client: string;
  concurrency: number;
  operations: number;
}

/** register + latest id + schema by id, per subject: what a producer's client does at start-up. */
async function clientFigures(): Promise<ClientFigures[]> {
  const server = await serve([]);
  const figures: ClientFigures[] = [];
  const pool = new Pool(server.url, { connections: 8 });
  try {
    await warmUp((path, body) =>
      expectOk(
        pool.request({
          method: "POST",
          path,
          body: JSON.stringify(body),
          headers: { "content-type": "application/json" },
        }),
      ),
    );
    for (const concurrency of [1, 32]) {
      const ours = createRegistryClient({ url: server.url });
      const oursRate = await measure(CLIENT_SUBJECTS, concurrency, async (i) => {
        const subject = `ours-${concurrency}-${i}`;
        const { id } = await ours.registerSchema(subject, { schemaType: "AVRO", schema: schemaNumber(i) });
        await ours.getVersion(subject, "latest");
        await ours.getSchemaById(id);
      });
      await ours.close();
      figures.push({ client: "schemaops createRegistryClient", concurrency, operations: oursRate * 3 });

      const kafkajs = new SchemaRegistry({ host: server.url });
      const kafkajsRate = await measure(CLIENT_SUBJECTS, concurrency, async (i) => {
        const subject = `kafkajs-${concurrency}-${i}`;
        const { id } = await kafkajs.register(
          { type: SchemaType.AVRO, schema: schemaNumber(i) },
          { subject },
        );
        await kafkajs.getLatestSchemaId(subject);
        await kafkajs.getSchema(id);
      });
      figures.push({
        client: "@kafkajs/confluent-schema-registry",
        concurrency,
        operations: kafkajsRate * 3,
      });
    }
  } finally {
    await pool.close();
    await server.stop();
  }
  return figures;
}

/** Warms the server up (JIT, caches) on subjects the measurements do not use. */
async function warmUp(post: (path: string, body: object) => Promise<void>): Promise<void> {
  await measure(300, 8, (i) => post(`/subjects/warmup-${i}/versions`, { schema: warmupSchema(i) }));
  await measure(1_000, 8, (i) => post(`/subjects/warmup-${i % 300}`, { schema: warmupSchema(i % 300) }));
}

const rate = (value: number) => Math.round(value).toLocaleString("en-US").padStart(9);

export async function runRegistryBench(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "schemaops-bench-"));
  try {
    const server = [
      ...(await serverFigures("memory", [])),
      ...(await serverFigures("--data", ["--data", dir])),
    ];
    console.log("embedded registry over HTTP (registry serve, undici pool)");
    console.log("store     clients  registrations/s  lookups/s");
    for (const f of server) {
      console.log(
        `${f.store.padEnd(9)} ${String(f.concurrency).padStart(7)}  ${rate(f.registrations).padStart(15)}  ${rate(f.lookups)}`,
      );
    }
    const clients = await clientFigures();
    console.log("\nclients against the embedded registry (register + latest + schema by id; operations/s)");
    console.log("client                               clients  operations/s");
    for (const f of clients) {
      console.log(
        `${f.client.padEnd(36)} ${String(f.concurrency).padStart(7)}  ${rate(f.operations).padStart(12)}`,
      );
    }
    console.log(
      "\nkafkajs answers getSchema(id) from its cache after register and asks GET /config/{subject} on every register.",
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
