// The shape of schemaops.yaml, validated with zod. Credentials become Secrets as soon as they are read, and
// credentials written into a registry URL are moved into `auth` so that the URL can be shown anywhere.

import { z } from "zod";
import { DEFAULT_POLICY, type DeletionPolicy } from "../core/policy.js";
import { Secret } from "../core/secret.js";
import { contextNameProblem } from "../core/subject-names.js";
import { settingsShape } from "./settings-schema.js";

export const EMBEDDED_URL = "embedded";

const secret = z.string().transform((value) => new Secret(value));

const authSchema = z
  .strictObject({
    basic: z.strictObject({ username: secret, password: secret }).optional(),
    bearer: secret.optional(),
  })
  .superRefine((auth, ctx) => {
    if ((auth.basic === undefined) === (auth.bearer === undefined)) {
      ctx.addIssue({
        code: "custom",
        message: "give either basic or bearer credentials (exactly one)",
      });
    }
  });

const tlsSchema = z
  .strictObject({
    ca: z.string().min(1).optional(),
    cert: z.string().min(1).optional(),
    key: z.string().min(1).optional(),
  })
  .superRefine((tls, ctx) => {
    if ((tls.cert === undefined) !== (tls.key === undefined)) {
      ctx.addIssue({ code: "custom", message: "a client certificate needs both cert and key" });
    }
  });

/** Accepts the spellings the registry accepts (`.`, `.production`, `:.production:`) and keeps `.name`. */
const contextName = z.string().transform((text, ctx) => {
  const name = text.length >= 2 && text.startsWith(":") && text.endsWith(":") ? text.slice(1, -1) : text;
  const problem = contextNameProblem(name);
  if (problem === undefined) return name;
  ctx.issues.push({ code: "custom", input: text, message: problem });
  return z.NEVER;
});

const registryUrl = z.string().superRefine((url, ctx) => {
  const problem = registryUrlProblem(url);
  if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
});

const registrySchema = z
  .strictObject({
    url: registryUrl,
    auth: authSchema.optional(),
    tls: tlsSchema.optional(),
    contexts: z.array(contextName).min(1).optional(),
    readOnly: z.boolean().default(false),
  })
  .superRefine((registry, ctx) => {
    if (registry.url !== EMBEDDED_URL) {
      if (registry.auth !== undefined && hasUserinfo(registry.url)) {
        ctx.addIssue({
          code: "custom",
          path: ["url"],
          message: "credentials are given both in the url and in auth; keep one",
        });
      }
      return;
    }
    for (const key of ["auth", "tls"] as const) {
      if (registry[key] !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `${key} does not apply to the embedded registry`,
        });
      }
    }
  });

const REGISTRY_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const deletionPolicy = z.enum(["none", "soft", "hard"] satisfies DeletionPolicy[]);

export const projectFileSchema = z.strictObject({
  registries: z
    .record(
      z.string().regex(REGISTRY_NAME, "registry names use letters, digits, '.', '_' and '-'"),
      registrySchema,
    )
    .optional(),
  defaults: z.strictObject(settingsShape).optional(),
  policy: z
    .strictObject({
      deletions: deletionPolicy.default(DEFAULT_POLICY.deletions),
      maxDeletions: z.int().min(0).default(DEFAULT_POLICY.maxDeletions),
      allowIncompatible: z.boolean().default(DEFAULT_POLICY.allowIncompatible),
    })
    .optional(),
});

export type ProjectFile = z.output<typeof projectFileSchema>;

export type RegistryFileEntry = z.output<typeof registrySchema>;

function registryUrlProblem(url: string): string | undefined {
  if (url === EMBEDDED_URL) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `url must be "${EMBEDDED_URL}" or an http(s) URL, not ${JSON.stringify(withoutUserinfo(url))}`;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return `url must use http or https, not ${parsed.protocol}`;
  }
  if (parsed.search !== "" || parsed.hash !== "") return "url must not contain a query string or fragment";
  return undefined;
}

function hasUserinfo(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== "" || parsed.password !== "";
  } catch {
    return false;
  }
}

export function withoutUserinfo(url: string): string {
  return url.replace(/\/\/[^/?#]*@/, "//***@");
}
