// Qualified subject names, as the registry reads them: `:.ctx:name` is the subject `name` in the context
// `.ctx`; a bare `name` lives in the default context `.`. The parsing mirrors the registry's own, so that a
// name means here exactly what it means on the server.

/** The default context. Its subjects are written without a prefix. */
export const DEFAULT_CONTEXT = ".";

/** The `subjectPrefix` that selects every context when listing subjects or schemas. */
export const ALL_CONTEXTS_PREFIX = ":*:";

/** A subject split into its context (always starting with ".") and its name within that context. */
export interface QualifiedSubject {
  context: string;
  name: string;
}

const DELIMITER = ":";
const CONTEXT_PREFIX = ":.";

/**
 * Splits a subject as the registry does. `:.ctx:name` gives `{ context: ".ctx", name: "name" }`, `:.ctx` (no
 * closing colon) names the context itself with an empty name, and anything else is a bare name in the
 * default context. Only the first colon after the context closes it, so names may contain colons.
 */
export function parseSubject(subject: string): QualifiedSubject {
  if (!subject.startsWith(CONTEXT_PREFIX)) return { context: DEFAULT_CONTEXT, name: subject };
  const end = subject.indexOf(DELIMITER, CONTEXT_PREFIX.length);
  if (end < 0) return { context: subject.slice(1), name: "" };
  return { context: subject.slice(1, end), name: subject.slice(end + 1) };
}

/**
 * The subject as the registry expects it: the bare name in the default context, `:.ctx:name` elsewhere.
 * A default-context name that would itself read as qualified (it starts with `:.` or the `:*:` wildcard)
 * keeps an explicit `:.:` prefix so that it parses back to the same name.
 */
export function qualifySubject(context: string, name: string): string {
  if (context !== DEFAULT_CONTEXT) return `${DELIMITER}${context}${DELIMITER}${name}`;
  const ambiguous = name.startsWith(CONTEXT_PREFIX) || name.startsWith(ALL_CONTEXTS_PREFIX);
  return ambiguous ? `${CONTEXT_PREFIX}${DELIMITER}${name}` : name;
}

/**
 * The prefix that names a context in subject position (`:.ctx:`), which is also the `subjectPrefix` that
 * lists only that context. The default context has the empty prefix.
 */
export function contextPrefix(context: string): string {
  return context === DEFAULT_CONTEXT ? "" : `${DELIMITER}${context}${DELIMITER}`;
}

/** Why `context` is not a valid context name, or undefined when it is one. */
export function contextNameProblem(context: string): string | undefined {
  if (!context.startsWith(".")) return `context name "${context}" must start with "."`;
  if (context.includes(DELIMITER)) return `context name "${context}" must not contain ":"`;
  // Control characters make the subject invalid on the server (42208); reject them before a request.
  if (/\p{Cc}/u.test(context)) return `context name ${JSON.stringify(context)} contains a control character`;
  return undefined;
}

export function isValidContextName(context: string): boolean {
  return contextNameProblem(context) === undefined;
}

/**
 * Reads a context given in any of the spellings the registry accepts (`.ctx`, `:.ctx:`, `:.:` for the
 * default context) and returns its name (`.ctx`, `.`). Throws a TypeError for an invalid name.
 */
export function parseContext(input: string): string {
  let context = input;
  if (context.startsWith(DELIMITER) && context.endsWith(DELIMITER) && context.length >= 2) {
    context = context.slice(1, -1);
  }
  const problem = contextNameProblem(context);
  if (problem !== undefined) throw new TypeError(problem);
  return context;
}
