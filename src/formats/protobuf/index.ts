// The Protobuf schema format: parsing with locations, Confluent's canonical and normalized text,
// import dependencies and the registry's compatibility differ.

import type { DependencyResult, Finding, SchemaFormat, SchemaInput } from "../types.js";
import { loadSchema, parseText } from "./load.js";
import { ProtoSchema } from "./schema.js";
import { SymbolTable } from "./symbols.js";
import { BUILT_IN_PATHS } from "./well-known.js";

export { ProtoSchema } from "./schema.js";
export type * from "./ast.js";

export const protobufFormat: SchemaFormat<ProtoSchema> = {
  schemaType: "PROTOBUF",

  parse(input: SchemaInput) {
    const loaded = loadSchema(input);
    if (!loaded.ok) return loaded;
    return { ok: true, schema: new ProtoSchema(loaded.main, loaded.files, SymbolTable.build(loaded.files)) };
  },

  dependencies(text: string): DependencyResult {
    const parsed = parseText(text);
    if ("error" in parsed) return { ok: false, errors: [parsed.error] };
    const names = parsed.file.imports.map((i) => i.path).filter((path) => !BUILT_IN_PATHS.has(path));
    return { ok: true, names: [...new Set(names)] };
  },

  canRead(): Finding[] {
    return [];
  },

  equivalent(a: ProtoSchema, b: ProtoSchema): boolean {
    return a.canonical() === b.canonical();
  },

  renderMessage(finding: Finding): string {
    return `{errorType:"${finding.errorType}", description:"${finding.description}"}`;
  },
};
