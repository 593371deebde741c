// A base64-encoded FileDescriptorProto printed back as .proto text. Descriptor-based clients
// (Confluent's JavaScript serdes) register and look up Protobuf schemas in this form; the registry
// accepts it and stores the text, so both spellings of one schema have one identity.

import { FileDescriptorProto, jsonNameOf, SCALAR_DESCRIPTOR_TYPES, snakeCase } from "./descriptor.js";

interface FieldD {
  name: string;
  number: number;
  label?: string;
  type?: string;
  typeName?: string;
  extendee?: string;
  defaultValue?: string;
  oneofIndex?: number;
  jsonName?: string;
  options?: Record<string, unknown>;
  proto3Optional?: boolean;
}

interface MessageD {
  name: string;
  field?: FieldD[];
  extension?: FieldD[];
  nestedType?: MessageD[];
  enumType?: EnumD[];
  extensionRange?: { start: number; end: number }[];
  oneofDecl?: { name: string }[];
  options?: Record<string, unknown>;
  reservedRange?: { start: number; end: number }[];
  reservedName?: string[];
}

interface EnumD {
  name: string;
  value?: { name: string; number: number; options?: Record<string, unknown> }[];
  options?: Record<string, unknown>;
  reservedRange?: { start: number; end: number }[];
  reservedName?: string[];
}

interface ServiceD {
  name: string;
  method?: {
    name: string;
    inputType: string;
    outputType: string;
    clientStreaming?: boolean;
    serverStreaming?: boolean;
  }[];
  options?: Record<string, unknown>;
}

interface FileD {
  package?: string;
  dependency?: string[];
  publicDependency?: number[];
  weakDependency?: number[];
  messageType?: MessageD[];
  enumType?: EnumD[];
  service?: ServiceD[];
  extension?: FieldD[];
  options?: Record<string, unknown>;
  syntax?: string;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const SCALAR_NAMES = Object.fromEntries(
  Object.entries(SCALAR_DESCRIPTOR_TYPES).map(([name, type]) => [type, name]),
);
const MAX_RANGE_END = 536_870_912;
/** Standard options whose values are enum constants, printed bare. */
const ENUM_OPTIONS = new Set(["optimizeFor", "ctype", "jstype", "idempotencyLevel", "retention"]);

/**
 * The .proto text of a base64 descriptor, or undefined when `text` is not one. Proto text always
 * holds a `;`, `{` or space, which base64 cannot, so the two spellings never overlap.
 */
export function protobufTextFromDescriptor(text: string): string | undefined {
  const compact = text.replace(/\s+/g, "");
  if (compact.length === 0 || !BASE64.test(compact)) return undefined;
  let file: FileD;
  try {
    const decoded = FileDescriptorProto.decode(Buffer.from(compact, "base64"));
    file = FileDescriptorProto.toObject(decoded, { enums: String, longs: Number }) as FileD;
  } catch {
    return undefined;
  }
  return new ProtoPrinter(file).print();
}

class ProtoPrinter {
  private readonly lines: string[] = [];
  private readonly proto3: boolean;

  constructor(private readonly file: FileD) {
    this.proto3 = file.syntax === "proto3";
  }

  print(): string {
    const file = this.file;
    this.line(0, `syntax = "${this.proto3 ? "proto3" : "proto2"}";`);
    if (file.package) this.line(0, `package ${file.package};`);
    (file.dependency ?? []).forEach((path, index) => {
      const kind = file.publicDependency?.includes(index)
        ? "public "
        : file.weakDependency?.includes(index)
          ? "weak "
          : "";
      this.line(0, `import ${kind}${JSON.stringify(path)};`);
    });
    this.options(0, file.options);
    for (const message of file.messageType ?? []) this.message(0, message);
    for (const enumType of file.enumType ?? []) this.enumType(0, enumType);
    this.extensions(0, file.extension ?? []);
    for (const service of file.service ?? []) this.service(service);
    return `${this.lines.join("\n")}\n`;
  }

