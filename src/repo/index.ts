// Reading and writing the repository format: schemaops.yaml and the schemas/ tree.

export {
  loadProject,
  type LoadOptions,
  type LoadResult,
  type Project,
  type ProjectFileInfo,
} from "./load.js";
export { formatIssue, type RepoIssue } from "./issues.js";
export {
  readProjectConfig,
  PROJECT_FILE,
  type ProjectConfig,
  type RegistryConfig,
  type RegistryAuthConfig,
  type Validation,
} from "./config.js";
export type { Environment } from "./env.js";
export { LINT_RULES, type LintRule } from "./lint.js";
export {
  writeRepository,
  type WriteRequest,
  type WriteResult,
  type SubjectToWrite,
  type ContextToWrite,
} from "./write.js";
