// Version parameters and pagination, as the registry reads them (registry-rest-api.md §1, §2).

import { errors } from "../errors.js";

export const LATEST = -1;
const MAX_VERSION = 2 ** 31 - 1;

/** `latest` (any case), `-1`, or an integer in [1, 2^31-1]; anything else is a 42202. */
export function parseVersion(text: string): number {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === "latest") return LATEST;
  if (/^-?\d+$/.test(trimmed)) {
    const value = Number(trimmed);
    if (value === LATEST || (value >= 1 && value <= MAX_VERSION)) return value;
  }
  throw errors.invalidVersion(text);
}

export interface Page {
  offset?: number;
  limit?: number;
}

/** The search endpoints' limits (`schema.search.default.limit` / `.max.limit`). */
export const SEARCH_LIMITS = { defaultLimit: 1000, maxLimit: 1000 };
export const UNLIMITED = { defaultLimit: Number.MAX_SAFE_INTEGER, maxLimit: Number.MAX_SAFE_INTEGER };

/** Applied after filtering. A limit ≤ 0 or above the maximum falls back to the default. */
export function paginate<T>(items: T[], page: Page, limits: { defaultLimit: number; maxLimit: number }): T[] {
  const offset = Math.max(0, page.offset ?? 0);
  const requested = page.limit ?? -1;
  const limit = requested > 0 && requested <= limits.maxLimit ? requested : limits.defaultLimit;
  return items.slice(offset, offset + limit);
}

/** Java's String.compareTo order, which the registry sorts subject names by. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
