// A recursive-descent parser for proto2/proto3 files. It records declarations exactly as written
// (labels, order, `map<>` spelling, options) because Confluent's canonical text and its differ work
// on the written form, not on descriptors.

import {
  SCALAR_TYPES,
  type EnumConstantDecl,
  type EnumDecl,
  type ExtendDecl,
  type FieldDecl,
  type GroupDecl,
  type ImportDecl,
  type Label,
  type Located,
  type MessageDecl,
  type OneofDecl,
  type OptionDecl,
  type ProtoFile,
  type RangeDecl,
  type RangeValue,
  type RpcDecl,
  type ServiceDecl,
  type Syntax,
} from "./ast.js";
import { Cursor, describe } from "./cursor.js";
import { parseBracketOptions, parseOptionAssignment } from "./option-parser.js";
import { tokenize, type Token } from "./tokenizer.js";

/** Upper bound written as `max` in ranges; printed back as `max` (Wire's MAX_TAG_VALUE). */
const RANGE_MAX = 536_870_911;
const ENUM_RANGE_MAX = 2_147_483_647;
const LABELS: ReadonlySet<string> = new Set(["optional", "required", "repeated"]);
const MAP_KEY_TYPES: ReadonlySet<string> = new Set(
  [...SCALAR_TYPES].filter((t) => !/^(double|float|bytes)$/.test(t)),
);

/** Parses one .proto text; throws `ProtoSyntaxError` (with line and column) on the first error. */
export function parseProto(text: string, source?: string): ProtoFile {
  return new ProtoParser(new Cursor(tokenize(text)), source).parseFile();
}

type Body = "message" | "extend" | "oneof" | "group";

class ProtoParser {
  private syntax: Syntax | undefined;

  constructor(
    private readonly cursor: Cursor,
    private readonly source: string | undefined,
  ) {}

  private at(token: Token): Located {
    return this.source === undefined
      ? { line: token.line, column: token.column }
      : { line: token.line, column: token.column, source: this.source };
  }

  parseFile(): ProtoFile {
    const c = this.cursor;
    const file: ProtoFile = {
      imports: [],
      options: [],
      types: [],
      extends: [],
      services: [],
      location: this.at(c.peek()),
    };
    let first = true;
    let sawPackage = false;
    while (!c.atEnd()) {
      const token = c.peek();
      if (c.eatSymbol(";")) continue;
      if (token.kind !== "ident") throw c.error(`expected a top-level declaration, found ${describe(token)}`);
      switch (token.text) {
        case "syntax":
          if (!first) throw c.error("the syntax statement must come first in the file", token);
          file.syntax = this.parseSyntax();
          this.syntax = file.syntax;
          break;
        case "edition":
          throw c.error(
            'protobuf editions (edition = "...") are not supported yet; use syntax = "proto2" or "proto3"',
            token,
          );
        case "package":
          if (sawPackage) throw c.error("the package may be declared only once", token);
          sawPackage = true;
          file.packageLocation = this.at(c.next());
          file.packageName = c.expectQualifiedName("a package name", false).text;
          c.expectSymbol(";", "after the package name");
          break;
        case "import":
          file.imports.push(this.parseImport());
          break;
        case "option":
          c.next();
          file.options.push(this.parseOptionStatement());
          break;
        case "message":
          file.types.push(this.parseMessage());
          break;
        case "enum":
          file.types.push(this.parseEnum());
          break;
        case "extend":
          file.extends.push(this.parseExtend());
          break;
        case "service":
          file.services.push(this.parseService());
          break;
        default:
          throw c.error(
            `unexpected '${token.text}' at top level: expected syntax, package, import, option, message, enum, extend or service`,
            token,
          );
      }
      first = false;
    }
    return file;
  }

  private parseSyntax(): Syntax {
    const c = this.cursor;
    c.next();
    c.expectSymbol("=", "after 'syntax'");
    const literal = c.expectString('the syntax name ("proto2" or "proto3")');
    if (literal.value !== "proto2" && literal.value !== "proto3") {
      throw c.error(`unknown syntax "${literal.value}": expected "proto2" or "proto3"`, literal);
    }
    c.expectSymbol(";", "after the syntax statement");
    return literal.value;
  }

