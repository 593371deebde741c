export * from "./parse.js";
export * from "./node.js";
