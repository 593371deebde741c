// The Protobuf schema format: parsing with locations, Confluent's canonical and normalized text,
// import dependencies and the registry's compatibility differ.

import type { DependencyResult, Finding, SchemaFormat, SchemaInput } from "../types.js";
import { protobufCanRead } from "./diff/index.js";
import { loadSchema, parseText } from "./load.js";
import { ProtoSchema } from "./schema.js";
import { SymbolTable } from "./symbols.js";
import { validateFiles } from "./validate.js";
import { BUILT_IN_PATHS } from "./well-known.js";

export { ProtoSchema } from "./schema.js";
export { DIFFERENCE_TYPES, isCompatible, type DifferenceType } from "./diff/index.js";
export type * from "./ast.js";

export const protobufFormat: SchemaFormat<ProtoSchema> = {
  schemaType: "PROTOBUF",

  parse(input: SchemaInput) {
    const loaded = loadSchema(input);
    if (!loaded.ok) return loaded;
    const symbols = SymbolTable.build(loaded.files);
    const errors = validateFiles(loaded.files, symbols);
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, schema: new ProtoSchema(loaded.main, loaded.files, symbols) };
  },

  dependencies(text: string): DependencyResult {
    const parsed = parseText(text);
    if ("error" in parsed) return { ok: false, errors: [parsed.error] };
    const names = parsed.file.imports.map((i) => i.path).filter((path) => !BUILT_IN_PATHS.has(path));
    return { ok: true, names: [...new Set(names)] };
  },

  canRead: protobufCanRead,

  equivalent(a: ProtoSchema, b: ProtoSchema): boolean {
    return a.canonical() === b.canonical();
  },

  renderMessage(finding: Finding): string {
    return `{errorType:"${finding.errorType}", description:"${finding.description}"}`;
  },
};
