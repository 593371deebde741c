// Request bodies, read the way the registry's JSON binding reads them: malformed JSON and wrongly
// typed fields are 400s, a missing body is a 422, unknown fields are ignored, and scalars are coerced
// where Jackson coerces them (a number where a string is expected, "3" where an int is).

import { errors } from "../errors.js";
import {
  RULE_KINDS,
  RULE_MODES,
  type Metadata,
  type Rule,
  type RuleSet,
  type SchemaReference,
} from "../model.js";
import type { ConfigUpdate } from "../operations/config.js";
import type { RegisterRequest } from "../operations/request.js";

type Json = Record<string, unknown>;

export function parseJsonBody(raw: string | undefined): Json {
  if (raw === undefined || raw.trim() === "") throw errors.unprocessable("Request body is missing");
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw errors.badRequest(`Unexpected character in JSON body: ${(error as Error).message}`);
  }
  if (value === null) throw errors.unprocessable("Request body is missing");
  return asObject(value, "request body");
}

function asObject(value: unknown, what: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw errors.badRequest(`Cannot deserialize ${what}: expected a JSON object`);
  }
  return value as Json;
}

const mismatch = (field: string, expected: string) =>
  errors.badRequest(`Cannot deserialize value of field '${field}': expected ${expected}`);

function optionalString(body: Json, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw mismatch(field, "a string");
}

function optionalInt(body: Json, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  throw mismatch(field, "an integer");
}

function optionalBoolean(body: Json, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  throw mismatch(field, "a boolean");
}

function stringList(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) throw mismatch(field, "an array of strings");
  return value.map((item) => {
    if (typeof item !== "string") throw mismatch(field, "an array of strings");
    return item;
  });
}

function stringMap(value: unknown, field: string): Record<string, string> {
  const object = asObject(value, field);
  return Object.fromEntries(
    Object.entries(object).map(([key, item]) => {
      if (typeof item !== "string") throw mismatch(`${field}.${key}`, "a string");
      return [key, item];
    }),
  );
}

/** A missing name, subject or version is the registry's 42201 `Invalid reference`, not a 400. */
function references(value: unknown): SchemaReference[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw mismatch("references", "an array");
  return value.map((item) => {
    const reference = asObject(item, "reference");
    const name = optionalString(reference, "name");
    const subject = optionalString(reference, "subject");
    const version = optionalInt(reference, "version");
    if (name === undefined || subject === undefined || version === undefined) {
      throw errors.invalidSchema("Invalid reference");
    }
    return { name, subject, version };
  });
}

export function metadataFrom(value: unknown, field = "metadata"): Metadata | undefined {
  if (value === undefined || value === null) return undefined;
  const object = asObject(value, field);
  const metadata: Metadata = {};
  if (object.tags !== undefined && object.tags !== null) {
    metadata.tags = Object.fromEntries(
      Object.entries(asObject(object.tags, `${field}.tags`)).map(([key, tags]) => [
        key,
        stringList(tags, `${field}.tags`),
      ]),
    );
  }
  if (object.properties !== undefined && object.properties !== null) {
    metadata.properties = stringMap(object.properties, `${field}.properties`);
  }
  if (object.sensitive !== undefined && object.sensitive !== null) {
    metadata.sensitive = stringList(object.sensitive, `${field}.sensitive`);
  }
  return metadata;
}

function enumValue<T extends string>(body: Json, field: string, allowed: readonly T[], fallback: T): T {
  const value = optionalString(body, field);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw mismatch(field, `one of ${allowed.join(", ")}`);
  return value as T;
}

function rule(value: unknown): Rule {
  const body = asObject(value, "rule");
  const result: Rule = {
    kind: enumValue(body, "kind", RULE_KINDS, "TRANSFORM"),
    mode: enumValue(body, "mode", RULE_MODES, "WRITEREAD"),
    disabled: optionalBoolean(body, "disabled") ?? false,
  };
  for (const field of ["name", "doc", "type", "expr", "onSuccess", "onFailure"] as const) {
    const text = optionalString(body, field);
    if (text !== undefined) result[field] = text;
  }
  if (body.tags !== undefined && body.tags !== null) result.tags = stringList(body.tags, "tags");
  if (body.params !== undefined && body.params !== null) result.params = stringMap(body.params, "params");
  return result;
}

export function ruleSetFrom(value: unknown, field = "ruleSet"): RuleSet | undefined {
  if (value === undefined || value === null) return undefined;
  const object = asObject(value, field);
  const ruleSet: RuleSet = {};
  for (const key of ["migrationRules", "domainRules", "encodingRules"] as const) {
    const rules = object[key];
    if (rules === undefined || rules === null) continue;
    if (!Array.isArray(rules)) throw mismatch(`${field}.${key}`, "an array of rules");
    ruleSet[key] = rules.map(rule);
  }
  return ruleSet;
}

export function registerRequestFrom(raw: string | undefined): RegisterRequest {
  const body = parseJsonBody(raw);
  const request: RegisterRequest = {};
  const schema = optionalString(body, "schema");
  const schemaType = optionalString(body, "schemaType");
  const refs = references(body.references);
  const metadata = metadataFrom(body.metadata);
  const ruleSet = ruleSetFrom(body.ruleSet);
  const version = optionalInt(body, "version");
  const id = optionalInt(body, "id");
  if (schema !== undefined) request.schema = schema;
  if (schemaType !== undefined) request.schemaType = schemaType;
  if (refs !== undefined) request.references = refs;
  if (metadata !== undefined) request.metadata = metadata;
  if (ruleSet !== undefined) request.ruleSet = ruleSet;
  if (version !== undefined) request.version = version;
  if (id !== undefined) request.id = id;
  return request;
}

/** Keys present with `null` clear the stored value; absent keys leave it. */
export function configUpdateFrom(raw: string | undefined): ConfigUpdate {
  const body = parseJsonBody(raw);
  const update: ConfigUpdate = {};
  const present = (key: string) => key in body;
  for (const key of [
    "compatibility",
    "compatibilityPolicy",
    "compatibilityGroup",
    "alias",
    "aliasForDeks",
  ] as const) {
    if (present(key)) update[key] = optionalString(body, key) ?? null;
  }
  for (const key of ["normalize", "validateFields", "validateNewSchemas", "validateRules"] as const) {
    if (present(key)) update[key] = optionalBoolean(body, key) ?? null;
  }
  for (const key of ["defaultMetadata", "overrideMetadata"] as const) {
    if (present(key)) update[key] = metadataFrom(body[key], key) ?? null;
  }
  for (const key of ["defaultRuleSet", "overrideRuleSet"] as const) {
    if (present(key)) update[key] = ruleSetFrom(body[key], key) ?? null;
  }
  return update;
}

/** `{"mode": "IMPORT"}`; `{"mode": null}` (or no mode) clears it. */
export function modeUpdateFrom(raw: string | undefined): string | null {
  return optionalString(parseJsonBody(raw), "mode") ?? null;
}
