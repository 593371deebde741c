// Registration, in the order of registry-rest-api.md §4.1. Re-registering a known schema is answered
// without taking the write lock; anything else runs alone, against the state it will change.

import { checkParsedCompatibility, type CompatibilityPolicy } from "../../compat/index.js";
import { errors, notPermitted } from "../errors.js";
import {
  CONFLUENT_VERSION,
  mergeMetadata,
  mergeRuleSets,
  normalizeMetadata,
  normalizeRuleSet,
  validateRuleSet,
  withConfluentVersion,
} from "../metadata.js";
import type { SchemaContent, VersionRecord } from "../model.js";
import { contentHash } from "../schemas/identity.js";
import { outcome, type Change, type Outcome } from "../store/changes.js";
import type { RegistryState, SubjectState } from "../store/state.js";
import { DEFAULT_CONTEXT, validSubject, type SubjectRef } from "../subjects.js";
import { findInSubject, type Candidate } from "./find.js";
import { hasSchemaText, requestSchemaType, type RegisterRequest } from "./request.js";
import {
  effectiveConfig,
  effectiveMode,
  hasDefaultsOrOverrides,
  isImporting,
  isReadOnly,
  type EffectiveConfig,
} from "./scope.js";
import type { Services } from "./services.js";

export interface RegisterOptions {
  /** The `normalize` query parameter; the config decides when absent. */
  normalize?: boolean;
  /** Skip the compatibility check. */
  force?: boolean;
}

export interface Registered {
  ref: SubjectRef;
  row: VersionRecord;
}

export async function register(
  services: Services,
  rawSubject: string,
  request: RegisterRequest,
  options: RegisterOptions,
): Promise<Registered> {
  if (Buffer.byteLength(request.schema ?? "") > services.settings.maxSchemaBytes)
    throw errors.schemaTooLarge();
  validateRuleSet(request.ruleSet);
  const ref = validSubject(rawSubject);
  const { state } = services.store;
  const checkedAt = state.revision;
  const known = existingRegistration(services, state, ref, request, options);
  if (known) return { ref, row: known };
  return services.store.write((current) => {
    // Another request may have registered the same schema while this one waited for the lock.
    const raced =
      current.revision !== checkedAt && existingRegistration(services, current, ref, request, options);
    return raced ? outcome({ ref, row: raced }) : registerLocked(services, current, ref, request, options);
  });
}

/**
 * §4.1 step 4: an identical (or equivalent) schema already registered under the subject is returned
 * as it is, in any mode, when the config adds no metadata or rules of its own. Without a version (or
 * with -1, "the latest") any live version may match; with an explicit id and version, only that row.
 */
function existingRegistration(
  services: Services,
  state: RegistryState,
  ref: SubjectRef,
  request: RegisterRequest,
  options: RegisterOptions,
): VersionRecord | undefined {
  const version = request.version ?? 0;
  const explicitRow = version > 0 && request.id !== undefined && request.id >= 0;
  if ((version !== 0 && version !== -1 && !explicitRow) || !hasSchemaText(request)) return undefined;
  const config = effectiveConfig(state, services.settings, ref.context, ref.name);
  if (hasDefaultsOrOverrides(config)) return undefined;
  const mode = effectiveMode(state, ref.context, ref.name);
  const subject = state.subject(ref.context, ref.name);
  const schemaType = requestSchemaType(request);
  const candidate = parseCandidate(services, ref, {
    schemaType,
    schema: request.schema,
    references: request.references ?? [],
    metadata: normalizeMetadata(request.metadata),
    ruleSet: normalizeRuleSet(request.ruleSet),
    normalize: !isImporting(mode) && (options.normalize ?? config.normalize ?? false),
    strict: false,
  });
  if (explicitRow) {
    // An explicit id and version naming the identical row (a replayed import) changes nothing.
    const row = subject?.versions.find((v) => v.version === version && !v.deleted);
    const same = row !== undefined && row.id === request.id;
    return same && state.idEntry(ref.context, row.id)?.hash === contentHash(candidate.content)
      ? row
      : undefined;
  }
  const found = findInSubject(services, subject, candidate, { includeDeleted: false });
  if (!found) return undefined;
  if (request.id !== undefined && request.id >= 0 && request.id !== found.id) return undefined;
  if (version === -1 && found !== subject?.versions.findLast((v) => !v.deleted)) return undefined;
  return found;
}

