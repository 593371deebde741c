// Opens a client for a registry of schemaops.yaml. `url: embedded` starts the embedded registry in this
// process, stored under .schemaops/, and talks to it over HTTP on 127.0.0.1 like any other registry.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { createEmbeddedRegistry } from "../embedded/index.js";
import {
  createRegistryClient,
  type RegistryAuth,
  type RegistryClient,
  type RegistryTls,
} from "../registry/index.js";
import type { RegistryConfig } from "../repo/config.js";

export const EMBEDDED_URL = "embedded";

export interface RegistryConnection {
  client: RegistryClient;
  /** The URL requests go to, without credentials. */
  url: string;
  close(): Promise<void>;
}

/** Where the embedded registry of a project keeps its data. */
export function embeddedDataDir(projectDir: string, registryName: string): string {
  return path.join(projectDir, ".schemaops", "registries", registryName);
}

export async function connectRegistry(
  projectDir: string,
  config: RegistryConfig,
): Promise<RegistryConnection> {
  if (config.url === EMBEDDED_URL) {
    const registry = createEmbeddedRegistry({ dir: embeddedDataDir(projectDir, config.name) });
    const { url } = await registry.listen({ host: "127.0.0.1", port: 0 });
    const client = createRegistryClient({ url });
    return {
      client,
      url: `embedded (${path.relative(projectDir, embeddedDataDir(projectDir, config.name)) || "."})`,
      close: async () => {
        await client.close();
        await registry.close();
      },
    };
  }
  const client = createRegistryClient({
    url: config.url,
    auth: authOf(config),
    tls: await tlsOf(projectDir, config),
  });
  return { client, url: config.url, close: () => client.close() };
}

function authOf(config: RegistryConfig): RegistryAuth | undefined {
  if (!config.auth) return undefined;
  if ("basic" in config.auth) {
    // The one place credentials leave their Secret wrapper: on their way into the request headers.
    return {
      basic: { username: config.auth.basic.username.reveal(), password: config.auth.basic.password.reveal() },
    };
  }
  return { bearer: config.auth.bearer.reveal() };
}

async function tlsOf(projectDir: string, config: RegistryConfig): Promise<RegistryTls | undefined> {
  if (!config.tls) return undefined;
  const read = async (file: string | undefined) =>
    file ? await readFile(path.resolve(projectDir, file)) : undefined;
  const tls: RegistryTls = {};
  const [ca, cert, key] = await Promise.all([
    read(config.tls.ca),
    read(config.tls.cert),
    read(config.tls.key),
  ]);
  if (ca) tls.ca = ca;
  if (cert) tls.cert = cert;
  if (key) tls.key = key;
  return tls;
}
