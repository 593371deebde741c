// context.yaml (settings of a context) and the sidecar `<stem>.yaml` beside a schema file (settings,
// metadata and references of a subject). Both are validated strictly: an unknown key is an error.

import { z } from "zod";
import { contextNameProblem } from "../core/subject-names.js";
import { SCHEMA_TYPES, type SchemaType } from "../formats/types.js";
import type { Validation } from "./config.js";
import { metadataSchema, referenceSchema, ruleSetSchema, settingsShape } from "./settings-schema.js";
import { readYaml, yamlValue, type YamlFile } from "./yaml-file.js";
import { locatedIssues } from "./zod-issues.js";

const schemaTypeSchema = z.string().transform((text, ctx) => {
  const upper = text.trim().toUpperCase();
  if ((SCHEMA_TYPES as readonly string[]).includes(upper)) return upper as SchemaType;
  ctx.issues.push({
    code: "custom",
    input: text,
    message: `unknown schema type ${JSON.stringify(text)} (expected one of: ${SCHEMA_TYPES.join(", ")})`,
  });
  return z.NEVER;
});

const subjectNameSchema = z
  .string()
  .min(1)
  .refine((name) => !/\p{Cc}/u.test(name), "subject names must not contain control characters");

export const sidecarSchema = z.strictObject({
  subject: subjectNameSchema.optional(),
  type: schemaTypeSchema.optional(),
  ...settingsShape,
  references: z.array(referenceSchema).optional(),
  metadata: metadataSchema.optional(),
  ruleSet: ruleSetSchema.optional(),
  deleted: z.boolean().optional(),
});

export type Sidecar = z.output<typeof sidecarSchema>;

const contextNameSchema = z.string().superRefine((name, ctx) => {
  const problem = contextNameProblem(name);
  if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
});

export const contextFileSchema = z.strictObject({ name: contextNameSchema.optional(), ...settingsShape });

export type ContextFile = z.output<typeof contextFileSchema>;

/** A validated YAML file, with its positions kept for later checks (references, lint rules). */
export interface LocatedValidation<T> extends Validation<T> {
  yaml: YamlFile;
}

export function readSidecar(file: string, text: string): LocatedValidation<Sidecar> {
  return readWith(sidecarSchema, file, text);
}

export function readContextFile(file: string, text: string): LocatedValidation<ContextFile> {
  return readWith(contextFileSchema, file, text);
}

function readWith<S extends z.ZodType>(
  schema: S,
  file: string,
  text: string,
): LocatedValidation<z.output<S>> {
  const yaml = readYaml(file, text);
  if (yaml.errors.length > 0) return { value: undefined, warnings: yaml.warnings, errors: yaml.errors, yaml };
  const parsed = schema.safeParse(yamlValue(yaml));
  if (!parsed.success) {
    return {
      value: undefined,
      warnings: yaml.warnings,
      errors: locatedIssues(yaml, schema, parsed.error),
      yaml,
    };
  }
  return { value: parsed.data, warnings: yaml.warnings, errors: [], yaml };
}
