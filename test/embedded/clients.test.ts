// Two clients people run in production against the embedded registry: Confluent's JavaScript client
// with its serializers, and @kafkajs/confluent-schema-registry. Both must register, look up and
// round-trip messages, and agree on ids.

import { create, createFileRegistry } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";
import {
  AvroDeserializer,
  AvroSerializer,
  JsonDeserializer,
  JsonSerializer,
  ProtobufDeserializer,
  ProtobufSerializer,
  SchemaRegistryClient,
  SerdeType,
} from "@confluentinc/schemaregistry";
import { SchemaRegistry, SchemaType } from "@kafkajs/confluent-schema-registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddedRegistry, type EmbeddedRegistry } from "../../src/embedded/index.js";

let registry: EmbeddedRegistry;
let confluent: SchemaRegistryClient;
let kafkajs: SchemaRegistry;

beforeAll(async () => {
  registry = createEmbeddedRegistry();
  const { url } = await registry.listen({ port: 0 });
  confluent = new SchemaRegistryClient({ baseURLs: [url] });
  kafkajs = new SchemaRegistry({ host: url });
});
afterAll(async () => {
  await registry.close();
});

const ORDER_AVRO = JSON.stringify({
  type: "record",
  name: "Order",
  namespace: "shop",
  fields: [
    { name: "id", type: "string" },
    { name: "amount", type: "double" },
    { name: "note", type: ["null", "string"], default: null },
  ],
});

describe("Avro", () => {
  const order = { id: "o-1", amount: 12.5, note: "gift" };

  it("gives both clients the same id for the same schema", async () => {
    const confluentId = await confluent.register("avro-orders-value", {
      schemaType: "AVRO",
      schema: ORDER_AVRO,
    });
    const { id: kafkajsId } = await kafkajs.register(
      { type: SchemaType.AVRO, schema: ORDER_AVRO },
      { subject: "avro-orders-value" },
    );
    expect(kafkajsId).toBe(confluentId);
    expect(await kafkajs.getLatestSchemaId("avro-orders-value")).toBe(confluentId);
    expect(await confluent.getId("avro-orders-value", { schemaType: "AVRO", schema: ORDER_AVRO })).toBe(
      confluentId,
    );
  });

  it("round-trips a message through Confluent's serializer and both deserializers", async () => {
    await confluent.register("avro-orders-value", { schemaType: "AVRO", schema: ORDER_AVRO });
    const serializer = new AvroSerializer(confluent, SerdeType.VALUE, { useLatestVersion: true });
    const bytes = await serializer.serialize("avro-orders", order);
    const deserializer = new AvroDeserializer(confluent, SerdeType.VALUE, {});
    expect(await deserializer.deserialize("avro-orders", bytes)).toEqual(order);
    expect(await kafkajs.decode(bytes)).toEqual(order);
  });

  it("decodes kafkajs-encoded messages with Confluent's deserializer", async () => {
    const { id } = await kafkajs.register(
      { type: SchemaType.AVRO, schema: ORDER_AVRO },
      { subject: "avro-orders-value" },
    );
    const bytes = await kafkajs.encode(id, order);
    const deserializer = new AvroDeserializer(confluent, SerdeType.VALUE, {});
    expect(await deserializer.deserialize("avro-orders", bytes)).toEqual(order);
  });

  it("reads versions and evolves the subject through Confluent's client", async () => {
    const subject = "avro-evolving-value";
    await confluent.register(subject, { schemaType: "AVRO", schema: ORDER_AVRO });
    const evolved = JSON.parse(ORDER_AVRO) as { fields: object[] };
    evolved.fields.push({ name: "currency", type: "string", default: "EUR" });
    const evolvedId = await confluent.register(subject, {
      schemaType: "AVRO",
      schema: JSON.stringify(evolved),
    });
    const latest = await confluent.getLatestSchemaMetadata(subject);
    expect(latest).toMatchObject({ id: evolvedId, version: 2 });
    expect(await confluent.getAllVersions(subject)).toEqual([1, 2]);
    expect(await kafkajs.getRegistryId(subject, 1)).toBe((await confluent.getSchemaMetadata(subject, 1)).id);
  });
});