  private parseImport(): ImportDecl {
    const c = this.cursor;
    const start = c.next();
    let kind: ImportDecl["kind"] = "default";
    if (c.eatWord("public")) kind = "public";
    else if (c.eatWord("weak")) kind = "weak";
    const path = c.expectString("the imported file path").value;
    c.expectSymbol(";", "after the import path");
    return { ...this.at(start), path, kind };
  }

  private parseOptionStatement(): OptionDecl {
    const option = { ...parseOptionAssignment(this.cursor), ...this.sourceOnly() };
    this.cursor.expectSymbol(";", "after the option value");
    return option;
  }

  private sourceOnly(): Partial<Located> {
    return this.source === undefined ? {} : { source: this.source };
  }

  private withSource(options: OptionDecl[]): OptionDecl[] {
    return this.source === undefined ? options : options.map((o) => ({ ...o, source: this.source }));
  }

  private parseMessage(): MessageDecl {
    const c = this.cursor;
    const start = c.next();
    const name = c.expectIdent("a message name").text;
    const message: MessageDecl = {
      kind: "message",
      name,
      ...this.at(start),
      fields: [],
      oneofs: [],
      groups: [],
      reserved: [],
      extensions: [],
      options: [],
      extends: [],
      nested: [],
    };
    c.expectSymbol("{", `after message name "${name}"`);
    while (!c.eatSymbol("}")) {
      if (c.atEnd()) throw c.error(`expected '}' to close message "${name}"`);
      this.parseMessageElement(message);
    }
    return message;
  }

  private parseMessageElement(message: MessageDecl): void {
    const c = this.cursor;
    const token = c.peek();
    if (c.eatSymbol(";")) return;
    const startsType = token.kind === "ident" || (token.kind === "symbol" && token.text === ".");
    if (!startsType) {
      throw c.error(`expected a field or declaration in message "${message.name}", found ${describe(token)}`);
    }
    const nextIsName = c.peek(1).kind === "ident";
    switch (token.text) {
      case "message":
        if (nextIsName) return void message.nested.push(this.parseMessage());
        break;
      case "enum":
        if (nextIsName) return void message.nested.push(this.parseEnum());
        break;
      case "extend":
        if (nextIsName || c.isSymbol(".", 1)) return void message.extends.push(this.parseExtend());
        break;
      case "option":
        // `option x = v;` reads the same as a field of a type named "option"; protoc picks the option.
        c.next();
        return void message.options.push(this.parseOptionStatement());
      case "oneof":
        if (nextIsName && c.isSymbol("{", 2)) return void message.oneofs.push(this.parseOneof());
        break;
      case "reserved":
        if (!c.isSymbol("=", 2)) return void message.reserved.push(this.parseRanges(RANGE_MAX, true));
        break;
      case "extensions":
        if (!c.isSymbol("=", 2)) return void message.extensions.push(this.parseRanges(RANGE_MAX, false));
        break;
    }
    const member = this.parseFieldOrGroup("message");
    if ("fields" in member) message.groups.push(member);
    else message.fields.push(member);
  }

  /** A field, map field or group, in a message, extend block, oneof or group body. */
  private parseFieldOrGroup(context: Body): FieldDecl | GroupDecl {
    const c = this.cursor;
    const start = c.peek();
    let label: Label | undefined;
    if (start.kind === "ident" && LABELS.has(start.text) && !c.isSymbol("=", 2)) {
      label = c.next().text as Label;
      if (context === "oneof") throw c.error(`fields in a oneof cannot have a label ('${label}')`, start);
      if (label === "required" && this.syntax === "proto3") {
        throw c.error("required fields are not allowed in proto3", start);
      }
    }
    if (c.isWord("group") && c.peek(1).kind === "ident" && c.isSymbol("=", 2)) {
      this.requireLabel(label, context, start, "group");
      return this.parseGroup(start, label);
    }
    if (c.isWord("map") && c.isSymbol("<", 1)) {
      if (label !== undefined) throw c.error(`map fields cannot have a label ('${label}')`, start);
      return this.parseMapField(start);
    }
    const typeToken = c.expectQualifiedName("a field type", true);
    this.requireLabel(label, context, start, typeToken.text);
    const name = c.expectIdent(`a field name after type "${typeToken.text}"`).text;
    c.expectSymbol("=", `after field name "${name}"`);
    const number = this.parseFieldNumber(name);
    const field: FieldDecl = { ...this.at(start), name, type: typeToken.text, number, options: [] };
    if (label !== undefined) field.label = label;
    const hasOptions = this.parseFieldOptions(field);
    c.expectSymbol(";", hasOptions ? `after the options of field "${name}"` : "after field number");
    return field;
  }

