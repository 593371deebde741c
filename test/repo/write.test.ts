import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { DesiredSubject } from "../../src/core/model.js";
import {
  formatIssue,
  loadProject,
  writeRepository,
  type SubjectToWrite,
  type WriteRequest,
} from "../../src/repo/index.js";
import { lines, writeTree } from "./tree.js";

const MONEY =
  '{"type":"record","name":"Money","namespace":"com.acme.common","fields":[{"name":"units","type":"long"},{"name":"rate","type":"double","default":1.0}]}';
const ORDER =
  '{"type":"record","name":"Order","namespace":"com.acme","fields":[{"name":"total","type":"com.acme.common.Money"}]}';
const PROTO_COMMON = 'syntax = "proto3";\npackage acme.common;\n\nmessage Address {\n  string city = 1;\n}\n';
const PROTO_CUSTOMER =
  'syntax = "proto3";\npackage acme;\n\nimport "address.proto";\n\nmessage Customer {\n  acme.common.Address address = 1;\n}\n';
const JSON_SCHEMA =
  '{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"id":{"type":"string"}}}';

const subject = (
  overrides: Partial<SubjectToWrite> & Pick<SubjectToWrite, "name" | "schema">,
): SubjectToWrite => ({
  context: ".",
  schemaType: "AVRO",
  references: [],
  settings: {},
  ...overrides,
});

const REQUEST: WriteRequest = {
  subjects: [
    subject({ name: "com.acme.common.Money", schema: MONEY }),
    subject({
      name: "orders-value",
      schema: ORDER,
      references: [{ name: "com.acme.common.Money", subject: "com.acme.common.Money", version: 4 }],
      settings: { compatibility: "FULL", normalize: true },
      metadata: { tags: { PII: ["total"] }, properties: { owner: "team-orders" }, sensitive: ["total"] },
      ruleSet: {
        domainRules: [{ name: "positive", kind: "CONDITION", type: "CEL", expr: "message.total.units > 0" }],
      },
    }),
    subject({
      name: "orders/v2-value",
      schema: ORDER.replace("Order", "OrderV2"),
      references: [{ name: "com.acme.common.Money", subject: "com.acme.common.Money", version: 4 }],
    }),
    subject({ name: "context", schema: '"string"' }),
    subject({ name: "Case-value", schema: '"string"', deleted: true }),
    subject({ name: "case-value", schema: '"long"', settings: { mode: "READONLY" } }),
    subject({ name: "x.schema", schemaType: "JSON", schema: JSON_SCHEMA }),
    subject({ context: ".production", name: "address", schemaType: "PROTOBUF", schema: PROTO_COMMON }),
    subject({
      context: ".production",
      name: "customer-value",
      schemaType: "PROTOBUF",
      schema: PROTO_CUSTOMER,
      references: [{ name: "address.proto", subject: "address", version: 1 }],
    }),
    subject({ context: ".default", name: "a-value", schema: '"int"' }),
    subject({ context: ".team/a", name: "b-value", schema: '"int"' }),
  ],
  contexts: [
    { name: ".", settings: { compatibility: "BACKWARD" } },
    { name: ".production", settings: { compatibility: "FULL_TRANSITIVE", mode: "READWRITE" } },
  ],
};

/** The subject as it would be registered: schema compared by content (JSON parsed, Protobuf text). */
const comparable = (s: Omit<DesiredSubject, "origin"> | SubjectToWrite) => ({
  context: s.context,
  name: s.name,
  schemaType: s.schemaType,
  schema: s.schemaType === "PROTOBUF" ? s.schema.trim() : (JSON.parse(s.schema) as unknown),
  references: s.references,
  metadata: s.metadata,
  ruleSet: s.ruleSet,
  settings: s.settings,
  deleted: s.deleted ?? false,
});

async function load(dir: string) {
  const result = await loadProject(dir, { env: {} });
  if (!result.ok) throw new Error(result.errors.map(formatIssue).join("\n"));
  return result;
}

const byKey = <T extends { context: string; name: string }>(list: T[]): T[] =>
  [...list].sort((a, b) => `${a.context}/${a.name}`.localeCompare(`${b.context}/${b.name}`));

