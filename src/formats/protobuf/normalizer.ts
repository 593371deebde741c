// Rewrites a ProtoFile the way the registry's `normalize=true` does before printing: members sorted
// by tag, imports sorted and de-duplicated, type names fully qualified with a leading dot, map-entry
// messages folded back into `map<K, V>` fields, extension option names qualified, options sorted by
// name. Messages and enums keep their relative order because clients encode message indexes
// against it. The printer then applies the purely textual rules (see printer.ts).

import {
  SCALAR_TYPES,
  type EnumDecl,
  type ExtendDecl,
  type FieldDecl,
  type GroupDecl,
  type ImportDecl,
  type MessageDecl,
  type OneofDecl,
  type OptionDecl,
  type OptionMapEntry,
  type OptionValue,
  type ProtoFile,
  type RangeDecl,
  type ServiceDecl,
  type TypeDecl,
} from "./ast.js";
import { isMapEntry, join, mapEntryTypes, type SymbolTable } from "./symbols.js";

export function normalizeFile(file: ProtoFile, symbols: SymbolTable): ProtoFile {
  return new Normalizer(symbols).file(file);
}

const byNumber = <T extends { number: number }>(items: T[]): T[] =>
  [...items].sort((a, b) => a.number - b.number);

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class Normalizer {
  constructor(private readonly symbols: SymbolTable) {}

  file(file: ProtoFile): ProtoFile {
    const pkg = file.packageName ?? "";
    return {
      ...file,
      imports: [...sortedImports(file.imports, "default"), ...sortedImports(file.imports, "public")],
      options: this.options(file.options, pkg),
      types: this.types(file.types, pkg),
      extends: this.extendBlocks(file.extends, pkg),
      services: file.services.map((s) => this.service(s, pkg)),
    };
  }

  private types(types: TypeDecl[], scope: string): TypeDecl[] {
    return types
      .filter((t) => t.kind === "enum" || !isMapEntry(t))
      .map((t) =>
        t.kind === "message" ? this.message(t, join(scope, t.name)) : this.enumDecl(t, join(scope, t.name)),
      );
  }

  private message(message: MessageDecl, scope: string): MessageDecl {
    const oneofs = message.oneofs
      .filter((o) => o.fields.length > 0)
      .map((o) => this.oneof(o, scope))
      .sort((a, b) => a.fields[0]!.number - b.fields[0]!.number);
    return {
      ...message,
      reserved: flattenRanges(message.reserved, true),
      options: this.options(message.options, scope),
      fields: byNumber(message.fields).map((f) => this.field(f, scope)),
      oneofs,
      groups: byNumber(message.groups).map((g) => this.group(g, scope)),
      extensions: flattenRanges(message.extensions, false),
      extends: this.extendBlocks(message.extends, scope),
      nested: this.types(message.nested, scope),
    };
  }

  private oneof(oneof: OneofDecl, scope: string): OneofDecl {
    return {
      ...oneof,
      options: this.options(oneof.options, scope),
      fields: byNumber(oneof.fields).map((f) => this.field(f, scope)),
      groups: byNumber(oneof.groups).map((g) => this.group(g, scope)),
    };
  }

  private group(group: GroupDecl, scope: string): GroupDecl {
    return { ...group, fields: byNumber(group.fields).map((f) => this.field(f, join(scope, group.name))) };
  }

  private field(field: FieldDecl, scope: string): FieldDecl {
    const result: FieldDecl = { ...field, options: this.options(field.options, scope) };
    let map = field.map;
    if (!map && !SCALAR_TYPES.has(field.type)) {
      const symbol = this.symbols.resolveType(field.type, scope);
      const entry = symbol?.decl.kind === "message" ? mapEntryTypes(symbol.decl) : undefined;
      if (entry) map = entry;
      else if (symbol) result.type = `.${symbol.fullName}`;
    }
    if (map) {
      const value = this.symbols.resolveType(map.value, scope);
      const valueType = value ? `.${value.fullName}` : map.value;
      result.map = { key: map.key, value: valueType };
      result.type = `map<${map.key}, ${valueType}>`;
      delete result.label;
    }
    return result;
  }

  private enumDecl(decl: EnumDecl, scope: string): EnumDecl {
    const constants = [...decl.constants]
      .sort((a, b) => a.number - b.number || compareStrings(a.name, b.name))
      .map((c) => ({ ...c, options: this.options(c.options, scope) }));
    return {
      ...decl,
      constants,
      options: this.options(decl.options, scope),
      reserved: flattenRanges(decl.reserved, true),
    };
  }

  /** Extend blocks of one scope merged per extended type, which is written fully qualified. */
  private extendBlocks(extendDecls: ExtendDecl[], scope: string): ExtendDecl[] {
    const merged = new Map<string, ExtendDecl>();
    for (const extend of extendDecls) {
      const target = this.symbols.resolveType(extend.name, scope);
      const name = target ? `.${target.fullName}` : extend.name;
      const block = merged.get(name) ?? { ...extend, name, fields: [] };
      block.fields.push(...extend.fields);
      merged.set(name, block);
    }
    return [...merged.values()].map((e) => ({
      ...e,
      fields: byNumber(e.fields).map((f) => this.field(f, scope)),
    }));
  }

  private service(service: ServiceDecl, scope: string): ServiceDecl {
    const qualify = (name: string): string => {
      const symbol = this.symbols.resolveType(name, scope);
      return symbol ? `.${symbol.fullName}` : name;
    };
    return {
      ...service,
      options: this.options(service.options, scope),
      rpcs: service.rpcs.map((rpc) => ({
        ...rpc,
        requestType: qualify(rpc.requestType),
        responseType: qualify(rpc.responseType),
        options: this.options(rpc.options, scope),
      })),
    };
  }

  /**
   * Extension options get their qualified name and `(ext).a.b = v` becomes `(ext) = { a.b: v }`;
   * then options are sorted by name and repeated settings of a non-repeated extension are merged
   * into one aggregate.
   */
  private options(options: OptionDecl[], scope: string): OptionDecl[] {
    const rewritten = options.map((option) => {
      const value = this.optionValue(option.value, scope);
      if (!option.parenthesized) return { ...option, value };
      const extension = this.symbols.resolveExtension(option.name, scope);
      if (!extension) return { ...option, value };
      return { ...option, name: extension.fullName, path: [], value: nestPath(option.path, value) };
    });
    rewritten.sort((a, b) => compareStrings(a.name, b.name));
    const result: OptionDecl[] = [];
    for (const option of rewritten) {
      const previous = result[result.length - 1];
      const extension = option.parenthesized ? this.symbols.extensions.get(option.name) : undefined;
      if (previous && previous.name === option.name && extension && extension.field.label !== "repeated") {
        result[result.length - 1] = mergeOptions(previous, option);
      } else {
        result.push(option);
      }
    }
    return result;
  }

  /** Inside aggregates: keys sorted, empty lists dropped, `[ext]` keys qualified. */
  private optionValue(value: OptionValue, scope: string): OptionValue {
    if (value.kind === "list")
      return { kind: "list", items: value.items.map((v) => this.optionValue(v, scope)) };
    if (value.kind !== "map") return value;
    const entries = new Map<string, OptionValue>();
    for (const entry of value.entries) {
      if (entry.value.kind === "list" && entry.value.items.length === 0) continue;
      let key = entry.key;
      if (key.startsWith("[") && key.endsWith("]")) {
        const extension = this.symbols.resolveExtension(key.slice(1, -1), scope);
        if (extension) key = `[${extension.fullName}]`;
      }
      if (!entries.has(key)) entries.set(key, this.optionValue(entry.value, scope));
    }
    const sorted: OptionMapEntry[] = [...entries.entries()]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([key, v]) => ({ key, value: v }));
    return { kind: "map", entries: sorted };
  }
}