  private line(depth: number, text: string): void {
    this.lines.push(`${"  ".repeat(depth)}${text}`);
  }

  private options(depth: number, options: Record<string, unknown> | undefined): void {
    for (const [name, value] of optionEntries(options)) this.line(depth, `option ${name} = ${value};`);
  }

  private message(depth: number, message: MessageD): void {
    const nested = message.nestedType ?? [];
    const mapEntries = new Map(nested.filter((n) => n.options?.mapEntry).map((n) => [n.name, n]));
    const groups = new Set(
      (message.field ?? []).filter((f) => f.type === "TYPE_GROUP").map((f) => lastSegment(f.typeName)),
    );
    const printedOneofs = new Set<number>();

    this.line(depth, `message ${message.name} {`);
    this.options(depth + 1, withoutKeys(message.options, ["mapEntry"]));
    for (const field of message.field ?? []) {
      const oneof = field.oneofIndex;
      if (oneof !== undefined && !field.proto3Optional) {
        if (printedOneofs.has(oneof)) continue;
        printedOneofs.add(oneof);
        this.line(depth + 1, `oneof ${message.oneofDecl?.[oneof]?.name ?? `oneof_${oneof}`} {`);
        for (const member of (message.field ?? []).filter((f) => f.oneofIndex === oneof)) {
          this.field(depth + 2, member, message, mapEntries, true);
        }
        this.line(depth + 1, "}");
      } else {
        this.field(depth + 1, field, message, mapEntries, false);
      }
    }
    for (const type of nested) {
      if (!mapEntries.has(type.name) && !groups.has(type.name)) this.message(depth + 1, type);
    }
    for (const enumType of message.enumType ?? []) this.enumType(depth + 1, enumType);
    this.extensions(depth + 1, message.extension ?? []);
    this.ranges(depth + 1, "extensions", message.extensionRange, true);
    this.ranges(depth + 1, "reserved", message.reservedRange, true);
    if (message.reservedName?.length) {
      this.line(depth + 1, `reserved ${message.reservedName.map((n) => JSON.stringify(n)).join(", ")};`);
    }
    this.line(depth, "}");
  }

  private field(
    depth: number,
    field: FieldD,
    parent: MessageD,
    mapEntries: Map<string, MessageD>,
    inOneof: boolean,
  ): void {
    const entry = field.type === "TYPE_MESSAGE" ? mapEntries.get(lastSegment(field.typeName)) : undefined;
    const options = fieldOptions(field);
    if (entry && field.label === "LABEL_REPEATED") {
      const [key, value] = [
        entry.field?.find((f) => f.number === 1),
        entry.field?.find((f) => f.number === 2),
      ];
      this.line(
        depth,
        `map<${typeText(key)}, ${typeText(value)}> ${field.name} = ${field.number}${options};`,
      );
      return;
    }
    if (field.type === "TYPE_GROUP") {
      const group = parent.nestedType?.find((n) => n.name === lastSegment(field.typeName));
      this.line(
        depth,
        `${this.label(field, inOneof)}group ${group?.name ?? field.name} = ${field.number}${options} {`,
      );
      for (const member of group?.field ?? []) this.field(depth + 1, member, group!, new Map(), false);
      this.line(depth, "}");
      return;
    }
    this.line(
      depth,
      `${this.label(field, inOneof)}${typeText(field)} ${field.name} = ${field.number}${options};`,
    );
  }

  private label(field: FieldD, inOneof: boolean): string {
    if (inOneof) return "";
    if (field.label === "LABEL_REPEATED") return "repeated ";
    if (field.label === "LABEL_REQUIRED") return "required ";
    return !this.proto3 || field.proto3Optional ? "optional " : "";
  }

