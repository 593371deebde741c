// Turns desired subjects and registered versions into parseable schemas, with every reference resolved
// to its content, and keeps each parse so that no schema is parsed twice in one plan.

import { parseSchema } from "../formats/index.js";
import type { ParsedSchema, ResolvedReference, SchemaIssue } from "../formats/types.js";
import type {
  DesiredState,
  DesiredSubject,
  ObservedSubject,
  ObservedVersion,
  SchemaReference,
} from "./model.js";
import type { PlannedReference } from "./plan.js";
import { qualifyReferenceSubject } from "./identity.js";
import { parseSubject, qualifySubject } from "./subject-names.js";

export type Parsed =
  { ok: true; schema: ParsedSchema } | { ok: false; problem: string; issues?: SchemaIssue[] };

/** References nest; a chain deeper than this is a cycle the registry would not accept either. */
const MAX_REFERENCE_DEPTH = 64;

export class SchemaSources {
  private readonly observedParses = new Map<ObservedVersion, Parsed>();
  private readonly desiredParses = new Map<DesiredSubject, Parsed>();
  /** References of desired subjects once planned (`latest` resolved), filled as the planner goes. */
  readonly plannedReferences = new Map<string, PlannedReference[]>();

  constructor(
    private readonly desiredByKey: ReadonlyMap<string, DesiredSubject>,
    private readonly observedByKey: ReadonlyMap<string, ObservedSubject>,
  ) {}

  /** A registered version, parsed leniently as the registry parses stored schemas. */
  observed(context: string, version: ObservedVersion): Parsed {
    let parsed = this.observedParses.get(version);
    if (!parsed) {
      parsed = this.parse(
        () => ({
          schemaType: version.schemaType,
          schema: version.schema,
          references: this.resolveObservedRefs(context, version, 0),
        }),
        false,
      );
      this.observedParses.set(version, parsed);
    }
    return parsed;
  }

  /** A desired schema, parsed strictly as the registry parses a schema being registered. */
  desired(subject: DesiredSubject): Parsed {
    let parsed = this.desiredParses.get(subject);
    if (!parsed) {
      const key = qualifySubject(subject.context, subject.name);
      parsed = this.parse(
        () => ({
          schemaType: subject.schemaType,
          schema: subject.schema,
          references: this.resolvePlannedRefs(subject.context, this.plannedReferences.get(key) ?? [], 0),
        }),
        true,
      );
      this.desiredParses.set(subject, parsed);
    }
    return parsed;
  }

  private parse(input: () => Parameters<typeof parseSchema>[0], strict: boolean): Parsed {
    let built;
    try {
      built = input();
    } catch (err) {
      if (err instanceof UnresolvableReference) return { ok: false, problem: err.message };
      throw err;
    }
    const result = parseSchema(built, { strict });
    if (result.ok) return { ok: true, schema: result.schema };
    const first = result.errors[0];
    const where = first?.line !== undefined ? ` (line ${first.line}, column ${first.column ?? 1})` : "";
    return { ok: false, problem: `${first?.message ?? "invalid schema"}${where}`, issues: result.errors };
  }

  /** References of a registered version, each resolved to the registered version it names. */
  private resolveObservedRefs(context: string, version: ObservedVersion, depth: number): ResolvedReference[] {
    return version.references.map((ref) => this.resolveObserved(ref, context, depth));
  }

  /** References of a desired schema: to what this plan registers, or else to a registered version. */
  private resolvePlannedRefs(context: string, refs: PlannedReference[], depth: number): ResolvedReference[] {
    return refs.map((ref) => {
      const key = qualifyReferenceSubject(ref.subject, context);
      const desired = this.desiredByKey.get(key);
      if (!ref.createdByPlan || !desired) return this.resolveObserved(ref, context, depth);
      const nested = () =>
        this.resolvePlannedRefs(parseSubject(key).context, this.plannedReferences.get(key) ?? [], depth + 1);
      return resolved(ref, desired, nested, depth);
    });
  }

  private resolveObserved(ref: SchemaReference, context: string, depth: number): ResolvedReference {
    const target = this.findObserved(ref.subject, context, ref.version);
    const targetContext = parseSubject(qualifyReferenceSubject(ref.subject, context)).context;
    return resolved(ref, target, () => this.resolveObservedRefs(targetContext, target, depth + 1), depth);
  }

  private findObserved(subject: string, referrerContext: string, version: number): ObservedVersion {
    const key = qualifyReferenceSubject(subject, referrerContext);
    const found = this.observedByKey.get(key)?.versions.find((v) => v.version === version);
    if (!found) throw new UnresolvableReference(`referenced schema ${key} version ${version} was not found`);
    return found;
  }
}

class UnresolvableReference extends Error {}

/** One reference with the content it names; its own references are resolved one level deeper. */
function resolved(
  ref: SchemaReference,
  target: { schemaType: ObservedVersion["schemaType"]; schema: string },
  nested: () => ResolvedReference[],
  depth: number,
): ResolvedReference {
  if (depth > MAX_REFERENCE_DEPTH) throw new UnresolvableReference("references nest too deeply (a cycle?)");
  return {
    name: ref.name,
    subject: ref.subject,
    version: ref.version,
    schemaType: target.schemaType,
    schema: target.schema,
    references: nested(),
  };
}

/**
 * Sources for offline work (check against git): every reference resolves to the referenced subject's
 * file in the same desired state, whatever version it names. References leaving the state do not resolve.
 */
export function offlineSources(desired: DesiredState): SchemaSources {
  const byKey = new Map(desired.subjects.map((s) => [qualifySubject(s.context, s.name), s]));
  const sources = new SchemaSources(byKey, new Map());
  for (const [key, subject] of byKey) {
    sources.plannedReferences.set(
      key,
      subject.references.map((ref) => ({
        name: ref.name,
        subject: ref.subject,
        version: typeof ref.version === "number" ? ref.version : 0,
        createdByPlan: true,
      })),
    );
  }
  return sources;
}