describe("writeRepository", () => {
  it("writes files that load back into the same desired state", async () => {
    const dir = await writeTree({ "schemaops.yaml": "" });
    await writeRepository(dir, REQUEST);
    const { project } = await load(dir);
    expect(byKey(project.desired.subjects).map(comparable)).toEqual(byKey(REQUEST.subjects).map(comparable));
    expect(project.desired.contexts.map((c) => [c.name, c.settings])).toEqual([
      [".", { compatibility: "BACKWARD" }],
      [".default", {}],
      [".production", { compatibility: "FULL_TRANSITIVE", mode: "READWRITE" }],
      [".team/a", {}],
    ]);
  });

  it("gives portable names to subjects and contexts that cannot be file names, and records the real name", async () => {
    const dir = await writeTree({ "schemaops.yaml": "" });
    const { written } = await writeRepository(dir, REQUEST);
    const portable = written.filter((p) => /-[0-9a-f]{8}(\.|\/)/.test(p)).sort();
    expect(portable).toEqual([
      expect.stringMatching(/^schemas\/default-[0-9a-f]{8}\/a-value\.avsc$/),
      expect.stringMatching(/^schemas\/default-[0-9a-f]{8}\/context\.yaml$/),
      expect.stringMatching(/^schemas\/default\/case-value-[0-9a-f]{8}\.avsc$/),
      expect.stringMatching(/^schemas\/default\/case-value-[0-9a-f]{8}\.yaml$/),
      expect.stringMatching(/^schemas\/default\/context-[0-9a-f]{8}\.avsc$/),
      expect.stringMatching(/^schemas\/default\/context-[0-9a-f]{8}\.yaml$/),
      expect.stringMatching(/^schemas\/default\/orders_v2-value-[0-9a-f]{8}\.avsc$/),
      expect.stringMatching(/^schemas\/default\/orders_v2-value-[0-9a-f]{8}\.yaml$/),
      expect.stringMatching(/^schemas\/default\/x\.schema-[0-9a-f]{8}\.json$/),
      expect.stringMatching(/^schemas\/default\/x\.schema-[0-9a-f]{8}\.yaml$/),
      expect.stringMatching(/^schemas\/team_a-[0-9a-f]{8}\/b-value\.avsc$/),
      expect.stringMatching(/^schemas\/team_a-[0-9a-f]{8}\/context\.yaml$/),
    ]);
    const sidecar = written.find(
      (p) => p.startsWith("schemas/default/orders_v2-value-") && p.endsWith(".yaml"),
    )!;
    expect(await readFile(path.join(dir, sidecar), "utf8")).toBe(
      lines(
        "subject: orders/v2-value",
        "references:",
        "  - name: com.acme.common.Money",
        "    subject: com.acme.common.Money",
        "    version: 4",
      ),
    );
  });

  it("pretty-prints Avro and JSON, keeps Protobuf as given, and writes sidecars and context.yaml", async () => {
    const dir = await writeTree({ "schemaops.yaml": "" });
    await writeRepository(dir, REQUEST);
    const read = (p: string) => readFile(path.join(dir, p), "utf8");
    expect(await read("schemas/default/com.acme.common.Money.avsc")).toBe(
      lines(
        "{",
        '  "type": "record",',
        '  "name": "Money",',
        '  "namespace": "com.acme.common",',
        '  "fields": [',
        '    {"name": "units", "type": "long"},',
        '    {"name": "rate", "type": "double", "default": 1.0}',
        "  ]",
        "}",
      ),
    );
    expect(await read("schemas/production/customer-value.proto")).toBe(PROTO_CUSTOMER);
    expect(await read("schemas/default/orders-value.yaml")).toBe(
      lines(
        "compatibility: FULL",
        "normalize: true",
        "references:",
        "  - name: com.acme.common.Money",
        "    subject: com.acme.common.Money",
        "    version: 4",
        "metadata:",
        "  tags:",
        "    PII:",
        "      - total",
        "  properties:",
        "    owner: team-orders",
        "  sensitive:",
        "    - total",
        "ruleSet:",
        "  domainRules:",
        "    - name: positive",
        "      kind: CONDITION",
        "      type: CEL",
        "      expr: message.total.units > 0",
      ),
    );
    expect(await read("schemas/production/context.yaml")).toBe(
      lines("compatibility: FULL_TRANSITIVE", "mode: READWRITE"),
    );
    expect(await read("schemas/default/context.yaml")).toBe(lines("compatibility: BACKWARD"));
  });

  it("updates a subject where it already lives and leaves every other file alone", async () => {
    const dir = await writeTree({
      "schemaops.yaml": "",
      "schemas/main/context.yaml": lines(
        "name: .",
        "# settings are reviewed by the platform team",
        "compatibility: NONE",
      ),
      "schemas/main/team-a/orders-value.avsc": '"string"\n',
      "schemas/main/team-a/orders-value.yaml": lines("compatibility: FULL"),
      "schemas/main/team-b/legacy.avsc": '"string"\n',
      "schemas/main/team-b/legacy.yaml": lines("subject: legacy:value"),
      "schemas/main/README.md": "# Team schemas\n",
    });
    const result = await writeRepository(dir, {
      subjects: [
        subject({ name: "orders-value", schema: '"long"' }),
        subject({ name: "legacy:value", schema: '"int"', settings: { compatibility: "NONE" } }),
        subject({ name: "new-value", schema: '"bytes"' }),
      ],
    });
    expect(result).toEqual({
      written: [
        "schemas/main/team-a/orders-value.avsc",
        "schemas/main/team-b/legacy.avsc",
        "schemas/main/team-b/legacy.yaml",
        "schemas/main/new-value.avsc",
      ],
      removed: ["schemas/main/team-a/orders-value.yaml"],
    });
    expect(await readFile(path.join(dir, "schemas/main/team-b/legacy.yaml"), "utf8")).toBe(
      lines("subject: legacy:value", "compatibility: NONE"),
    );
    expect(await readFile(path.join(dir, "schemas/main/context.yaml"), "utf8")).toContain(
      "# settings are reviewed",
    );
    expect(await readFile(path.join(dir, "schemas/main/README.md"), "utf8")).toBe("# Team schemas\n");
  });

  it("moves a subject whose type changed to the new extension", async () => {
    const dir = await writeTree({ "schemaops.yaml": "", "schemas/default/sub/a-value.avsc": '"string"\n' });
    const result = await writeRepository(dir, {
      subjects: [
        subject({ name: "a-value", schemaType: "PROTOBUF", schema: 'syntax = "proto3";\nmessage A {}\n' }),
      ],
    });
    expect(result).toEqual({
      written: ["schemas/default/sub/a-value.proto"],
      removed: ["schemas/default/sub/a-value.avsc"],
    });
  });

  it("clears context settings by removing context.yaml, unless it must keep the context's name", async () => {
    const dir = await writeTree({
      "schemaops.yaml": "",
      "schemas/production/context.yaml": lines("compatibility: FULL"),
      "schemas/prod-eu/context.yaml": lines("name: .prod.eu", "compatibility: FULL"),
    });
    const result = await writeRepository(dir, {
      subjects: [],
      contexts: [
        { name: ".production", settings: {} },
        { name: ".prod.eu", settings: {} },
      ],
    });
    expect(result).toEqual({
      written: ["schemas/prod-eu/context.yaml"],
      removed: ["schemas/production/context.yaml"],
    });
    expect(await readFile(path.join(dir, "schemas/prod-eu/context.yaml"), "utf8")).toBe(
      lines("name: .prod.eu"),
    );
  });

  it("writes nothing when the files already say the same, and leaves no temporary files", async () => {
    const dir = await writeTree({ "schemaops.yaml": "" });
    await writeRepository(dir, REQUEST);
    expect(await writeRepository(dir, REQUEST)).toEqual({ written: [], removed: [] });
    const all = await readdir(path.join(dir, "schemas"), { recursive: true });
    expect(all.filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("replaces a file through a rename, never by rewriting it in place", async () => {
    const dir = await writeTree({ "schemaops.yaml": "", "schemas/default/a-value.avsc": '"string"\n' });
    const file = path.join(dir, "schemas/default/a-value.avsc");
    const before = await stat(file);
    await writeRepository(dir, {
      subjects: [subject({ name: "a-value", schema: '{"type":"array","items":"long"}' })],
    });
    expect((await stat(file)).ino).not.toBe(before.ino);
    expect(await readFile(file, "utf8")).toBe('{"type": "array", "items": "long"}\n');
  });
});
