// HTTP to one registry: a keep-alive undici pool, a cap on requests in flight, timeouts, retries with
// backoff, authentication and TLS. It knows nothing of the registry's resources; the client decides per
// request whether a repeat is safe (see TransportRequest.idempotent).

import { STATUS_CODES } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { Pool } from "undici";
import { authorizationSource, type AuthorizationSource, type RegistryAuth } from "./auth.js";
import { parseRegistryUrl } from "./endpoint.js";
import { RegistryError } from "./errors.js";
import { describeNetworkFailure, type NetworkFailure } from "./failures.js";
import { createLimiter, type Limiter } from "./limiter.js";
import { Redactor } from "./redact.js";
import {
  DEFAULT_RETRY,
  isIdempotentMethod,
  parseRetryAfter,
  retryDelay,
  type AttemptResult,
  type RetrySettings,
} from "./retry-policy.js";

/** The registry's own media type, used for request bodies and preferred in Accept. */
export const REGISTRY_MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
const ACCEPT = `${REGISTRY_MEDIA_TYPE}, application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5`;

export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "DELETE";

/** `true` is sent as "true"; `false` and `undefined` are left out (the registry's default); "" is sent. */
export type QueryValue = string | number | boolean | undefined;

export interface TransportRequest {
  method: HttpMethod;
  /** Path relative to the registry URL, starting with "/", each segment already percent-encoded. */
  path: string;
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  /**
   * Whether sending the request twice has the effect of sending it once. Defaults to true for GET, HEAD
   * and PUT, false otherwise. Only idempotent requests are retried after a reset, a timeout, a 429 or a
   * 5xx; others only when the connection was never established.
   */
  idempotent?: boolean;
  /** Error statuses answered as a response instead of thrown (for probes that expect a 404). */
  acceptStatus?: readonly number[];
}

export interface TransportResponse {
  status: number;
  /** Lower-case header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The parsed JSON body; undefined when the body was empty. */
  body: unknown;
}

export interface Transport {
  /** The registry base URL, without credentials. */
  readonly url: string;
  request(request: TransportRequest): Promise<TransportResponse>;
  /** Closes the pooled connections; further requests fail. */
  close(): Promise<void>;
}

/** One attempt of one request, as reported to the logger. Never contains headers or bodies. */
export interface RegistryRequestEvent {
  method: HttpMethod;
  path: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** 0 when no HTTP answer arrived. */
  status: number;
  durationMs: number;
  /** The failure code when status is 0. */
  failure?: string;
  /** Set when another attempt follows after this delay. */
  retryInMs?: number;
}

export interface RegistryLogger {
  debug?(event: RegistryRequestEvent): void;
  warn?(message: string): void;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1), for backoff jitter. */
  random(): number;
}

export type PemInput = string | Buffer;

export interface RegistryTls {
  /** Trusted CA certificates (PEM), replacing the system list. */
  ca?: PemInput | PemInput[];
  /** Client certificate and key (PEM) for mutual TLS. */
  cert?: PemInput;
  key?: PemInput;
  passphrase?: string;
  /** Default true. False accepts any server certificate: for local tests only. */
  rejectUnauthorized?: boolean;
  /** Server name for SNI and certificate checks, when it differs from the URL's host. */
  servername?: string;
}

/** undici checks these timers about once a second, so a timeout fires up to a second after its value. */
export interface Timeouts {
  /** TCP and TLS connection establishment. */
  connectMs: number;
  /** From sending the request to receiving the response headers. */
  headersMs: number;
  /** Longest pause while receiving the body. */
  bodyMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 };

export interface TransportOptions {
  /** Base URL, e.g. `https://sr.example.com:8081` or `https://host/apis/ccompat/v7`. Userinfo becomes basic auth. */
  url: string;
  auth?: RegistryAuth;
  tls?: RegistryTls;
  timeouts?: Partial<Timeouts>;
  retry?: Partial<RetrySettings>;
  /** Pooled connections to the registry. Default 8. */
  maxConnections?: number;
  /** Requests in flight at once; more wait in order. Default 8. */
  maxConcurrency?: number;
  /** How long an idle connection is kept for reuse. Default 10 s. */
  keepAliveTimeoutMs?: number;
  logger?: RegistryLogger;
  clock?: Partial<Clock>;
  userAgent?: string;
}