  /** Wire, which the registry parses with, requires labels outside proto3 (no syntax means proto2). */
  private requireLabel(label: Label | undefined, context: Body, start: Token, what: string): void {
    if (label !== undefined || this.syntax === "proto3" || context === "oneof") return;
    throw this.cursor.error(
      `missing label before "${what}": proto2 fields start with optional, required or repeated (declare syntax = "proto3"; to omit labels)`,
      start,
    );
  }

  private parseMapField(start: Token): FieldDecl {
    const c = this.cursor;
    c.next();
    c.expectSymbol("<", "after 'map'");
    const keyToken = c.expectQualifiedName("a map key type", true);
    if (!MAP_KEY_TYPES.has(keyToken.text)) {
      throw c.error(
        `invalid map key type "${keyToken.text}": use an integral or string scalar type`,
        keyToken,
      );
    }
    c.expectSymbol(",", "after the map key type");
    const valueToken = c.expectQualifiedName("a map value type", true);
    c.expectSymbol(">", "after the map value type");
    const name = c.expectIdent("a map field name").text;
    c.expectSymbol("=", `after field name "${name}"`);
    const number = this.parseFieldNumber(name);
    const field: FieldDecl = {
      ...this.at(start),
      name,
      type: `map<${keyToken.text}, ${valueToken.text}>`,
      map: { key: keyToken.text, value: valueToken.text },
      number,
      options: [],
    };
    const hasOptions = this.parseFieldOptions(field);
    c.expectSymbol(";", hasOptions ? `after the options of field "${name}"` : "after field number");
    return field;
  }

  private parseGroup(start: Token, label: Label | undefined): GroupDecl {
    const c = this.cursor;
    if (this.syntax === "proto3")
      throw c.error("groups are not allowed in proto3; use a nested message", c.peek());
    c.next();
    const nameToken = c.expectIdent("a group name");
    if (!/^[A-Z]/.test(nameToken.text)) {
      throw c.error(`group name "${nameToken.text}" must start with a capital letter`, nameToken);
    }
    c.expectSymbol("=", `after group name "${nameToken.text}"`);
    const number = this.parseFieldNumber(nameToken.text);
    if (c.isSymbol("[")) parseBracketOptions(c);
    const group: GroupDecl = { ...this.at(start), name: nameToken.text, number, fields: [] };
    if (label !== undefined) group.label = label;
    c.expectSymbol("{", `after group "${nameToken.text}" number`);
    while (!c.eatSymbol("}")) {
      if (c.atEnd()) throw c.error(`expected '}' to close group "${nameToken.text}"`);
      if (c.eatSymbol(";")) continue;
      const member = this.parseFieldOrGroup("group");
      if ("fields" in member) throw c.error("groups nested in groups are not supported", member);
      group.fields.push(member);
    }
    return group;
  }

  private parseFieldNumber(fieldName: string): number {
    const c = this.cursor;
    const token = c.peek();
    const value = token.kind === "number" ? parseIntLiteral(token.text) : undefined;
    if (value === undefined)
      throw c.error(`expected a field number for "${fieldName}", found ${describe(token)}`, token);
    c.next();
    return value;
  }

  /** Splits `[default = …, json_name = …, …]` into the pseudo-options and the real ones. */
  private parseFieldOptions(field: FieldDecl): boolean {
    if (!this.cursor.isSymbol("[")) return false;
    for (const option of this.withSource(parseBracketOptions(this.cursor))) {
      const plain = !option.parenthesized && option.path.length === 0;
      if (plain && option.name === "default") {
        field.defaultValue = option.value.kind === "string" ? option.value.value : optionScalarText(option);
      } else if (plain && option.name === "json_name" && option.value.kind === "string") {
        field.jsonName = option.value.value;
      } else {
        field.options.push(option);
      }
    }
    return true;
  }

