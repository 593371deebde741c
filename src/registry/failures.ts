// Names the reason a request got no HTTP answer, from the errors Node and undici raise. The name is what
// RegistryError.cause carries and what the retry policy decides on.

export interface NetworkFailure {
  /** See RegistryErrorDetails.cause for the vocabulary. */
  code: string;
  /** The underlying error message, for people. */
  detail: string;
}

const RENAMED: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: "connect-timeout",
  UND_ERR_HEADERS_TIMEOUT: "headers-timeout",
  UND_ERR_BODY_TIMEOUT: "body-timeout",
  // undici reports a connection the server closed under a request as a socket error; for the caller it is
  // the same event as a reset.
  UND_ERR_SOCKET: "ECONNRESET",
  EPIPE: "ECONNRESET",
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: "ECONNRESET",
  UND_ERR_CLOSED: "closed",
  UND_ERR_DESTROYED: "closed",
};

export function describeNetworkFailure(error: unknown): NetworkFailure {
  const inner = firstCodedError(error);
  const code = inner?.code ?? "network-error";
  const message = inner?.message ?? (error instanceof Error ? error.message : String(error));
  return { code: RENAMED[code] ?? code, detail: message === "" ? code : message };
}

interface CodedError {
  code: string;
  message: string;
}

// Node's dual-stack connection attempts throw an AggregateError whose own code may be missing; the
// interesting code is on the individual attempts.
function firstCodedError(error: unknown): CodedError | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") return { code, message: error.message };
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const found = firstCodedError(inner);
      if (found !== undefined) return found;
    }
  }
  return firstCodedError(error.cause);
}
