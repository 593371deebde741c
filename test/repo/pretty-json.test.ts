import { describe, expect, it } from "vitest";
import { prettyJson } from "../../src/repo/pretty-json.js";

describe("prettyJson", () => {
  it("indents by two spaces and keeps small flat objects and arrays on one line", () => {
    const canonical =
      '{"type":"record","name":"Order","namespace":"com.acme","fields":[{"name":"id","type":"string"},{"name":"note","type":["null","string"],"default":null},{"name":"items","type":{"type":"array","items":"string"}}]}';
    expect(prettyJson(canonical)).toBe(
      [
        "{",
        '  "type": "record",',
        '  "name": "Order",',
        '  "namespace": "com.acme",',
        '  "fields": [',
        '    {"name": "id", "type": "string"},',
        '    {"name": "note", "type": ["null", "string"], "default": null},',
        "    {",
        '      "name": "items",',
        '      "type": {"type": "array", "items": "string"}',
        "    }",
        "  ]",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("keeps numbers exactly as written and escapes strings as JSON", () => {
    expect(prettyJson('{"default":1.0,"big":12345678901234567890,"s":"a\\"b\\u00e9"}')).toBe(
      '{"default": 1.0, "big": 12345678901234567890, "s": "a\\"bé"}\n',
    );
  });

  it("breaks a flat container that would be too wide", () => {
    const symbols = Array.from({ length: 20 }, (_, i) => `"SYMBOL_${i}"`).join(",");
    const pretty = prettyJson(`{"type":"enum","name":"E","symbols":[${symbols}]}`)!;
    expect(pretty.split("\n")).toContain('    "SYMBOL_0",');
  });

  it("gives nothing for text that is not JSON", () => {
    expect(prettyJson("syntax = 'proto3';")).toBeUndefined();
  });
});
