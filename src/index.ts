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
