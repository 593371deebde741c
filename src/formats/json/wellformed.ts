// Well-formedness of a JSON Schema document: every keyword the comparison relies on must have the
// shape its draft defines, so that a malformed schema is refused with a located, actionable
// message instead of being compared half-understood.

import type { JsonNode, JsonPosition } from "../jsontext/index.js";
import type { SchemaIssue } from "../types.js";
import type { Draft } from "./draft.js";
import { isModernDraft } from "./draft.js";
import { idKeyword, isTypeName, schemaSlot, TYPE_NAMES } from "./keywords.js";
import { compilePattern, patternError } from "./regex.js";
import type { SchemaDocument } from "./resources.js";
import { pointerText, walkSchemas } from "./walk.js";

type Check = (value: JsonNode, draft: Draft) => string | undefined;

const isSchema = (value: JsonNode, draft: Draft): boolean =>
  value.kind === "object" || (value.kind === "boolean" && draft !== "4");

const schemaCheck: Check = (value, draft) =>
  isSchema(value, draft)
    ? undefined
    : `must be a schema (${draft === "4" ? "an object" : "an object or a boolean"})`;

const booleanOrSchema: Check = (value) =>
  value.kind === "object" || value.kind === "boolean" ? undefined : "must be a boolean or a schema object";

const nonNegativeInteger: Check = (value) =>
  value.kind === "number" && Number.isInteger(value.value) && value.value >= 0
    ? undefined
    : "must be a non-negative integer";

const numberCheck: Check = (value) => (value.kind === "number" ? undefined : "must be a number");

const stringCheck: Check = (value) => (value.kind === "string" ? undefined : "must be a string");

const booleanCheck: Check = (value) => (value.kind === "boolean" ? undefined : "must be a boolean");

const objectCheck: Check = (value) => (value.kind === "object" ? undefined : "must be an object");

const stringArray: Check = (value) => {
  if (value.kind !== "array") return "must be an array of strings";
  const bad = value.items.find((item) => item.kind !== "string");
  return bad === undefined ? undefined : `must contain only strings, found ${describe(bad)}`;
};

const schemaList: Check = (value) => {
  if (value.kind !== "array") return "must be a non-empty array of schemas";
  return value.items.length === 0 ? "must not be empty" : undefined;
};

const typeCheck: Check = (value) => {
  const expected = `must be one of ${TYPE_NAMES.map((t) => `"${t}"`).join(", ")} or an array of them`;
  if (value.kind === "string")
    return isTypeName(value.value) ? undefined : `names an unknown type "${value.value}"; ${expected}`;
  if (value.kind !== "array") return expected;
  if (value.items.length === 0) return "must not be an empty array";
  const names = new Set<string>();
  for (const item of value.items) {
    if (item.kind !== "string") return `${expected}, found ${describe(item)}`;
    if (!isTypeName(item.value)) return `names an unknown type "${item.value}"; ${expected}`;
    if (names.has(item.value)) return `lists "${item.value}" twice`;
    names.add(item.value);
  }
  return undefined;
};

const patternCheck: Check = (value) => {
  if (value.kind !== "string") return "must be a string holding a regular expression";
  return compilePattern(value.value) === undefined
    ? `is not a valid regular expression: ${patternError(value.value)}`
    : undefined;
};

const dependenciesCheck: Check = (value) => {
  if (value.kind !== "object") return "must be an object";
  for (const { key, value: dep } of value.entries) {
    if (dep.kind === "array" && dep.items.some((item) => item.kind !== "string")) {
      return `"${key}" must list property names (strings)`;
    }
  }
  return undefined;
};

const dependentRequiredCheck: Check = (value) => {
  if (value.kind !== "object") return "must be an object";
  const bad = value.entries.find(
    (e) => e.value.kind !== "array" || e.value.items.some((i) => i.kind !== "string"),
  );
  return bad === undefined ? undefined : `"${bad.key}" must be an array of property names`;
};

const multipleOfCheck: Check = (value) =>
  value.kind === "number" && value.value > 0 ? undefined : "must be a number greater than 0";

const exclusiveBound: Check = (value, draft) =>
  draft === "4" ? booleanCheck(value, draft) : numberCheck(value, draft);

const itemsCheck: Check = (value, draft) => {
  if (draft === "2020-12") {
    return value.kind === "array"
      ? "must be a schema in draft 2020-12 (use prefixItems for tuples)"
      : schemaCheck(value, draft);
  }
  return value.kind === "array" ? undefined : schemaCheck(value, draft);
};

/** Keyword → check, for keywords every supported draft shares. */
const COMMON_CHECKS: Record<string, Check> = {
  type: typeCheck,
  enum: (value) => (value.kind === "array" ? undefined : "must be an array"),
  required: stringArray,
  properties: objectCheck,
  patternProperties: objectCheck,
  definitions: objectCheck,
  additionalProperties: booleanOrSchema,
  additionalItems: booleanOrSchema,
  items: itemsCheck,
  allOf: schemaList,
  anyOf: schemaList,
  oneOf: schemaList,
  not: schemaCheck,
  dependencies: dependenciesCheck,
  minLength: nonNegativeInteger,
  maxLength: nonNegativeInteger,
  minItems: nonNegativeInteger,
  maxItems: nonNegativeInteger,
  minProperties: nonNegativeInteger,
  maxProperties: nonNegativeInteger,
  minimum: numberCheck,
  maximum: numberCheck,
  exclusiveMinimum: exclusiveBound,
  exclusiveMaximum: exclusiveBound,
  multipleOf: multipleOfCheck,
  pattern: patternCheck,
  uniqueItems: booleanCheck,
  title: stringCheck,
  description: stringCheck,
  format: stringCheck,
  $schema: stringCheck,
  $ref: stringCheck,
};