function registerLocked(
  services: Services,
  state: RegistryState,
  ref: SubjectRef,
  request: RegisterRequest,
  options: RegisterOptions,
): Outcome<Registered> {
  const config = effectiveConfig(state, services.settings, ref.context, ref.name);
  const mode = effectiveMode(state, ref.context, ref.name);
  const importing = isImporting(mode);
  const explicitId = request.id !== undefined && request.id >= 0 ? request.id : undefined;
  if (isReadOnly(mode)) throw notPermitted.readOnly(ref.name, ref.context);
  if (explicitId !== undefined && !importing) throw notPermitted.notImport(ref.name, ref.context);
  if (explicitId === undefined && mode !== "READWRITE")
    throw notPermitted.notReadWrite(ref.name, ref.context);

  const subject = state.subject(ref.context, ref.name);
  const rows = subject?.versions ?? [];
  const newVersion = (rows.at(-1)?.version ?? 0) + 1;
  const latestLive = rows.findLast((v) => !v.deleted);
  const requestedVersion = request.version ?? 0;

  const draft = importing
    ? importedDraft(request)
    : populatedDraft(request, config, latestLive, requestedVersion, newVersion);
  const candidate = parseCandidate(services, ref, {
    ...draft,
    normalize: !importing && (options.normalize ?? config.normalize ?? false),
    strict: !importing && config.validateNewSchemas !== false,
  });
  const hash = contentHash(candidate.content);
  const sameContentIds = state.idsWithHash(ref.context, hash);

  // §4.1 step 9: the identical schema, already live under this subject.
  if (explicitId === undefined && requestedVersion === 0) {
    const live = rows.findLast((v) => !v.deleted && sameContentIds.includes(v.id));
    if (live) return outcome({ ref, row: live });
  }

  if (!importing && !options.force) checkCompatible(services, ref, subject, candidate, config);

  let version = newVersion;
  if (importing && requestedVersion > 0) version = requestedVersion;
  else if (!importing && requestedVersion > 0 && requestedVersion !== newVersion) {
    throw errors.invalidSchema("Version is not one more than previous version");
  }

  const id = assignId(state, ref, explicitId, hash, sameContentIds);
  const row: VersionRecord = { version, id, deleted: false, ts: services.now(), content: candidate.content };
  return outcome({ ref, row }, registrationChanges(state, ref, subject, row));
}

interface Draft {
  schemaType: SchemaContent["schemaType"];
  schema: string;
  references: SchemaContent["references"];
  metadata: SchemaContent["metadata"];
  ruleSet: SchemaContent["ruleSet"];
}

/** In IMPORT the request is stored as sent: no inheritance, no merge. */
function importedDraft(request: RegisterRequest): Draft {
  if (!hasSchemaText(request)) throw errors.invalidSchema("Empty schema");
  return {
    schemaType: requestSchemaType(request),
    schema: request.schema,
    references: request.references ?? [],
    metadata: normalizeMetadata(request.metadata),
    ruleSet: normalizeRuleSet(request.ruleSet),
  };
}

/**
 * §4.1 step 7 and §6: an empty schema repeats the latest version's; metadata and rules come from the
 * request or else the latest version, wrapped in the config's defaults and overrides.
 */
function populatedDraft(
  request: RegisterRequest,
  config: EffectiveConfig,
  latestLive: VersionRecord | undefined,
  requestedVersion: number,
  newVersion: number,
): Draft {
  let base: Pick<Draft, "schemaType" | "schema" | "references">;
  if (hasSchemaText(request)) {
    base = {
      schemaType: requestSchemaType(request),
      schema: request.schema,
      references: request.references ?? [],
    };
  } else if (latestLive) {
    base = latestLive.content;
  } else {
    throw errors.invalidSchema("Empty schema");
  }
  const specificMetadata = normalizeMetadata(request.metadata) ?? latestLive?.content.metadata;
  const specificRuleSet = normalizeRuleSet(request.ruleSet) ?? latestLive?.content.ruleSet;
  let metadata = mergeMetadata(
    mergeMetadata(config.defaultMetadata, specificMetadata),
    config.overrideMetadata,
  );
  const ruleSet = mergeRuleSets(
    mergeRuleSets(config.defaultRuleSet, specificRuleSet),
    config.overrideRuleSet,
  );
  if (requestedVersion !== 0 || metadata?.properties?.[CONFLUENT_VERSION] !== undefined) {
    metadata = withConfluentVersion(metadata, newVersion);
  }
  return { schemaType: base.schemaType, schema: base.schema, references: base.references, metadata, ruleSet };
}

