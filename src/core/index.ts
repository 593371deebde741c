export * from "./model.js";
export * from "./plan.js";
export * from "./policy.js";
export * from "./planner.js";
export * from "./digest.js";
export * from "./secret.js";
export * from "./subject-names.js";
export { effectiveSettings, type EffectiveSettings } from "./effective.js";