function sortedImports(imports: ImportDecl[], kind: ImportDecl["kind"]): ImportDecl[] {
  const chosen = imports.filter((i) => i.kind === kind);
  const seen = new Set<string>();
  return chosen
    .sort((a, b) => compareStrings(a.path, b.path))
    .filter((i) => (seen.has(i.path) ? false : (seen.add(i.path), true)));
}

/** One value per statement, ordered by start (names last, then by their text). */
function flattenRanges(decls: RangeDecl[], byTextToo: boolean): RangeDecl[] {
  const flat = decls.flatMap((d) => d.values.map((value) => ({ ...d, values: [value] })));
  const start = (d: RangeDecl): number => {
    const v = d.values[0]!;
    return v.kind === "range" ? v.start : Number.MAX_SAFE_INTEGER;
  };
  // Kotlin prints an IntRange as "a..b"; the tie-break compares those texts, as Confluent does.
  const text = (d: RangeDecl): string => {
    const v = d.values[0]!;
    if (v.kind === "name") return v.name;
    return v.single ? String(v.start) : `${v.start}..${v.end}`;
  };
  return flat.sort((a, b) => start(a) - start(b) || (byTextToo ? compareStrings(text(a), text(b)) : 0));
}

/** Wire keeps everything after the first dot as one sub-name: `(a).b.c = v` becomes `{ b.c: v }`. */
function nestPath(path: string[], value: OptionValue): OptionValue {
  return path.length === 0 ? value : { kind: "map", entries: [{ key: path.join("."), value }] };
}

/** Confluent's merge: keys of both aggregates, a key present in both collecting distinct values. */
function mergeOptions(existing: OptionDecl, replacement: OptionDecl): OptionDecl {
  if (existing.value.kind !== "map" || replacement.value.kind !== "map") return replacement;
  const entries: OptionMapEntry[] = existing.value.entries.map((e) => ({ ...e }));
  for (const entry of replacement.value.entries) {
    const current = entries.find((e) => e.key === entry.key);
    if (!current) {
      entries.push(entry);
      continue;
    }
    const values: OptionValue[] = [];
    for (const v of [current.value, entry.value].flatMap((x) => (x.kind === "list" ? x.items : [x]))) {
      if (!values.some((seen) => JSON.stringify(seen) === JSON.stringify(v))) values.push(v);
    }
    current.value = { kind: "list", items: values };
  }
  return { ...replacement, value: { kind: "map", entries } };
}
