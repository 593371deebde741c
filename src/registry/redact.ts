// Removes known secrets from any text that may reach a person: error messages (a proxy may echo a header
// back in its error page), log events, failure descriptions. It is a last line of defence; the first one is
// never putting credentials into such text.

export const REDACTED = "***";

export class Redactor {
  readonly #secrets = new Set<string>();

  /** Registers a secret in the spellings it may appear in: as is, and percent-encoded. */
  add(secret: string): void {
    if (secret === "") return;
    this.#secrets.add(secret);
    this.#secrets.add(encodeURIComponent(secret));
  }

  redact(text: string): string {
    let result = text;
    // Longest first, so that a secret containing another one is replaced whole.
    const secrets = [...this.#secrets].sort((a, b) => b.length - a.length);
    for (const secret of secrets) result = result.split(secret).join(REDACTED);
    return result;
  }
}
