import type { Finding, ResolvedReference, SchemaIssue } from "../../../src/formats/types.js";
import { protobufFormat, type ProtoSchema } from "../../../src/formats/protobuf/index.js";

export function parseOk(schema: string, references?: ResolvedReference[]): ProtoSchema {
  const result = protobufFormat.parse(
    references ? { schemaType: "PROTOBUF", schema, references } : { schemaType: "PROTOBUF", schema },
  );
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join("\n"));
  return result.schema;
}

export function parseErrors(schema: string, references?: ResolvedReference[]): SchemaIssue[] {
  const result = protobufFormat.parse(
    references ? { schemaType: "PROTOBUF", schema, references } : { schemaType: "PROTOBUF", schema },
  );
  if (result.ok) throw new Error("expected the schema to be rejected");
  return result.errors;
}

export const LABELS = { reader: "new", writer: "old" };

/** Every finding of "reader reads writer", as `TYPE path` strings in the differ's order. */
export function differences(
  reader: string,
  writer: string,
  refs: { reader?: ResolvedReference[]; writer?: ResolvedReference[] } = {},
): string[] {
  return findings(reader, writer, refs).map((f) => `${f.errorType} ${f.path}`);
}

export function findings(
  reader: string,
  writer: string,
  refs: { reader?: ResolvedReference[]; writer?: ResolvedReference[] } = {},
): Finding[] {
  return protobufFormat.canRead(parseOk(reader, refs.reader), parseOk(writer, refs.writer), {
    labels: LABELS,
  });
}

/** The incompatible findings only, as `TYPE path` strings. */
export function breaking(
  reader: string,
  writer: string,
  refs: { reader?: ResolvedReference[]; writer?: ResolvedReference[] } = {},
): string[] {
  return findings(reader, writer, refs)
    .filter((f) => !f.compatible)
    .map((f) => `${f.errorType} ${f.path}`);
}

export const proto3 = (body: string, pkg = "acme"): string =>
  `syntax = "proto3";\npackage ${pkg};\n${body}\n`;
export const proto2 = (body: string, pkg = "acme"): string =>
  `syntax = "proto2";\npackage ${pkg};\n${body}\n`;
