// What a command may touch of the outside world, passed in so that tests can run commands directly.

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Io {
  stdout: Output;
  stderr: Output;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Reads one line from the terminal (confirmation prompts); undefined when there is no terminal. */
  prompt?: (question: string) => Promise<string>;
}

export interface GlobalOptions {
  /** -C DIR: the project directory. */
  dir?: string;
  json?: boolean;
  quiet?: boolean;
  color?: boolean;
}

/** Colour only on a terminal, never with NO_COLOR or --no-color. */
export function useColor(io: Io, options: GlobalOptions): boolean {
  if (options.color === false || io.env.NO_COLOR !== undefined) return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0") return true;
  return io.stdout.isTTY === true;
}

/** Progress lines go to stderr on a terminal only, and never with --quiet or --json. */
export function showProgress(io: Io, options: GlobalOptions): boolean {
  return io.stderr.isTTY === true && !options.quiet && !options.json;
}

export function println(out: Output, text = ""): void {
  out.write(`${text}\n`);
}