describe("JSON Schema", () => {
  const schema = JSON.stringify({
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "Payment",
    type: "object",
    properties: { id: { type: "string" }, cents: { type: "integer" } },
    required: ["id"],
  });
  const payment = { id: "p-1", cents: 995 };

  it("registers once for both clients and round-trips messages both ways", async () => {
    const confluentId = await confluent.register("json-payments-value", { schemaType: "JSON", schema });
    const { id } = await kafkajs.register(
      { type: SchemaType.JSON, schema },
      { subject: "json-payments-value" },
    );
    expect(id).toBe(confluentId);

    const serializer = new JsonSerializer(confluent, SerdeType.VALUE, { useLatestVersion: true });
    const bytes = await serializer.serialize("json-payments", payment);
    expect(
      await new JsonDeserializer(confluent, SerdeType.VALUE, {}).deserialize("json-payments", bytes),
    ).toEqual(payment);
    expect(await kafkajs.decode(bytes)).toEqual(payment);

    const fromKafkajs = await kafkajs.encode(id, payment);
    expect(
      await new JsonDeserializer(confluent, SerdeType.VALUE, {}).deserialize("json-payments", fromKafkajs),
    ).toEqual(payment);
  });
});

describe("Protobuf", () => {
  const protoText = `syntax = "proto3";
package shop;

message Shipment {
  string id = 1;
  int32 parcels = 2;
  repeated string labels = 3;
}
`;

  /** The message type as generated code would provide it, built from a descriptor. */
  function shipmentType() {
    const file = create(FileDescriptorProtoSchema, {
      name: "shop/shipment.proto",
      package: "shop",
      syntax: "proto3",
      messageType: [
        {
          name: "Shipment",
          field: [
            { name: "id", number: 1, label: 1, type: 9, jsonName: "id" },
            { name: "parcels", number: 2, label: 1, type: 5, jsonName: "parcels" },
            { name: "labels", number: 3, label: 3, type: 9, jsonName: "labels" },
          ],
        },
      ],
    });
    const files = createFileRegistry(file, () => undefined);
    return files.getMessage("shop.Shipment")!;
  }

  it("registers Confluent's descriptor and kafkajs's text as one schema with one id", async () => {
    const { id } = await kafkajs.register(
      { type: SchemaType.PROTOBUF, schema: protoText },
      { subject: "proto-shipments-value" },
    );
    const desc = shipmentType();
    const serializer = new ProtobufSerializer(confluent, SerdeType.VALUE, { autoRegisterSchemas: true });
    serializer.registry.add(desc);
    const bytes = await serializer.serialize(
      "proto-shipments",
      create(desc, { id: "s-1", parcels: 2, labels: ["fragile"] }),
    );
    expect(bytes.readInt32BE(1)).toBe(id);
  });

  it("round-trips a message through Confluent's serializer, deserializing with both clients", async () => {
    const desc = shipmentType();
    const serializer = new ProtobufSerializer(confluent, SerdeType.VALUE, { autoRegisterSchemas: true });
    serializer.registry.add(desc);
    const bytes = await serializer.serialize(
      "proto-parcels",
      create(desc, { id: "s-2", parcels: 3, labels: ["a", "b"] }),
    );

    const deserializer = new ProtobufDeserializer(confluent, SerdeType.VALUE, {});
    const decoded = await deserializer.deserialize("proto-parcels", bytes);
    expect(decoded).toMatchObject({ id: "s-2", parcels: 3, labels: ["a", "b"] });
    // kafkajs writes no message index and skips the one Confluent writes before the payload.
    expect((await kafkajs.decode(bytes)).toJSON()).toEqual({ id: "s-2", parcels: 3, labels: ["a", "b"] });
  });

  it("round-trips a kafkajs message", async () => {
    const { id } = await kafkajs.register(
      { type: SchemaType.PROTOBUF, schema: protoText },
      { subject: "proto-kafkajs-value" },
    );
    const bytes = await kafkajs.encode(id, { id: "s-3", parcels: 1, labels: [] });
    expect((await kafkajs.decode(bytes)).toJSON()).toEqual({ id: "s-3", parcels: 1 });
  });
});
