// The response entities, rendered as the registry renders them: Jackson's NON_EMPTY drops null, empty
// strings, lists and maps but keeps booleans (`"deleted": false`).

import type { ProtoSchema } from "../../formats/protobuf/index.js";
import type { Config, SchemaReference, VersionRecord } from "../model.js";
import { contentHash, guidOf } from "../schemas/identity.js";
import { serializedDescriptor } from "../schemas/protobuf/to-descriptor.js";
import { referenceTarget } from "../store/state.js";
import type { SubjectRef } from "../subjects.js";
import type { Services } from "./services.js";

export type Entity = Record<string, unknown>;

/** Drops the properties Jackson's NON_EMPTY would leave out. */
export function compact<T extends Entity>(entity: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(entity).filter(([, value]) => {
      if (value === undefined || value === null || value === "") return false;
      if (Array.isArray(value)) return value.length > 0;
      if (typeof value === "object") return Object.keys(value).length > 0;
      return true;
    }),
  ) as Partial<T>;
}

export interface RenderOptions {
  /** `format` query parameter: `serialized` gives a Protobuf schema as a base64 descriptor. */
  format?: string;
  /** `referenceFormat=qualified` qualifies reference subjects of a schema in a named context. */
  referenceFormat?: string;
}

/** The schema text in the requested format. */
export function schemaText(
  services: Services,
  context: string,
  row: VersionRecord,
  format: string | undefined,
): string {
  if (format === "serialized" && row.content.schemaType === "PROTOBUF") {
    return serializedDescriptor(services.parser.parseStored(context, row) as ProtoSchema);
  }
  return row.content.schema;
}

/** References as stored, or with `referenceFormat=qualified` their subjects qualified with the context. */
export function renderedReferences(
  context: string,
  references: SchemaReference[],
  referenceFormat: string | undefined,
): SchemaReference[] {
  if (referenceFormat !== "qualified") return references;
  return references.map((r) => ({ ...r, subject: referenceTarget(context, r.subject).qualified }));
}

/** A Schema entity (get by version, lookup, `/schemas`). */
export function schemaEntity(
  services: Services,
  ref: SubjectRef,
  row: VersionRecord,
  options: RenderOptions = {},
): Entity {
  const { content } = row;
  return compact({
    subject: ref.qualified,
    version: row.version,
    id: row.id,
    guid: guidOf(services.store.state.idEntry(ref.context, row.id)?.hash ?? contentHash(content)),
    schemaType: content.schemaType,
    references: renderedReferences(ref.context, row.content.references, options.referenceFormat),
    metadata: content.metadata,
    ruleSet: content.ruleSet,
    schema: schemaText(services, ref.context, row, options.format),
    ts: row.ts,
    deleted: row.deleted,
  });
}

/** A RegisterSchemaResponse: the Schema entity without the subject. */
export function registerResponse(services: Services, ref: SubjectRef, row: VersionRecord): Entity {
  const { subject: _subject, ...rest } = schemaEntity(services, ref, row);
  return rest;
}

export function configEntity(config: Config, levelKey: "compatibilityLevel" | "compatibility"): Entity {
  const { compatibilityLevel, ...rest } = config;
  return compact({ [levelKey]: compatibilityLevel, ...rest });
}
