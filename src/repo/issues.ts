// Problems found in repository files. Every problem points at a file (relative to the project directory)
// and a 1-based line and column, so that editors, CI annotations and people can jump to it.

export interface RepoIssue {
  /** Path relative to the project directory, with "/" separators. */
  file: string;
  line: number;
  column: number;
  message: string;
  /** The lint rule that produced a warning; absent for errors and loader warnings. */
  rule?: string;
}

/** `path:line:column: message`, followed by `[rule]` for lint warnings. */
export function formatIssue(issue: RepoIssue): string {
  const suffix = issue.rule === undefined ? "" : ` [${issue.rule}]`;
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.message}${suffix}`;
}

/** Sorts by file, then position, so that output is stable whatever order the checks ran in. */
export function sortIssues(issues: RepoIssue[]): RepoIssue[] {
  return [...issues].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** Drops repeated reports of the same problem (a file is checked alone and as someone's reference). */
export function uniqueIssues(issues: RepoIssue[]): RepoIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = formatIssue(issue);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Line and column (1-based) of a character offset in a text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
