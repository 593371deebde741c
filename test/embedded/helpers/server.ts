// Runs `schemaops registry serve` as a child process, the way users run it, and talks to it over raw
// HTTP so that status codes and bodies are seen exactly as sent.

import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { request } from "undici";
import { afterAll, beforeAll } from "vitest";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const READY = /listening on (http:\/\/\S+)/;

export interface ServedRegistry {
  url: string;
  child: ChildProcess;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no chance to finish anything. */
  kill(): Promise<void>;
}

export async function serveRegistry(extraArgs: string[] = []): Promise<ServedRegistry> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "registry", "serve", "--port", "0", ...extraArgs],
    { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = READY.exec(stdout);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`registry exited with ${code} before listening: ${stderr}`)));
  });
  return {
    url,
    child,
    async stop() {
      child.kill("SIGTERM");
      return exited;
    },
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

export interface HttpResult {
  status: number;
  contentType: string | undefined;
  text: string;
  /** The body parsed as JSON; undefined when it is not JSON. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const JSON_TYPE = "application/vnd.schemaregistry.v1+json";

/** A minimal HTTP client: paths are sent as written, objects as JSON. The base URL may be known only later. */
export function http(base: string | (() => string)) {
  const baseUrl = typeof base === "string" ? () => base : base;
  const send = async (
    method: "GET" | "POST" | "PUT" | "DELETE" | "HEAD",
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult> => {
    const payload = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
    const response = await request(`${baseUrl()}${path}`, {
      method,
      body: payload,
      headers: { ...(payload !== undefined ? { "content-type": JSON_TYPE } : {}), ...headers },
    });
    const text = await response.body.text();
    let parsed: unknown;
    try {
      parsed = text === "" ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const contentType = response.headers["content-type"];
    return {
      status: response.statusCode,
      contentType: Array.isArray(contentType) ? contentType[0] : contentType,
      text,
      body: parsed,
    };
  };
  return {
    get: (path: string, headers?: Record<string, string>) => send("GET", path, undefined, headers),
    head: (path: string) => send("HEAD", path),
    post: (path: string, body?: unknown, headers?: Record<string, string>) =>
      send("POST", path, body, headers),
    put: (path: string, body?: unknown, headers?: Record<string, string>) => send("PUT", path, body, headers),
    delete: (path: string) => send("DELETE", path),
  };
}

export type Http = ReturnType<typeof http>;

/** `registry serve` for the tests of one file: started before them, stopped after them. */
export function serveForTests(extraArgs: string[] = []): Http {
  let server: ServedRegistry | undefined;
  beforeAll(async () => {
    server = await serveRegistry(extraArgs);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return http(() => {
    if (!server) throw new Error("the registry is not started yet");
    return server.url;
  });
}

/** Path segment for a subject: `/` and `:` encoded. */
export const enc = (subject: string) => encodeURIComponent(subject);

let counter = 0;
/** A subject name no other test uses. */
export const unique = (prefix: string) => `${prefix}-${++counter}-${process.pid}`;
