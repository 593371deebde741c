// URI handling for `$id` and `$ref`: resolution against a base, and the document/fragment split.

/**
 * The base of a document that declares no absolute `$id`. Relative reference names resolve below
 * it, so `other.json` written in two places means the same document.
 */
export const DEFAULT_BASE_URI = "https://schemaops.invalid/";

/** `ref` resolved against `base` (RFC 3986), or undefined when it is not a valid URI reference. */
export function resolveUri(base: string, ref: string): string | undefined {
  try {
    return new URL(ref, base).href;
  } catch {
    return undefined;
  }
}

/** A reference split at its first `#`: the document part (maybe empty) and the fragment (decoded). */
export function splitReference(ref: string): { document: string; fragment: string | undefined } {
  const hash = ref.indexOf("#");
  if (hash < 0) return { document: ref, fragment: undefined };
  return { document: ref.slice(0, hash), fragment: ref.slice(hash + 1) };
}

/** A URI without its fragment. */
export function withoutFragment(uri: string): string {
  const hash = uri.indexOf("#");
  return hash < 0 ? uri : uri.slice(0, hash);
}
