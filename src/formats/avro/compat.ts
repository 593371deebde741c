// Avro Java's SchemaCompatibility.ReaderWriterCompatibilityChecker, step for step: every
// incompatibility is collected, results are memoised per (reader node, writer node) with a pair in
// progress counting as compatible, and a finished result is reused with the locations of its first
// computation. Union probing runs on a throw-away location, as Avro's two-argument overload does.

import type { AvroField, AvroType, EnumType, FixedType, NamedType, RecordType } from "./model.js";

export type IncompatibilityType =
  | "NAME_MISMATCH"
  | "FIXED_SIZE_MISMATCH"
  | "MISSING_ENUM_SYMBOLS"
  | "READER_FIELD_MISSING_DEFAULT_VALUE"
  | "TYPE_MISMATCH"
  | "MISSING_UNION_BRANCH";

/** A location as a persistent stack: each step points to its parent; the root token is "". */
export interface Location {
  /** Field positions and union branch indexes stay numbers until a path is rendered. */
  readonly token: string | number;
  readonly parent: Location | null;
}

export interface Incompatibility {
  readonly type: IncompatibilityType;
  /** The reader and writer nodes Avro reports (for union against union: the two unions). */
  readonly reader: AvroType;
  readonly writer: AvroType;
  readonly location: Location;
  /** READER_FIELD_MISSING_DEFAULT_VALUE: the reader field. */
  readonly readerField?: AvroField;
  /** MISSING_UNION_BRANCH of union against union: the writer branch that found no home. */
  readonly writerBranch?: AvroType;
  /** MISSING_ENUM_SYMBOLS: the missing symbols, sorted. */
  readonly missingSymbols?: readonly string[];
  /** Set when the finding comes from Avro's enum-default shortcut (a reader field absent from the writer). */
  enumDefaultQuirk?: boolean;
}

type Result = readonly Incompatibility[];

const COMPATIBLE: Result = [];
const IN_PROGRESS: Result = [];

/** Avro throws when a reader field matches several writer fields (by name and aliases). */
export class AmbiguousFieldError extends Error {
  constructor(
    readonly readerField: AvroField,
    readonly writerRecord: RecordType,
  ) {
    super("reader field matches multiple writer fields");
  }
}

function merge(a: Result, b: Result): Result {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return [...a, ...b];
}

export class CompatibilityChecker {
  private readonly memo = new Map<number, Result>();

  /** `writerIdSpan` exceeds every writer node id, so that (reader id, writer id) packs into one number. */
  constructor(private readonly writerIdSpan: number) {}

  /** Throws AmbiguousFieldError as Avro does; the caller turns it into one message. */
  check(reader: AvroType, writer: AvroType): Result {
    return this.get("", reader, writer, null);
  }

  private get(token: string | number, reader: AvroType, writer: AvroType, parent: Location | null): Result {
    const location: Location = { token, parent };
    const key = reader.id * this.writerIdSpan + writer.id;
    const known = this.memo.get(key);
    if (known !== undefined) return known === IN_PROGRESS ? COMPATIBLE : known;
    this.memo.set(key, IN_PROGRESS);
    const result = this.calculate(reader, writer, location);
    this.memo.set(key, result);
    return result;
  }

  private calculate(reader: AvroType, writer: AvroType, location: Location): Result {
    if (reader.type === writer.type) return this.sameType(reader, writer, location);

    if (writer.type === "union") {
      let result = COMPATIBLE;
      writer.branches.forEach((branch, i) => {
        result = merge(result, this.get(i, reader, branch, location));
      });
      return result;
    }
    switch (reader.type) {
      case "long":
        return writer.type === "int" ? COMPATIBLE : mismatch(reader, writer, location);
      case "float":
        return writer.type === "int" || writer.type === "long"
          ? COMPATIBLE
          : mismatch(reader, writer, location);
      case "double":
        return writer.type === "int" || writer.type === "long" || writer.type === "float"
          ? COMPATIBLE
          : mismatch(reader, writer, location);
      case "bytes":
        return writer.type === "string" ? COMPATIBLE : mismatch(reader, writer, location);
      case "string":
        return writer.type === "bytes" ? COMPATIBLE : mismatch(reader, writer, location);
      case "union":
        for (const branch of reader.branches) {
          if (this.get("", branch, writer, null).length === 0) return COMPATIBLE;
        }
        return [{ type: "MISSING_UNION_BRANCH", reader, writer, location }];
      default:
        return mismatch(reader, writer, location);
    }
  }

