// The `/schemas` endpoints (registry-rest-api.md §2.2): schemas by id, scoped to a context.

import { SCHEMA_TYPES } from "../../formats/types.js";
import { errors } from "../errors.js";
import type { RuleSet, VersionRecord } from "../model.js";
import { guidOf } from "../schemas/identity.js";
import type { RegistryState, SubjectState } from "../store/state.js";
import { DEFAULT_CONTEXT, parseSubject, subjectRef, subjectPrefixMatcher } from "../subjects.js";
import { compareStrings, paginate, SEARCH_LIMITS, UNLIMITED, type Page } from "./paging.js";
import type { DeletedFilter } from "./reads.js";
import type { Services } from "./services.js";
import {
  compact,
  renderedReferences,
  schemaEntity,
  schemaText,
  type Entity,
  type RenderOptions,
} from "./views.js";

/**
 * The context an id is looked up in (§5): the default one without `subject`; the subject's context
 * when it is qualified; for an unqualified subject, the first context where that subject uses the id.
 */
function contextForId(state: RegistryState, id: number, subject: string | undefined): string {
  if (subject === undefined) return DEFAULT_CONTEXT;
  const { context, name } = parseSubject(subject);
  if (context !== DEFAULT_CONTEXT || name === "") return context;
  const uses = (ctx: string) => state.subject(ctx, name)?.versions.some((v) => v.id === id) ?? false;
  if (uses(DEFAULT_CONTEXT)) return DEFAULT_CONTEXT;
  for (const ctx of state.contexts.keys()) if (uses(ctx)) return ctx;
  return DEFAULT_CONTEXT;
}

export function schemaById(
  services: Services,
  id: number,
  options: RenderOptions & { subject?: string; fetchMaxId?: boolean },
): Entity {
  const { state } = services.store;
  const context = contextForId(state, id, options.subject);
  const entry = state.idEntry(context, id);
  if (!entry) throw errors.schemaNotFound(id);
  const rows = rowsWithId(state, context, id);
  const named = options.subject === undefined ? undefined : parseSubject(options.subject).name;
  const own = rows.findLast((r) => r.subject === named);
  const anyRow = own ?? rows[0]!;
  return compact({
    subject: own ? subjectRef(context, own.subject).qualified : undefined,
    version: own?.row.version,
    guid: guidOf(entry.hash),
    schemaType: entry.content.schemaType,
    schema: schemaText(services, context, anyRow.row, options.format),
    references: renderedReferences(context, entry.content.references, options.referenceFormat),
    metadata: entry.content.metadata,
    ruleSet: entry.content.ruleSet,
    maxId: options.fetchMaxId ? state.context(context)?.maxId : undefined,
  });
}

export function rawSchemaById(
  services: Services,
  id: number,
  options: RenderOptions & { subject?: string },
): string {
  const { state } = services.store;
  const context = contextForId(state, id, options.subject);
  const row = rowsWithId(state, context, id)[0];
  if (!row) throw errors.schemaNotFound(id);
  return schemaText(services, context, row.row, options.format);
}

function rowsWithId(state: RegistryState, context: string, id: number) {
  const entry = state.idEntry(context, id);
  const rows = [];
  for (const use of entry?.uses ?? []) {
    const [subject, version] = use.split("\u0000") as [string, string];
    const row = state.row({ context, subject, version: Number(version) });
    if (row) rows.push({ subject, row });
  }
  return rows.sort((a, b) => compareStrings(a.subject, b.subject) || a.row.version - b.row.version);
}

export function subjectVersionsById(
  services: Services,
  id: number,
  options: Page & DeletedFilter & { subject?: string },
): { subject: string; version: number }[] {
  const { state } = services.store;
  const context = contextForId(state, id, options.subject);
  if (!state.idEntry(context, id)) throw errors.schemaNotFound();
  const pairs = rowsWithId(state, context, id)
    .filter(({ row }) => options.deleted || !row.deleted)
    .map(({ subject, row }) => ({ subject: subjectRef(context, subject).qualified, version: row.version }));
  return paginate(pairs, options, UNLIMITED);
}

export function subjectsById(
  services: Services,
  id: number,
  options: Page & DeletedFilter & { subject?: string },
): string[] {
  const subjects = subjectVersionsById(services, id, { ...options, offset: 0, limit: -1 }).map(
    (p) => p.subject,
  );
  return paginate([...new Set(subjects)], options, UNLIMITED);
}

/** `GET /schemas`: every version matching the filters, by subject then version. */
export function listSchemas(
  services: Services,
  options: Page &
    DeletedFilter &
    RenderOptions & { subjectPrefix?: string; latestOnly?: boolean; ruleType?: string },
): Entity[] {
  const matches = subjectPrefixMatcher(options.subjectPrefix ?? "");
  const subjects = [...services.store.state.allSubjects()]
    .filter((s) => matches(s.ref))
    .sort((a, b) => compareStrings(a.ref.qualified, b.ref.qualified));
  const matching: { subject: SubjectState; row: VersionRecord }[] = [];
  for (const subject of subjects) {
    let rows = subject.versions.filter((v) => options.deleted || !v.deleted);
    if (options.latestOnly) rows = rows.slice(-1);
    if (options.ruleType) rows = rows.filter((v) => hasRuleType(v.content.ruleSet, options.ruleType!));
    for (const row of rows) matching.push({ subject, row });
  }
  return paginate(matching, options, SEARCH_LIMITS).map(({ subject, row }) =>
    schemaEntity(services, subject.ref, row, options),
  );
}

function hasRuleType(ruleSet: RuleSet | undefined, type: string): boolean {
  const rules = [
    ...(ruleSet?.migrationRules ?? []),
    ...(ruleSet?.domainRules ?? []),
    ...(ruleSet?.encodingRules ?? []),
  ];
  return rules.some((rule) => rule.type === type);
}

export function schemaTypes(): string[] {
  return [...SCHEMA_TYPES];
}

/** Every (context, id) whose schema has this guid (8.0+). */
function idsWithGuid(state: RegistryState, guid: string): { context: string; id: number }[] {
  const found: { context: string; id: number }[] = [];
  for (const context of state.contexts.values()) {
    for (const entry of context.ids.values()) {
      if (guidOf(entry.hash) === guid) found.push({ context: context.name, id: entry.id });
    }
  }
  return found.sort((a, b) => compareStrings(a.context, b.context) || a.id - b.id);
}

export function schemaByGuid(services: Services, guid: string, options: RenderOptions): Entity {
  const first = idsWithGuid(services.store.state, guid)[0];
  if (!first) throw errors.schemaNotFound(guid);
  const subject = first.context === DEFAULT_CONTEXT ? undefined : `:${first.context}:`;
  const {
    subject: _subject,
    version: _version,
    ...schema
  } = schemaById(services, first.id, { ...options, ...(subject ? { subject } : {}) });
  return schema;
}

export function guidIds(services: Services, guid: string): { context: string; id: number }[] {
  return idsWithGuid(services.store.state, guid);
}
