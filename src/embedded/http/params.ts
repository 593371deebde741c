// Query parameters as JAX-RS converts them: a boolean is true only for "true" (any case), and an
// integer that does not convert makes the resource not match (404).

import { errors } from "../errors.js";
import type { Page } from "../operations/paging.js";
import type { Query } from "./router.js";

export function flag(query: Query, name: string): boolean {
  return query.get(name)?.trim().toLowerCase() === "true";
}

/** `undefined` when absent, so that an operation can tell "not asked" from "false". */
export function optionalFlag(query: Query, name: string): boolean | undefined {
  return query.get(name) === undefined ? undefined : flag(query, name);
}

export function integer(query: Query, name: string): number | undefined {
  const value = query.get(name);
  if (value === undefined) return undefined;
  if (!/^\s*-?\d+\s*$/.test(value)) throw errors.notFound();
  return Number(value);
}

export function page(query: Query): Page {
  const result: Page = {};
  const offset = integer(query, "offset");
  const limit = integer(query, "limit");
  if (offset !== undefined) result.offset = offset;
  if (limit !== undefined) result.limit = limit;
  return result;
}

/** A path segment that must be an int (schema ids); anything else does not match the resource. */
export function pathInteger(value: string): number {
  if (!/^-?\d+$/.test(value)) throw errors.notFound();
  return Number(value);
}

export function optionalText<K extends string>(query: Query, name: K): { [P in K]?: string } {
  const value = query.get(name);
  return (value === undefined ? {} : { [name]: value }) as { [P in K]?: string };
}
