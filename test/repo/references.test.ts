import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/repo/index.js";
import { avroRecord, lines, loadErrors, loadValid } from "./tree.js";

const money = avroRecord(
  "Money",
  "com.acme.common",
  '{"name": "units", "type": "long"}, {"name": "currency", "type": "string"}',
);
const address = lines(
  '{"type": "record", "name": "Address", "namespace": "com.acme.common", "fields": [',
  '  {"name": "country", "type": {"type": "enum", "name": "Country", "symbols": ["DE", "FR"]}}',
  "]}",
);
const proto = (...body: string[]): string => lines('syntax = "proto3";', ...body);

const referencesOf = async (tree: Record<string, string>, subject: string) => {
  const { project } = await loadValid(tree);
  return project.desired.subjects.find((s) => s.name === subject)!.references;
};

describe("inferred references", () => {
  it("finds the Avro file that defines a named type, one reference per file", async () => {
    const order = avroRecord(
      "Order",
      "com.acme.orders",
      '{"name": "total", "type": "com.acme.common.Money"}, {"name": "to", "type": "com.acme.common.Address"}, {"name": "c", "type": "com.acme.common.Country"}',
    );
    const refs = await referencesOf(
      {
        "schemas/default/common/money.avsc": money,
        "schemas/default/common/address.avsc": address,
        "schemas/default/order-value.avsc": order,
      },
      "order-value",
    );
    expect(refs).toEqual([
      { name: "com.acme.common.Money", subject: "money", version: "latest" },
      { name: "com.acme.common.Address", subject: "address", version: "latest" },
    ]);
  });

  it("prefers the file whose top-level type it is when other schemas embed the type too", async () => {
    const embedding = avroRecord(
      "Refund",
      "com.acme.common",
      '{"name": "amount", "type": {"type": "record", "name": "Money", "fields": [{"name": "units", "type": "long"}, {"name": "currency", "type": "string"}]}}',
    );
    const payment = avroRecord(
      "Payment",
      "com.acme.p",
      '{"name": "amount", "type": "com.acme.common.Money"}',
    );
    const refs = await referencesOf(
      {
        "schemas/default/money.avsc": money,
        "schemas/default/refund-value.avsc": embedding,
        "schemas/default/payment-value.avsc": payment,
      },
      "payment-value",
    );
    expect(refs).toEqual([{ name: "com.acme.common.Money", subject: "money", version: "latest" }]);
  });

  it("matches Protobuf imports by path within the context, else by a unique path suffix; well-known types are built in", async () => {
    const tree = {
      "schemas/default/acme/common/money.proto": proto(
        "package acme.common;",
        "message Money { int64 units = 1; }",
      ),
      "schemas/default/acme/common/address.proto": proto(
        "package acme.common;",
        "message Address { string city = 1; }",
      ),
      "schemas/default/payment-value.proto": proto(
        'import "acme/common/money.proto";',
        'import "common/address.proto";',
        'import "google/protobuf/timestamp.proto";',
        "message Payment {",
        "  acme.common.Money amount = 1;",
        "  acme.common.Address billing = 2;",
        "  google.protobuf.Timestamp at = 3;",
        "}",
      ),
    };
    expect(await referencesOf(tree, "payment-value")).toEqual([
      { name: "acme/common/money.proto", subject: "money", version: "latest" },
      { name: "common/address.proto", subject: "address", version: "latest" },
    ]);
  });

  it.each([
    ["a path relative to the referring file", "../common/address.json", {}],
    ["a path relative to the context folder", "common/address.json", {}],
    ["a file name", "address.json", {}],
    ["the $id", "https://acme.example/address", { $id: "https://acme.example/address" }],
    ["a URL resolved against the referrer's $id", "address", { $id: "https://acme.example/address" }],
  ])("matches a JSON Schema $ref by %s", async (_, ref, extra) => {
    const addressSchema = JSON.stringify({
      ...extra,
      type: "object",
      properties: { city: { type: "string" } },
    });
    const customer = JSON.stringify({
      $id: "https://acme.example/customer",
      type: "object",
      properties: { address: { $ref: ref } },
    });
    const refs = await referencesOf(
      {
        "schemas/default/common/address.json": addressSchema,
        "schemas/default/customers/customer-value.json": customer,
      },
      "customer-value",
    );
    expect(refs).toEqual([{ name: ref, subject: "address", version: "latest" }]);
  });

  it("does not look for references in other contexts", async () => {
    const order = avroRecord("Order", "com.acme", '{"name": "total", "type": "com.acme.common.Money"}');
    expect(
      await loadErrors({ "schemas/shared/money.avsc": money, "schemas/default/order-value.avsc": order }),
    ).toEqual([
      'schemas/default/order-value.avsc:1:99: unknown type "com.acme.common.Money": it is not a built-in type and no .avsc file of context "." defines it',
    ]);
  });
});

