// A candidate schema against a subject's previous versions at a compatibility level, reproducing the
// registry's verdict and message list (compatibility.md §1). The formats only answer "can X read Y";
// this module owns versions, directions, transitivity, reserved fields and message assembly.

import { formatFor, parseSchema } from "../formats/index.js";
import type { Finding, ParsedSchema, SchemaInput, SchemaIssue, SourceLocation } from "../formats/types.js";
import {
  type CompatibilityLevel,
  type CompatibilityPolicy,
  type Direction,
  directionsOf,
  isTransitive,
} from "./levels.js";
import {
  DIFFERENT_SCHEMA_TYPE_MESSAGE,
  fieldConflictsWithReservedDescription,
  oldSchemaEntry,
  oldSchemaVersionEntry,
  reservedFieldRemovedDescription,
  trailerEntry,
  typedMessage,
} from "./messages.js";

/** The part of a schema's metadata the checks read. */
export interface CompatibilityMetadata {
  properties?: Record<string, string>;
}

export interface CandidateInput extends SchemaInput {
  metadata?: CompatibilityMetadata;
}

/** A previous, live version. Without `version`, its 1-based position in the list stands in. */
export interface PreviousInput extends SchemaInput {
  version?: number;
  metadata?: CompatibilityMetadata;
}

export interface CompatibilityOptions {
  /** Only JSON Schema reads it. Default STRICT. */
  policy?: CompatibilityPolicy;
  /** Reserved-field checks (`confluent:reserved`), off by default as in the registry. */
  validateFields?: boolean;
  /** Compare only against versions whose metadata property of this name equals the candidate's. */
  compatibilityGroup?: string;
}

export interface CompatibilityProblem {
  errorType: string;
  /** Path in the reader schema, in Confluent's syntax. */
  path?: string;
  description: string;
  additionalInfo?: string;
  /** "backward": the new schema failed to read an old version; "forward": an old version failed to read the new. */
  direction?: Direction;
  /** The old version the problem was found against. */
  version?: number;
  /** Where the problem sits in the candidate's text (the line a pull request annotation points at). */
  location?: SourceLocation;
  /** Where the problem sits in the old version's text. */
  previousLocation?: SourceLocation;
  /** Why the verdict follows a registry quirk, when it does. */
  quirk?: string;
}

export interface CompatibilityResult {
  compatible: boolean;
  /** The registry's message list: typed entries, `oldSchemaVersion`, `oldSchema`, the trailer. */
  messages: string[];
  /** The same problems as structured data. */
  problems: CompatibilityProblem[];
  /** The versions compared, in the order they were checked (newest first). */
  checkedAgainst: number[];
  level: CompatibilityLevel;
}

/** A schema that does not parse: the registry answers 422 for it, not a verdict. */
export class InvalidSchemaError extends Error {
  constructor(
    readonly issues: SchemaIssue[],
    /** "candidate", or the version of the previous schema that failed. */
    readonly which: "candidate" | number,
  ) {
    const where = which === "candidate" ? "schema" : `previous version ${which}`;
    const first = issues[0];
    const at = first?.line !== undefined ? ` at line ${first.line}, column ${first.column ?? 1}` : "";
    super(`invalid ${where}${at}: ${first?.message ?? "unknown error"}`);
    this.name = "InvalidSchemaError";
  }
}

export interface ParsedCandidate {
  schema: ParsedSchema;
  metadata?: CompatibilityMetadata;
}

export interface ParsedPrevious {
  schema: ParsedSchema;
  version: number;
  metadata?: CompatibilityMetadata;
}

/**
 * Checks `candidate` against `previous` (live versions, oldest first) at `level`. New schemas are
 * parsed strictly and stored ones leniently, as the registry does; an unparsable schema throws
 * `InvalidSchemaError`.
 */
export function checkCompatibility(
  candidate: CandidateInput,
  previous: PreviousInput[],
  level: CompatibilityLevel,
  options: CompatibilityOptions = {},
): CompatibilityResult {
  const parsedCandidate = parseSchema(candidate, { strict: true });
  if (!parsedCandidate.ok) throw new InvalidSchemaError(parsedCandidate.errors, "candidate");
  const parsedPrevious = previous.map((p, index): ParsedPrevious => {
    const version = p.version ?? index + 1;
    const parsed = parseSchema(p, { strict: false });
    if (!parsed.ok) throw new InvalidSchemaError(parsed.errors, version);
    return { schema: parsed.schema, version, metadata: p.metadata };
  });
  return checkParsedCompatibility(
    { schema: parsedCandidate.schema, metadata: candidate.metadata },
    parsedPrevious,
    level,
    options,
  );
}