  private parseOneof(): OneofDecl {
    const c = this.cursor;
    const start = c.next();
    const name = c.expectIdent("a oneof name").text;
    const oneof: OneofDecl = { ...this.at(start), name, fields: [], groups: [], options: [] };
    c.expectSymbol("{", `after oneof name "${name}"`);
    while (!c.eatSymbol("}")) {
      if (c.atEnd()) throw c.error(`expected '}' to close oneof "${name}"`);
      if (c.eatSymbol(";")) continue;
      if (c.isWord("option") && !c.isSymbol("=", 2)) {
        c.next();
        oneof.options.push(this.parseOptionStatement());
        continue;
      }
      const member = this.parseFieldOrGroup("oneof");
      if ("fields" in member) oneof.groups.push(member);
      else if (member.map) throw c.error("map fields are not allowed in a oneof", member);
      else oneof.fields.push(member);
    }
    return oneof;
  }

  private parseEnum(): EnumDecl {
    const c = this.cursor;
    const start = c.next();
    const name = c.expectIdent("an enum name").text;
    const decl: EnumDecl = {
      kind: "enum",
      ...this.at(start),
      name,
      constants: [],
      options: [],
      reserved: [],
    };
    c.expectSymbol("{", `after enum name "${name}"`);
    while (!c.eatSymbol("}")) {
      if (c.atEnd()) throw c.error(`expected '}' to close enum "${name}"`);
      if (c.eatSymbol(";")) continue;
      if (c.isWord("option") && !c.isSymbol("=", 1)) {
        c.next();
        decl.options.push(this.parseOptionStatement());
      } else if (c.isWord("reserved") && !c.isSymbol("=", 1)) {
        decl.reserved.push(this.parseRanges(ENUM_RANGE_MAX, true));
      } else {
        decl.constants.push(this.parseEnumConstant(name));
      }
    }
    return decl;
  }

  private parseEnumConstant(enumName: string): EnumConstantDecl {
    const c = this.cursor;
    const nameToken = c.expectIdent(`an enum constant name in enum "${enumName}"`);
    c.expectSymbol("=", `after enum constant "${nameToken.text}"`);
    const negative = c.eatSymbol("-");
    const numberToken = c.peek();
    const value = numberToken.kind === "number" ? parseIntLiteral(numberToken.text) : undefined;
    if (value === undefined) {
      throw c.error(
        `expected an integer value for enum constant "${nameToken.text}", found ${describe(numberToken)}`,
      );
    }
    c.next();
    const constant: EnumConstantDecl = {
      ...this.at(nameToken),
      name: nameToken.text,
      number: negative ? -value : value,
      options: [],
    };
    if (c.isSymbol("[")) constant.options = this.withSource(parseBracketOptions(c));
    c.expectSymbol(";", `after enum constant "${nameToken.text}"`);
    return constant;
  }

  /** `reserved 1, 5 to 9, 100 to max;` or `reserved "a", "b";` (also used for `extensions`). */
  private parseRanges(max: number, allowNames: boolean): RangeDecl {
    const c = this.cursor;
    const start = c.next();
    const values: RangeValue[] = [];
    for (;;) {
      const token = c.peek();
      if (token.kind === "string" && allowNames) {
        values.push({ kind: "name", name: c.expectString("a reserved name").value });
      } else {
        values.push(this.parseRange(max, start.text));
      }
      if (!c.eatSymbol(",")) break;
    }
    if (c.isSymbol("[") && start.text === "extensions") parseBracketOptions(c);
    c.expectSymbol(";", `after the ${start.text} statement`);
    return { ...this.at(start), values };
  }

  private parseRange(max: number, statement: string): RangeValue {
    const c = this.cursor;
    const startValue = this.parseRangeBound(statement);
    if (!c.eatWord("to")) return { kind: "range", start: startValue, end: startValue, single: true };
    const end = c.eatWord("max") ? max : this.parseRangeBound(statement);
    return { kind: "range", start: startValue, end, single: false };
  }

