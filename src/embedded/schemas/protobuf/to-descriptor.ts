// A parsed .proto schema as a FileDescriptorProto, base64-encoded: what `format=serialized` answers
// and what descriptor-based clients (Confluent's JavaScript serdes) decode. Type names are resolved
// to fully qualified names; nested messages keep their declaration order, because message indexes on
// the wire count them.

import type { Type } from "protobufjs";
import type {
  EnumDecl,
  ExtendDecl,
  FieldDecl,
  GroupDecl,
  Located,
  MessageDecl,
  OptionDecl,
  RangeDecl,
  ServiceDecl,
} from "../../../formats/protobuf/index.js";
import type { ProtoSchema } from "../../../formats/protobuf/index.js";
import {
  camelCase,
  EnumOptions,
  EnumValueOptions,
  FieldOptions,
  FileDescriptorProto,
  FileOptions,
  jsonNameOf,
  MessageOptions,
  MethodOptions,
  SCALAR_DESCRIPTOR_TYPES,
  ServiceOptions,
} from "./descriptor.js";

type Obj = Record<string, unknown>;

/** The file name the main schema gets inside its descriptor; dependencies keep their import paths. */
const MAIN_FILE_NAME = "default";
const RANGE_END = 536_870_912;

export function serializedDescriptor(schema: ProtoSchema): string {
  const message = FileDescriptorProto.fromObject(new DescriptorBuilder(schema).file());
  return Buffer.from(FileDescriptorProto.encode(message).finish()).toString("base64");
}

class DescriptorBuilder {
  private readonly proto3: boolean;

  constructor(private readonly schema: ProtoSchema) {
    this.proto3 = schema.file.syntax === "proto3";
  }

  file(): Obj {
    const file = this.schema.file;
    const pkg = file.packageName ?? "";
    const result: Obj = {
      name: MAIN_FILE_NAME,
      dependency: file.imports.map((i) => i.path),
      publicDependency: indexesWhere(file.imports, (i) => i.kind === "public"),
      weakDependency: indexesWhere(file.imports, (i) => i.kind === "weak"),
      messageType: file.types.filter(isMessage).map((m) => this.message(m, pkg)),
      enumType: file.types.filter(isEnum).map((e) => this.enumType(e)),
      service: file.services.map((s) => this.service(s, pkg)),
      extension: this.extensions(file.extends, pkg),
      options: optionsObject(file.options, FileOptions),
    };
    if (pkg) result.package = pkg;
    if (this.proto3) result.syntax = "proto3";
    return result;
  }

  private message(decl: MessageDecl, scope: string): Obj {
    const fullName = join(scope, decl.name);
    // Fields, oneof members and groups in source order, as protoc numbers them.
    const members: { at: Located; field: Obj }[] = [];
    const nested: { at: Located; type: Obj }[] = decl.nested.filter(isMessage).map((m) => ({
      at: m,
      type: this.message(m, fullName),
    }));

    for (const field of decl.fields) {
      members.push({ at: field, field: this.field(field, fullName, nested) });
    }
    decl.oneofs.forEach((oneof, index) => {
      for (const field of oneof.fields) {
        members.push({ at: field, field: { ...this.field(field, fullName, nested), oneofIndex: index } });
      }
      for (const group of oneof.groups) {
        members.push({ at: group, field: { ...this.group(group, fullName, nested), oneofIndex: index } });
      }
    });
    for (const group of decl.groups) members.push({ at: group, field: this.group(group, fullName, nested) });
    members.sort((a, b) => compareLocations(a.at, b.at));

    // proto3 `optional` fields each sit in a synthetic oneof, declared after the real ones.
    const oneofDecl: Obj[] = decl.oneofs.map((o) => ({ name: o.name }));
    for (const { field } of members) {
      if (field.proto3Optional) {
        field.oneofIndex = oneofDecl.length;
        oneofDecl.push({ name: `_${String(field.name)}` });
      }
    }

    const ranges = (decls: RangeDecl[], end: (e: number) => number) =>
      decls
        .flatMap((r) => r.values)
        .flatMap((v) => (v.kind === "range" ? [{ start: v.start, end: end(v.end) }] : []));
    return {
      name: decl.name,
      field: members.map((m) => m.field),
      nestedType: nested.sort((a, b) => compareLocations(a.at, b.at)).map((n) => n.type),
      enumType: decl.nested.filter(isEnum).map((e) => this.enumType(e)),
      extension: this.extensions(decl.extends, fullName),
      extensionRange: ranges(decl.extensions, (e) => Math.min(e + 1, RANGE_END)),
      oneofDecl,
      options: optionsObject(decl.options, MessageOptions),
      reservedRange: ranges(decl.reserved, (e) => Math.min(e + 1, RANGE_END)),
      reservedName: decl.reserved
        .flatMap((r) => r.values)
        .flatMap((v) => (v.kind === "name" ? [v.name] : [])),
    };
  }

