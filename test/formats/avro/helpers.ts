// Small builders for Avro tests: schemas as objects, parsed strictly unless asked otherwise.

import { avroFormat, type AvroSchema } from "../../../src/formats/avro/index.js";
import type { Finding, ResolvedReference } from "../../../src/formats/types.js";

// Object values may be undefined: JSON.stringify leaves such keys out.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

/** A record named com.acme.R with the given fields (and extra attributes). */
export function record(fields: Json[], extra: { [key: string]: Json } = {}): Json {
  return { type: "record", name: "R", namespace: "com.acme", ...extra, fields };
}

export function parse(schema: Json, references: ResolvedReference[] = [], strict = true): AvroSchema {
  return parseText(JSON.stringify(schema), references, strict);
}

export function parseText(text: string, references: ResolvedReference[] = [], strict = true): AvroSchema {
  const result = avroFormat.parse({ schema: text, references }, { strict });
  if (!result.ok) throw new Error(`unexpected parse errors: ${JSON.stringify(result.errors)}`);
  return result.schema;
}

/** Findings of "reader reads writer" labelled as BACKWARD labels them (reader = new). */
export function findings(
  reader: AvroSchema,
  writer: AvroSchema,
  labels = { reader: "new", writer: "old" },
): Finding[] {
  return avroFormat.canRead(reader, writer, { labels });
}

/** Findings summarised as "TYPE path". */
export function summary(reader: AvroSchema, writer: AvroSchema): string[] {
  return findings(reader, writer).map((f) => `${f.errorType} ${f.path}`);
}