function parseCandidate(
  services: Services,
  ref: SubjectRef,
  draft: Draft & { normalize: boolean; strict: boolean },
): Candidate {
  const { parsed, references } = services.parser.parseRequest(ref.context, draft, { strict: draft.strict });
  const content: SchemaContent = {
    schemaType: draft.schemaType,
    schema: draft.normalize ? parsed.normalized() : parsed.canonical(),
    references,
  };
  if (draft.metadata) content.metadata = draft.metadata;
  if (draft.ruleSet) content.ruleSet = draft.ruleSet;
  return { content, parsed };
}

/** §4.1 step 10: the candidate against the live versions, with the subject's level (409 on failure). */
function checkCompatible(
  services: Services,
  ref: SubjectRef,
  subject: SubjectState | undefined,
  candidate: Candidate,
  config: EffectiveConfig,
): void {
  if (config.compatibilityLevel === "NONE") return;
  const live = (subject?.versions ?? []).filter((v) => !v.deleted);
  const result = checkParsedCompatibility(
    { schema: candidate.parsed, metadata: candidate.content.metadata },
    live.map((row) => ({
      schema: services.parser.parseStored(ref.context, row),
      version: row.version,
      metadata: row.content.metadata,
    })),
    config.compatibilityLevel,
    compatibilityOptions(config),
  );
  if (!result.compatible) throw errors.incompatible(ref.qualified, result.messages);
}

export function compatibilityOptions(config: EffectiveConfig): {
  policy?: CompatibilityPolicy;
  validateFields?: boolean;
  compatibilityGroup?: string;
} {
  return {
    // LOGICAL adds checks outside the formats' reach; its native part is the STRICT check.
    policy: config.compatibilityPolicy === "LENIENT" ? "LENIENT" : "STRICT",
    validateFields: config.validateFields ?? false,
    ...(config.compatibilityGroup ? { compatibilityGroup: config.compatibilityGroup } : {}),
  };
}

/** §4.1 step 12: an explicit id (IMPORT) must not name another schema; otherwise reuse, or the next id. */
function assignId(
  state: RegistryState,
  ref: SubjectRef,
  explicitId: number | undefined,
  hash: string,
  sameContentIds: number[],
): number {
  if (explicitId !== undefined) {
    const existing = state.idEntry(ref.context, explicitId);
    if (existing && existing.hash !== hash) throw notPermitted.overwrite(explicitId, ref.context);
    return explicitId;
  }
  if (sameContentIds[0] !== undefined) return sameContentIds[0];
  // Ids are never reused in a context: the sequence continues after the highest id ever assigned.
  let id = (state.context(ref.context)?.maxId ?? 0) + 1;
  while (state.idEntry(ref.context, id)) id++;
  return id;
}

function registrationChanges(
  state: RegistryState,
  ref: SubjectRef,
  subject: SubjectState | undefined,
  row: VersionRecord,
): Change[] {
  const key = { context: ref.context, subject: ref.name };
  const changes: Change[] = [];
  // §4.1 step 13: older soft-deleted rows with the same id are tombstoned, unless still referenced.
  for (const old of subject?.versions ?? []) {
    const tombstone =
      old.deleted &&
      old.id === row.id &&
      old.version < row.version &&
      state.referrersOf(ref.context, ref.name, old.version).length === 0;
    if (tombstone) changes.push({ op: "removeVersion", ...key, version: old.version });
  }
  const context = state.context(ref.context);
  if (ref.context !== DEFAULT_CONTEXT && !context?.listed) {
    changes.push({ op: "setListed", context: ref.context, listed: true });
  }
  if (row.id > (context?.maxId ?? 0)) changes.push({ op: "setMaxId", context: ref.context, maxId: row.id });
  changes.push({ op: "putVersion", ...key, record: row });
  return changes;
}
