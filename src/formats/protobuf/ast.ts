// The .proto syntax tree. It keeps the source facts that descriptor-based libraries normalise
// away and that Confluent's canonical form and differ depend on: labels exactly as written,
// `map<K, V>` versus explicit entry messages, declaration order, oneof membership, option order.
// Every element carries its 1-based line and column; `source` names the reference it came from.

export interface Located {
  line: number;
  column: number;
  /** The reference (import path) the element comes from; absent for the main schema text. */
  source?: string;
}

export type Syntax = "proto2" | "proto3";
export type Label = "optional" | "required" | "repeated";
export type ImportKind = "default" | "public" | "weak";

export interface ProtoFile {
  /** Absent when the text has no `syntax` statement (protobuf then means proto2). */
  syntax?: Syntax;
  packageName?: string;
  packageLocation?: Located;
  imports: ImportDecl[];
  options: OptionDecl[];
  types: TypeDecl[];
  extends: ExtendDecl[];
  services: ServiceDecl[];
  location: Located;
}

export interface ImportDecl extends Located {
  path: string;
  kind: ImportKind;
}

export type OptionValue =
  | { kind: "string"; value: string }
  /** Numbers keep their lexeme (`0x10`, `1.50`, `-inf`): the canonical form prints them as written. */
  | { kind: "number"; text: string }
  | { kind: "boolean"; text: string }
  | { kind: "enum"; text: string }
  | { kind: "map"; entries: OptionMapEntry[] }
  | { kind: "list"; items: OptionValue[] };

export interface OptionMapEntry {
  /** The key as written; extension keys keep their brackets: `[pkg.ext]`. */
  key: string;
  value: OptionValue;
}

export interface OptionDecl extends Located {
  /** First name segment, without parentheses. */
  name: string;
  /** Whether the first segment was an extension name in parentheses: `(my.opt)`. */
  parenthesized: boolean;
  /** Further segments after the first: `option (a).b.c = 1` has path `["b", "c"]`. */
  path: string[];
  value: OptionValue;
}

export interface FieldDecl extends Located {
  name: string;
  /** Only what was written; proto3 implicit fields and oneof members have none. */
  label?: Label;
  /** The type as written; map fields are spelled `map<K, V>`. */
  type: string;
  /** For `map<K, V>` fields. */
  map?: { key: string; value: string };
  number: number;
  /** Options other than `default` and `json_name`, in written order. */
  options: OptionDecl[];
  /** The `default` pseudo-option: the literal's text (string literals unescaped). */
  defaultValue?: string;
  jsonName?: string;
}

export interface GroupDecl extends Located {
  label?: Label;
  name: string;
  number: number;
  fields: FieldDecl[];
}

export interface OneofDecl extends Located {
  name: string;
  fields: FieldDecl[];
  groups: GroupDecl[];
  options: OptionDecl[];
}

/** One value of a `reserved` or `extensions` statement. `end` is inclusive. */
export type RangeValue =
  { kind: "name"; name: string } | { kind: "range"; start: number; end: number; single: boolean };

export interface RangeDecl extends Located {
  values: RangeValue[];
}

export interface MessageDecl extends Located {
  kind: "message";
  name: string;
  fields: FieldDecl[];
  oneofs: OneofDecl[];
  groups: GroupDecl[];
  reserved: RangeDecl[];
  extensions: RangeDecl[];
  options: OptionDecl[];
  extends: ExtendDecl[];
  /** Nested messages and enums in declaration order (message indexes depend on it). */
  nested: TypeDecl[];
}

export interface EnumConstantDecl extends Located {
  name: string;
  number: number;
  options: OptionDecl[];
}

export interface EnumDecl extends Located {
  kind: "enum";
  name: string;
  constants: EnumConstantDecl[];
  options: OptionDecl[];
  reserved: RangeDecl[];
}

export type TypeDecl = MessageDecl | EnumDecl;

export interface ExtendDecl extends Located {
  /** The extended type as written. */
  name: string;
  fields: FieldDecl[];
}

export interface RpcDecl extends Located {
  name: string;
  requestType: string;
  requestStream: boolean;
  responseType: string;
  responseStream: boolean;
  options: OptionDecl[];
}

export interface ServiceDecl extends Located {
  name: string;
  options: OptionDecl[];
  rpcs: RpcDecl[];
}

export const SCALAR_TYPES: ReadonlySet<string> = new Set([
  "double",
  "float",
  "int32",
  "int64",
  "uint32",
  "uint64",
  "sint32",
  "sint64",
  "fixed32",
  "fixed64",
  "sfixed32",
  "sfixed64",
  "bool",
  "string",
  "bytes",
]);

/** Largest field number protobuf allows (2^29 - 1). */
export const MAX_FIELD_NUMBER = 536_870_911;
