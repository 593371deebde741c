// The parsed Avro schema: one object per type node, named types shared by every use, so that the
// compatibility walker can memoise per node pair by identity exactly as Avro Java does.

import type { SourceLocation } from "../types.js";
import type { JsonNode } from "../jsontext/index.js";

export type PrimitiveTypeName = "null" | "boolean" | "int" | "long" | "float" | "double" | "bytes" | "string";

export type AvroTypeName = PrimitiveTypeName | "record" | "enum" | "fixed" | "array" | "map" | "union";

/** A custom (non-reserved) attribute, kept in source order; logical-type attributes are among them. */
export interface AvroProp {
  key: string;
  value: JsonNode;
}

interface TypeBase {
  /** Unique within one parse; the compatibility memo keys on it. */
  readonly id: number;
  readonly location: SourceLocation;
  readonly props: readonly AvroProp[];
}

export interface PrimitiveType extends TypeBase {
  readonly type: PrimitiveTypeName;
}

/** Avro Java's `Name`: a simple name and a namespace, `null` meaning the empty namespace. */
export interface AvroName {
  readonly name: string;
  readonly space: string | null;
  readonly full: string;
}

interface NamedBase extends TypeBase, AvroName {
  readonly doc: string | undefined;
  /** Aliases as Avro Java keeps them: unqualified ones take this type's namespace. */
  readonly aliases: readonly AvroName[];
}

export type FieldOrder = "ascending" | "descending" | "ignore";

export interface AvroField {
  readonly name: string;
  readonly pos: number;
  readonly type: AvroType;
  readonly doc: string | undefined;
  /** The default exactly as parsed; its presence alone matters for compatibility. */
  readonly default: JsonNode | undefined;
  readonly order: FieldOrder;
  readonly aliases: readonly string[];
  readonly props: readonly AvroProp[];
  readonly location: SourceLocation;
}

export interface RecordType extends NamedBase {
  readonly type: "record";
  readonly isError: boolean;
  /** Filled after the record is registered, so that fields may refer to the record itself. */
  fields: AvroField[];
  fieldsByName: Map<string, AvroField>;
}

export interface EnumType extends NamedBase {
  readonly type: "enum";
  readonly symbols: readonly string[];
  readonly enumDefault: string | undefined;
}

export interface FixedType extends NamedBase {
  readonly type: "fixed";
  readonly size: number;
}

export interface ArrayType extends TypeBase {
  readonly type: "array";
  readonly items: AvroType;
}

export interface MapType extends TypeBase {
  readonly type: "map";
  readonly values: AvroType;
}

export interface UnionType extends TypeBase {
  readonly type: "union";
  readonly branches: readonly AvroType[];
}

export type NamedType = RecordType | EnumType | FixedType;

export type AvroType = PrimitiveType | NamedType | ArrayType | MapType | UnionType;

export function isNamed(t: AvroType): t is NamedType {
  return t.type === "record" || t.type === "enum" || t.type === "fixed";
}

export const PRIMITIVE_NAMES: ReadonlySet<string> = new Set<PrimitiveTypeName>([
  "null",
  "boolean",
  "int",
  "long",
  "float",
  "double",
  "bytes",
  "string",
]);

/** Avro Java's `Schema.Type` names, which a short name may not collide with when written. */
export const TYPE_NAMES: ReadonlySet<string> = new Set<string>([
  ...PRIMITIVE_NAMES,
  "record",
  "enum",
  "array",
  "map",
  "union",
  "fixed",
]);

/** Avro Java's `Schema.Type` constant for a node, as it appears in compatibility messages. */
export function javaTypeName(t: AvroType): string {
  return t.type.toUpperCase();
}
