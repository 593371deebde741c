// Which JSON Schema draft a document is written in, read from `$schema` the way the registry does.

import { member, type JsonNode } from "../jsontext/index.js";

export type Draft = "4" | "6" | "7" | "2019-09" | "2020-12";

/** The registry's default when `$schema` is absent or names no draft it knows. */
export const DEFAULT_DRAFT: Draft = "7";

const DRAFT_BY_META_SCHEMA: ReadonlyArray<[RegExp, Draft]> = [
  [/^https?:\/\/json-schema\.org\/draft-04\/schema#?$/, "4"],
  [/^https?:\/\/json-schema\.org\/draft-06\/schema#?$/, "6"],
  [/^https?:\/\/json-schema\.org\/draft-07\/schema#?$/, "7"],
  [/^https?:\/\/json-schema\.org\/draft\/2019-09\/schema#?$/, "2019-09"],
  [/^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/, "2020-12"],
];

/** The draft named by a `$schema` URL, or undefined when it names none of the supported ones. */
export function draftOfMetaSchema(url: string): Draft | undefined {
  return DRAFT_BY_META_SCHEMA.find(([pattern]) => pattern.test(url))?.[1];
}

/** The draft of a parsed document: its `$schema` when recognised, else `fallback`. */
export function detectDraft(root: JsonNode, fallback: Draft = DEFAULT_DRAFT): Draft {
  if (root.kind !== "object") return fallback;
  const schema = member(root, "$schema");
  if (schema?.kind !== "string") return fallback;
  return draftOfMetaSchema(schema.value) ?? fallback;
}

/** Drafts 2019-09 and 2020-12 share the vocabulary split the registry translates from. */
export function isModernDraft(draft: Draft): boolean {
  return draft === "2019-09" || draft === "2020-12";
}
