// Path segments of the registry API. Subjects may contain "/" and ":", so each is percent-encoded as one
// segment; a few names need more care than encodeURIComponent gives them.

import { DEFAULT_CONTEXT, contextPrefix, parseContext } from "../core/subject-names.js";
import type { SettingsScope } from "./types.js";

/** A version: a number, or "latest" (the highest version that is not soft-deleted). */
export type VersionSelector = number | "latest";

/**
 * One path segment for a subject. The empty subject is written `:.:` (its qualified spelling), since an
 * empty segment would change the route; "." and ".." are encoded so that no URL normalisation removes them.
 */
export function subjectSegment(subject: string): string {
  return subject === "" ? pathSegment(":.:") : pathSegment(subject);
}

/** Percent-encodes one path segment, including "." and ".." which URL handling would otherwise resolve. */
export function pathSegment(value: string): string {
  return /^\.+$/.test(value) ? value.replace(/\./g, "%2E") : encodeURIComponent(value);
}

export function versionSegment(version: VersionSelector): string {
  if (version === "latest") return "latest";
  if (!Number.isInteger(version)) throw new TypeError(`schema version must be an integer, got ${version}`);
  return String(version);
}

/** `/config` or `/mode` for the top level and the default context, `/config/:.ctx:`, `/config/{subject}`. */
export function scopePath(resource: "config" | "mode", scope: SettingsScope): string {
  switch (scope.scope) {
    case "global":
      return `/${resource}`;
    case "context": {
      const context = parseContext(scope.context);
      return context === DEFAULT_CONTEXT
        ? `/${resource}`
        : `/${resource}/${pathSegment(contextPrefix(context))}`;
    }
    case "subject":
      return `/${resource}/${subjectSegment(scope.subject)}`;
  }
}
