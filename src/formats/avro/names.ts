// Avro names: validation (strict ASCII for schemas being registered, Unicode-aware for stored ones),
// splitting full names, and how Avro Java writes a name relative to an enclosing namespace.

import { TYPE_NAMES, type AvroName } from "./model.js";

const STRICT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Java's Character.isLetter / isLetterOrDigit, which Avro's UTF name validator uses.
const UNICODE_NAME = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;

export function isValidName(name: string, strict: boolean): boolean {
  return (strict ? STRICT_NAME : UNICODE_NAME).test(name);
}

/** A dotted namespace; the empty string stands for "no namespace". */
export function isValidNamespace(space: string): boolean {
  return space === "" || space.split(".").every((part) => STRICT_NAME.test(part));
}

/**
 * Avro Java's `new Name(name, space)`: a dotted name carries its own namespace, an empty
 * namespace means none.
 */
export function makeName(name: string, space: string | null): AvroName {
  const lastDot = name.lastIndexOf(".");
  let simple = name;
  let ns = space;
  if (lastDot >= 0) {
    ns = name.slice(0, lastDot);
    simple = name.slice(lastDot + 1);
  }
  if (ns === "") ns = null;
  return { name: simple, space: ns, full: ns === null ? simple : `${ns}.${simple}` };
}

/** The namespace part of a dotted name, if the name carries one. */
export function namespaceOf(name: string): string | undefined {
  const lastDot = name.lastIndexOf(".");
  return lastDot >= 0 ? name.slice(0, lastDot) : undefined;
}

/**
 * Avro Java's `Name.getQualified`: the short name when the namespace is the enclosing one, unless
 * the short name would read as a type keyword (`"record"`, `"int"` …).
 */
export function qualifiedName(name: AvroName, enclosingSpace: string | null): string {
  if (name.space !== null && name.space === enclosingSpace && !TYPE_NAMES.has(name.name)) return name.name;
  return name.full;
}

/** Levenshtein distance, for "did you mean" hints. */
function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The closest known name, when it is close enough to be a plausible typo. */
export function closestName(wanted: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = Math.min(
      editDistance(wanted.toLowerCase(), candidate.toLowerCase()),
      editDistance(simpleOf(wanted).toLowerCase(), simpleOf(candidate).toLowerCase()) +
        (namespaceOf(wanted) === undefined ? 0 : 1),
    );
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  const limit = Math.max(2, Math.floor(simpleOf(wanted).length / 3));
  return bestDistance <= limit ? best : undefined;
}

function simpleOf(name: string): string {
  return name.slice(name.lastIndexOf(".") + 1);
}
