// The typed form of a RegisterSchemaRequest (registry-rest-api.md §2.9), as the HTTP layer hands it
// to the operations after checking JSON types.

import { isSchemaType } from "../../formats/index.js";
import type { SchemaType } from "../../formats/types.js";
import { errors } from "../errors.js";
import type { Metadata, RuleSet, SchemaReference } from "../model.js";

export interface RegisterRequest {
  schema?: string;
  /** As sent; checked by `schemaTypeOf` so that an unknown type is a 42201, not a 400. */
  schemaType?: string;
  references?: SchemaReference[];
  metadata?: Metadata;
  ruleSet?: RuleSet;
  version?: number;
  id?: number;
}

export function requestSchemaType(request: RegisterRequest): SchemaType {
  const type = request.schemaType ?? "AVRO";
  if (!isSchemaType(type)) throw errors.invalidSchema(`Invalid schema type ${request.schemaType}`);
  return type;
}

export function hasSchemaText(request: RegisterRequest): request is RegisterRequest & { schema: string } {
  return request.schema !== undefined && request.schema.trim() !== "";
}
