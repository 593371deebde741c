// The planner: a pure function of (desired state, observed state, policy) to the actions that bring one
// registry to the desired state, each with its reason and, for registrations, its compatibility verdict.

import { checkParsedCompatibility, type ParsedPrevious } from "../compat/check.js";
import type { ParsedSchema } from "../formats/types.js";
import { digestObserved, fingerprintOf } from "./digest.js";
import { effectiveMode, effectiveSettings } from "./effective.js";
import {
  qualifyReferenceSubject,
  sameMetadata,
  sameReferences,
  sameRuleSet,
  sameSchemaContent,
} from "./identity.js";
import type {
  DesiredContext,
  DesiredState,
  DesiredSubject,
  Mode,
  ObservedState,
  ObservedSubject,
  ObservedVersion,
} from "./model.js";
import type {
  Action,
  CompatibilityVerdict,
  DeleteSubjectAction,
  NoteAction,
  PlannedReference,
  PolicyViolation,
  RegisterAction,
  SetConfigAction,
  SetModeAction,
  TargetPlan,
} from "./plan.js";
import { configAction, isWritableMode, modeAction, UnreadScopeError } from "./plan-settings.js";
import { orderActions } from "./plan-order.js";
import type { Policy } from "./policy.js";
import { SchemaSources } from "./schema-inputs.js";
import { displayText } from "./schema-display.js";
import { unifiedDiff } from "./text-diff.js";
import { DEFAULT_CONTEXT, qualifySubject } from "./subject-names.js";

export interface PlanOptions {
  /** The registry's name in schemaops.yaml. */
  registry: string;
  /** The contexts this registry receives; every context of the repository when absent. */
  contexts?: readonly string[];
  /** `readOnly: true` in schemaops.yaml: the plan may be shown but never applied. */
  readOnly?: boolean;
  /** --allow-mass-delete: lift `maxDeletions`. */
  allowMassDelete?: boolean;
}

/**
 * The planner needs subject-level settings the observer did not read. Reading every subject's config
 * and mode would cost two requests per subject; the observer reads them only for these subjects (those
 * with declared settings or with something to change) and plans again.
 */
export class NeedsObservation extends Error {
  constructor(readonly subjects: string[]) {
    super(`subject settings to read: ${subjects.length}`);
    this.name = "NeedsObservation";
  }
}

/** Input the planner cannot plan from (a reference to nothing, a schema that does not parse). */
export class PlanningError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "PlanningError";
  }
}

/** The contexts of the desired state that this registry receives. */
export function managedContexts(desired: DesiredState, options: Pick<PlanOptions, "contexts">): Set<string> {
  const all = new Set([...desired.contexts.map((c) => c.name), ...desired.subjects.map((s) => s.context)]);
  if (!options.contexts) return all;
  const wanted = new Set(options.contexts);
  return new Set([...all].filter((c) => wanted.has(c)));
}

export function planTarget(
  desired: DesiredState,
  observed: ObservedState,
  policy: Policy,
  options: PlanOptions,
): TargetPlan {
  return new TargetPlanner(desired, observed, policy, options).plan();
}

const key = (context: string, name: string) => qualifySubject(context, name);

class TargetPlanner {
  private readonly warnings: string[] = [];
  private readonly problems: string[] = [];
  /** Subjects whose config and mode must be read before the plan can be finished. */
  private readonly needs = new Set<string>();
  private readonly violations: PolicyViolation[] = [];
  private readonly contexts: Set<string>;
  private readonly desiredByKey = new Map<string, DesiredSubject>();
  private readonly observedByKey = new Map<string, ObservedSubject>();
  private readonly desiredContexts = new Map<string, DesiredContext>();
  private readonly sources: SchemaSources;
  private readonly registers = new Map<string, RegisterAction>();
  private readonly configActions: SetConfigAction[] = [];
  private readonly modeActions: SetModeAction[] = [];
  private readonly deletes: DeleteSubjectAction[] = [];
  private readonly notes: NoteAction[] = [];

