// Regular expressions of `pattern` and `patternProperties`.
//
// The registry compiles them with Java's java.util.regex; this port uses JavaScript's RegExp, the
// ECMA-262 dialect JSON Schema itself specifies. The two agree on everyday patterns; exotic Java-only
// constructs (possessive quantifiers, \A, \Z, inline flags) are rejected here although Java takes them.

/** The compiled pattern (unicode mode when the pattern allows it), or undefined when invalid. */
export function compilePattern(source: string): RegExp | undefined {
  for (const flags of ["u", ""]) {
    try {
      return new RegExp(source, flags);
    } catch {
      // Try the next mode: unicode mode refuses some escapes that legacy mode accepts.
    }
  }
  return undefined;
}

/** The engine's own explanation of why `source` does not compile. */
export function patternError(source: string): string {
  try {
    new RegExp(source);
    return "";
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