/** `checkCompatibility` for schemas already parsed (the embedded registry keeps them parsed). */
export function checkParsedCompatibility(
  candidate: ParsedCandidate,
  previous: ParsedPrevious[],
  level: CompatibilityLevel,
  options: CompatibilityOptions = {},
): CompatibilityResult {
  const validateFields = options.validateFields ?? false;
  const result: CompatibilityResult = {
    compatible: true,
    messages: [],
    problems: [],
    checkedAgainst: [],
    level,
  };
  if (level === "NONE") return result;

  if (validateFields) addReservedFieldProblems(result, candidate, previous.at(-1));

  const inGroup = filterByGroup(previous, candidate, options.compatibilityGroup);
  const newestFirst = [...inGroup].reverse();
  const toCheck = isTransitive(level) ? newestFirst : newestFirst.slice(0, 1);

  for (const old of toCheck) {
    result.checkedAgainst.push(old.version);
    // Transitive levels stop at the first version that yields any message, as the registry does.
    if (checkOneVersion(result, candidate.schema, old, level, options.policy)) break;
  }

  if (result.messages.length > 0) {
    result.compatible = false;
    result.messages.push(trailerEntry(validateFields, level));
  }
  return result;
}

/** Adds the messages of one old version; true when there were any. */
function checkOneVersion(
  result: CompatibilityResult,
  candidate: ParsedSchema,
  old: ParsedPrevious,
  level: CompatibilityLevel,
  policy: CompatibilityPolicy | undefined,
): boolean {
  if (old.schema.schemaType !== candidate.schemaType) {
    // A plain sentence, without the old version's entries (§1.3).
    result.messages.push(DIFFERENT_SCHEMA_TYPE_MESSAGE);
    result.problems.push({
      errorType: "SCHEMA_TYPE_CHANGED",
      description: DIFFERENT_SCHEMA_TYPE_MESSAGE,
      version: old.version,
    });
    return true;
  }
  const format = formatFor(candidate.schemaType);
  let lastDirectionFailed = false;
  let anyFailed = false;
  for (const direction of directionsOf(level)) {
    const findings =
      direction === "backward"
        ? format.canRead(candidate, old.schema, { labels: { reader: "new", writer: "old" }, policy })
        : format.canRead(old.schema, candidate, { labels: { reader: "old", writer: "new" }, policy });
    const problems = findings.filter((f) => !f.compatible);
    for (const finding of problems) {
      result.messages.push(format.renderMessage(finding));
      result.problems.push(toProblem(finding, direction, old.version));
    }
    lastDirectionFailed = problems.length > 0;
    anyFailed ||= lastDirectionFailed;
  }
  // The registry appends the old version's entries after the last call only, and only when that
  // call produced messages: a FULL failure that is forward-only carries none (§1.6).
  if (lastDirectionFailed) {
    result.messages.push(oldSchemaVersionEntry(old.version), oldSchemaEntry(old.schema.canonical()));
  }
  return anyFailed;
}

function toProblem(finding: Finding, direction: Direction, version: number): CompatibilityProblem {
  // The candidate is the reader when checking backward and the writer when checking forward.
  const [location, previousLocation] =
    direction === "backward"
      ? [finding.readerLocation, finding.writerLocation]
      : [finding.writerLocation, finding.readerLocation];
  const problem: CompatibilityProblem = {
    errorType: finding.errorType,
    path: finding.path,
    description: finding.description,
    direction,
    version,
  };
  if (finding.additionalInfo !== undefined) problem.additionalInfo = finding.additionalInfo;
  if (location) problem.location = location;
  if (previousLocation) problem.previousLocation = previousLocation;
  if (finding.quirk) problem.quirk = finding.quirk;
  return problem;
}

const RESERVED_PROPERTY = "confluent:reserved";

function reservedNames(metadata: CompatibilityMetadata | undefined): string[] {
  const raw = metadata?.properties?.[RESERVED_PROPERTY];
  if (!raw) return [];
  return [
    ...new Set(
      raw
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].sort();
}

/** §1.5: reserved names must survive, and may not be used as top-level fields. Runs at every level. */
function addReservedFieldProblems(
  result: CompatibilityResult,
  candidate: ParsedCandidate,
  newestLive: ParsedPrevious | undefined,
): void {
  const add = (errorType: string, description: string) => {
    result.messages.push(typedMessage(errorType, description));
    result.problems.push({ errorType, description });
  };
  const reserved = new Set(reservedNames(candidate.metadata));
  for (const name of reservedNames(newestLive?.metadata)) {
    if (!reserved.has(name)) add("RESERVED_FIELD_REMOVED", reservedFieldRemovedDescription(name));
  }
  const fields = new Set(candidate.schema.topLevelFieldNames());
  for (const name of reserved) {
    if (fields.has(name))
      add("FIELD_CONFLICTS_WITH_RESERVED_FIELD", fieldConflictsWithReservedDescription(name));
  }
}

/** §1.2 step 2: with a compatibility group, only versions in the candidate's group count. */
function filterByGroup(
  previous: ParsedPrevious[],
  candidate: ParsedCandidate,
  group: string | undefined,
): ParsedPrevious[] {
  if (!group) return previous;
  const value = candidate.metadata?.properties?.[group] ?? null;
  return previous.filter((p) => (p.metadata?.properties?.[group] ?? null) === value);
}
