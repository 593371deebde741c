import { describe, expect, it } from "vitest";
import { describeDigestChanges, digestObserved, fingerprintOf } from "../../src/core/digest.js";
import type { RegisterAction } from "../../src/core/plan.js";
import { NeedsObservation, planTarget, PlanningError, type PlanOptions } from "../../src/core/planner.js";
import { DEFAULT_POLICY, type Policy } from "../../src/core/policy.js";
import {
  avro,
  desired,
  desiredContext,
  desiredSubject,
  observed,
  observedSubject,
  version,
} from "./builders.js";

const options: PlanOptions = { registry: "local" };
const plan = (
  d: Parameters<typeof planTarget>[0],
  o: Parameters<typeof planTarget>[1],
  policy: Partial<Policy> = {},
  opts: Partial<PlanOptions> = {},
) => planTarget(d, o, { ...DEFAULT_POLICY, ...policy }, { ...options, ...opts });

const v1 = avro("Order", ["id", "string"]);
const v2 = avro("Order", ["id", "string"], ["note", "string", ""]);
const breaking = avro("Order", ["id", "string"], ["amount", "int"]);

describe("registrations", () => {
  it("registers a new subject as version 1, compatible by definition", () => {
    const target = plan(desired([desiredSubject("orders-value", v1)]), observed([]));
    expect(target.actions).toHaveLength(1);
    expect(target.actions[0]).toMatchObject({
      kind: "register",
      id: "register:orders-value",
      reason: "new-subject",
      expectedVersion: 1,
      compatibility: { verdict: "compatible", checkedAgainst: [], level: "BACKWARD" },
    });
    expect(target.violations).toEqual([]);
  });

  it("plans nothing for a reformatted but equivalent schema", () => {
    const reformatted = `{
      "namespace": "com.acme", "name": "Order", "type": "record",
      "fields": [ { "type": {"type": "string"}, "name": "id" } ]
    }`;
    const target = plan(
      desired([desiredSubject("orders-value", reformatted)]),
      observed([observedSubject("orders-value", [version(1, v1)])]),
    );
    expect(target.actions).toEqual([]);
  });

  it("turns a schema equal to an older live version into a note", () => {
    const target = plan(
      desired([desiredSubject("orders-value", v1)]),
      observed([observedSubject("orders-value", [version(1, v1), version(2, v2)])]),
    );
    expect(target.actions).toEqual([
      expect.objectContaining({
        kind: "note",
        subject: "orders-value",
        message: expect.stringContaining("equals version 1, which is not the latest (2)"),
      }),
    ]);
  });

  it("registers a compatible change as the next version, counting soft-deleted versions", () => {
    const target = plan(
      desired([desiredSubject("orders-value", v2)]),
      observed([observedSubject("orders-value", [version(1, v1), version(2, v1, { deleted: true })])]),
    );
    expect(target.actions[0]).toMatchObject({
      kind: "register",
      reason: "changed",
      expectedVersion: 3,
      previousVersion: 1,
      previousSchema: v1,
      compatibility: { verdict: "compatible", checkedAgainst: [1] },
    });
    const diff = (target.actions[0] as RegisterAction).diff;
    expect(diff).toContain("--- orders-value version 1\n+++ schemas/default/orders-value.avsc\n");
    expect(diff).toContain('+      "name": "note",\n+      "type": "string",\n+      "default": ""');
  });

  it("blocks an incompatible change and names the field", () => {
    const target = plan(
      desired([desiredSubject("orders-value", breaking)]),
      observed([observedSubject("orders-value", [version(1, v1)])]),
    );
    const register = target.actions[0] as RegisterAction;
    expect(register.compatibility.verdict).toBe("incompatible");
    expect(register.compatibility.messages[0]).toMatchObject({
      errorType: "READER_FIELD_MISSING_DEFAULT_VALUE",
      path: "/fields/1",
    });
    expect(register.compatibility.registryMessages).toContain("{oldSchemaVersion: 1}");
    expect(target.violations).toEqual([
      expect.objectContaining({ rule: "incompatible-change", message: expect.stringContaining("'amount'") }),
    ]);
  });

  it("only warns about an incompatible change when the policy allows it", () => {
    const target = plan(
      desired([desiredSubject("orders-value", breaking)]),
      observed([observedSubject("orders-value", [version(1, v1)])]),
      { allowIncompatible: true },
    );
    expect(target.violations).toEqual([]);
    expect(target.warnings[0]).toContain("the registry itself will refuse it");
  });

  it("checks at the declared level, changing the subject config first", () => {
    const target = plan(
      desired([desiredSubject("orders-value", breaking, { settings: { compatibility: "NONE" } })]),
      observed([observedSubject("orders-value", [version(1, v1)], { config: { compatibility: "FULL" } })]),
    );
    expect(target.actions.map((a) => a.id)).toEqual(["config:orders-value", "register:orders-value"]);
    expect(target.actions[0]).toMatchObject({
      from: { compatibility: "FULL" },
      to: { compatibility: "NONE" },
    });
    expect(target.actions[1]).toMatchObject({
      dependsOn: ["config:orders-value"],
      compatibility: { level: "NONE", verdict: "compatible" },
    });
    expect(target.violations).toEqual([]);
  });

  it("inherits the context's level, then the top level, then the server default", () => {
    const inContext = plan(
      desired([desiredSubject("a-value", v2, { context: ".prod" })]),
      observed([observedSubject("a-value", [version(1, v1)], { context: ".prod" })], {
        contexts: [
          { name: ".", config: { compatibility: "NONE" }, mode: undefined },
          { name: ".prod", config: { compatibility: "FULL_TRANSITIVE" }, mode: undefined },
        ],
      }),
    );
    expect((inContext.actions[0] as RegisterAction).compatibility.level).toBe("FULL_TRANSITIVE");
    // Named contexts do not inherit the top-level config.
    const named = plan(
      desired([desiredSubject("a-value", v2, { context: ".prod" })]),
      observed([observedSubject("a-value", [version(1, v1)], { context: ".prod" })], {
        contexts: [{ name: ".", config: { compatibility: "NONE" }, mode: undefined }],
      }),
    );
    expect((named.actions[0] as RegisterAction).compatibility.level).toBe("BACKWARD");
  });

  it("takes undeclared metadata as carried over, declared metadata as identity", () => {
    const metadata = { properties: { owner: "payments" } };
    const stored = observed([observedSubject("orders-value", [version(1, v1, { metadata })])]);
    expect(plan(desired([desiredSubject("orders-value", v1)]), stored).actions).toEqual([]);
    expect(plan(desired([desiredSubject("orders-value", v1, { metadata })]), stored).actions).toEqual([]);
    const changed = plan(
      desired([desiredSubject("orders-value", v1, { metadata: { properties: { owner: "billing" } } })]),
      stored,
    );
    expect(changed.actions[0]).toMatchObject({ kind: "register", reason: "metadata-changed" });
  });

  it("reports a desired schema that cannot be parsed with its references", () => {
    const referrer = desiredSubject("order-value", avro("Order", ["total", "com.acme.Money"]), {
      references: [{ name: "com.acme.Money", subject: "money-value", version: "latest" }],
    });
    expect(() => plan(desired([referrer]), observed([]))).toThrow(PlanningError);
    expect(() => plan(desired([referrer]), observed([]))).toThrow(
      /money-value, which is neither in the repository nor in registry local/,
    );
  });
});

