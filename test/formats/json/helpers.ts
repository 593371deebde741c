// Shared helpers for the JSON Schema format tests: schemas are written as plain objects.

import { expect } from "vitest";
import { jsonFormat, type JsonSchemaDoc } from "../../../src/formats/json/index.js";
import type { Finding, ResolvedReference } from "../../../src/formats/types.js";

export const LABELS = { reader: "new", writer: "old" };

export function parseDoc(schema: unknown, references?: ResolvedReference[]): JsonSchemaDoc {
  const text = typeof schema === "string" ? schema : JSON.stringify(schema);
  const r = jsonFormat.parse({ schemaType: "JSON", schema: text, ...(references ? { references } : {}) });
  if (!r.ok) throw new Error(`unexpected parse failure: ${JSON.stringify(r.errors)}`);
  return r.schema;
}

/** Every finding of "reader reads writer". */
export function findings(reader: unknown, writer: unknown, policy?: "STRICT" | "LENIENT"): Finding[] {
  return jsonFormat.canRead(parseDoc(reader), parseDoc(writer), {
    labels: LABELS,
    ...(policy ? { policy } : {}),
  });
}

/** Findings as `TYPE path` lines, incompatible ones marked with a trailing `!`. */
export function summary(reader: unknown, writer: unknown, policy?: "STRICT" | "LENIENT"): string[] {
  return findings(reader, writer, policy).map((f) => `${f.errorType} ${f.path}${f.compatible ? "" : " !"}`);
}

export type Case = [name: string, writer: unknown, reader: unknown, expected: string[]];

/** Asserts the summary of reader = `reader` reading writer = `writer`. */
export function expectDiff([, writer, reader, expected]: Case, policy?: "STRICT" | "LENIENT"): void {
  expect(summary(reader, writer, policy)).toEqual(expected);
}

export const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}): unknown => ({
  type: "object",
  properties,
  ...extra,
});

export const str = (extra: Record<string, unknown> = {}): unknown => ({ type: "string", ...extra });
export const num = (extra: Record<string, unknown> = {}): unknown => ({ type: "number", ...extra });
export const int = (extra: Record<string, unknown> = {}): unknown => ({ type: "integer", ...extra });
export const arr = (extra: Record<string, unknown> = {}): unknown => ({ type: "array", ...extra });