type AttemptOutcome =
  | { kind: "response"; status: number; headers: Record<string, string>; text: string }
  | { kind: "failure"; failure: NetworkFailure };

export function createTransport(options: TransportOptions): Transport {
  return new UndiciTransport(options);
}

class UndiciTransport implements Transport {
  readonly url: string;
  readonly #basePath: string;
  readonly #pool: Pool;
  readonly #limiter: Limiter;
  readonly #redactor = new Redactor();
  readonly #authorization: AuthorizationSource;
  readonly #timeouts: Timeouts;
  readonly #retry: RetrySettings;
  readonly #clock: Clock;
  readonly #logger: RegistryLogger | undefined;
  readonly #userAgent: string;

  constructor(options: TransportOptions) {
    const endpoint = parseRegistryUrl(options.url);
    this.url = endpoint.displayUrl;
    this.#basePath = endpoint.basePath;
    this.#authorization = authorizationSource(options.auth, endpoint.userinfo, this.#redactor);
    if (options.tls?.passphrase !== undefined) this.#redactor.add(options.tls.passphrase);
    if (options.tls !== undefined && !endpoint.origin.startsWith("https:")) {
      throw new TypeError("registry TLS settings need an https:// URL");
    }
    this.#timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#clock = {
      now: options.clock?.now ?? Date.now,
      sleep: options.clock?.sleep ?? ((ms) => sleep(ms)),
      random: options.clock?.random ?? Math.random,
    };
    this.#logger = options.logger;
    this.#userAgent = options.userAgent ?? "schemaops";
    this.#limiter = createLimiter(options.maxConcurrency ?? 8);
    this.#pool = new Pool(endpoint.origin, {
      connections: options.maxConnections ?? 8,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 10_000,
      headersTimeout: this.#timeouts.headersMs,
      bodyTimeout: this.#timeouts.bodyMs,
      connect: { ...options.tls, timeout: this.#timeouts.connectMs },
    });
  }

  async request(request: TransportRequest): Promise<TransportResponse> {
    const path = request.path + queryString(request.query);
    const idempotent = request.idempotent ?? isIdempotentMethod(request.method);
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    for (let attempt = 1; ; attempt++) {
      const headers = await this.#headers(body !== undefined);
      const started = this.#clock.now();
      const outcome = await this.#limiter.run(() => this.#attempt(request.method, path, headers, body));
      const durationMs = this.#clock.now() - started;

      const accepted =
        outcome.kind === "response" &&
        ((outcome.status >= 200 && outcome.status < 300) ||
          (request.acceptStatus?.includes(outcome.status) ?? false));
      const result = this.#attemptResult(outcome);
      const delay = accepted ? undefined : retryDelay(result, this.#retryContext(attempt, idempotent));
      this.#log(request.method, path, attempt, durationMs, outcome, delay);

      if (accepted) return this.#response(request.method, path, outcome);
      if (delay === undefined) throw this.#error(request.method, path, outcome, attempt);
      await this.#clock.sleep(delay);
    }
  }

  close(): Promise<void> {
    return this.#pool.close();
  }

  async #headers(hasBody: boolean): Promise<Record<string, string>> {
    const headers: Record<string, string> = { accept: ACCEPT, "user-agent": this.#userAgent };
    if (hasBody) headers["content-type"] = REGISTRY_MEDIA_TYPE;
    const authorization = await this.#authorization();
    if (authorization !== undefined) headers.authorization = authorization;
    return headers;
  }

  async #attempt(
    method: HttpMethod,
    path: string,
    headers: Record<string, string>,
    body: string | undefined,
  ): Promise<AttemptOutcome> {
    try {
      const response = await this.#pool.request({ method, path: this.#basePath + path, headers, body });
      // The body is read inside the concurrency slot, so a slot stands for a request truly in flight.
      const text = await response.body.text();
      return { kind: "response", status: response.statusCode, headers: flatHeaders(response.headers), text };
    } catch (error) {
      return { kind: "failure", failure: describeNetworkFailure(error) };
    }
  }

  #attemptResult(outcome: AttemptOutcome): AttemptResult {
    if (outcome.kind === "failure") return { kind: "failure", code: outcome.failure.code };
    const retryAfterMs = parseRetryAfter(outcome.headers["retry-after"], this.#clock.now());
    return { kind: "status", status: outcome.status, retryAfterMs };
  }

  #retryContext(attempt: number, idempotent: boolean) {
    return { attempt, idempotent, settings: this.#retry, random: this.#clock.random };
  }

  #response(
    method: HttpMethod,
    path: string,
    outcome: Extract<AttemptOutcome, { kind: "response" }>,
  ): TransportResponse {
    const { status, headers, text } = outcome;
    if (text.trim() === "" || status >= 400) return { status, headers, body: parseLenient(text) };
    try {
      return { status, headers, body: JSON.parse(text) as unknown };
    } catch {
      throw new RegistryError({
        status,
        registryMessage: this.#redactor.redact(`response is not JSON: ${snippet(text)}`),
        method,
        path,
        registry: this.url,
        cause: "invalid-response",
      });
    }
  }

  #error(method: HttpMethod, path: string, outcome: AttemptOutcome, attempts: number): RegistryError {
    const common = { method, path, registry: this.url, attempts };
    if (outcome.kind === "failure") {
      const { code, detail } = outcome.failure;
      const registryMessage = this.#redactor.redact(this.#failureText(code, detail));
      return new RegistryError({ ...common, status: 0, registryMessage, cause: code });
    }
    const { errorCode, message } = errorBody(outcome.status, outcome.text);
    // Redirects are not followed: a registry URL that redirects is a configuration to fix, and following
    // it would send the credentials to wherever it points.
    const location = outcome.headers.location;
    const redirect = outcome.status >= 300 && outcome.status < 400 && location !== undefined;
    return new RegistryError({
      ...common,
      status: outcome.status,
      errorCode,
      registryMessage: this.#redactor.redact(
        redirect ? `${message} (redirect to ${location} not followed)` : message,
      ),
    });
  }

  #failureText(code: string, detail: string): string {
    switch (code) {
      case "connect-timeout":
        return `no connection within ${this.#timeouts.connectMs} ms`;
      case "headers-timeout":
        return `no response within ${this.#timeouts.headersMs} ms`;
      case "body-timeout":
        return `response body stalled for ${this.#timeouts.bodyMs} ms`;
      default:
        return detail;
    }
  }

  #log(
    method: HttpMethod,
    path: string,
    attempt: number,
    durationMs: number,
    outcome: AttemptOutcome,
    retryInMs: number | undefined,
  ): void {
    if (this.#logger?.debug === undefined) return;
    const event: RegistryRequestEvent = {
      method,
      path: this.#redactor.redact(path),
      attempt,
      status: outcome.kind === "response" ? outcome.status : 0,
      durationMs,
    };
    if (outcome.kind === "failure") event.failure = outcome.failure.code;
    if (retryInMs !== undefined) event.retryInMs = retryInMs;
    this.#logger.debug(event);
  }
}

