// A plan is plain, serialisable data. Renderers, apply, the Action and the MCP server all read it;
// nothing about it is computed again after planning.

import type { CompatibilityLevel } from "../compat/levels.js";
import type { SchemaType, SourceLocation } from "../formats/types.js";
import type { ObservedDigest } from "./digest.js";
import type { ManagedConfig, Metadata, Mode, Origin, RuleSet, SchemaReference } from "./model.js";

/** Saved plans with another format version are refused. */
export const PLAN_FORMAT_VERSION = 1;

export type ActionId = string;

export interface CompatibilityMessage {
  errorType: string;
  path?: string;
  description: string;
  /** The old version the problem was found against. */
  version?: number;
  /** Where the problem sits in the desired schema file. */
  location?: SourceLocation;
  quirk?: string;
}

export interface CompatibilityVerdict {
  level: CompatibilityLevel;
  verdict: "compatible" | "incompatible" | "skipped";
  /** The registry versions compared, newest first. */
  checkedAgainst: number[];
  messages: CompatibilityMessage[];
  /** The registry's own message list, for look-alike output. */
  registryMessages: string[];
  source: "offline" | "registry";
  /** Why the check was skipped, when it was. */
  skippedBecause?: string;
  /** With --verify-with-registry: the registry's own verdict, kept when it disagrees with ours. */
  registryVerdict?: { verdict: "compatible" | "incompatible"; messages: string[] };
}

/** A reference as it will be sent: `latest` already resolved to a number. */
export interface PlannedReference extends SchemaReference {
  /** True when `version` is the version another action of this plan will create. */
  createdByPlan?: boolean;
}

export interface RegisterAction {
  kind: "register";
  id: ActionId;
  subject: string;
  context: string;
  schemaType: SchemaType;
  schema: string;
  references: PlannedReference[];
  metadata?: Metadata;
  ruleSet?: RuleSet;
  normalize: boolean;
  reason: "new-subject" | "changed" | "reference-changed" | "metadata-changed";
  /** The latest live version's schema text; absent for a new subject. */
  previousSchema?: string;
  /** Unified diff of the latest version and the desired schema, both in indented canonical form. */
  diff: string;
  previousVersion?: number;
  /** The version number this registration is expected to get. */
  expectedVersion: number;
  compatibility: CompatibilityVerdict;
  dependsOn: ActionId[];
  origin: Origin;
}

export type SettingScope = "global" | "context" | "subject";

export interface SetConfigAction {
  kind: "set-config";
  id: ActionId;
  scope: SettingScope;
  /** "." for the top-level config, a context name, or a subject. */
  target: string;
  context: string;
  from: ManagedConfig | undefined;
  to: ManagedConfig;
  dependsOn: ActionId[];
  origin?: Origin;
}

export interface SetModeAction {
  kind: "set-mode";
  id: ActionId;
  scope: SettingScope;
  target: string;
  context: string;
  from: Mode | undefined;
  to: Mode;
  dependsOn: ActionId[];
  origin?: Origin;
}

export interface DeleteSubjectAction {
  kind: "delete-subject";
  id: ActionId;
  subject: string;
  context: string;
  permanent: boolean;
  /** The live versions the delete removes. */
  versions: number[];
  reason: "no-file" | "marked-deleted";
  dependsOn: ActionId[];
}

export interface NoteAction {
  kind: "note";
  id: ActionId;
  subject: string;
  context: string;
  message: string;
}

export type Action = RegisterAction | SetConfigAction | SetModeAction | DeleteSubjectAction | NoteAction;

/** Why a plan may not be applied as it stands; exit code 3. */
export interface PolicyViolation {
  rule:
    | "incompatible-change"
    | "max-deletions"
    | "read-only-registry"
    | "deletions-not-allowed"
    | "referenced-subject";
  message: string;
  actionIds: ActionId[];
}

export interface TargetPlan {
  registry: string;
  observed: {
    fingerprint: string;
    /** What was read, scope by scope; apply compares it with the registry to refuse a stale plan. */
    digest: ObservedDigest;
    serverVersion?: string;
  };
  actions: Action[];
  violations: PolicyViolation[];
  /** Things a reader should know that are not actions: degraded capabilities, skipped contexts. */
  warnings: string[];
}

export interface Plan {
  formatVersion: typeof PLAN_FORMAT_VERSION;
  createdAt: string;
  tool: { name: "schemaops"; version: string };
  source: { dir: string; gitCommit?: string };
  targets: TargetPlan[];
}

/** Actions that change something (notes do not). */
export function changesOf(target: TargetPlan): Exclude<Action, NoteAction>[] {
  return target.actions.filter((a): a is Exclude<Action, NoteAction> => a.kind !== "note");
}

export function hasChanges(plan: Plan): boolean {
  return plan.targets.some((t) => changesOf(t).length > 0);
}

export function hasViolations(plan: Plan): boolean {
  return plan.targets.some((t) => t.violations.length > 0);
}
