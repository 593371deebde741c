// The public library API of schemaops: the same functions the command line, the Action and the MCP
// server use.

export {
  checkCompatibility,
  checkParsedCompatibility,
  InvalidSchemaError,
  type CandidateInput,
  type PreviousInput,
  type CompatibilityOptions,
  type CompatibilityResult,
  type CompatibilityProblem,
  type CompatibilityMetadata,
} from "./compat/check.js";
export {
  COMPATIBILITY_LEVELS,
  parseCompatibilityLevel,
  type CompatibilityLevel,
  type CompatibilityPolicy,
} from "./compat/levels.js";
export { formatFor, parseSchema, schemaTypeOf, isSchemaType } from "./formats/index.js";
export type {
  SchemaType,
  SchemaInput,
  ResolvedReference,
  ParsedSchema,
  ParseResult,
  SchemaIssue,
  SourceLocation,
  Finding,
} from "./formats/types.js";
export {
  loadProject,
  formatIssue,
  writeRepository,
  type Project,
  type LoadResult,
  type RepoIssue,
} from "./repo/index.js";
export {
  planProject as plan,
  applyPlan as apply,
  importRegistry,
  checkAgainstGit,
  connectRegistry,
  StalePlanError,
  PolicyRefusalError,
  type ApplyReport,
} from "./ops/index.js";
export {
  createEmbeddedRegistry,
  type EmbeddedRegistry,
  type EmbeddedRegistryOptions,
} from "./embedded/index.js";
export { createRegistryClient, RegistryError, type RegistryClient } from "./registry/index.js";
export { renderPlanText, renderPlanMarkdown, renderPlanJson } from "./render/index.js";
export type { Plan, TargetPlan, Action, RegisterAction } from "./core/plan.js";
export type { DesiredState, ObservedState } from "./core/model.js";
export { Secret } from "./core/secret.js";
