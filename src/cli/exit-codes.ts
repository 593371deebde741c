// Exit codes of plan, apply and check, decided here and nowhere else.

export const ExitCode = {
  /** Success, nothing (left) to change. */
  Ok: 0,
  /** Bad input, unreachable registry, failed apply. */
  Error: 1,
  /** Changes pending (plan with --detailed-exitcode). */
  Changes: 2,
  /** Blocked by policy: incompatible change, too many deletions, read-only registry. */
  Blocked: 3,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit code of a command that ended with an error: refusals by policy are 3, everything else 1. */
export function exitCodeForError(error: unknown): ExitCode {
  return error instanceof Error && error.name === "PolicyRefusalError" ? ExitCode.Blocked : ExitCode.Error;
}