  private parseRangeBound(statement: string): number {
    const c = this.cursor;
    const negative = c.eatSymbol("-");
    const token = c.peek();
    const value = token.kind === "number" ? parseIntLiteral(token.text) : undefined;
    if (value === undefined)
      throw c.error(`expected a number in the ${statement} statement, found ${describe(token)}`);
    c.next();
    return negative ? -value : value;
  }

  private parseExtend(): ExtendDecl {
    const c = this.cursor;
    const start = c.next();
    const name = c.expectQualifiedName("the name of the extended message", true).text;
    const decl: ExtendDecl = { ...this.at(start), name, fields: [] };
    c.expectSymbol("{", `after 'extend ${name}'`);
    while (!c.eatSymbol("}")) {
      if (c.atEnd()) throw c.error(`expected '}' to close 'extend ${name}'`);
      if (c.eatSymbol(";")) continue;
      const member = this.parseFieldOrGroup("extend");
      if ("fields" in member) throw c.error("groups inside extend blocks are not supported", member);
      decl.fields.push(member);
    }
    return decl;
  }

  private parseService(): ServiceDecl {
    const c = this.cursor;
    const start = c.next();
    const name = c.expectIdent("a service name").text;
    const service: ServiceDecl = { ...this.at(start), name, options: [], rpcs: [] };
    c.expectSymbol("{", `after service name "${name}"`);
    while (!c.eatSymbol("}")) {
      if (c.atEnd()) throw c.error(`expected '}' to close service "${name}"`);
      if (c.eatSymbol(";")) continue;
      if (c.eatWord("option")) service.options.push(this.parseOptionStatement());
      else if (c.isWord("rpc")) service.rpcs.push(this.parseRpc());
      else throw c.error(`expected 'rpc' or 'option' in service "${name}", found ${describe(c.peek())}`);
    }
    return service;
  }

  private parseRpc(): RpcDecl {
    const c = this.cursor;
    const start = c.next();
    const name = c.expectIdent("an rpc name").text;
    c.expectSymbol("(", `after rpc name "${name}"`);
    const requestStream = c.isWord("stream") && !c.isSymbol(")", 1) ? c.eatWord("stream") : false;
    const requestType = c.expectQualifiedName("the request type", true).text;
    c.expectSymbol(")", "after the request type");
    if (!c.eatWord("returns")) throw c.error(`expected 'returns' after the request type of rpc "${name}"`);
    c.expectSymbol("(", "after 'returns'");
    const responseStream = c.isWord("stream") && !c.isSymbol(")", 1) ? c.eatWord("stream") : false;
    const responseType = c.expectQualifiedName("the response type", true).text;
    c.expectSymbol(")", "after the response type");
    const rpc: RpcDecl = {
      ...this.at(start),
      name,
      requestType,
      requestStream,
      responseType,
      responseStream,
      options: [],
    };
    if (c.eatSymbol("{")) {
      while (!c.eatSymbol("}")) {
        if (c.atEnd()) throw c.error(`expected '}' to close rpc "${name}"`);
        if (c.eatSymbol(";")) continue;
        if (!c.eatWord("option"))
          throw c.error(`expected 'option' in rpc "${name}", found ${describe(c.peek())}`);
        rpc.options.push(this.parseOptionStatement());
      }
      c.eatSymbol(";");
    } else {
      c.expectSymbol(";", `after rpc "${name}"`);
    }
    return rpc;
  }
}

/** Decimal, hex (`0x1F`) or octal (`017`) integer literal; undefined for anything else. */
export function parseIntLiteral(text: string): number | undefined {
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^0[0-7]+$/.test(text)) return parseInt(text.slice(1), 8);
  if (/^(0|[1-9][0-9]*)$/.test(text)) return Number(text);
  return undefined;
}

function optionScalarText(option: OptionDecl): string {
  const value = option.value;
  switch (value.kind) {
    case "number":
    case "boolean":
    case "enum":
      return value.text;
    case "string":
      return value.value;
    default:
      return "";
  }
}