describe("references", () => {
  const money1 = avro("Money", ["units", "long"]);
  const money2 = avro("Money", ["units", "long"], ["currency", "string", "EUR"]);
  const order = avro("Order", ["total", "com.acme.Money"]);
  const ref = { name: "com.acme.Money", subject: "money-value", version: "latest" as const };

  it("registers the referenced subject first and resolves latest to the version it will create", () => {
    const target = plan(
      desired([
        desiredSubject("order-value", order, { references: [ref] }),
        desiredSubject("money-value", money2),
      ]),
      observed([
        observedSubject("money-value", [version(1, money1)]),
        observedSubject("order-value", [
          version(1, order, { references: [{ name: "com.acme.Money", subject: "money-value", version: 1 }] }),
        ]),
      ]),
    );
    expect(target.actions.map((a) => a.id)).toEqual(["register:money-value", "register:order-value"]);
    expect(target.actions[1]).toMatchObject({
      reason: "reference-changed",
      references: [{ name: "com.acme.Money", subject: "money-value", version: 2, createdByPlan: true }],
      dependsOn: ["register:money-value"],
      expectedVersion: 2,
    });
  });

  it("plans nothing when references already point at the latest versions", () => {
    const target = plan(
      desired([
        desiredSubject("order-value", order, { references: [ref] }),
        desiredSubject("money-value", money1),
      ]),
      observed([
        observedSubject("money-value", [version(1, money1)]),
        observedSubject("order-value", [
          version(1, order, { references: [{ name: "com.acme.Money", subject: "money-value", version: 1 }] }),
        ]),
      ]),
    );
    expect(target.actions).toEqual([]);
  });

  it("refuses a numeric version the registry does not have", () => {
    const pinned = desiredSubject("order-value", order, { references: [{ ...ref, version: 7 }] });
    expect(() =>
      plan(desired([pinned]), observed([observedSubject("money-value", [version(1, money1)])])),
    ).toThrow(/money-value version 7, which registry local does not have/);
  });
});

