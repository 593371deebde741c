// Semantic checks the registry performs when it builds descriptors from a schema: every type name
// resolves, field numbers are valid and unique, names are unique, proto3 enums start at zero.
// Checks protoc makes but the registry's Java path may not (fields using reserved numbers, enum
// aliases without allow_alias, proto3 defaults) are left out so that nothing the registry accepts
// is refused here. Every problem is reported, located in the file that contains it.

import type { SchemaIssue } from "../types.js";
import {
  MAX_FIELD_NUMBER,
  SCALAR_TYPES,
  type EnumDecl,
  type FieldDecl,
  type GroupDecl,
  type Located,
  type MessageDecl,
  type ProtoFile,
  type TypeDecl,
} from "./ast.js";
import type { LoadedFile } from "./load.js";
import { join, packageOf, type SymbolTable } from "./symbols.js";

const RESERVED_NUMBERS = { start: 19_000, end: 19_999 };

export function validateFiles(files: LoadedFile[], symbols: SymbolTable): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  for (const duplicate of symbols.duplicates) {
    issues.push(issue(duplicate.decl, `"${duplicate.fullName}" is already defined in this file`));
  }
  for (const loaded of files) {
    if (!loaded.builtIn) new FileValidator(loaded.file, symbols, issues).run(packageOf(loaded));
  }
  return issues.sort(
    (a, b) =>
      (a.source ?? "").localeCompare(b.source ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

function issue(at: Located, message: string): SchemaIssue {
  const result: SchemaIssue = { message, line: at.line, column: at.column };
  if (at.source !== undefined) result.source = at.source;
  return result;
}

class FileValidator {
  constructor(
    private readonly file: ProtoFile,
    private readonly symbols: SymbolTable,
    private readonly issues: SchemaIssue[],
  ) {}

  run(pkg: string): void {
    for (const extend of this.file.extends) this.checkExtend(extend, pkg);
    this.checkTypes(this.file.types, pkg);
    for (const service of this.file.services) {
      for (const rpc of service.rpcs) {
        this.checkMessageReference(rpc.requestType, pkg, rpc, `request of rpc "${rpc.name}"`);
        this.checkMessageReference(rpc.responseType, pkg, rpc, `response of rpc "${rpc.name}"`);
      }
    }
  }

  private report(at: Located, message: string): void {
    this.issues.push(issue(at, message));
  }

  private checkTypes(types: TypeDecl[], scope: string): void {
    for (const decl of types) {
      if (decl.kind === "message") this.checkMessage(decl, join(scope, decl.name));
      else this.checkEnum(decl);
    }
  }

  private checkMessage(message: MessageDecl, scope: string): void {
    const members: (FieldDecl | GroupDecl)[] = [
      ...message.fields,
      ...message.groups,
      ...message.oneofs.flatMap((o) => [...o.fields, ...o.groups]),
    ].sort((a, b) => a.line - b.line || a.column - b.column);
    const byNumber = new Map<number, string>();
    const byName = new Set<string>();
    for (const member of members) {
      this.checkNumber(member, message);
      const previous = byNumber.get(member.number);
      if (previous !== undefined) {
        this.report(
          member,
          `field number ${member.number} of "${member.name}" is already used by "${previous}" in message "${message.name}"`,
        );
      } else {
        byNumber.set(member.number, member.name);
      }
      if (byName.has(member.name))
        this.report(member, `duplicate field name "${member.name}" in message "${message.name}"`);
      byName.add(member.name);
      if ("type" in member) this.checkFieldType(member, scope);
      else for (const field of member.fields) this.checkFieldType(field, join(scope, member.name));
    }
    for (const extend of message.extends) this.checkExtend(extend, scope);
    this.checkTypes(message.nested, scope);
  }

  private checkNumber(member: FieldDecl | GroupDecl, message: MessageDecl): void {
    const n = member.number;
    if (n < 1 || n > MAX_FIELD_NUMBER) {
      this.report(
        member,
        `field number ${n} of "${member.name}" in message "${message.name}" is out of range: use 1 to ${MAX_FIELD_NUMBER}`,
      );
    } else if (n >= RESERVED_NUMBERS.start && n <= RESERVED_NUMBERS.end) {
      this.report(
        member,
        `field number ${n} of "${member.name}" is reserved for the protobuf implementation (${RESERVED_NUMBERS.start} to ${RESERVED_NUMBERS.end})`,
      );
    }
  }

  private checkFieldType(field: FieldDecl, scope: string): void {
    const names = field.map ? [field.map.value] : [field.type];
    for (const name of names) {
      if (SCALAR_TYPES.has(name)) continue;
      if (this.symbols.resolveType(name, scope) === undefined) {
        this.report(field, `unknown type "${name}" in field "${field.name}"${this.suggestion(name)}`);
      }
    }
  }

  private checkExtend(extend: { name: string; fields: FieldDecl[] } & Located, scope: string): void {
    this.checkMessageReference(extend.name, scope, extend, "extend block");
    for (const field of extend.fields) this.checkFieldType(field, scope);
  }

  private checkMessageReference(name: string, scope: string, at: Located, what: string): void {
    const symbol = this.symbols.resolveType(name, scope);
    if (symbol === undefined) this.report(at, `unknown type "${name}" in ${what}${this.suggestion(name)}`);
    else if (symbol.decl.kind !== "message")
      this.report(at, `"${name}" in ${what} is an enum; a message is required`);
  }

  private checkEnum(decl: EnumDecl): void {
    const first = decl.constants[0];
    if (first === undefined) {
      this.report(decl, `enum "${decl.name}" must define at least one constant`);
      return;
    }
    if (this.file.syntax === "proto3" && first.number !== 0) {
      this.report(
        first,
        `the first constant of proto3 enum "${decl.name}" must be 0, but "${first.name}" is ${first.number}`,
      );
    }
    const names = new Set<string>();
    for (const constant of decl.constants) {
      if (names.has(constant.name)) {
        this.report(constant, `duplicate enum constant "${constant.name}" in enum "${decl.name}"`);
      }
      names.add(constant.name);
    }
  }

  private suggestion(name: string): string {
    const wanted = name.replace(/^\./, "");
    const qualified = wanted.includes(".");
    let best: { text: string; distance: number } | undefined;
    for (const fullName of this.symbols.types.keys()) {
      const candidate = qualified ? fullName : fullName.slice(fullName.lastIndexOf(".") + 1);
      const distance = editDistance(wanted, candidate);
      if (distance > 0 && (best === undefined || distance < best.distance))
        best = { text: candidate, distance };
    }
    const limit = Math.max(1, Math.floor(wanted.length / 3));
    return best !== undefined && best.distance <= limit ? ` (did you mean "${best.text}"?)` : "";
  }
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length]!;
}
