// When a failed attempt is sent again, and after how long. Pure: the transport feeds it what happened.

export interface RetrySettings {
  /** Attempts after the first one. 0 disables retries. */
  maxRetries: number;
  /** Upper bound of the first backoff; it doubles with each attempt (full jitter picks within it). */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A 429 or 503 asking to wait longer than this is not retried. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetrySettings = {
  maxRetries: 3,
  initialDelayMs: 200,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
};

/** What one attempt produced: an HTTP status, or a network failure code (see failures.ts). */
export type AttemptResult =
  { kind: "status"; status: number; retryAfterMs?: number | undefined } | { kind: "failure"; code: string };

export interface RetryContext {
  /** 1 for the first attempt. */
  attempt: number;
  /** Whether sending the request twice has the same effect as sending it once. */
  idempotent: boolean;
  settings: RetrySettings;
  /** A number in [0, 1); Math.random in production. */
  random: () => number;
}

/** Methods that are safe to repeat unless the caller says otherwise. */
export function isIdempotentMethod(method: string): boolean {
  return method === "GET" || method === "HEAD" || method === "PUT" || method === "OPTIONS";
}

/** 429 and server-side failures are worth another try; 501 and 505 will not change. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
}

const NEVER_REACHED_SERVER = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "connect-timeout",
]);

/** The connection was never established, so the server cannot have seen the request. */
export function neverReachedServer(code: string): boolean {
  return NEVER_REACHED_SERVER.has(code);
}

const TRANSIENT_AFTER_SENDING = new Set(["ECONNRESET", "ETIMEDOUT", "headers-timeout", "body-timeout"]);

/**
 * The delay before the next attempt, or undefined when the result must be reported as it is.
 * Requests that are not idempotent are repeated only when they provably never reached the server: for them
 * a reset, a timeout or a 5xx leaves the outcome unknown, and a second DELETE could remove more than asked.
 */
export function retryDelay(result: AttemptResult, context: RetryContext): number | undefined {
  const { attempt, idempotent, settings } = context;
  if (attempt > settings.maxRetries) return undefined;
  if (result.kind === "failure") {
    if (neverReachedServer(result.code)) return backoff(context);
    if (idempotent && TRANSIENT_AFTER_SENDING.has(result.code)) return backoff(context);
    return undefined;
  }
  if (!idempotent || !isRetryableStatus(result.status)) return undefined;
  if (result.retryAfterMs !== undefined) {
    return result.retryAfterMs <= settings.maxRetryAfterMs ? result.retryAfterMs : undefined;
  }
  return backoff(context);
}

/** Exponential backoff with full jitter: uniform in [0, min(max, initial · 2^(attempt-1))). */
function backoff({ attempt, settings, random }: RetryContext): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.initialDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Reads `Retry-After` (seconds, or an HTTP date) as milliseconds from now. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date names its weekday and month; without letters, Date.parse would accept odd numbers.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
