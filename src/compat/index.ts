export * from "./levels.js";
export * from "./check.js";
