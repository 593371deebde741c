// The table of every message, enum and extension field visible to a schema (its own, its
// references', the built-ins'), keyed by fully qualified name without the leading dot.

import type { ExtendDecl, FieldDecl, MessageDecl, TypeDecl } from "./ast.js";
import type { LoadedFile } from "./load.js";

export interface TypeSymbol {
  fullName: string;
  decl: TypeDecl;
  /** "" when the file has no package. */
  packageName: string;
  file: LoadedFile;
}

export interface ExtensionSymbol {
  fullName: string;
  field: FieldDecl;
  extendee: string;
  file: LoadedFile;
}

export function packageOf(file: LoadedFile): string {
  return file.file.packageName ?? "";
}

export function join(prefix: string, name: string): string {
  return prefix === "" ? name : `${prefix}.${name}`;
}

export function isMapEntry(message: MessageDecl): boolean {
  return message.options.some(
    (o) =>
      !o.parenthesized &&
      o.path.length === 0 &&
      o.name === "map_entry" &&
      o.value.kind === "boolean" &&
      o.value.text === "true",
  );
}

/** The `map<K, V>` an entry message stands for, from its `key` and `value` fields as written. */
export function mapEntryTypes(message: MessageDecl): { key: string; value: string } | undefined {
  if (!isMapEntry(message)) return undefined;
  const key = message.fields.find((f) => f.name === "key");
  const value = message.fields.find((f) => f.name === "value");
  return key && value ? { key: key.type, value: value.type } : undefined;
}

export class SymbolTable {
  readonly types = new Map<string, TypeSymbol>();
  readonly extensions = new Map<string, ExtensionSymbol>();
  /** Definitions that clash with an earlier one of the same full name. */
  readonly duplicates: TypeSymbol[] = [];

  /** `files[0]` is the main schema; dependencies are added first so that the main file wins. */
  static build(files: LoadedFile[]): SymbolTable {
    const table = new SymbolTable();
    for (const file of [...files.slice(1), ...files.slice(0, 1)]) table.addFile(file);
    return table;
  }

  private addFile(file: LoadedFile): void {
    const pkg = packageOf(file);
    this.addExtends(file, pkg, file.file.extends);
    this.addTypes(file, pkg, pkg, file.file.types);
  }

  private addTypes(file: LoadedFile, pkg: string, prefix: string, types: TypeDecl[]): void {
    for (const decl of types) {
      const fullName = join(prefix, decl.name);
      const symbol: TypeSymbol = { fullName, decl, packageName: pkg, file };
      const existing = this.types.get(fullName);
      if (existing && existing.file === file) this.duplicates.push(symbol);
      this.types.set(fullName, symbol);
      if (decl.kind === "message") {
        this.addExtends(file, fullName, decl.extends);
        this.addTypes(file, pkg, fullName, decl.nested);
      }
    }
  }

  private addExtends(file: LoadedFile, prefix: string, extendDecls: ExtendDecl[]): void {
    for (const extend of extendDecls) {
      for (const field of extend.fields) {
        const fullName = join(prefix, field.name);
        this.extensions.set(fullName, { fullName, field, extendee: extend.name, file });
      }
    }
  }

  /**
   * protoc-style lookup: a leading dot means absolute; otherwise the name is tried in `scope` (the
   * package's components followed by enclosing messages) and then in each enclosing scope outward.
   */
  resolveType(name: string, scope: string): TypeSymbol | undefined {
    return this.resolveIn(name, scope, (n) => this.types.get(n));
  }

  resolveExtension(name: string, scope: string): ExtensionSymbol | undefined {
    return this.resolveIn(name, scope, (n) => this.extensions.get(n));
  }

  private resolveIn<T>(
    name: string,
    scope: string,
    lookup: (fullName: string) => T | undefined,
  ): T | undefined {
    if (name.startsWith(".")) return lookup(name.slice(1));
    const parts = scope === "" ? [] : scope.split(".");
    for (let i = parts.length; i >= 0; i--) {
      const found = lookup(join(parts.slice(0, i).join("."), name));
      if (found !== undefined) return found;
    }
    return undefined;
  }
}
