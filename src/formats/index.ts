// The format of each schema type, and the few operations that only need to pick one.

import { avroFormat } from "./avro/index.js";
import { jsonFormat } from "./json/index.js";
import { protobufFormat } from "./protobuf/index.js";
import {
  SCHEMA_TYPES,
  type ParseOptions,
  type ParseResult,
  type ParsedSchema,
  type SchemaFormat,
  type SchemaInput,
  type SchemaType,
} from "./types.js";

export * from "./types.js";

const FORMATS: Record<SchemaType, SchemaFormat> = {
  AVRO: avroFormat,
  JSON: jsonFormat,
  PROTOBUF: protobufFormat,
};

export function formatFor(type: SchemaType): SchemaFormat {
  return FORMATS[type];
}

/** The schema type a request means: AVRO when omitted, as in the registry. */
export function schemaTypeOf(input: Pick<SchemaInput, "schemaType">): SchemaType {
  return input.schemaType ?? "AVRO";
}

export function isSchemaType(value: string): value is SchemaType {
  return (SCHEMA_TYPES as readonly string[]).includes(value);
}

export function parseSchema(input: SchemaInput, options?: ParseOptions): ParseResult<ParsedSchema> {
  return formatFor(schemaTypeOf(input)).parse(input, options);
}
