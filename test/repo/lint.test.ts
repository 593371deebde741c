import { describe, expect, it } from "vitest";
import { formatIssue, LINT_RULES } from "../../src/repo/index.js";
import { avroRecord, lines, loadValid } from "./tree.js";

const record = (name: string, namespace = "com.acme"): string =>
  avroRecord(name, namespace, '{"name": "id", "type": "string"}');

async function findings(tree: Record<string, string>, rule: string): Promise<string[]> {
  const { warnings } = await loadValid(tree);
  return warnings.filter((w) => w.rule === rule).map(formatIssue);
}

describe("lint rules", () => {
  it("each have a distinct id", () => {
    const ids = LINT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("avro-namespace: flags a top-level named type without a namespace, at its name", async () => {
    const tree = {
      "schemas/default/a-value.avsc": lines(
        "{",
        '  "type": "record",',
        '  "name": "Account",',
        '  "fields": []',
        "}",
      ),
      "schemas/default/b-value.avsc": record("com.acme.Dotted", ""),
      "schemas/default/c-value.avsc": record("WithNamespace"),
      "schemas/default/d-value.avsc": '[{"type": "enum", "name": "Colour", "symbols": ["RED"]}, "string"]',
    };
    expect(await findings(tree, "avro-namespace")).toEqual([
      'schemas/default/a-value.avsc:3:11: Avro record "Account" has no namespace; a namespace keeps its full name unique and gives generated code a package [avro-namespace]',
      'schemas/default/d-value.avsc:1:27: Avro enum "Colour" has no namespace; a namespace keeps its full name unique and gives generated code a package [avro-namespace]',
    ]);
  });

  it("topic-subject-name: flags subjects without -key/-value, except shared types others reference", async () => {
    const tree = {
      "schemas/default/money.avsc": avroRecord("Money", "com.acme", '{"name": "units", "type": "long"}'),
      "schemas/default/orders-value.avsc": avroRecord(
        "Order",
        "com.acme",
        '{"name": "m", "type": "com.acme.Money"}',
      ),
      "schemas/default/orders-key.avsc": '"string"',
      "schemas/default/orders.avsc": record("Orders"),
    };
    expect(await findings(tree, "topic-subject-name")).toEqual([
      'schemas/default/orders.avsc:1:1: subject "orders" does not follow TopicNameStrategy (<topic>-key or <topic>-value); clients using the default strategy will not find it [topic-subject-name]',
    ]);
  });

  it("redundant-setting: flags a sidecar repeating its context's setting, from context.yaml or the defaults", async () => {
    const tree = {
      "schemaops.yaml": lines("defaults:", "  normalize: true"),
      "schemas/production/context.yaml": lines("compatibility: FULL"),
      "schemas/production/a-value.avsc": record("A"),
      "schemas/production/a-value.yaml": lines("compatibility: full", "normalize: true", "mode: READONLY"),
    };
    expect(await findings(tree, "redundant-setting")).toEqual([
      'schemas/production/a-value.yaml:1:1: compatibility FULL is already the setting of context ".production"; remove it unless the subject must keep it when the context changes [redundant-setting]',
      'schemas/production/a-value.yaml:2:1: normalize true is already the setting of context ".production"; remove it unless the subject must keep it when the context changes [redundant-setting]',
    ]);
  });

  it("yml-extension: flags .yml files, which are never read", async () => {
    const tree = {
      "schemas/default/a-value.avsc": record("A"),
      "schemas/default/a-value.yml": lines("compatibility: FULL"),
    };
    expect(await findings(tree, "yml-extension")).toEqual([
      "schemas/default/a-value.yml:1:1: not read: sidecars and context files use the .yaml extension [yml-extension]",
    ]);
  });

  it("referenced-deleted: flags a live subject referencing one marked deleted", async () => {
    const tree = {
      "schemas/default/money.avsc": avroRecord("Money", "com.acme", '{"name": "units", "type": "long"}'),
      "schemas/default/money.yaml": lines("deleted: true"),
      "schemas/default/orders-value.avsc": avroRecord(
        "Order",
        "com.acme",
        '{"name": "m", "type": "com.acme.Money"}',
      ),
    };
    expect(await findings(tree, "referenced-deleted")).toEqual([
      'schemas/default/orders-value.avsc:1:95: references "money", which is marked deleted: the registry refuses to delete a referenced subject [referenced-deleted]',
    ]);
  });

  it("registry-context-missing: flags a registry context without a folder", async () => {
    const tree = {
      "schemaops.yaml": lines(
        "registries:",
        "  prod:",
        "    url: embedded",
        '    contexts: [".", ".prodution"]',
      ),
      "schemas/default/a-value.avsc": record("A"),
    };
    expect(await findings(tree, "registry-context-missing")).toEqual([
      'schemaops.yaml:4:21: registry "prod" lists context ".prodution", which has no folder under schemas/ [registry-context-missing]',
    ]);
  });
});
