// Small schema builders for the tests: each call makes a distinct, valid schema text.

/** An Avro record named `name` with string fields `fields`; `defaults` gives every field a default. */
export function avroRecord(
  name: string,
  fields: string[] = ["id"],
  options: { defaults?: boolean; namespace?: string } = {},
): string {
  return JSON.stringify({
    type: "record",
    name,
    ...(options.namespace ? { namespace: options.namespace } : {}),
    fields: fields.map((field) => ({
      name: field,
      type: "string",
      ...(options.defaults ? { default: "" } : {}),
    })),
  });
}

export function jsonSchema(properties: Record<string, string>): string {
  return JSON.stringify({
    type: "object",
    properties: Object.fromEntries(Object.entries(properties).map(([key, type]) => [key, { type }])),
  });
}

export function protoMessage(name: string, fields: string[] = ["id"], pkg = "test"): string {
  const body = fields.map((field, index) => `  string ${field} = ${index + 1};`).join("\n");
  return `syntax = "proto3";\npackage ${pkg};\n\nmessage ${name} {\n${body}\n}\n`;
}