describe("deletions", () => {
  const stray = (name: string, context = ".") => observedSubject(name, [version(1, v1)], { context });
  const keep = desiredSubject("keep-value", v1);
  const state = observed([observedSubject("keep-value", [version(1, v1)]), stray("old-a"), stray("old-b")]);

  it("leaves subjects without a file alone under policy none, with a warning", () => {
    const target = plan(desired([keep]), state);
    expect(target.actions).toEqual([]);
    expect(target.warnings[0]).toMatch(/2 subjects in managed contexts .* no file .*old-a, old-b/);
  });

  it("soft- or hard-deletes them as the policy says", () => {
    const soft = plan(desired([keep]), state, { deletions: "soft" });
    expect(soft.actions).toEqual([
      expect.objectContaining({
        kind: "delete-subject",
        subject: "old-a",
        permanent: false,
        reason: "no-file",
        versions: [1],
      }),
      expect.objectContaining({ kind: "delete-subject", subject: "old-b", permanent: false }),
    ]);
    const hard = plan(desired([keep]), state, { deletions: "hard" });
    expect(hard.actions.every((a) => a.kind === "delete-subject" && a.permanent)).toBe(true);
  });

  it("never deletes outside the contexts the repository manages for that registry", () => {
    const target = plan(
      desired([keep]),
      observed([observedSubject("keep-value", [version(1, v1)]), stray("x", ".other")]),
      {
        deletions: "hard",
      },
    );
    expect(target.actions).toEqual([]);
    const filtered = plan(
      desired([keep, desiredSubject("y", v1, { context: ".prod" })]),
      observed([stray("x", ".prod")]),
      { deletions: "soft" },
      { contexts: ["."] },
    );
    expect(filtered.actions.map((a) => a.id)).toEqual(["register:keep-value"]);
  });

  it("refuses more deletions than maxDeletions unless mass deletion is allowed", () => {
    const target = plan(desired([keep]), state, { deletions: "soft", maxDeletions: 1 });
    expect(target.violations).toEqual([expect.objectContaining({ rule: "max-deletions" })]);
    const allowed = plan(
      desired([keep]),
      state,
      { deletions: "soft", maxDeletions: 1 },
      { allowMassDelete: true },
    );
    expect(allowed.violations).toEqual([]);
  });

  it("deletes a subject marked deleted only when the policy allows deletions", () => {
    const marked = desiredSubject("old-a", v1, { deleted: true });
    const refused = plan(desired([marked]), observed([stray("old-a")]));
    expect(refused.violations).toEqual([expect.objectContaining({ rule: "deletions-not-allowed" })]);
    const done = plan(desired([marked]), observed([stray("old-a")]), { deletions: "soft" });
    expect(done.actions).toEqual([
      expect.objectContaining({ kind: "delete-subject", reason: "marked-deleted" }),
    ]);
  });

  it("refuses to delete a subject that a remaining schema references", () => {
    const money = observedSubject("money-value", [version(1, avro("Money", ["units", "long"]))]);
    const order = observedSubject("order-value", [
      version(1, avro("Order", ["total", "com.acme.Money"]), {
        references: [{ name: "com.acme.Money", subject: "money-value", version: 1 }],
      }),
    ]);
    const target = plan(
      desired([
        desiredSubject("order-value", avro("Order", ["total", "com.acme.Money"]), {
          references: [{ name: "com.acme.Money", subject: "money-value", version: 1 }],
        }),
      ]),
      observed([money, order]),
      { deletions: "soft" },
    );
    expect(target.violations).toEqual([
      expect.objectContaining({
        rule: "referenced-subject",
        message: expect.stringContaining("order-value version 1 references it"),
      }),
    ]);
  });
});

