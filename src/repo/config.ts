// schemaops.yaml: registries, defaults and policy. Validation returns every problem at once, located in the
// file, instead of throwing on the first one.

import type { ManagedSettings } from "../core/model.js";
import type { Policy } from "../core/policy.js";
import { DEFAULT_POLICY } from "../core/policy.js";
import { redact, Secret } from "../core/secret.js";
import { expandDocument, protectReferences, restoreBraces, type Environment } from "./env.js";
import type { RepoIssue } from "./issues.js";
import { EMBEDDED_URL, projectFileSchema, type RegistryFileEntry } from "./config-schema.js";
import { readYaml, yamlValue, type YamlFile } from "./yaml-file.js";
import { locatedIssues } from "./zod-issues.js";

export const PROJECT_FILE = "schemaops.yaml";

export type RegistryAuthConfig = { basic: { username: Secret; password: Secret } } | { bearer: Secret };

export interface RegistryConfig {
  name: string;
  /** "embedded", or an http(s) URL that never carries credentials (they are moved to `auth`). */
  url: string;
  auth?: RegistryAuthConfig;
  /** File paths as written, relative to the project directory. */
  tls?: { ca?: string; cert?: string; key?: string };
  /** The contexts this registry receives; undefined means every context of the repository. */
  contexts?: string[];
  readOnly: boolean;
}

export interface ProjectConfig {
  registries: Record<string, RegistryConfig>;
  /** Context settings wherever a context declares none. */
  defaults: ManagedSettings;
  policy: Policy;
}

export interface Validation<T> {
  value: T | undefined;
  warnings: RepoIssue[];
  errors: RepoIssue[];
}

export interface ConfigValidation extends Validation<ProjectConfig> {
  /** The file's positions, for later checks that point into it. */
  yaml: YamlFile;
}

export const DEFAULT_REGISTRIES: Record<string, RegistryConfig> = {
  local: { name: "local", url: EMBEDDED_URL, readOnly: false },
};

export function readProjectConfig(text: string, env: Environment, file = PROJECT_FILE): ConfigValidation {
  const yaml = readYaml(file, protectReferences(text));
  const restore = (issue: RepoIssue): RepoIssue => ({ ...issue, message: restoreBraces(issue.message) });
  if (yaml.errors.length > 0) {
    return { value: undefined, warnings: yaml.warnings.map(restore), errors: yaml.errors.map(restore), yaml };
  }
  const expansionErrors = expandDocument(yaml, env);
  const raw = yamlValue(yaml);
  const parsed = projectFileSchema.safeParse(raw);
  // A value whose expansion failed is still its unexpanded text: its validation problems would mislead.
  const unexpanded = new Set(expansionErrors.map((e) => `${e.line}:${e.column}`));
  const validationErrors = parsed.success ? [] : locatedIssues(yaml, projectFileSchema, parsed.error);
  const errors = [
    ...expansionErrors,
    ...validationErrors.filter((e) => !unexpanded.has(`${e.line}:${e.column}`)),
  ];
  if (!parsed.success || errors.length > 0) {
    // Messages never quote credentials, but a value can end up in one through an unexpected path.
    const secrets = credentialStrings(raw);
    const clean = (issue: RepoIssue): RepoIssue => ({ ...issue, message: redact(issue.message, secrets) });
    return { value: undefined, warnings: yaml.warnings.map(clean), errors: errors.map(clean), yaml };
  }
  const data = parsed.data;
  const registries = Object.fromEntries(
    Object.entries(data.registries ?? {}).map(([name, entry]) => [name, toRegistryConfig(name, entry)]),
  );
  return {
    value: {
      registries: Object.keys(registries).length > 0 ? registries : { ...DEFAULT_REGISTRIES },
      defaults: withoutUndefined(data.defaults ?? {}),
      policy: { ...DEFAULT_POLICY, ...data.policy },
    },
    warnings: yaml.warnings,
    errors: [],
    yaml,
  };
}

/** Builds the registry entry, moving credentials written into the URL into `auth`. */
function toRegistryConfig(name: string, entry: RegistryFileEntry): RegistryConfig {
  const registry: RegistryConfig = { name, url: entry.url, readOnly: entry.readOnly };
  if (entry.tls !== undefined) registry.tls = withoutUndefined(entry.tls);
  if (entry.contexts !== undefined) registry.contexts = [...new Set(entry.contexts)];
  const auth: RegistryAuthConfig | undefined = entry.auth?.basic
    ? { basic: entry.auth.basic }
    : entry.auth?.bearer
      ? { bearer: entry.auth.bearer }
      : undefined;
  if (entry.url !== EMBEDDED_URL) {
    const url = new URL(entry.url);
    if (url.username !== "" || url.password !== "") {
      registry.auth = {
        basic: {
          username: new Secret(decodeURIComponent(url.username)),
          password: new Secret(decodeURIComponent(url.password)),
        },
      };
      registry.url = entry.url.replace(/\/\/[^/?#]*@/, "//");
    }
  }
  if (auth !== undefined) registry.auth = auth;
  return registry;
}

function credentialStrings(raw: unknown): string[] {
  const out: string[] = [];
  const registries = isRecord(raw) && isRecord(raw.registries) ? raw.registries : {};
  for (const entry of Object.values(registries)) {
    if (!isRecord(entry)) continue;
    collectStrings(entry.auth, out);
    if (typeof entry.url === "string") {
      const userinfo = /\/\/([^/?#]*)@/.exec(entry.url)?.[1];
      if (userinfo !== undefined) out.push(...userinfo.split(":"));
    }
  }
  return out;
}

function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, out);
  else if (isRecord(value)) for (const item of Object.values(value)) collectStrings(item, out);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
