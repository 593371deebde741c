// The plan itself, as JSON: the machine-readable form and the saved plan file.

import type { Plan } from "../core/plan.js";

export function renderPlanJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
