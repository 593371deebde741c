// The contract every schema format (Avro, JSON Schema, Protobuf) implements. Pure: no I/O.

export type SchemaType = "AVRO" | "JSON" | "PROTOBUF";

export const SCHEMA_TYPES: readonly SchemaType[] = ["AVRO", "JSON", "PROTOBUF"];

/**
 * A schema with its references already resolved to their content (recursively), as the registry
 * resolves them before parsing. `name` is how the schema refers to the other one: an Avro full name,
 * a Protobuf import path, a JSON Schema `$ref` URL.
 */
export interface ResolvedReference {
  name: string;
  subject?: string;
  version?: number;
  schema: string;
  schemaType?: SchemaType;
  references?: ResolvedReference[];
}

export interface SchemaInput {
  /** AVRO when omitted, as in the registry. */
  schemaType?: SchemaType;
  schema: string;
  references?: ResolvedReference[];
}

/** 1-based line and column in a schema text. `source` is a reference name; absent means the main text. */
export interface SourceLocation {
  line: number;
  column: number;
  source?: string;
}

/** One problem found in a schema text, located where the input allows it. */
export interface SchemaIssue extends Partial<SourceLocation> {
  message: string;
}

export type ParseResult<S> = { ok: true; schema: S } | { ok: false; errors: SchemaIssue[] };

export interface ParseOptions {
  /**
   * Strict parsing is what the registry applies to a schema being registered (`validateNewSchemas`):
   * Avro defaults must match their types, names follow the strict rules. Stored schemas are parsed
   * leniently. Default: true.
   */
  strict?: boolean;
}

/** The labels Confluent splices into descriptions: the reader's first, then the writer's ("new"/"old"). */
export interface Labels {
  reader: string;
  writer: string;
}

export interface CanReadOptions {
  labels: Labels;
  /** Only JSON Schema reads it. */
  policy?: "STRICT" | "LENIENT";
}

/**
 * One difference found by "reader can read data written with writer". Avro reports only
 * incompatibilities; the JSON Schema and Protobuf differs also report compatible differences,
 * flagged `compatible: true`, which never become messages.
 */
export interface Finding {
  /** Confluent's name for the difference, e.g. READER_FIELD_MISSING_DEFAULT_VALUE, TYPE_CHANGED. */
  errorType: string;
  /** Path in Confluent's syntax: `/fields/1/type` for Avro, `#/properties/a` for JSON and Protobuf. */
  path: string;
  compatible: boolean;
  /** Confluent's description with both labels already filled in. */
  description: string;
  /** Avro's detail (`additionalInfo`); absent for the other formats. */
  additionalInfo?: string;
  /** Where the offending element sits in the reader's text, when it can be found. */
  readerLocation?: SourceLocation;
  /** Where the offending element sits in the writer's text, when it can be found. */
  writerLocation?: SourceLocation;
  /** Set when the verdict follows a documented registry quirk, explaining why. */
  quirk?: string;
}

export interface ParsedSchema {
  readonly schemaType: SchemaType;
  /** Confluent's canonical string: what the registry stores and hashes for identity. */
  canonical(): string;
  /** The canonical string of the schema after `normalize=true`. */
  normalized(): string;
  /** Names of the root's top-level fields (reserved-field checks, §1.5 of compatibility.md). */
  topLevelFieldNames(): string[];
}

/** What a schema text needs from other schemas, found without resolving anything. */
export type DependencyResult = { ok: true; names: string[] } | { ok: false; errors: SchemaIssue[] };

export interface SchemaFormat<S extends ParsedSchema = ParsedSchema> {
  readonly schemaType: SchemaType;
  parse(input: SchemaInput, options?: ParseOptions): ParseResult<S>;
  /**
   * Names the text refers to that it does not define and that are not built in: Avro full names of
   * named types, Protobuf import paths (well-known `google/protobuf/*.proto` excluded), JSON Schema
   * `$ref` documents other than the schema itself (the part before `#`).
   */
  dependencies(text: string): DependencyResult;
  /** Every difference found when `reader` reads data written with `writer`. */
  canRead(reader: S, writer: S, options: CanReadOptions): Finding[];
  /** Identity beyond the canonical string (compatibility.md §5.1): Avro structural equivalence. */
  equivalent(a: S, b: S): boolean;
  /** Confluent's rendering of one finding inside a message list, e.g. `{errorType:'…', description:'…'}`. */
  renderMessage(finding: Finding): string;
}
