// Subject names as the embedded registry sees them: qualified parsing (shared with core), the 42208
// validity rules and the `subjectPrefix` filter of the list endpoints.

import {
  ALL_CONTEXTS_PREFIX,
  DEFAULT_CONTEXT,
  parseSubject,
  qualifySubject,
  type QualifiedSubject,
} from "../core/subject-names.js";
import { errors } from "./errors.js";
import { GLOBAL_CONTEXT } from "./model.js";

export { DEFAULT_CONTEXT, parseSubject, qualifySubject, type QualifiedSubject };

/** A subject together with the spelling the registry shows it under. */
export interface SubjectRef extends QualifiedSubject {
  /** `name` in the default context, `:.ctx:name` elsewhere. */
  qualified: string;
}

export function subjectRef(context: string, name: string): SubjectRef {
  return { context, name, qualified: qualifySubject(context, name) };
}

export function toSubjectRef(raw: string): SubjectRef {
  const { context, name } = parseSubject(raw);
  return subjectRef(context, name);
}

/** ISO control characters, as Java's Character.isISOControl sees them. */
function hasControlCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}
const RESERVED_NAMES = new Set(["__GLOBAL", "__EMPTY"]);

/**
 * Parses a subject taken from a path or a body and enforces the registry's validity rules (42208).
 * `allowGlobal` admits the `.__GLOBAL` context, which config and mode accept.
 */
export function validSubject(raw: string, options: { allowGlobal?: boolean } = {}): SubjectRef {
  const ref = toSubjectRef(raw);
  const invalid =
    hasControlCharacter(raw) ||
    RESERVED_NAMES.has(ref.name) ||
    (ref.context === GLOBAL_CONTEXT && !options.allowGlobal);
  if (invalid) throw errors.invalidSubject(raw);
  return ref;
}

/**
 * The `subjectPrefix` filter. `:*:x` matches `x…` in every context; `""` and bare prefixes match the
 * default context only; `:.ctx:x` (or a partial `:.ct`) is a prefix of the qualified spelling.
 */
export function subjectPrefixMatcher(prefix: string): (ref: SubjectRef) => boolean {
  if (prefix.startsWith(ALL_CONTEXTS_PREFIX)) {
    const namePrefix = prefix.slice(ALL_CONTEXTS_PREFIX.length);
    return (ref) => ref.name.startsWith(namePrefix);
  }
  if (prefix.startsWith(":.:")) {
    const namePrefix = prefix.slice(3);
    return (ref) => ref.context === DEFAULT_CONTEXT && ref.name.startsWith(namePrefix);
  }
  if (prefix.startsWith(":.")) {
    return (ref) => ref.context !== DEFAULT_CONTEXT && ref.qualified.startsWith(prefix);
  }
  return (ref) => ref.context === DEFAULT_CONTEXT && ref.name.startsWith(prefix);
}