  /** A field; map fields add their entry message to `nested`. */
  private field(decl: FieldDecl, scope: string, nested: { at: Located; type: Obj }[]): Obj {
    const result: Obj = {
      name: decl.name,
      number: decl.number,
      label: labelOf(decl),
      jsonName: decl.jsonName ?? jsonNameOf(decl.name),
      options: optionsObject(decl.options, FieldOptions),
    };
    if (decl.map) {
      const entryName = `${jsonNameOf(decl.name).replace(/^./, (c) => c.toUpperCase())}Entry`;
      nested.push({
        at: decl,
        type: {
          name: entryName,
          field: [
            {
              name: "key",
              number: 1,
              label: "LABEL_OPTIONAL",
              jsonName: "key",
              ...this.typeOf(decl.map.key, scope),
            },
            {
              name: "value",
              number: 2,
              label: "LABEL_OPTIONAL",
              jsonName: "value",
              ...this.typeOf(decl.map.value, scope),
            },
          ],
          options: { mapEntry: true },
        },
      });
      return {
        ...result,
        label: "LABEL_REPEATED",
        type: "TYPE_MESSAGE",
        typeName: `.${join(scope, entryName)}`,
      };
    }
    if (this.proto3 && decl.label === "optional") result.proto3Optional = true;
    if (decl.defaultValue !== undefined) result.defaultValue = decl.defaultValue;
    return { ...result, ...this.typeOf(decl.type, scope) };
  }

  private group(decl: GroupDecl, scope: string, nested: { at: Located; type: Obj }[]): Obj {
    const typeFields = decl.fields.map((f) => this.field(f, join(scope, decl.name), nested));
    nested.push({ at: decl, type: { name: decl.name, field: typeFields } });
    const name = decl.name.toLowerCase();
    return {
      name,
      number: decl.number,
      label: labelOf(decl),
      type: "TYPE_GROUP",
      typeName: `.${join(scope, decl.name)}`,
      jsonName: jsonNameOf(name),
    };
  }

  private typeOf(type: string, scope: string): Obj {
    const scalar = SCALAR_DESCRIPTOR_TYPES[type];
    if (scalar) return { type: scalar };
    const symbol = this.schema.symbols.resolveType(type, scope);
    if (!symbol) return { type: "TYPE_MESSAGE", typeName: type.startsWith(".") ? type : `.${type}` };
    return {
      type: symbol.decl.kind === "enum" ? "TYPE_ENUM" : "TYPE_MESSAGE",
      typeName: `.${symbol.fullName}`,
    };
  }

  private enumType(decl: EnumDecl): Obj {
    return {
      name: decl.name,
      value: decl.constants.map((c) => ({
        name: c.name,
        number: c.number,
        options: optionsObject(c.options, EnumValueOptions),
      })),
      options: optionsObject(decl.options, EnumOptions),
      // Enum reserved ranges are inclusive, unlike message ones.
      reservedRange: decl.reserved
        .flatMap((r) => r.values)
        .flatMap((v) => (v.kind === "range" ? [{ start: v.start, end: v.end }] : [])),
      reservedName: decl.reserved
        .flatMap((r) => r.values)
        .flatMap((v) => (v.kind === "name" ? [v.name] : [])),
    };
  }

  private service(decl: ServiceDecl, pkg: string): Obj {
    const scope = join(pkg, decl.name);
    const typeName = (name: string) => String(this.typeOf(name, scope).typeName);
    return {
      name: decl.name,
      method: decl.rpcs.map((rpc) => ({
        name: rpc.name,
        inputType: typeName(rpc.requestType),
        outputType: typeName(rpc.responseType),
        clientStreaming: rpc.requestStream,
        serverStreaming: rpc.responseStream,
        options: optionsObject(rpc.options, MethodOptions),
      })),
      options: optionsObject(decl.options, ServiceOptions),
    };
  }

  private extensions(extendDecls: ExtendDecl[], scope: string): Obj[] {
    return extendDecls.flatMap((extend) => {
      const extendee = String(this.typeOf(extend.name, scope).typeName);
      return extend.fields.map((field) => ({ ...this.field(field, scope, []), extendee }));
    });
  }
}

/**
 * The standard options among `decls`, as a descriptor options object. Custom options (parenthesized
 * names) need their extension definitions and are left out.
 */
function optionsObject(decls: OptionDecl[], type: Type): Obj | undefined {
  const result: Obj = {};
  for (const option of decls) {
    if (option.parenthesized || option.path.length > 0) continue;
    const field = type.fields[camelCase(option.name)];
    if (!field) continue;
    const { value } = option;
    if (value.kind === "string") result[field.name] = value.value;
    else if (value.kind === "boolean") result[field.name] = value.text === "true";
    else if (value.kind === "enum") result[field.name] = value.text;
    else if (value.kind === "number") result[field.name] = Number(value.text);
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

function isMessage(type: MessageDecl | EnumDecl): type is MessageDecl {
  return type.kind === "message";
}

function isEnum(type: MessageDecl | EnumDecl): type is EnumDecl {
  return type.kind === "enum";
}

function join(scope: string, name: string): string {
  return scope === "" ? name : `${scope}.${name}`;
}

function indexesWhere<T>(items: T[], predicate: (item: T) => boolean): number[] {
  return items.flatMap((item, index) => (predicate(item) ? [index] : []));
}

function compareLocations(a: Located, b: Located): number {
  return a.line - b.line || a.column - b.column;
}

/** The descriptor label of a field or group: proto3 fields without a keyword are LABEL_OPTIONAL too. */
function labelOf(decl: { label?: string }): string {
  if (decl.label === "repeated") return "LABEL_REPEATED";
  if (decl.label === "required") return "LABEL_REQUIRED";
  return "LABEL_OPTIONAL";
}