describe("modes, read-only registries and capabilities", () => {
  it("refuses any change to a registry marked read-only", () => {
    const target = plan(desired([desiredSubject("a", v1)]), observed([]), {}, { readOnly: true });
    expect(target.violations).toEqual([expect.objectContaining({ rule: "read-only-registry" })]);
  });

  it("refuses to register into a READONLY subject unless the plan unblocks it first", () => {
    const locked = observed([observedSubject("a", [version(1, v1)], { mode: "READONLY" })]);
    expect(plan(desired([desiredSubject("a", v2)]), locked).violations).toEqual([
      expect.objectContaining({
        rule: "read-only-registry",
        message: expect.stringContaining("READONLY mode"),
      }),
    ]);
    const unblocked = plan(desired([desiredSubject("a", v2, { settings: { mode: "READWRITE" } })]), locked);
    expect(unblocked.violations).toEqual([]);
    expect(unblocked.actions.map((a) => a.id)).toEqual(["mode:a", "register:a"]);
    expect(unblocked.actions[1]!).toMatchObject({ dependsOn: ["mode:a"] });
  });

  it("locks a subject only after this plan's own writes", () => {
    const target = plan(
      desired([desiredSubject("a", v2, { settings: { mode: "READONLY" } })]),
      observed([observedSubject("a", [version(1, v1)])]),
    );
    expect(target.actions.map((a) => a.id)).toEqual(["register:a", "mode:a"]);
    expect(target.actions[1]).toMatchObject({ kind: "set-mode", to: "READONLY", dependsOn: ["register:a"] });
    expect(target.violations).toEqual([]);
  });

  it("manages context settings, the default context through the top-level config", () => {
    const target = plan(
      desired(
        [desiredSubject("a", v1)],
        [desiredContext(".", { compatibility: "FULL" }), desiredContext(".prod", { compatibility: "FULL" })],
      ),
      observed([observedSubject("a", [version(1, v1)])], {
        contexts: [
          { name: ".", config: { compatibility: "BACKWARD" }, mode: undefined },
          { name: ".prod", config: { compatibility: "FULL" }, mode: undefined },
        ],
      }),
    );
    expect(target.actions).toEqual([
      expect.objectContaining({
        kind: "set-config",
        scope: "context",
        target: ".",
        from: { compatibility: "BACKWARD" },
        to: { compatibility: "FULL" },
      }),
    ]);
  });

  it("drops non-default contexts, with a warning, on a registry without contexts", () => {
    const target = plan(
      desired([desiredSubject("a", v1), desiredSubject("b", v1, { context: ".prod" })]),
      observed([], { capabilities: { contexts: false, modes: true } }),
    );
    expect(target.actions.map((a) => a.id)).toEqual(["register:a"]);
    expect(target.warnings[0]).toContain("does not support contexts; .prod is not planned");
  });
});

