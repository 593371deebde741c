// One request in, one response out, without a socket: the in-process face of the registry and the
// core of its HTTP face. Every failure becomes the registry's JSON error body.

import { RegistryError, errors } from "../errors.js";
import type { Router } from "./router.js";

export interface RegistryResponse {
  status: number;
  headers: Record<string, string>;
  /** The body as sent; empty for 204 and HEAD. */
  body: string;
}

const V1 = "application/vnd.schemaregistry.v1+json";
const REQUEST_TYPES = new Set([
  V1,
  "application/vnd.schemaregistry+json",
  "application/json",
  "application/octet-stream",
]);

/** The response media type for an Accept header: the registry's own unless only plain JSON is wanted. */
function negotiate(accept: string | undefined): string {
  if (!accept || accept.trim() === "") return V1;
  const types = accept.split(",").map((part) => part.split(";")[0]!.trim().toLowerCase());
  const ours = ["*/*", "application/*", V1, "application/vnd.schemaregistry+json"];
  if (types.some((type) => ours.includes(type))) return V1;
  if (types.includes("application/json")) return "application/json";
  throw errors.notAcceptable();
}

function checkContentType(contentType: string | undefined, body: string | undefined): void {
  if (body === undefined || body === "" || contentType === undefined) return;
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type !== "" && !REQUEST_TYPES.has(type)) throw errors.unsupportedMediaType();
}

export async function dispatch(
  router: Router,
  method: string,
  pathWithQuery: string,
  body: string | undefined,
  headers: Record<string, string | undefined>,
): Promise<RegistryResponse> {
  let mediaType = V1;
  try {
    mediaType = negotiate(headers.accept);
    const url = new URL(pathWithQuery, "http://registry.invalid");
    const query = url.searchParams;
    const queryView = {
      get: (name: string) => query.get(name) ?? undefined,
      getAll: (name: string) => query.getAll(name),
      set: (name: string, value: string) => query.set(name, value),
    };
    const { handler, params } = router.resolve(method.toUpperCase(), rawPathOf(pathWithQuery), queryView);
    if (body !== undefined) checkContentType(headers["content-type"], body);
    const reply = await handler({ method, params, query: queryView, body });
    if (!("json" in reply) && !("text" in reply)) return { status: reply.status, headers: {}, body: "" };
    const text = "json" in reply ? JSON.stringify(reply.json) : reply.text;
    return respond(reply.status ?? 200, mediaType, method === "HEAD" ? "" : text);
  } catch (error) {
    const failure = error instanceof RegistryError ? error : errors.internal(messageOf(error));
    return respond(failure.status, mediaType, JSON.stringify(failure.toBody()));
  }
}

/** The path as sent, still encoded: `%2F` inside a subject must not split it. */
function rawPathOf(pathWithQuery: string): string {
  const end = pathWithQuery.search(/[?#]/);
  const path = end < 0 ? pathWithQuery : pathWithQuery.slice(0, end);
  return path.startsWith("/") ? path : `/${path}`;
}

function respond(status: number, mediaType: string, body: string): RegistryResponse {
  return { status, headers: { "content-type": mediaType }, body };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