  private sameType(reader: AvroType, writer: AvroType, location: Location): Result {
    switch (reader.type) {
      case "array":
        return this.get("items", reader.items, (writer as typeof reader).items, location);
      case "map":
        return this.get("values", reader.values, (writer as typeof reader).values, location);
      case "fixed":
        return merge(
          checkNames(reader, writer as FixedType, location),
          checkSize(reader, writer as FixedType, location),
        );
      case "enum":
        return merge(
          checkNames(reader, writer as EnumType, location),
          checkSymbols(reader, writer as EnumType, location),
        );
      case "record":
        return merge(
          checkNames(reader, writer as RecordType, location),
          this.checkFields(reader, writer as RecordType, location),
        );
      case "union": {
        let result = COMPATIBLE;
        (writer as typeof reader).branches.forEach((branch, i) => {
          if (this.get("", reader, branch, null).length > 0) {
            const at: Location = { token: i, parent: location };
            result = merge(result, [
              { type: "MISSING_UNION_BRANCH", reader, writer, location: at, writerBranch: branch },
            ]);
          }
        });
        return result;
      }
      default:
        return COMPATIBLE;
    }
  }

  private checkFields(reader: RecordType, writer: RecordType, location: Location): Result {
    let result = COMPATIBLE;
    const fieldsAt: Location = { token: "fields", parent: location };
    for (const readerField of reader.fields) {
      const fieldAt: Location = { token: readerField.pos, parent: fieldsAt };
      const writerField = lookupWriterField(writer, readerField);
      if (writerField !== undefined) {
        result = merge(result, this.get("type", readerField.type, writerField.type, fieldAt));
      } else if (readerField.default !== undefined) {
        continue;
      } else if (readerField.type.type === "enum" && readerField.type.enumDefault !== undefined) {
        // Avro compares the reader's enum with the writer *record*, yielding a TYPE_MISMATCH.
        const quirk = this.get("type", readerField.type, writer, fieldAt);
        for (const inc of quirk) {
          if (inc.type === "TYPE_MISMATCH" && inc.reader === readerField.type && inc.writer === writer) {
            inc.enumDefaultQuirk = true;
          }
        }
        result = merge(result, quirk);
      } else {
        result = merge(result, [
          { type: "READER_FIELD_MISSING_DEFAULT_VALUE", reader, writer, location: fieldAt, readerField },
        ]);
      }
    }
    return result;
  }
}

function lookupWriterField(writer: RecordType, readerField: AvroField): AvroField | undefined {
  let found = writer.fieldsByName.get(readerField.name);
  for (const alias of readerField.aliases) {
    const byAlias = writer.fieldsByName.get(alias);
    if (byAlias === undefined) continue;
    if (found !== undefined) throw new AmbiguousFieldError(readerField, writer);
    found = byAlias;
  }
  return found;
}

function mismatch(reader: AvroType, writer: AvroType, location: Location): Result {
  return [{ type: "TYPE_MISMATCH", reader, writer, location }];
}

/** Simple names match (namespaces ignored), else the reader's aliases must hold the writer's full name. */
function checkNames(reader: NamedType, writer: NamedType, location: Location): Result {
  if (reader.name === writer.name) return COMPATIBLE;
  for (const alias of reader.aliases) {
    // Avro 1.12's getAliases(): a namespace-less alias of a namespaced type reads ".Name".
    const full = alias.space === null && reader.space !== null ? `.${alias.name}` : alias.full;
    if (full === writer.full) return COMPATIBLE;
  }
  return [{ type: "NAME_MISMATCH", reader, writer, location: { token: "name", parent: location } }];
}

function checkSize(reader: FixedType, writer: FixedType, location: Location): Result {
  if (reader.size === writer.size) return COMPATIBLE;
  return [{ type: "FIXED_SIZE_MISMATCH", reader, writer, location: { token: "size", parent: location } }];
}

function checkSymbols(reader: EnumType, writer: EnumType, location: Location): Result {
  const readerSymbols = new Set(reader.symbols);
  const missing = writer.symbols.filter((s) => !readerSymbols.has(s));
  if (missing.length === 0) return COMPATIBLE;
  if (reader.enumDefault !== undefined && readerSymbols.has(reader.enumDefault)) return COMPATIBLE;
  const missingSymbols = [...new Set(missing)].sort();
  return [
    {
      type: "MISSING_ENUM_SYMBOLS",
      reader,
      writer,
      location: { token: "symbols", parent: location },
      missingSymbols,
    },
  ];
}
