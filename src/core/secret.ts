// A credential that cannot leak by accident: every way of printing or serialising it gives "***", and
// only `reveal()` hands out the value, at the one place that sends it to a registry.

const REDACTED = "***";

export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return REDACTED;
  }
}

/** Replaces every occurrence of the secrets' values in `text` with "***" (for messages from elsewhere). */
export function redact(text: string, secrets: Iterable<Secret | string>): string {
  let out = text;
  for (const secret of secrets) {
    const value = typeof secret === "string" ? secret : secret.reveal();
    // Very short values would redact innocent text; they are still never printed by us.
    if (value.length < 3) continue;
    out = out.split(value).join(REDACTED);
  }
  return out;
}
