// Prints a ProtoFile the way Confluent's ProtobufSchemaUtils does, which is what the registry
// stores and hashes: no comments, two-space indentation, a blank line before each non-empty
// section, messages of a scope before its enums. Java's line splitting turns the blank lines of a
// nested block into lines holding only the indentation; that is reproduced on purpose.
// With `normalize`, the printer expects a tree already rewritten by normalizer.ts and applies the
// print-level rules: no `syntax = "proto2"`, single-number ranges collapsed, numbers reformatted,
// field options (with `default` and `json_name`) sorted by name.

import {
  MAX_FIELD_NUMBER,
  SCALAR_TYPES,
  type EnumConstantDecl,
  type EnumDecl,
  type ExtendDecl,
  type FieldDecl,
  type GroupDecl,
  type MessageDecl,
  type OneofDecl,
  type OptionDecl,
  type ProtoFile,
  type RangeDecl,
  type RpcDecl,
  type ServiceDecl,
} from "./ast.js";
import { bracketed, indent, optionStatement, optionText } from "./option-printer.js";

export function printProto(file: ProtoFile, normalize = false): string {
  return new Printer(normalize).file(file);
}

class Printer {
  constructor(private readonly normalize: boolean) {}

  file(file: ProtoFile): string {
    let out = "";
    if (file.syntax !== undefined && !(this.normalize && file.syntax === "proto2")) {
      out += `syntax = "${file.syntax}";\n`;
    }
    if (file.packageName !== undefined) out += `package ${file.packageName};\n`;
    // Wire keeps weak imports in a list of their own, which Confluent's printer never writes: they
    // vanish from the canonical text.
    const plain = file.imports.filter((i) => i.kind === "default");
    const publicOnes = file.imports.filter((i) => i.kind === "public");
    if (plain.length > 0 || publicOnes.length > 0) {
      out += "\n";
      for (const imp of plain) out += `import "${imp.path}";\n`;
      for (const imp of publicOnes) out += `import public "${imp.path}";\n`;
    }
    if (file.options.length > 0) {
      out += "\n" + file.options.map((o) => optionStatement(o, this.normalize)).join("");
    }
    if (file.types.length > 0) {
      out += "\n";
      for (const t of file.types) if (t.kind === "message") out += this.message(t);
      for (const t of file.types) if (t.kind === "enum") out += this.enumDecl(t);
    }
    if (file.extends.length > 0) out += "\n" + file.extends.map((e) => this.extend(e)).join("");
    if (file.services.length > 0) out += "\n" + file.services.map((s) => this.service(s)).join("");
    return out;
  }

  private message(message: MessageDecl): string {
    let out = `message ${message.name} {`;
    if (message.reserved.length > 0)
      out += "\n" + message.reserved.map((r) => indent(this.ranges("reserved", r))).join("");
    if (message.options.length > 0) out += "\n" + this.optionLines(message.options);
    if (message.fields.length > 0) out += "\n" + message.fields.map((f) => indent(this.field(f))).join("");
    if (message.oneofs.length > 0) out += "\n" + message.oneofs.map((o) => indent(this.oneof(o))).join("");
    if (message.groups.length > 0) out += "\n" + message.groups.map((g) => indent(this.group(g))).join("");
    if (message.extensions.length > 0) {
      out += "\n" + message.extensions.map((r) => indent(this.ranges("extensions", r))).join("");
    }
    if (message.extends.length > 0) out += "\n" + message.extends.map((e) => indent(this.extend(e))).join("");
    if (message.nested.length > 0) {
      out += "\n";
      for (const t of message.nested) if (t.kind === "message") out += indent(this.message(t));
      for (const t of message.nested) if (t.kind === "enum") out += indent(this.enumDecl(t));
    }
    return out + "}\n";
  }

  private enumDecl(decl: EnumDecl): string {
    let out = `enum ${decl.name} {`;
    if (decl.reserved.length > 0)
      out += "\n" + decl.reserved.map((r) => indent(this.ranges("reserved", r))).join("");
    // Confluent opens the body with a newline only when no reserved statement did already.
    if (decl.reserved.length === 0 && (decl.options.length > 0 || decl.constants.length > 0)) out += "\n";
    out += this.optionLines(decl.options);
    out += decl.constants.map((c) => indent(this.constant(c))).join("");
    return out + "}\n";
  }

