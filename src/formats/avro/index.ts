// The Avro schema format: parsing with locations, Confluent's canonical and normalized strings,
// structural equivalence, dependency discovery and Avro Java's reader/writer compatibility.

import type { CanReadOptions, Finding, SchemaFormat } from "../types.js";
import { AmbiguousFieldError, CompatibilityChecker } from "./compat.js";
import { avroDependencies } from "./dependencies.js";
import { schemasEquivalent } from "./equivalence.js";
import { ambiguousFieldFinding, renderFinding, toFinding } from "./findings.js";
import { parseAvro, type AvroSchema } from "./parse.js";

export { AvroSchema } from "./parse.js";
export { UNEXPECTED_EXCEPTION } from "./findings.js";
export type * from "./model.js";

/** Every incompatibility found when `reader` reads data written with `writer`, in Avro's order. */
function canRead(reader: AvroSchema, writer: AvroSchema, options: CanReadOptions): Finding[] {
  const checker = new CompatibilityChecker(writer.nodeIdSpan);
  try {
    return checker.check(reader.root, writer.root).map((inc) => toFinding(inc, options.labels));
  } catch (error) {
    if (error instanceof AmbiguousFieldError) return [ambiguousFieldFinding(error)];
    throw error;
  }
}

export const avroFormat: SchemaFormat<AvroSchema> = {
  schemaType: "AVRO",
  parse: parseAvro,
  dependencies: avroDependencies,
  canRead,
  equivalent: (a, b) => schemasEquivalent(a.root, b.root),
  renderMessage: renderFinding,
};
