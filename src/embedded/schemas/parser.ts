// Parsing for the registry: requests are parsed strictly (outside IMPORT) and their failures become
// 42201 answers with the parser's location; stored schemas are parsed leniently, once, and cached.

import { createHash } from "node:crypto";
import { parseSchema } from "../../formats/index.js";
import type { ParsedSchema, ResolvedReference, SchemaIssue, SchemaType } from "../../formats/types.js";
import { errors } from "../errors.js";
import type { SchemaReference, VersionRecord } from "../model.js";
import type { RegistryState } from "../store/state.js";
import { protobufTextFromDescriptor } from "./protobuf/from-descriptor.js";
import { resolveReferences } from "./references.js";

export interface SchemaText {
  schemaType: SchemaType;
  schema: string;
  references: SchemaReference[];
}

export interface ParsedRequest {
  parsed: ParsedSchema;
  /** References with `-1` replaced by the concrete version. */
  references: SchemaReference[];
}

/** The registry's wording for an unparsable schema, with the parser's line and column. */
export function describeIssues(schemaType: SchemaType, issues: readonly SchemaIssue[]): string {
  const details = issues
    .map((issue) => {
      const where = [
        issue.source !== undefined ? `in reference ${issue.source}` : undefined,
        issue.line !== undefined ? `line ${issue.line}, column ${issue.column ?? 1}` : undefined,
      ].filter(Boolean);
      return where.length > 0 ? `${where.join(", ")}: ${issue.message}` : issue.message;
    })
    .join("; ");
  return `Invalid schema of type ${schemaType}, details: ${details}`;
}

const CACHE_LIMIT = 10_000;

export class SchemaParser {
  // Keyed by a digest of the text and everything its references resolved to, so a cached parse can
  // never outlive the rows it was built from.
  private readonly cache = new Map<string, ParsedSchema>();

  constructor(private readonly state: RegistryState) {}

  /**
   * Parses a schema sent by a client, in the context of the subject it is sent to. Throws 42201 for
   * a missing reference or an invalid schema.
   */
  parseRequest(context: string, text: SchemaText, options: { strict: boolean }): ParsedRequest {
    const resolution = resolveReferences(this.state, context, text.references, { allowDeleted: false });
    const schema =
      text.schemaType === "PROTOBUF" ? (protobufTextFromDescriptor(text.schema) ?? text.schema) : text.schema;
    const result = parseSchema(
      { schemaType: text.schemaType, schema, references: resolution.resolved },
      { strict: options.strict },
    );
    if (!result.ok) throw errors.invalidSchema(describeIssues(text.schemaType, result.errors));
    return { parsed: result.schema, references: resolution.references };
  }

  /** The parsed form of a stored row (lenient; soft-deleted references allowed). */
  parseStored(context: string, record: VersionRecord): ParsedSchema {
    const { content } = record;
    const { resolved } = resolveReferences(this.state, context, content.references, { allowDeleted: true });
    const key = cacheKey(content.schemaType, content.schema, resolved);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const result = parseSchema(
      { schemaType: content.schemaType, schema: content.schema, references: resolved },
      { strict: false },
    );
    if (!result.ok) throw errors.internal(describeIssues(content.schemaType, result.errors));
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, result.schema);
    return result.schema;
  }

  /** The resolved references of a stored row, for renderings that need the referenced texts. */
  resolvedReferences(context: string, record: VersionRecord): ResolvedReference[] {
    return resolveReferences(this.state, context, record.content.references, { allowDeleted: true }).resolved;
  }
}

function cacheKey(schemaType: SchemaType, schema: string, resolved: ResolvedReference[]): string {
  return createHash("md5")
    .update(schemaType)
    .update("\u0000")
    .update(schema)
    .update(JSON.stringify(resolved))
    .digest("hex");
}