  private enumType(depth: number, enumType: EnumD): void {
    this.line(depth, `enum ${enumType.name} {`);
    this.options(depth + 1, enumType.options);
    for (const value of enumType.value ?? []) {
      const options = optionEntries(value.options).map(([name, v]) => `${name} = ${v}`);
      this.line(
        depth + 1,
        `${value.name} = ${value.number}${options.length ? ` [${options.join(", ")}]` : ""};`,
      );
    }
    this.ranges(depth + 1, "reserved", enumType.reservedRange, false);
    if (enumType.reservedName?.length) {
      this.line(depth + 1, `reserved ${enumType.reservedName.map((n) => JSON.stringify(n)).join(", ")};`);
    }
    this.line(depth, "}");
  }

  private extensions(depth: number, fields: FieldD[]): void {
    const byExtendee = new Map<string, FieldD[]>();
    for (const field of fields) {
      const list = byExtendee.get(field.extendee ?? "") ?? [];
      list.push(field);
      byExtendee.set(field.extendee ?? "", list);
    }
    for (const [extendee, list] of byExtendee) {
      this.line(depth, `extend ${extendee} {`);
      for (const field of list)
        this.line(
          depth + 1,
          `${this.label(field, false)}${typeText(field)} ${field.name} = ${field.number}${fieldOptions(field)};`,
        );
      this.line(depth, "}");
    }
  }

  private service(service: ServiceD): void {
    this.line(0, `service ${service.name} {`);
    this.options(1, service.options);
    for (const method of service.method ?? []) {
      const input = `${method.clientStreaming ? "stream " : ""}${method.inputType}`;
      const output = `${method.serverStreaming ? "stream " : ""}${method.outputType}`;
      this.line(1, `rpc ${method.name} (${input}) returns (${output});`);
    }
    this.line(0, "}");
  }

  /** `end` is exclusive in message ranges and inclusive in enum ones. */
  private ranges(
    depth: number,
    keyword: string,
    ranges: { start: number; end: number }[] | undefined,
    exclusive: boolean,
  ): void {
    if (!ranges?.length) return;
    const text = ranges.map(({ start, end }) => {
      const last = exclusive ? end - 1 : end;
      if (exclusive && end >= MAX_RANGE_END) return `${start} to max`;
      return last === start ? String(start) : `${start} to ${last}`;
    });
    this.line(depth, `${keyword} ${text.join(", ")};`);
  }
}

/** Scalar names, or the fully qualified type name with its leading dot, so that it resolves from the root. */
function typeText(field: FieldD | undefined): string {
  if (!field) return "bytes";
  return SCALAR_NAMES[field.type ?? ""] ?? field.typeName ?? "bytes";
}

function fieldOptions(field: FieldD): string {
  const parts: string[] = [];
  if (field.defaultValue !== undefined) {
    const quoted = field.type === "TYPE_STRING" || field.type === "TYPE_BYTES";
    parts.push(`default = ${quoted ? JSON.stringify(field.defaultValue) : field.defaultValue}`);
  }
  if (field.jsonName !== undefined && field.jsonName !== jsonNameOf(field.name)) {
    parts.push(`json_name = ${JSON.stringify(field.jsonName)}`);
  }
  for (const [name, value] of optionEntries(field.options)) parts.push(`${name} = ${value}`);
  return parts.length > 0 ? ` [${parts.join(", ")}]` : "";
}

/** Standard options as `name = value` pairs; nested option messages are not printable this way. */
function optionEntries(options: Record<string, unknown> | undefined): [string, string][] {
  return Object.entries(options ?? {}).flatMap(([key, value]): [string, string][] => {
    if (typeof value === "string") {
      return [[snakeCase(key), ENUM_OPTIONS.has(key) ? value : JSON.stringify(value)]];
    }
    if (typeof value === "boolean" || typeof value === "number") return [[snakeCase(key), String(value)]];
    return [];
  });
}

function withoutKeys(
  options: Record<string, unknown> | undefined,
  keys: string[],
): Record<string, unknown> | undefined {
  if (!options) return undefined;
  return Object.fromEntries(Object.entries(options).filter(([key]) => !keys.includes(key)));
}

function lastSegment(typeName: string | undefined): string {
  return (typeName ?? "").split(".").pop() ?? "";
}
