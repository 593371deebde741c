// The Avro schema format: parsing with locations, Confluent's canonical and normalized strings,
// structural equivalence, dependency discovery and Avro Java's reader/writer compatibility.

import type { SchemaFormat } from "../types.js";
import { parseAvro, type AvroSchema } from "./parse.js";

export { AvroSchema } from "./parse.js";
export type * from "./model.js";

export const avroFormat: SchemaFormat<AvroSchema> = {
  schemaType: "AVRO",
  parse: parseAvro,
  dependencies() {
    throw new Error("Avro dependencies(): not implemented yet");
  },
  canRead() {
    throw new Error("Avro canRead(): not implemented yet");
  },
  equivalent() {
    throw new Error("Avro equivalent(): not implemented yet");
  },
  renderMessage() {
    throw new Error("Avro renderMessage(): not implemented yet");
  },
};
