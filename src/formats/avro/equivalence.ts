// Confluent's AvroSchema.equivalent: Avro Java's structural `Schema.equals` (full names, fields in
// order with name, type, default value, order and properties; properties as unordered maps;
// symbols, sizes and union branches in order) plus its own `metaEqual` (docs, alias sets, enum
// defaults). Recursive records are cut where a pair is met again, as both Java methods do.

import { jacksonEquals } from "./jackson.js";
import type { AvroName, AvroProp, AvroType, NamedType } from "./model.js";

export function schemasEquivalent(a: AvroType, b: AvroType): boolean {
  return structurallyEqual(a, b, new Set()) && metaEqual(a, b, new Set());
}

function pairKey(a: AvroType, b: AvroType): string {
  return `${a.id}:${b.id}`;
}

function propsEqual(a: readonly AvroProp[], b: readonly AvroProp[]): boolean {
  if (a.length !== b.length) return false;
  const byKey = new Map(b.map((p) => [p.key, p.value]));
  return a.every((p) => {
    const other = byKey.get(p.key);
    return other !== undefined && jacksonEquals(p.value, other);
  });
}

function structurallyEqual(a: AvroType, b: AvroType, seen: Set<string>): boolean {
  if (a === b) return true;
  if (a.type !== b.type || !propsEqual(a.props, b.props)) return false;
  switch (a.type) {
    case "record": {
      const other = b as typeof a;
      if (a.full !== other.full) return false;
      const key = pairKey(a, b);
      if (seen.has(key)) return true;
      seen.add(key);
      return (
        a.fields.length === other.fields.length &&
        a.fields.every((f, i) => {
          const g = other.fields[i]!;
          return (
            f.name === g.name &&
            f.order === g.order &&
            defaultsEqual(f.default, g.default) &&
            propsEqual(f.props, g.props) &&
            structurallyEqual(f.type, g.type, seen)
          );
        })
      );
    }
    case "enum": {
      const other = b as typeof a;
      return a.full === other.full && sameList(a.symbols, other.symbols);
    }
    case "fixed": {
      const other = b as typeof a;
      return a.full === other.full && a.size === other.size;
    }
    default:
      return childrenEqual(a, b, (x, y) => structurallyEqual(x, y, seen));
  }
}

function defaultsEqual(a: AvroProp["value"] | undefined, b: AvroProp["value"] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return jacksonEquals(a, b);
}

function metaEqual(a: AvroType, b: AvroType, seen: Set<string>): boolean {
  if (a === b) return true;
  if (a.type !== b.type) return false;
  switch (a.type) {
    case "record": {
      const other = b as typeof a;
      const key = pairKey(a, b);
      if (seen.has(key)) return true;
      seen.add(key);
      return (
        namedMetaEqual(a, other) &&
        a.fields.length === other.fields.length &&
        a.fields.every((f, i) => {
          const g = other.fields[i]!;
          return sameSet(f.aliases, g.aliases) && f.doc === g.doc && metaEqual(f.type, g.type, seen);
        })
      );
    }
    case "enum":
      return namedMetaEqual(a, b as typeof a) && a.enumDefault === (b as typeof a).enumDefault;
    case "fixed":
      return namedMetaEqual(a, b as typeof a);
    default:
      return childrenEqual(a, b, (x, y) => metaEqual(x, y, seen));
  }
}

/**
 * The children of two nodes of the same type, compared with `equal`: array items, map values, union
 * branches in order. Nodes without children (primitives) are equal here.
 */
function childrenEqual(a: AvroType, b: AvroType, equal: (x: AvroType, y: AvroType) => boolean): boolean {
  switch (a.type) {
    case "array":
      return equal(a.items, (b as typeof a).items);
    case "map":
      return equal(a.values, (b as typeof a).values);
    case "union": {
      const other = b as typeof a;
      return (
        a.branches.length === other.branches.length &&
        a.branches.every((x, i) => equal(x, other.branches[i]!))
      );
    }
    default:
      return true;
  }
}

function namedMetaEqual(a: NamedType, b: NamedType): boolean {
  return a.doc === b.doc && sameSet(aliasStrings(a), aliasStrings(b));
}

/** Avro 1.12's `getAliases()` strings. */
function aliasStrings(t: NamedType): string[] {
  return t.aliases.map((alias: AvroName) =>
    alias.space === null && t.space !== null ? `.${alias.name}` : alias.full,
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}