  constructor(
    private readonly desired: DesiredState,
    private readonly observed: ObservedState,
    private readonly policy: Policy,
    private readonly options: PlanOptions,
  ) {
    this.contexts = managedContexts(desired, options);
    if (!observed.capabilities.contexts) {
      const dropped = [...this.contexts].filter((c) => c !== DEFAULT_CONTEXT).sort();
      if (dropped.length > 0) {
        this.warnings.push(
          `registry ${options.registry} does not support contexts; ${dropped.join(", ")} ${dropped.length === 1 ? "is" : "are"} not planned`,
        );
        for (const c of dropped) this.contexts.delete(c);
      }
    }
    for (const context of desired.contexts)
      if (this.contexts.has(context.name)) this.desiredContexts.set(context.name, context);
    for (const subject of desired.subjects) {
      if (this.contexts.has(subject.context))
        this.desiredByKey.set(key(subject.context, subject.name), subject);
    }
    for (const subject of observed.subjects)
      this.observedByKey.set(key(subject.context, subject.name), subject);
    this.sources = new SchemaSources(this.desiredByKey, this.observedByKey);
  }

  plan(): TargetPlan {
    try {
      this.planSettings();
    } catch (err) {
      if (!(err instanceof UnreadScopeError)) throw err;
      this.problems.push(err.message);
    }
    for (const subject of this.inReferenceOrder()) this.planSubject(subject);
    this.planDeletions();
    if (this.problems.length > 0) throw new PlanningError(this.problems);
    this.checkWritableModes();
    if (this.needs.size > 0) throw new NeedsObservation([...this.needs].sort());

    const actions: Action[] = orderActions({
      configs: this.configActions,
      modes: this.modeActions,
      registers: [...this.registers.values()],
      deletes: this.deletes,
    });
    actions.push(...this.notes);
    this.checkPolicy(actions);

    const digest = digestObserved(this.observed, this.contexts);
    const target: TargetPlan = {
      registry: this.options.registry,
      observed: { fingerprint: fingerprintOf(digest), digest },
      actions,
      violations: this.violations,
      warnings: this.warnings,
    };
    if (this.observed.serverVersion) target.observed.serverVersion = this.observed.serverVersion;
    return target;
  }

  // --- settings -------------------------------------------------------------------------------------

