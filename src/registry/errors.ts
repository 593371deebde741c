// The one error the registry client throws. It keeps what callers branch on (HTTP status, the registry's
// error_code) and what people need to read (method, path, registry URL, the registry's own message), and it
// never carries credentials: the URL has no userinfo, and messages are redacted before they get here.

export interface RegistryErrorDetails {
  /** HTTP status; 0 when no HTTP answer arrived (connection failure, timeout). */
  status: number;
  /** The registry's `error_code`, when the body carried one. */
  errorCode?: number | undefined;
  /** The registry's `message`, or a description of the failure when there was no usable body. */
  registryMessage: string;
  method: string;
  /** The request path relative to the registry URL, with the query the client built. */
  path: string;
  /** The registry base URL without credentials. */
  registry: string;
  /**
   * Why there was no usable answer: a network code (`ECONNREFUSED`, `ECONNRESET`, `ENOTFOUND`, …), a timeout
   * (`connect-timeout`, `headers-timeout`, `body-timeout`), a TLS error code, or `invalid-response`.
   */
  cause?: string | undefined;
  /** How many attempts were made; more than 1 when the request was retried. */
  attempts?: number | undefined;
}

export class RegistryError extends Error {
  override readonly name = "RegistryError";
  readonly status: number;
  readonly errorCode: number | undefined;
  readonly registryMessage: string;
  readonly method: string;
  readonly path: string;
  readonly registry: string;
  readonly attempts: number;
  declare readonly cause: string | undefined;

  constructor(details: RegistryErrorDetails) {
    super(describe(details), details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.registryMessage = details.registryMessage;
    this.method = details.method;
    this.path = details.path;
    this.registry = details.registry;
    this.attempts = details.attempts ?? 1;
  }

  /** No HTTP answer at all: refused, reset, DNS failure, timeout, TLS failure. */
  get isUnreachable(): boolean {
    return this.status === 0;
  }

  get isTimeout(): boolean {
    return this.cause !== undefined && (this.cause.endsWith("-timeout") || this.cause === "ETIMEDOUT");
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** 40401: the subject does not exist (or has only soft-deleted versions). */
  get isSubjectNotFound(): boolean {
    return this.errorCode === 40401;
  }

  /** 40402: the subject exists but not that version. */
  get isVersionNotFound(): boolean {
    return this.errorCode === 40402;
  }

  /** 40403: no such schema id, or a lookup found no matching schema. */
  get isSchemaNotFound(): boolean {
    return this.errorCode === 40403;
  }

  /**
   * The schema is incompatible with earlier versions. Registries before 8.2 answer 409 with `error_code` 409,
   * newer ones with 40901; other 4090x codes are association conflicts, not compatibility failures.
   */
  get isIncompatible(): boolean {
    return (
      this.status === 409 &&
      (this.errorCode === undefined || this.errorCode === 409 || this.errorCode === 40901)
    );
  }

  /** 42201: the schema (or its type, references or version) is invalid. */
  get isInvalidSchema(): boolean {
    return this.errorCode === 42201;
  }

  /** 42205 because the subject, its context or the registry is in READONLY mode. */
  get isReadOnly(): boolean {
    return this.errorCode === 42205 && /read-?only/i.test(this.registryMessage);
  }
}

function describe(details: RegistryErrorDetails): string {
  const retried = (details.attempts ?? 1) > 1 ? ` after ${details.attempts} attempts` : "";
  const request = `${details.method} ${details.path}${retried}`;
  if (details.status === 0) {
    return `cannot reach registry ${details.registry} (${details.cause ?? "network error"}) for ${request}: ${details.registryMessage}`;
  }
  const code = details.errorCode === undefined ? "" : ` (error code ${details.errorCode})`;
  return `registry ${details.registry} answered ${details.status}${code} to ${request}: ${details.registryMessage}`;
}