/** `?a=1&b=x` from the values that are sent (see QueryValue); empty when none is. */
export function queryString(query: Record<string, QueryValue> | undefined): string {
  if (query === undefined) return "";
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === false) continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return parts.length === 0 ? "" : `?${parts.join("&")}`;
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

/**
 * The registry's `{error_code, message}`, or a description built from the status when the body is
 * something else (a proxy's HTML page, an empty body, Redpanda's `{code, message}` for unknown routes).
 */
function errorBody(status: number, text: string): { errorCode: number | undefined; message: string } {
  const parsed = parseLenient(text);
  if (typeof parsed === "object" && parsed !== null) {
    const { error_code: errorCode, code, message } = parsed as Record<string, unknown>;
    const numericCode =
      typeof errorCode === "number" ? errorCode : typeof code === "number" ? code : undefined;
    if (typeof message === "string") return { errorCode: numericCode, message };
    if (numericCode !== undefined) return { errorCode: numericCode, message: statusText(status) };
  }
  const body = text.trim();
  return {
    errorCode: undefined,
    message: body === "" ? statusText(status) : `${statusText(status)}: ${snippet(body)}`,
  };
}

function statusText(status: number): string {
  return `HTTP ${status} ${STATUS_CODES[status] ?? ""}`.trimEnd();
}

function snippet(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine;
}

function parseLenient(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
