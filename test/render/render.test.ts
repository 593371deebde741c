import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/core/plan.js";
import { planTarget } from "../../src/core/planner.js";
import { DEFAULT_POLICY } from "../../src/core/policy.js";
import { renderPlanJson, renderPlanMarkdown, renderPlanText } from "../../src/render/index.js";
import {
  avro,
  desired,
  desiredContext,
  desiredSubject,
  observed,
  observedSubject,
  version,
} from "../core/builders.js";

/** One plan with every kind of action, a violation and a warning. */
function samplePlan(): Plan {
  const orders1 = avro("Order", ["id", "string"]);
  const target = planTarget(
    desired(
      [
        desiredSubject("orders-value", avro("Order", ["id", "string"], ["note", "string", ""])),
        desiredSubject("payments-value", avro("Payment", ["id", "string"], ["amount", "int"]), {
          context: ".prod",
        }),
        desiredSubject("customers-value", avro("Customer", ["id", "string"]), {
          settings: { mode: "READONLY" },
        }),
        desiredSubject("legacy-value", orders1),
      ],
      [desiredContext("."), desiredContext(".prod", { compatibility: "FULL" })],
    ),
    observed(
      [
        observedSubject("orders-value", [version(1, orders1, { id: 1 })]),
        observedSubject("payments-value", [version(1, avro("Payment", ["id", "string"]), { id: 2 })], {
          context: ".prod",
        }),
        observedSubject("legacy-value", [
          version(1, orders1, { id: 1 }),
          version(2, avro("Order", ["id", "string"], ["x", "int", 0]), { id: 3 }),
        ]),
        observedSubject("gone-value", [version(1, orders1, { id: 1 }), version(2, orders1, { id: 1 })]),
      ],
      {
        contexts: [
          { name: ".", config: undefined, mode: undefined },
          { name: ".prod", config: { compatibility: "BACKWARD" }, mode: undefined },
        ],
        serverVersion: "8.3.0",
      },
    ),
    { ...DEFAULT_POLICY, deletions: "soft" },
    { registry: "staging" },
  );
  return {
    formatVersion: 1,
    createdAt: "2026-11-25T00:00:00.000Z",
    tool: { name: "schemaops", version: "0.1.0" },
    source: { dir: "." },
    targets: [target],
  };
}

describe("plan renderers", () => {
  const plan = samplePlan();

  it("text: one line per action, verdicts and diffs, no colour when not asked", async () => {
    const text = renderPlanText(plan);
    expect(text).not.toContain("\u001b[");
    await expect(text).toMatchFileSnapshot("golden/plan.txt");
  });

  it("text: new subjects print whole only when all diffs are asked for", () => {
    expect(renderPlanText(plan)).not.toContain("+++ schemas/default/customers-value.avsc");
    expect(renderPlanText(plan)).toContain("+++ schemas/default/orders-value.avsc");
    expect(renderPlanText(plan, { diffs: "all" })).toContain('+  "name": "Customer",');
    expect(renderPlanText(plan, { diffs: "none" })).not.toContain("+++");
  });

  it("text: colours only on request", () => {
    const text = renderPlanText(plan, { color: true });
    expect(text).toContain("\u001b[31m");
    expect(text.replaceAll(new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, "g"), "")).toBe(
      renderPlanText(plan),
    );
  });

  it("markdown: summary table and one collapsible section per registration", async () => {
    const md = renderPlanMarkdown(plan);
    expect(md.match(/<details>/g)).toHaveLength(3);
    await expect(md).toMatchFileSnapshot("golden/plan.md");
  });

  it("json: the plan itself, round-tripping", () => {
    expect(JSON.parse(renderPlanJson(plan))).toEqual(plan);
  });

  it("says so when nothing changes", () => {
    const empty: Plan = {
      ...plan,
      targets: [{ ...plan.targets[0]!, actions: [], violations: [], warnings: [] }],
    };
    expect(renderPlanText(empty)).toContain("No changes. The registry matches the repository.");
    expect(renderPlanMarkdown(empty)).toContain("No changes: the registry matches the repository.");
  });
});
