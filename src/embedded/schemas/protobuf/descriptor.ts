// The pieces of google/protobuf/descriptor.proto both conversions need: protobufjs's reflected
// descriptor types (for the binary encoding) and the scalar type numbering.

import descriptor from "protobufjs/ext/descriptor/index.js";

export const FileDescriptorProto = descriptor.FileDescriptorProto;
export const FileOptions = descriptor.FileOptions;
export const MessageOptions = descriptor.MessageOptions;
export const FieldOptions = descriptor.FieldOptions;
export const EnumOptions = descriptor.EnumOptions;
export const EnumValueOptions = descriptor.EnumValueOptions;
export const ServiceOptions = descriptor.ServiceOptions;
export const MethodOptions = descriptor.MethodOptions;

/** FieldDescriptorProto.Type names of the scalar types. */
export const SCALAR_DESCRIPTOR_TYPES: Readonly<Record<string, string>> = {
  double: "TYPE_DOUBLE",
  float: "TYPE_FLOAT",
  int64: "TYPE_INT64",
  uint64: "TYPE_UINT64",
  int32: "TYPE_INT32",
  fixed64: "TYPE_FIXED64",
  fixed32: "TYPE_FIXED32",
  bool: "TYPE_BOOL",
  string: "TYPE_STRING",
  bytes: "TYPE_BYTES",
  uint32: "TYPE_UINT32",
  sfixed32: "TYPE_SFIXED32",
  sfixed64: "TYPE_SFIXED64",
  sint32: "TYPE_SINT32",
  sint64: "TYPE_SINT64",
};

/** protoc's default JSON name: underscores dropped, the following letter upper-cased. */
export function jsonNameOf(fieldName: string): string {
  return fieldName.replace(/_+([a-zA-Z0-9])?/g, (_m, next: string | undefined) =>
    next ? next.toUpperCase() : "",
  );
}

/** `optimize_for` → `optimizeFor`: protobufjs names descriptor fields in camel case. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
