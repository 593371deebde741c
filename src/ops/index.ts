export {
  planProject,
  planRegistry,
  selectRegistries,
  UnknownRegistryError,
  type PlanRunOptions,
} from "./plan.js";
export {
  applyPlan,
  applyTarget,
  ensureFresh,
  StalePlanError,
  PolicyRefusalError,
  type ApplyReport,
  type ApplyEvent,
  type ApplyOptions,
  type ApplyPlanOptions,
} from "./apply.js";
export { importRegistry, type ImportOptions, type ImportResult } from "./import.js";
export { checkAgainstGit, type CheckResult, type SubjectCheck } from "./check.js";
export { connectRegistry, type RegistryConnection } from "./connect.js";
export { observeRegistry } from "./observe.js";
