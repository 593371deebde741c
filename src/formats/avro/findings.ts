// Turns Avro incompatibilities into findings worded as the registry words them: Avro's message is
// Confluent's `additionalInfo`, and Confluent's description (its avro/Difference.java) splices in
// the path and the two labels, reader first.

import type { Finding, Labels } from "../types.js";
import { writeSchemaJson } from "./canonical.js";
import type { AmbiguousFieldError, Incompatibility, Location } from "./compat.js";
import { javaTypeName } from "./model.js";

/** Not a Confluent type: the registry answers an exception inside Avro's check with a bare message. */
export const UNEXPECTED_EXCEPTION = "UNEXPECTED_EXCEPTION";

const ENUM_DEFAULT_QUIRK =
  "The reader field is missing from the writer and has no default, but its type is an enum with a " +
  "default symbol: Avro then compares that enum with the whole writer record and reports a type " +
  "mismatch instead of a missing default. The registry shows the same message.";

const AMBIGUOUS_FIELD_QUIRK =
  "A reader field whose name and aliases match more than one writer field (or whose alias repeats " +
  "its own name) makes Avro's check throw; the registry then reports only this exception.";

/** JSON pointer of a location: root token dropped, each token escaped. */
export function renderPath(location: Location): string {
  const tokens: string[] = [];
  for (let at: Location | null = location; at !== null; at = at.parent) tokens.push(String(at.token));
  tokens.pop(); // the root token
  if (tokens.length === 0) return "/";
  return (
    "/" +
    tokens
      .reverse()
      .map((t) => t.replace(/~/g, "~0").replace(/\//g, "~1"))
      .join("/")
  );
}

/** Avro's `Incompatibility.getMessage()`. */
function avroMessage(inc: Incompatibility): string {
  switch (inc.type) {
    case "NAME_MISMATCH":
      return `expected: ${"full" in inc.writer ? inc.writer.full : inc.writer.type}`;
    case "FIXED_SIZE_MISMATCH":
      return `expected: ${sizeOf(inc.writer)}, found: ${sizeOf(inc.reader)}`;
    case "MISSING_ENUM_SYMBOLS":
      return `[${(inc.missingSymbols ?? []).join(", ")}]`;
    case "READER_FIELD_MISSING_DEFAULT_VALUE":
      return inc.readerField?.name ?? "";
    case "TYPE_MISMATCH":
      return `reader type: ${javaTypeName(inc.reader)} not compatible with writer type: ${javaTypeName(inc.writer)}`;
    case "MISSING_UNION_BRANCH":
      return `reader union lacking writer type: ${javaTypeName(inc.writerBranch ?? inc.writer)}`;
  }
}

function sizeOf(t: Incompatibility["reader"]): number {
  return t.type === "fixed" ? t.size : 0;
}

/** Confluent's description; `%s` slots are filled reader label first, as String.format does. */
function describe(inc: Incompatibility, path: string, message: string, labels: Labels): string {
  const { reader, writer } = labels;
  switch (inc.type) {
    case "FIXED_SIZE_MISMATCH":
      return `The size of FIXED type field at path '${path}' in the ${reader} schema does not match with the ${writer} schema`;
    case "TYPE_MISMATCH":
      return `The type (path '${path}') of a field in the ${reader} schema does not match with the ${writer} schema`;
    case "NAME_MISMATCH":
      return `The name of the schema has changed (path '${path}')`;
    case "MISSING_ENUM_SYMBOLS":
      return `The ${reader} schema is missing enum symbols '${message}' at path '${path}' in the ${writer} schema`;
    case "MISSING_UNION_BRANCH":
      return `The ${reader} schema is missing a type inside a union field at path '${path}' in the ${writer} schema`;
    case "READER_FIELD_MISSING_DEFAULT_VALUE":
      return `The field '${message}' at path '${path}' in the ${reader} schema has no default value and is missing in the ${writer} schema`;
  }
}

export function toFinding(inc: Incompatibility, labels: Labels): Finding {
  const path = renderPath(inc.location);
  const message = avroMessage(inc);
  const finding: Finding = {
    errorType: inc.type,
    path,
    compatible: false,
    description: describe(inc, path, message, labels),
    additionalInfo: message,
    readerLocation: inc.readerField?.location ?? inc.reader.location,
    writerLocation: (inc.writerBranch ?? inc.writer).location,
  };
  if (inc.enumDefaultQuirk) finding.quirk = ENUM_DEFAULT_QUIRK;
  return finding;
}

/** The registry's single message when Avro's check throws on an ambiguous reader field. */
export function ambiguousFieldFinding(error: AmbiguousFieldError): Finding {
  const field = error.readerField;
  const avroText =
    `Reader record field ${field.name} type:${javaTypeName(field.type)} pos:${field.pos} ` +
    `matches multiple fields in writer record schema ${writeSchemaJson(error.writerRecord, new Set())}`;
  return {
    errorType: UNEXPECTED_EXCEPTION,
    path: "/",
    compatible: false,
    description: `Unexpected exception during compatibility check: ${avroText}`,
    readerLocation: field.location,
    writerLocation: error.writerRecord.location,
    quirk: AMBIGUOUS_FIELD_QUIRK,
  };
}

/** Confluent's rendering of one finding in a message list. */
export function renderFinding(finding: Finding): string {
  if (finding.errorType === UNEXPECTED_EXCEPTION) return finding.description;
  return `{errorType:'${finding.errorType}', description:'${finding.description}', additionalInfo:'${finding.additionalInfo ?? ""}'}`;
}
