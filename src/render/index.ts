export { renderPlanText, type TextOptions } from "./text.js";
export { renderPlanMarkdown } from "./markdown.js";
export { renderPlanJson } from "./json.js";
export { summarize, summaryLine, type TargetSummary } from "./summary.js";