  private constant(constant: EnumConstantDecl): string {
    const options = constant.options.length > 0 ? ` ${this.bracketedOptions(constant.options)}` : "";
    return `${constant.name} = ${constant.number}${options};\n`;
  }

  private field(field: FieldDecl): string {
    const label = field.label !== undefined ? `${field.label} ` : "";
    let out = `${label}${field.type} ${field.name} = ${field.number}`;
    const options = [...field.options];
    if (field.defaultValue !== undefined) options.push(defaultOption(field, field.defaultValue));
    if (field.jsonName !== undefined)
      options.push(pseudoOption(field, "json_name", { kind: "string", value: field.jsonName }));
    if (options.length > 0)
      out += ` ${this.bracketedOptions(this.normalize ? sortByName(options) : options)}`;
    return out + ";\n";
  }

  private oneof(oneof: OneofDecl): string {
    let out = `oneof ${oneof.name} {`;
    if (oneof.options.length > 0) out += "\n" + this.optionLines(oneof.options);
    if (oneof.fields.length > 0) out += "\n" + oneof.fields.map((f) => indent(this.field(f))).join("");
    if (oneof.groups.length > 0) out += "\n" + oneof.groups.map((g) => indent(this.group(g))).join("");
    return out + "}\n";
  }

  private group(group: GroupDecl): string {
    const label = group.label !== undefined ? `${group.label} ` : "";
    let out = `${label}group ${group.name} = ${group.number} {`;
    if (group.fields.length > 0) out += "\n" + group.fields.map((f) => indent(this.field(f))).join("");
    return out + "}\n";
  }

  private extend(extend: ExtendDecl): string {
    let out = `extend ${extend.name} {`;
    if (extend.fields.length > 0) out += "\n" + extend.fields.map((f) => indent(this.field(f))).join("");
    return out + "}\n";
  }

  private service(service: ServiceDecl): string {
    let out = `service ${service.name} {`;
    if (service.options.length > 0) out += "\n" + this.optionLines(service.options);
    if (service.rpcs.length > 0) out += "\n" + service.rpcs.map((r) => indent(this.rpc(r))).join("");
    return out + "}\n";
  }

  private rpc(rpc: RpcDecl): string {
    const request = `${rpc.requestStream ? "stream " : ""}${rpc.requestType}`;
    const response = `${rpc.responseStream ? "stream " : ""}${rpc.responseType}`;
    let out = `rpc ${rpc.name} (${request}) returns (${response})`;
    if (rpc.options.length > 0) out += ` {\n${this.optionLines(rpc.options)}}`;
    return out + ";\n";
  }

  private ranges(keyword: "reserved" | "extensions", decl: RangeDecl): string {
    const values = decl.values.map((value) => {
      if (value.kind === "name") return `"${value.name}"`;
      if (value.single || (this.normalize && value.start === value.end)) return String(value.start);
      return `${value.start} to ${value.end < MAX_FIELD_NUMBER ? value.end : "max"}`;
    });
    return `${keyword} ${values.join(", ")};\n`;
  }

  private optionLines(options: OptionDecl[]): string {
    return options.map((o) => indent(optionStatement(o, this.normalize))).join("");
  }

  private bracketedOptions(options: OptionDecl[]): string {
    return bracketed(options.map((o) => optionText(o, this.normalize)));
  }
}

function sortByName(options: OptionDecl[]): OptionDecl[] {
  return [...options].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function pseudoOption(at: FieldDecl, name: string, value: OptionDecl["value"]): OptionDecl {
  return { name, parenthesized: false, path: [], value, line: at.line, column: at.column };
}

/**
 * Confluent re-creates `default` with a kind taken from the field's type name: `bool` prints as a
 * boolean, `string` quoted, the other scalars (bytes included, so a bytes default loses its
 * quotes) as numbers, anything else (enums) as a bare identifier.
 */
function defaultOption(field: FieldDecl, text: string): OptionDecl {
  const simpleName = field.type.slice(field.type.lastIndexOf(".") + 1);
  if (simpleName === "bool") return pseudoOption(field, "default", { kind: "boolean", text });
  if (simpleName === "string") return pseudoOption(field, "default", { kind: "string", value: text });
  if (SCALAR_TYPES.has(simpleName)) return pseudoOption(field, "default", { kind: "number", text });
  return pseudoOption(field, "default", { kind: "enum", text });
}