  private planSettings(): void {
    for (const context of [...this.desiredContexts.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const observedContext = this.observed.contexts.find((c) => c.name === context.name);
      const where = {
        scope: "context" as const,
        target: context.name,
        context: context.name,
        origin: context.origin,
      };
      this.push(configAction(where, context.settings, observedContext ? observedContext.config : undefined));
      this.push(modeAction(where, context.settings.mode, observedContext ? observedContext.mode : undefined));
    }
    for (const [subjectKey, subject] of this.desiredByKey) {
      if (subject.deleted) continue;
      const observedSubject = this.observedByKey.get(subjectKey);
      const declared = Object.values(subject.settings).some((v) => v !== undefined);
      if (declared && this.unread(observedSubject)) {
        this.needs.add(subjectKey);
        continue;
      }
      const where = {
        scope: "subject" as const,
        target: subjectKey,
        context: subject.context,
        origin: subject.origin,
      };
      this.push(configAction(where, subject.settings, observedSubject ? observedSubject.config : undefined));
      this.push(modeAction(where, subject.settings.mode, observedSubject ? observedSubject.mode : undefined));
    }
  }

  /** True when the subject exists but its config or mode was not read. */
  private unread(observedSubject: ObservedSubject | undefined): boolean {
    return (
      observedSubject !== undefined &&
      (observedSubject.config === "unknown" || observedSubject.mode === "unknown")
    );
  }

  private push(action: SetConfigAction | SetModeAction | undefined): void {
    if (action?.kind === "set-config") this.configActions.push(action);
    else if (action?.kind === "set-mode") this.modeActions.push(action);
  }

  // --- registrations --------------------------------------------------------------------------------

  /** Desired subjects with referenced subjects before their referrers. */
  private inReferenceOrder(): DesiredSubject[] {
    const ordered: DesiredSubject[] = [];
    const state = new Map<string, "visiting" | "done">();
    const visit = (subjectKey: string, subject: DesiredSubject, path: string[]) => {
      const seen = state.get(subjectKey);
      if (seen === "done") return;
      if (seen === "visiting") {
        this.problems.push(`reference cycle: ${[...path, subjectKey].join(" -> ")}`);
        return;
      }
      state.set(subjectKey, "visiting");
      for (const ref of subject.references) {
        const targetKey = qualifyReferenceSubject(ref.subject, subject.context);
        const target = this.desiredByKey.get(targetKey);
        if (target) visit(targetKey, target, [...path, subjectKey]);
      }
      state.set(subjectKey, "done");
      ordered.push(subject);
    };
    const keys = [...this.desiredByKey.keys()].sort();
    for (const subjectKey of keys) visit(subjectKey, this.desiredByKey.get(subjectKey)!, []);
    return ordered;
  }

  private planSubject(subject: DesiredSubject): void {
    if (subject.deleted) return;
    const subjectKey = key(subject.context, subject.name);
    const observedSubject = this.observedByKey.get(subjectKey);
    const references = this.resolveReferences(subject);
    if (!references) return;
    this.sources.plannedReferences.set(subjectKey, references.refs);

    const parsed = this.sources.desired(subject);
    if (!parsed.ok) {
      this.problems.push(`${subject.origin.file}: ${parsed.problem}`);
      return;
    }
    const live = (observedSubject?.versions ?? []).filter((v) => !v.deleted);
    const latest = live.at(-1);
    // Equal without normalizing means equal whatever the settings: no need to read them.
    if (latest && this.sameAs(subject, parsed.schema, references.refs, latest, false)) return;
    if (this.unread(observedSubject)) {
      this.needs.add(subjectKey);
      return;
    }
    const settings = effectiveSettings(
      this.observed,
      subject.context,
      observedSubject,
      subject,
      this.desiredContexts.get(subject.context),
    );
    const match = this.findMatchingVersion(subject, parsed.schema, references.refs, live, settings.normalize);
    if (match && match === latest) return;
    if (match) {
      this.notes.push({
        kind: "note",
        id: `note:${subjectKey}`,
        subject: subject.name,
        context: subject.context,
        message:
          `desired schema equals version ${match.version}, which is not the latest (${latest!.version}); ` +
          `registering it again would return version ${match.version} and not make it the latest`,
      });
      return;
    }

    const allVersions = observedSubject?.versions ?? [];
    const action: RegisterAction = {
      kind: "register",
      id: `register:${subjectKey}`,
      subject: subject.name,
      context: subject.context,
      schemaType: subject.schemaType,
      schema: subject.schema,
      references: references.refs,
      normalize: settings.normalize,
      reason: this.reasonFor(subject, parsed.schema, references.refs, latest, settings.normalize),
      expectedVersion: Math.max(0, ...allVersions.map((v) => v.version)) + 1,
      compatibility: this.verdictFor(subject, parsed.schema, live, settings),
      diff: this.diffFor(subject, parsed.schema, latest),
      dependsOn: references.dependsOn,
      origin: subject.origin,
    };
    if (subject.metadata) action.metadata = subject.metadata;
    if (subject.ruleSet) action.ruleSet = subject.ruleSet;
    if (latest) {
      action.previousSchema = latest.schema;
      action.previousVersion = latest.version;
    }
    this.registers.set(subjectKey, action);
  }

  /** `latest` becomes the version the referenced subject has after apply. */
  private resolveReferences(
    subject: DesiredSubject,
  ): { refs: PlannedReference[]; dependsOn: string[] } | undefined {
    const refs: PlannedReference[] = [];
    const dependsOn: string[] = [];
    for (const ref of subject.references) {
      const targetKey = qualifyReferenceSubject(ref.subject, subject.context);
      const pending = this.registers.get(targetKey);
      const observedTarget = this.observedByKey.get(targetKey);
      const liveTarget = observedTarget?.versions.filter((v) => !v.deleted) ?? [];
      if (pending) dependsOn.push(pending.id);
      if (ref.version === "latest") {
        if (pending) {
          refs.push({
            name: ref.name,
            subject: ref.subject,
            version: pending.expectedVersion,
            createdByPlan: true,
          });
        } else if (liveTarget.length > 0) {
          refs.push({ name: ref.name, subject: ref.subject, version: liveTarget.at(-1)!.version });
        } else if (this.desiredByKey.has(targetKey)) {
          // The target is desired but could not be planned; its own problem is already reported.
          return undefined;
        } else {
          this.problems.push(
            `${subject.origin.file}: reference "${ref.name}" names subject ${targetKey}, which is neither in the repository nor in registry ${this.options.registry}`,
          );
          return undefined;
        }
        continue;
      }
      const exists = observedTarget?.versions.some((v) => v.version === ref.version && !v.deleted);
      if (exists) refs.push({ name: ref.name, subject: ref.subject, version: ref.version });
      else if (pending && pending.expectedVersion === ref.version) {
        refs.push({ name: ref.name, subject: ref.subject, version: ref.version, createdByPlan: true });
      } else {
        this.problems.push(
          `${subject.origin.file}: reference "${ref.name}" names ${targetKey} version ${ref.version}, which registry ${this.options.registry} does not have`,
        );
        return undefined;
      }
    }
    return { refs, dependsOn };
  }

  private sameAs(
    subject: DesiredSubject,
    parsed: ParsedSchema,
    refs: PlannedReference[],
    version: ObservedVersion,
    normalize: boolean,
  ): boolean {
    if (version.schemaType !== subject.schemaType) return false;
    if (!sameReferences(refs, version.references, subject.context)) return false;
    // Undeclared metadata and rule sets are carried over by the registry from the previous version.
    if (subject.metadata && !sameMetadata(subject.metadata, version.metadata)) return false;
    if (subject.ruleSet && !sameRuleSet(subject.ruleSet, version.ruleSet)) return false;
    if (version.schema === parsed.canonical()) return true;
    const stored = this.sources.observed(subject.context, version);
    return stored.ok && sameSchemaContent(parsed, stored.schema, normalize);
  }

  /** The newest live version the desired schema equals, if any: the registry would return it. */
  private findMatchingVersion(
    subject: DesiredSubject,
    parsed: ParsedSchema,
    refs: PlannedReference[],
    live: ObservedVersion[],
    normalize: boolean,
  ): ObservedVersion | undefined {
    for (let i = live.length - 1; i >= 0; i--) {
      if (this.sameAs(subject, parsed, refs, live[i]!, normalize)) return live[i];
    }
    return undefined;
  }

  private reasonFor(
    subject: DesiredSubject,
    parsed: ParsedSchema,
    refs: PlannedReference[],
    latest: ObservedVersion | undefined,
    normalize: boolean,
  ): RegisterAction["reason"] {
    if (!latest) return "new-subject";
    if (latest.schemaType !== subject.schemaType) return "changed";
    const stored = this.sources.observed(subject.context, latest);
    const sameContent =
      latest.schema === parsed.canonical() ||
      (stored.ok && sameSchemaContent(parsed, stored.schema, normalize));
    if (!sameContent) return "changed";
    return sameReferences(refs, latest.references, subject.context)
      ? "metadata-changed"
      : "reference-changed";
  }

  private diffFor(
    subject: DesiredSubject,
    parsed: ParsedSchema,
    latest: ObservedVersion | undefined,
  ): string {
    const stored = latest && this.sources.observed(subject.context, latest);
    const before = !stored ? "" : stored.ok ? displayText(stored.schema) : latest!.schema;
    const oldLabel = latest ? `${key(subject.context, subject.name)} version ${latest.version}` : "/dev/null";
    return unifiedDiff(before, displayText(parsed), { oldLabel, newLabel: subject.origin.file });
  }

  private verdictFor(
    subject: DesiredSubject,
    candidate: ParsedSchema,
    live: ObservedVersion[],
    settings: ReturnType<typeof effectiveSettings>,
  ): CompatibilityVerdict {
    const base = {
      level: settings.compatibility,
      checkedAgainst: [],
      messages: [],
      registryMessages: [],
      source: "offline" as const,
    };
    if (live.length === 0) return { ...base, verdict: "compatible" };
    if (settings.mode === "IMPORT") {
      return {
        ...base,
        verdict: "skipped",
        skippedBecause: "the subject is in IMPORT mode, where the registry does not check compatibility",
      };
    }
    const previous: ParsedPrevious[] = [];
    for (const version of live) {
      const parsed = this.sources.observed(subject.context, version);
      if (!parsed.ok) {
        return {
          ...base,
          verdict: "skipped",
          skippedBecause: `version ${version.version} cannot be read: ${parsed.problem}`,
        };
      }
      previous.push({ schema: parsed.schema, version: version.version, metadata: version.metadata });
    }
    const result = checkParsedCompatibility(
      { schema: candidate, metadata: subject.metadata ?? live.at(-1)?.metadata },
      previous,
      settings.compatibility,
      {
        validateFields: settings.validateFields,
        compatibilityGroup: settings.compatibilityGroup,
        // Only JSON Schema reads the policy; LOGICAL adds a check of its own on top of STRICT.
        policy: settings.compatibilityPolicy === "LENIENT" ? "LENIENT" : "STRICT",
      },
    );
    if (settings.compatibilityPolicy === "LOGICAL") this.warnLogicalPolicy(subject);
    return {
      ...base,
      verdict: result.compatible ? "compatible" : "incompatible",
      checkedAgainst: result.checkedAgainst,
      registryMessages: result.messages,
      messages: result.problems.map((p) => {
        const message: CompatibilityVerdict["messages"][number] = {
          errorType: p.errorType,
          description: p.description,
        };
        if (p.path !== undefined) message.path = p.path;
        if (p.version !== undefined) message.version = p.version;
        if (p.location) message.location = p.location;
        if (p.quirk) message.quirk = p.quirk;
        return message;
      }),
    };
  }

  private warnLogicalPolicy(subject: DesiredSubject): void {
    this.warnings.push(
      `${key(subject.context, subject.name)} uses compatibilityPolicy LOGICAL: the registry adds a logical-type check ` +
        "that schemaops does not reproduce, so the registry may refuse what this plan calls compatible",
    );
  }

  // --- deletions ------------------------------------------------------------------------------------

  private planDeletions(): void {
    const unmanaged: string[] = [];
    for (const [subjectKey, observedSubject] of this.observedByKey) {
      if (!this.contexts.has(observedSubject.context)) continue;
      const live = observedSubject.versions.filter((v) => !v.deleted);
      if (live.length === 0) continue;
      const desired = this.desiredByKey.get(subjectKey);
      if (desired && !desired.deleted) continue;
      const reason = desired ? "marked-deleted" : "no-file";
      if (this.policy.deletions === "none") {
        if (reason === "no-file") unmanaged.push(subjectKey);
        else {
          this.violations.push({
            rule: "deletions-not-allowed",
            message: `${subjectKey} is marked deleted in ${desired!.origin.file}, but policy.deletions is "none"`,
            actionIds: [],
          });
        }
        continue;
      }
      this.deletes.push({
        kind: "delete-subject",
        id: `delete:${subjectKey}`,
        subject: observedSubject.name,
        context: observedSubject.context,
        permanent: this.policy.deletions === "hard",
        versions: live.map((v) => v.version),
        reason,
        dependsOn: [],
      });
    }
    if (unmanaged.length > 0) {
      const shown = unmanaged.sort().slice(0, 10).join(", ");
      const more = unmanaged.length > 10 ? ` and ${unmanaged.length - 10} more` : "";
      this.warnings.push(
        `${unmanaged.length} subject${unmanaged.length === 1 ? "" : "s"} in managed contexts of registry ${this.options.registry} ${unmanaged.length === 1 ? "has" : "have"} no file and ${unmanaged.length === 1 ? "is" : "are"} left alone (policy.deletions is "none"): ${shown}${more}`,
      );
    }
    this.checkDeletedReferences();
  }

  /** The registry refuses to delete a schema that a remaining schema references (42206). */
  private checkDeletedReferences(): void {
    const deleted = new Map(this.deletes.map((d) => [key(d.context, d.subject), d]));
    for (const [subjectKey, observedSubject] of this.observedByKey) {
      if (deleted.has(subjectKey)) continue;
      for (const version of observedSubject.versions) {
        if (version.deleted) continue;
        for (const ref of version.references) {
          const target = deleted.get(qualifyReferenceSubject(ref.subject, observedSubject.context));
          if (!target) continue;
          this.violations.push({
            rule: "referenced-subject",
            message: `${key(target.context, target.subject)} cannot be deleted: ${subjectKey} version ${version.version} references it`,
            actionIds: [target.id],
          });
        }
      }
    }
    // Among deleted subjects, referrers go first.
    for (const action of this.deletes) {
      const referrer = this.observedByKey.get(key(action.context, action.subject));
      for (const version of referrer?.versions ?? []) {
        for (const ref of version.references) {
          const target = deleted.get(qualifyReferenceSubject(ref.subject, action.context));
          if (target && target !== action && !target.dependsOn.includes(action.id))
            target.dependsOn.push(action.id);
        }
      }
    }
  }

  // --- policy ---------------------------------------------------------------------------------------

  private checkPolicy(actions: Action[]): void {
    const changes = actions.filter((a) => a.kind !== "note");
    if (this.options.readOnly && changes.length > 0) {
      this.violations.push({
        rule: "read-only-registry",
        message: `registry ${this.options.registry} is read-only in schemaops.yaml; the plan can be shown but not applied`,
        actionIds: changes.map((a) => a.id),
      });
    }
    const incompatible = [...this.registers.values()].filter(
      (r) => r.compatibility.verdict === "incompatible",
    );
    if (incompatible.length > 0) {
      const names = incompatible.map((r) => key(r.context, r.subject)).join(", ");
      if (this.policy.allowIncompatible) {
        this.warnings.push(
          `incompatible change${incompatible.length === 1 ? "" : "s"} allowed by policy for ${names}; the registry itself will refuse ${incompatible.length === 1 ? "it" : "them"} unless the compatibility level is lowered`,
        );
      } else {
        for (const r of incompatible) {
          const first = r.compatibility.messages[0];
          this.violations.push({
            rule: "incompatible-change",
            message: `${key(r.context, r.subject)} is incompatible at ${r.compatibility.level}${first ? `: ${first.description}` : ""}`,
            actionIds: [r.id],
          });
        }
      }
    }
    if (this.deletes.length > this.policy.maxDeletions && !this.options.allowMassDelete) {
      this.violations.push({
        rule: "max-deletions",
        message: `the plan deletes ${this.deletes.length} subjects, more than policy.maxDeletions (${this.policy.maxDeletions}); use --allow-mass-delete if that is intended`,
        actionIds: this.deletes.map((d) => d.id),
      });
    }
  }

  /** Registrations and deletions need a writable subject when they run, after unblocking mode changes. */
  private checkWritableModes(): void {
    // Only mode changes to READWRITE run before the writes (plan-order.ts); the others run after them.
    const unblocking = (mode: Mode | undefined) => (mode === "READWRITE" ? mode : undefined);
    for (const action of [...this.registers.values(), ...this.deletes]) {
      const subjectKey = key(action.context, action.subject);
      if (this.unread(this.observedByKey.get(subjectKey))) {
        this.needs.add(subjectKey);
        continue;
      }
      const mode = effectiveMode(
        this.observed,
        action.context,
        this.observedByKey.get(subjectKey),
        unblocking(this.desiredByKey.get(subjectKey)?.settings.mode),
        unblocking(this.desiredContexts.get(action.context)?.settings.mode),
      );
      // IMPORT mode refuses registrations without an id but allows deletions.
      if (isWritableMode(mode) || (mode === "IMPORT" && action.kind === "delete-subject")) continue;
      const verb = action.kind === "register" ? "registering" : "deleting";
      this.violations.push({
        rule: "read-only-registry",
        message: `${subjectKey} is in ${mode} mode in registry ${this.options.registry}; ${verb} is refused`,
        actionIds: [action.id],
      });
    }
  }
}
