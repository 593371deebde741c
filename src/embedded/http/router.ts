// Path matching over encoded segments (so `%2F` stays inside a subject name), the `/contexts/{ctx}/…`
// prefix rewriting of registry-rest-api.md §2.7, and 404/405 for what matches nothing.

import { errors } from "../errors.js";
import { parseContextSegment } from "../operations/contexts.js";

export interface Query {
  get(name: string): string | undefined;
  getAll(name: string): string[];
  set(name: string, value: string): void;
}

export interface RouteRequest {
  method: string;
  params: Record<string, string>;
  query: Query;
  body: string | undefined;
}

export type Reply =
  | { status?: number; json: unknown }
  /** A body that is sent as it is (the raw schema endpoints). */
  | { status?: number; text: string }
  | { status: 204 };

export type Handler = (request: RouteRequest) => Promise<Reply> | Reply;

interface Route {
  method: string;
  pattern: string[];
  handler: Handler;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, path: string, handler: Handler): this {
    this.routes.push({ method, pattern: path.split("/").filter(Boolean), handler });
    return this;
  }

  /** The handler for a request, with its path parameters; 404 or 405 when there is none. */
  resolve(
    method: string,
    rawPath: string,
    query: Query,
  ): { handler: Handler; params: Record<string, string> } {
    const segments = rewriteContextPrefix(decodeSegments(rawPath), query);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchPattern(route.pattern, segments);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method || (method === "HEAD" && route.method === "GET")) {
        return { handler: route.handler, params };
      }
    }
    throw pathMatched ? errors.methodNotAllowed() : errors.notFound();
  }
}

function decodeSegments(rawPath: string): string[] {
  const parts = rawPath
    .split("/")
    .filter((part, index, all) => part !== "" || (index > 0 && index < all.length - 1));
  try {
    return parts.map((part) => decodeURIComponent(part));
  } catch {
    throw errors.notFound();
  }
}

function matchPattern(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    const actual = segments[i]!;
    if (expected.startsWith(":")) params[expected.slice(1)] = actual;
    else if (expected !== actual) return undefined;
  }
  return params;
}

/** `:.ctx:x` for a subject of the URL context, unless it is qualified already. */
function qualify(prefix: string, subject: string): string {
  return subject.startsWith(":.") || subject.startsWith(":*:") ? subject : `${prefix}${subject}`;
}

/**
 * `/contexts/.ctx/subjects/x/…` → `/subjects/:.ctx:x/…`, `/contexts/.ctx/subjects` →
 * `/subjects?subjectPrefix=:.ctx:`, `/contexts/.ctx/schemas/ids/1` → `/schemas/ids/1?subject=:.ctx:`,
 * `/contexts/.ctx/config|mode` → `/config|mode/:.ctx:` (ContextFilter).
 */
function rewriteContextPrefix(segments: string[], query: Query): string[] {
  if (segments[0] !== "contexts" || segments.length < 3) return segments;
  const context = parseContextSegment(segments[1]!);
  const prefix = `:${context}:`;
  const [resource, ...rest] = segments.slice(2) as [string, ...string[]];
  switch (resource) {
    case "subjects":
      if (rest.length === 0) {
        query.set("subjectPrefix", prefix);
        return ["subjects"];
      }
      return ["subjects", qualify(prefix, rest[0]!), ...rest.slice(1)];
    case "schemas":
      if (rest.length === 0) query.set("subjectPrefix", prefix);
      else query.set("subject", qualify(prefix, query.get("subject") ?? ""));
      return ["schemas", ...rest];
    case "config":
    case "mode":
      return [resource, qualify(prefix, rest[0] ?? ""), ...rest.slice(1)];
    case "compatibility":
      if (rest[0] === "subjects" && rest[1] !== undefined) {
        return ["compatibility", "subjects", qualify(prefix, rest[1]), ...rest.slice(2)];
      }
      return ["compatibility", ...rest];
    default:
      return segments;
  }
}