describe("fingerprints", () => {
  it("summarise what was read and explain what changed", () => {
    const before = observed([observedSubject("a", [version(1, v1)], { config: { compatibility: "FULL" } })]);
    const after = observed([
      observedSubject("a", [before.subjects[0]!.versions[0]!, version(2, v2)], {
        config: { compatibility: "FULL" },
      }),
      observedSubject("b", [version(1, v1)]),
    ]);
    const d1 = digestObserved(before);
    const d2 = digestObserved(after);
    expect(fingerprintOf(d1)).toBe(fingerprintOf(digestObserved(before)));
    expect(fingerprintOf(d1)).not.toBe(fingerprintOf(d2));
    const changes = describeDigestChanges(d1, d2);
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^subject a: was v1#\d+, now v1#\d+,v2#\d+$/),
        expect.stringMatching(/^subject b: appeared/),
      ]),
    );
  });

  it("are part of every target plan", () => {
    const target = plan(desired([desiredSubject("a", v1)]), observed([]));
    expect(target.observed.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(target.observed.digest["context . config"]).toBe("-");
  });
});

describe("two-pass observation", () => {
  const unread = { config: "unknown" as const, mode: "unknown" as const };

  it("needs no subject settings for unchanged subjects", () => {
    const target = plan(
      desired([desiredSubject("a", v1)]),
      observed([observedSubject("a", [version(1, v1)], unread)]),
    );
    expect(target.actions).toEqual([]);
  });

  it("asks for the settings of changed subjects and of subjects with declared settings", () => {
    const state = observed([
      observedSubject("changed", [version(1, v1)], unread),
      observedSubject("declared", [version(1, v1)], unread),
      observedSubject("same", [version(1, v1)], unread),
    ]);
    const wanted = desired([
      desiredSubject("changed", v2),
      desiredSubject("declared", v1, { settings: { compatibility: "FULL" } }),
      desiredSubject("same", v1),
    ]);
    expect(() => plan(wanted, state)).toThrow(NeedsObservation);
    try {
      plan(wanted, state);
    } catch (err) {
      expect((err as NeedsObservation).subjects).toEqual(["changed", "declared"]);
    }
  });

  it("asks for the mode of a subject it would delete", () => {
    const state = observed([observedSubject("stray", [version(1, v1)], unread)]);
    expect(() => plan(desired([], [desiredContext(".")]), state, { deletions: "soft" })).toThrow(
      NeedsObservation,
    );
  });
});

describe("compatibility policy", () => {
  const closed = (...names: string[]) =>
    JSON.stringify({
      type: "object",
      properties: Object.fromEntries(names.map((n) => [n, { type: "string" }])),
      additionalProperties: false,
    });
  const json = { schemaType: "JSON" as const };
  const history = (config: object) =>
    observed([observedSubject("c-value", [version(1, closed("a", "b"), json)], { config })]);

  it("follows a LENIENT registry policy for JSON Schema, STRICT otherwise", () => {
    const wanted = desired([desiredSubject("c-value", closed("a"), json)]);
    const strict = plan(wanted, history({ compatibility: "BACKWARD" }));
    expect((strict.actions[0] as RegisterAction).compatibility.verdict).toBe("incompatible");
    const lenient = plan(wanted, history({ compatibility: "BACKWARD", compatibilityPolicy: "LENIENT" }));
    expect((lenient.actions[0] as RegisterAction).compatibility.verdict).toBe("compatible");
    expect(lenient.violations).toEqual([]);
  });

  it("warns that LOGICAL adds a check it does not reproduce", () => {
    const target = plan(
      desired([desiredSubject("c-value", closed("a", "b", "c"), json)]),
      history({ compatibility: "BACKWARD", compatibilityPolicy: "LOGICAL" }),
    );
    expect(target.warnings).toEqual([expect.stringContaining("c-value uses compatibilityPolicy LOGICAL")]);
  });
});
