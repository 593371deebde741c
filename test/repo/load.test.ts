import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/repo/index.js";
import { avroRecord, lines, loadValid } from "./tree.js";

const record = (name: string): string => avroRecord(name, "com.acme", '{"name": "id", "type": "string"}');

describe("loadProject: contexts", () => {
  it("maps each top-level folder to a context, `default` to the default context", async () => {
    const { project } = await loadValid({
      "schemas/default/a-value.avsc": record("A"),
      "schemas/production/b-value.avsc": record("B"),
      "schemas/empty/.gitkeep": "",
    });
    expect(project.desired.contexts.map((c) => c.name)).toEqual([".", ".empty", ".production"]);
    expect(project.desired.subjects.map((s) => [s.context, s.name])).toEqual([
      [".", "a-value"],
      [".production", "b-value"],
    ]);
  });

  it("lets context.yaml rename the context and declare its settings, case-insensitively", async () => {
    const { project } = await loadValid({
      "schemas/prod-eu/context.yaml": lines(
        "name: .production.eu",
        "compatibility: full_transitive",
        "mode: ReadOnly",
        "normalize: true",
      ),
    });
    expect(project.desired.contexts).toEqual([
      {
        name: ".production.eu",
        settings: { compatibility: "FULL_TRANSITIVE", mode: "READONLY", normalize: true },
        origin: { file: "schemas/prod-eu/context.yaml", line: 1, column: 1 },
      },
    ]);
  });

  it("applies the project defaults key by key where a context declares nothing", async () => {
    const { project } = await loadValid({
      "schemaops.yaml": lines("defaults:", "  compatibility: BACKWARD", "  normalize: true"),
      "schemas/default/.gitkeep": "",
      "schemas/production/context.yaml": lines("compatibility: FULL"),
    });
    expect(project.desired.contexts.map((c) => [c.name, c.settings])).toEqual([
      [".", { compatibility: "BACKWARD", normalize: true }],
      [".production", { compatibility: "FULL", normalize: true }],
    ]);
  });

  it("loads a project without schemas/ with a warning", async () => {
    const result = await loadValid({});
    expect(result.project.desired).toEqual({ contexts: [], subjects: [] });
    expect(result.warnings.map(formatIssue)).toEqual([
      "schemas:1:1: no schemas/ folder: the repository declares no contexts and no subjects",
    ]);
  });
});

describe("loadProject: subjects", () => {
  it("names subjects after file stems, whatever sub-folder holds them, with the type from the extension", async () => {
    const { project } = await loadValid({
      "schemas/default/orders/2024/order-events-value.avsc": record("Order"),
      "schemas/default/payments-value.proto": lines(
        'syntax = "proto3";',
        "message Payment { string id = 1; }",
      ),
      "schemas/default/customer-value.json": lines('{"type": "object"}'),
      "schemas/default/invoice-value.schema.json": lines('{"type": "object"}'),
      "schemas/default/README.md": "# notes",
      "schemas/default/.hidden.avsc": "not read",
    });
    expect(project.desired.subjects.map((s) => [s.name, s.schemaType, s.origin.file])).toEqual([
      ["customer-value", "JSON", "schemas/default/customer-value.json"],
      ["invoice-value", "JSON", "schemas/default/invoice-value.schema.json"],
      ["order-events-value", "AVRO", "schemas/default/orders/2024/order-events-value.avsc"],
      ["payments-value", "PROTOBUF", "schemas/default/payments-value.proto"],
    ]);
  });

  it("keeps the schema text exactly as in the file", async () => {
    const text = '{ "type" : "object" ,\n  "title": "spaced"  }\n';
    const { project } = await loadValid({ "schemas/default/c-value.json": text });
    expect(project.desired.subjects[0]!.schema).toBe(text);
  });

  it("reads every sidecar field", async () => {
    const { project } = await loadValid({
      "schemas/default/money.avsc": avroRecord("Money", "com.acme", '{"name": "units", "type": "long"}'),
      "schemas/default/orders_v2.avsc": avroRecord(
        "Order",
        "com.acme",
        '{"name": "total", "type": "com.acme.Money"}',
      ),
      "schemas/default/orders_v2.yaml": lines(
        "subject: orders/v2-value",
        "compatibility: forward",
        "normalize: false",
        "mode: import",
        "references:",
        "  - name: com.acme.Money",
        "    subject: money",
        "    version: 2",
        "metadata:",
        "  tags: { PII: [total] }",
        "  properties: { owner: team-orders, tier: 1, public: false }",
        "  sensitive: [total]",
        "ruleSet:",
        "  domainRules:",
        "    - { name: checkTotal, kind: CONDITION, type: CEL, mode: WRITE, expr: 'message.total.units > 0' }",
        "deleted: true",
      ),
    });
    const subject = project.desired.subjects.find((s) => s.name === "orders/v2-value");
    expect(subject).toEqual({
      context: ".",
      name: "orders/v2-value",
      schemaType: "AVRO",
      schema: expect.any(String),
      references: [{ name: "com.acme.Money", subject: "money", version: 2 }],
      metadata: {
        tags: { PII: ["total"] },
        properties: { owner: "team-orders", tier: "1", public: "false" },
        sensitive: ["total"],
      },
      ruleSet: {
        domainRules: [
          {
            name: "checkTotal",
            kind: "CONDITION",
            type: "CEL",
            mode: "WRITE",
            expr: "message.total.units > 0",
          },
        ],
      },
      settings: { compatibility: "FORWARD", normalize: false, mode: "IMPORT" },
      deleted: true,
      origin: { file: "schemas/default/orders_v2.avsc", line: 1, column: 1 },
    });
  });

  it("lets a sidecar read a plain .json file as Avro", async () => {
    const { project } = await loadValid({
      "schemas/default/a-value.json": record("A"),
      "schemas/default/a-value.yaml": lines("type: avro"),
    });
    expect(project.desired.subjects[0]!.schemaType).toBe("AVRO");
  });

  it("declares no settings for a subject without a sidecar", async () => {
    const { project } = await loadValid({
      "schemaops.yaml": lines("defaults:", "  compatibility: FULL"),
      "schemas/default/a-value.avsc": record("A"),
    });
    const subject = project.desired.subjects[0]!;
    expect(subject.settings).toEqual({});
    expect(subject.deleted).toBe(false);
    expect(subject).not.toHaveProperty("metadata");
  });

  it("lists the files it read", async () => {
    const { project } = await loadValid({
      "schemas/production/context.yaml": lines("compatibility: FULL"),
      "schemas/production/a-value.avsc": record("A"),
      "schemas/production/a-value.yaml": lines("compatibility: NONE"),
    });
    expect(project.files).toEqual([
      { path: "schemaops.yaml", kind: "project" },
      { path: "schemas/production/a-value.avsc", kind: "schema", context: ".production", subject: "a-value" },
      {
        path: "schemas/production/a-value.yaml",
        kind: "sidecar",
        context: ".production",
        subject: "a-value",
      },
      { path: "schemas/production/context.yaml", kind: "context", context: ".production" },
    ]);
  });

  it("allows the same subject in different contexts", async () => {
    const { project } = await loadValid({
      "schemas/default/a-value.avsc": record("A"),
      "schemas/staging/a-value.avsc": record("A"),
    });
    expect(project.desired.subjects.map((s) => `${s.context}/${s.name}`)).toEqual([
      "./a-value",
      ".staging/a-value",
    ]);
  });
});
