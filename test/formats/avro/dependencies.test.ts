// Named types a schema text needs from elsewhere, found without the other schemas.

import { describe, expect, it } from "vitest";
import { avroFormat } from "../../../src/formats/avro/index.js";

const deps = (schema: unknown) => avroFormat.dependencies(JSON.stringify(schema));

describe("Avro dependencies", () => {
  it("is empty for a self-contained schema, primitives included", () => {
    expect(
      deps({
        type: "record",
        name: "R",
        fields: [{ name: "a", type: ["null", "string", { type: "long" }] }],
      }),
    ).toEqual({
      ok: true,
      names: [],
    });
  });

  it("qualifies an unqualified name with the namespace in force where it is used", () => {
    const schema = {
      type: "record",
      name: "R",
      namespace: "com.acme",
      fields: [
        { name: "a", type: "Address" },
        {
          name: "b",
          type: { type: "record", name: "org.x.Inner", fields: [{ name: "c", type: "Country" }] },
        },
      ],
    };
    expect(deps(schema)).toEqual({ ok: true, names: ["com.acme.Address", "org.x.Country"] });
  });

  it("keeps full names, in order of first use, once each", () => {
    const schema = {
      type: "record",
      name: "R",
      fields: [
        { name: "a", type: { type: "array", items: "b.B" } },
        { name: "m", type: { type: "map", values: ["null", "a.A"] } },
        { name: "c", type: "b.B" },
        { name: "d", type: { type: "a.A" } },
      ],
    };
    expect(deps(schema)).toEqual({ ok: true, names: ["b.B", "a.A"] });
  });

  it("does not report types the text defines, wherever they are defined", () => {
    const schema = {
      type: "record",
      name: "com.acme.R",
      fields: [
        { name: "e", type: { type: "enum", name: "E", symbols: ["A"] } },
        { name: "f", type: "E" },
        { name: "self", type: ["null", "R"] },
        { name: "h", type: { type: "fixed", name: "org.x.H", size: 4 } },
        { name: "i", type: "org.x.H" },
      ],
    };
    expect(deps(schema)).toEqual({ ok: true, names: [] });
  });

  it("finds an unqualified name defined without namespace, as Avro's lookup falls back to it", () => {
    const schema = {
      type: "record",
      name: "com.acme.R",
      fields: [
        { name: "a", type: { type: "record", name: "Plain", namespace: "", fields: [] } },
        { name: "b", type: "Plain" },
      ],
    };
    expect(deps(schema)).toEqual({ ok: true, names: [] });
  });

  it("reports a JSON syntax error with its position", () => {
    expect(avroFormat.dependencies('{"type": "record",\n "name": }')).toMatchObject({
      ok: false,
      errors: [{ line: 2, column: 10 }],
    });
  });
});