describe("explicit references", () => {
  it("win over an inferred one of the same name, and may name another context", async () => {
    const order = avroRecord("Order", "com.acme", '{"name": "total", "type": "com.acme.common.Money"}');
    const refs = await referencesOf(
      {
        "schemas/shared/money.avsc": money,
        "schemas/default/money.avsc": money,
        "schemas/default/order-value.avsc": order,
        "schemas/default/order-value.yaml": lines(
          "references:",
          "  - { name: com.acme.common.Money, subject: ':.shared:money', version: 1 }",
        ),
      },
      "order-value",
    );
    expect(refs).toEqual([{ name: "com.acme.common.Money", subject: ":.shared:money", version: 1 }]);
  });

  it("default to version latest", async () => {
    const order = avroRecord("Order", "com.acme", '{"name": "total", "type": "com.acme.common.Money"}');
    const refs = await referencesOf(
      {
        "schemas/default/money.avsc": money,
        "schemas/default/order-value.avsc": order,
        "schemas/default/order-value.yaml": lines("references:", "  - { name: Money, subject: money }"),
      },
      "order-value",
    );
    expect(refs).toEqual([{ name: "Money", subject: "money", version: "latest" }]);
  });

  it("to a subject outside the repository are kept, with a warning, and the parse check is skipped", async () => {
    const order = avroRecord("Order", "com.acme", '{"name": "total", "type": "com.acme.common.Money"}');
    const result = await loadValid({
      "schemas/default/order-value.avsc": order,
      "schemas/default/order-value.yaml": lines(
        "references:",
        "  - { name: com.acme.common.Money, subject: money-value, version: 3 }",
      ),
      "schemas/default/invoice-value.avsc": avroRecord(
        "Invoice",
        "com.acme",
        '{"name": "order", "type": "com.acme.Order"}',
      ),
    });
    expect(result.project.desired.subjects.find((s) => s.name === "order-value")!.references).toEqual([
      { name: "com.acme.common.Money", subject: "money-value", version: 3 },
    ]);
    expect(result.warnings.map(formatIssue)).toEqual([
      "schemas/default/invoice-value.avsc:1:1: parse check skipped: a schema it references refers to a subject outside the repository",
      'schemas/default/order-value.yaml:2:45: reference "com.acme.common.Money": subject "money-value" in context "." version 3 is not in the repository and cannot be checked offline; the parse check of schemas/default/order-value.avsc is skipped',
    ]);
  });
});

describe("validation with references", () => {
  it("parses a schema with its references resolved recursively, naming each file after its top-level type", async () => {
    const customer = avroRecord(
      "Customer",
      "com.acme",
      '{"name": "address", "type": "com.acme.common.Address"}',
    );
    const order = avroRecord(
      "Order",
      "com.acme",
      '{"name": "customer", "type": "com.acme.Customer"}, {"name": "country", "type": "com.acme.common.Country"}',
    );
    const { project } = await loadValid({
      "schemas/default/address.avsc": address,
      "schemas/default/customer.avsc": customer,
      "schemas/default/order-value.avsc": order,
    });
    expect(project.desired.subjects.find((s) => s.name === "order-value")!.references).toEqual([
      { name: "com.acme.Customer", subject: "customer", version: "latest" },
      { name: "com.acme.common.Address", subject: "address", version: "latest" },
    ]);
  });

  it("reports a problem of a referenced file once, at that file, and does not blame its referrers", async () => {
    const brokenMoney = avroRecord(
      "Money",
      "com.acme.common",
      '{"name": "units", "type": "long", "default": "none"}',
    );
    const order = avroRecord("Order", "com.acme", '{"name": "total", "type": "com.acme.common.Money"}');
    expect(
      await loadErrors({
        "schemas/default/money.avsc": brokenMoney,
        "schemas/default/order-value.avsc": order,
      }),
    ).toEqual([
      'schemas/default/money.avsc:1:125: invalid Avro schema: field "units": default "none" is not a valid long',
    ]);
  });

  it("reports a cycle through three files once", async () => {
    const a = avroRecord("A", "x", '{"name": "b", "type": "x.B"}');
    const b = avroRecord("B", "x", '{"name": "c", "type": "x.C"}');
    const c = avroRecord("C", "x", '{"name": "a", "type": ["null", "x.A"]}');
    expect(
      await loadErrors({
        "schemas/default/a.avsc": a,
        "schemas/default/b.avsc": b,
        "schemas/default/c.avsc": c,
      }),
    ).toEqual([
      "schemas/default/a.avsc:1:84: reference cycle: a (schemas/default/a.avsc) -> b (schemas/default/b.avsc) -> c (schemas/default/c.avsc) -> a (schemas/default/a.avsc)",
    ]);
  });
});

describe("problems that only appear when references are combined", () => {
  it("are reported in the referenced file, naming the referrer", async () => {
    const currency = '{"name": "currency", "type": {"type": "enum", "name": "Currency", "symbols": ["EUR"]}}';
    const errors = await loadErrors({
      "schemas/default/money.avsc": avroRecord("Money", "com.acme", currency),
      "schemas/default/price.avsc": avroRecord("Price", "com.acme", currency),
      "schemas/default/order-value.avsc": avroRecord(
        "Order",
        "com.acme",
        '{"name": "m", "type": "com.acme.Money"}, {"name": "p", "type": "com.acme.Price"}',
      ),
    });
    expect(errors).toEqual([
      'schemas/default/price.avsc:1:127: invalid Avro schema: type "com.acme.Currency" is already defined (reference "com.acme.Money"); a named type can be defined only once (referenced by schemas/default/order-value.avsc)',
    ]);
  });
});
