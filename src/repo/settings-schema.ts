// The pieces of file validation shared by schemaops.yaml, context.yaml and sidecars: settings, metadata,
// rule sets and references. Names of levels and modes are read case-insensitively and kept upper-case.

import { z } from "zod";
import { COMPATIBILITY_LEVELS, parseCompatibilityLevel } from "../compat/levels.js";
import { MODES, type Mode } from "../core/model.js";

export const compatibilityLevelSchema = z.string().transform((text, ctx) => {
  const level = parseCompatibilityLevel(text);
  if (level !== undefined) return level;
  ctx.issues.push({
    code: "custom",
    input: text,
    message: `unknown compatibility level ${JSON.stringify(text)} (expected one of: ${COMPATIBILITY_LEVELS.join(", ")})`,
  });
  return z.NEVER;
});

export const modeSchema = z.string().transform((text, ctx) => {
  const upper = text.trim().toUpperCase();
  if ((MODES as readonly string[]).includes(upper)) return upper as Mode;
  ctx.issues.push({
    code: "custom",
    input: text,
    message: `unknown mode ${JSON.stringify(text)} (expected one of: ${MODES.join(", ")})`,
  });
  return z.NEVER;
});

/** Settings a context or a subject may declare; only declared keys are managed. */
export const settingsShape = {
  compatibility: compatibilityLevelSchema.optional(),
  normalize: z.boolean().optional(),
  mode: modeSchema.optional(),
};

/** Property values are strings in the registry; numbers and booleans written in YAML are kept as text. */
const propertyValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);

export const metadataSchema = z.strictObject({
  tags: z.record(z.string(), z.array(z.string())).optional(),
  properties: z.record(z.string(), propertyValue).optional(),
  sensitive: z.array(z.string()).optional(),
});

/** Rule sets are the registry's business: any mapping is passed through unchanged. */
export const ruleSetSchema = z.record(z.string(), z.unknown());

const referenceVersion = z.unknown().transform((value, ctx): number | "latest" => {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 1) return value;
  if (typeof value === "string" && value.trim().toLowerCase() === "latest") return "latest";
  ctx.issues.push({
    code: "custom",
    input: value,
    message: `reference version must be a version number (1 or more) or "latest", not ${JSON.stringify(value)}`,
  });
  return z.NEVER;
});

export const referenceSchema = z.strictObject({
  name: z.string().min(1),
  subject: z.string().min(1),
  version: referenceVersion.optional().transform((v) => v ?? "latest"),
});