const DRAFT6_CHECKS: Record<string, Check> = {
  contains: schemaCheck,
  propertyNames: schemaCheck,
  examples: (value) => (value.kind === "array" ? undefined : "must be an array"),
  $comment: stringCheck,
};

const DRAFT7_CHECKS: Record<string, Check> = { if: schemaCheck, then: schemaCheck, else: schemaCheck };

const MODERN_CHECKS: Record<string, Check> = {
  $defs: objectCheck,
  $anchor: stringCheck,
  dependentRequired: dependentRequiredCheck,
  dependentSchemas: objectCheck,
  unevaluatedProperties: schemaCheck,
  unevaluatedItems: schemaCheck,
  minContains: nonNegativeInteger,
  maxContains: nonNegativeInteger,
};

function checksFor(draft: Draft): Record<string, Check> {
  const checks: Record<string, Check> = { ...COMMON_CHECKS, [idKeyword(draft)]: stringCheck };
  if (draft !== "4") Object.assign(checks, DRAFT6_CHECKS);
  if (draft !== "4" && draft !== "6") Object.assign(checks, DRAFT7_CHECKS);
  if (isModernDraft(draft)) Object.assign(checks, MODERN_CHECKS);
  if (draft === "2020-12") checks.prefixItems = schemaList;
  return checks;
}

/** Every malformed keyword and misplaced non-schema in a document, located. */
export function checkWellFormed(document: SchemaDocument): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const { draft } = document;
  const checks = checksFor(draft);
  const report = (at: JsonPosition, pointer: readonly string[], message: string): void => {
    issues.push(locate(document, at, `${message} (at ${pointerText(pointer)})`));
  };
  if (!isSchema(document.root, draft)) {
    report(
      document.root.start,
      [],
      `a JSON Schema must be ${draft === "4" ? "an object" : "an object or a boolean"}, found ${describe(document.root)}`,
    );
    return issues;
  }
  // Non-schemas in schema positions are reported by the keyword holding them, so the walk only
  // has to look inside real schema objects.
  walkSchemas(document.root, draft, ({ node, pointer }) => {
    if (node.kind !== "object") return;
    for (const { key, value } of node.entries) {
      const at = [...pointer, key];
      const check = Object.hasOwn(checks, key) ? checks[key] : undefined;
      const problem = check?.(value, draft);
      if (problem !== undefined) report(value.start, at, `"${key}" ${problem}, found ${describe(value)}`);
      for (const member of schemaMembers(key, value, draft)) {
        if (!isSchema(member.node, draft)) {
          report(
            member.node.start,
            [...at, member.segment],
            `must be ${schemaShape(draft)}, found ${describe(member.node)}`,
          );
        }
      }
      if (key === "patternProperties" && value.kind === "object") {
        for (const entry of value.entries) {
          if (compilePattern(entry.key) === undefined) {
            report(
              entry.keyStart,
              [...at, entry.key],
              `"${entry.key}" is not a valid regular expression: ${patternError(entry.key)}`,
            );
          }
        }
      }
    }
  });
  return issues;
}

function schemaShape(draft: Draft): string {
  return draft === "4" ? "a schema (an object)" : "a schema (an object or a boolean)";
}

/** The members of a map-of-schemas or list-of-schemas keyword, which must each be a schema. */
function schemaMembers(key: string, value: JsonNode, draft: Draft): { segment: string; node: JsonNode }[] {
  const slot = key === "dependencies" ? "dependencies" : schemaSlot(draft, key);
  if ((slot === "schemaMap" || slot === "dependencies") && value.kind === "object") {
    return value.entries
      .filter((e) => slot !== "dependencies" || e.value.kind !== "array")
      .map((e) => ({ segment: e.key, node: e.value }));
  }
  if ((slot === "schemaList" || slot === "schemaOrList") && value.kind === "array") {
    return value.items.map((node, i) => ({ segment: String(i), node }));
  }
  return [];
}

function locate(document: SchemaDocument, at: JsonPosition, message: string): SchemaIssue {
  const located: SchemaIssue = { message, line: at.line, column: at.column };
  if (document.source !== undefined) located.source = document.source;
  return located;
}

/** A short rendering of a JSON value for messages. */
export function describe(value: JsonNode): string {
  switch (value.kind) {
    case "object":
      return "an object";
    case "array":
      return "an array";
    case "string":
      return JSON.stringify(value.value.length > 40 ? value.value.slice(0, 40) + "…" : value.value);
    case "number":
      return value.lexeme;
    case "boolean":
      return String(value.value);
    case "null":
      return "null";
  }
}
