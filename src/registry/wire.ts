// Loose validation of registry responses. Registries differ by version and vendor (§8, §9 of the API
// notes), so optional fields stay optional, unknown fields are tolerated, and metadata and rule sets are
// kept whole so that a snapshot loses nothing.

import * as z from "zod";
import {
  COMPATIBILITY_LEVELS,
  MODES,
  type Mode,
  type RegisteredSchema,
  type RegistryConfig,
  type SchemaById,
  type SubjectVersion,
} from "./types.js";

const id = z.number().int();
const version = z.number().int();

const reference = z.object({ name: z.string(), subject: z.string(), version });

const metadata = z.looseObject({
  tags: z.record(z.string(), z.array(z.string())).optional(),
  properties: z.record(z.string(), z.string()).optional(),
  sensitive: z.array(z.string()).optional(),
});

const rule = z.looseObject({
  name: z.string(),
  kind: z.string().optional(),
  mode: z.string().optional(),
  type: z.string().optional(),
});

const ruleSet = z.looseObject({
  migrationRules: z.array(rule).optional(),
  domainRules: z.array(rule).optional(),
  encodingRules: z.array(rule).optional(),
});

// `null` appears where some registries write absent fields; treat it as absent.
const nullish = <T extends z.ZodType>(type: T) => type.nullish().transform((value) => value ?? undefined);

const storedSchemaFields = {
  schema: z.string(),
  schemaType: nullish(z.string()).transform((type) => type ?? "AVRO"),
  references: nullish(z.array(reference)).transform((refs) => refs ?? []),
  metadata: nullish(metadata),
  ruleSet: nullish(ruleSet),
  guid: nullish(z.string()),
  ts: nullish(z.number()),
  deleted: nullish(z.boolean()),
};

export const subjectVersionSchema: z.ZodType<SubjectVersion> = z
  .object({ ...storedSchemaFields, subject: z.string(), version, id })
  .transform(withoutUndefined);

export const schemaByIdSchema: z.ZodType<SchemaById> = z
  .object({ ...storedSchemaFields, subject: nullish(z.string()), version: nullish(version) })
  .transform(withoutUndefined);

export const registeredSchemaSchema: z.ZodType<RegisteredSchema> = z
  .object({ id, version: nullish(version), guid: nullish(z.string()) })
  .transform(withoutUndefined);

export const subjectVersionRefSchema = z.object({ subject: z.string(), version });

export const compatibilitySchema = z
  .object({
    is_compatible: z.boolean(),
    messages: nullish(z.array(z.unknown())),
  })
  .transform(({ is_compatible, messages }) => ({
    isCompatible: is_compatible,
    messages: (messages ?? []).map((m) => (typeof m === "string" ? m : JSON.stringify(m))),
  }));

export const serverVersionSchema = z
  .object({ version: z.string(), commitId: nullish(z.string()) })
  .transform(withoutUndefined);

const compatibilityLevel = z
  .string()
  .transform((level) => level.toUpperCase())
  .pipe(z.enum(COMPATIBILITY_LEVELS));

const mode = z
  .string()
  .transform((value) => value.toUpperCase())
  .pipe(z.enum(MODES as [Mode, ...Mode[]]));

/** `{mode}`; null or absent means no mode is set (a recursive delete with nothing to delete answers `{}`). */
export const modeSchema = z.object({ mode: nullish(mode) }).transform(({ mode }) => mode);

/**
 * A config. GET answers with `compatibilityLevel`; PUT answers 8.0+ with the stored config rendered as an
 * update request (key `compatibility`), and older registries echo the request. Both spellings are read.
 */
export const configSchema: z.ZodType<RegistryConfig> = z
  .object({
    compatibilityLevel: nullish(compatibilityLevel),
    compatibility: nullish(compatibilityLevel),
    compatibilityPolicy: nullish(z.string()),
    compatibilityGroup: nullish(z.string()),
    normalize: nullish(z.boolean()),
    validateFields: nullish(z.boolean()),
    validateNewSchemas: nullish(z.boolean()),
    validateRules: nullish(z.boolean()),
    alias: nullish(z.string()),
    defaultMetadata: nullish(metadata),
    overrideMetadata: nullish(metadata),
    defaultRuleSet: nullish(ruleSet),
    overrideRuleSet: nullish(ruleSet),
  })
  .transform(({ compatibility, compatibilityLevel, ...rest }) =>
    withoutUndefined({ compatibilityLevel: compatibilityLevel ?? compatibility, ...rest }),
  );

export const stringList = z.array(z.string());
export const numberList = z.array(z.number().int());

/** Drops keys whose value is undefined, so that results compare cleanly and serialise without noise. */
function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
