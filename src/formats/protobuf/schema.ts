// A parsed Protobuf schema: the main file's tree, the files it imports and the symbol table that
// resolves type names across them.

import type { ParsedSchema } from "../types.js";
import type { ProtoFile } from "./ast.js";
import type { LoadedFile } from "./load.js";
import { normalizeFile } from "./normalizer.js";
import { printProto } from "./printer.js";
import type { SymbolTable } from "./symbols.js";

export class ProtoSchema implements ParsedSchema {
  readonly schemaType = "PROTOBUF" as const;
  private canonicalText: string | undefined;
  private normalizedText: string | undefined;

  constructor(
    readonly main: LoadedFile,
    /** The main file first, then every imported file. */
    readonly files: LoadedFile[],
    readonly symbols: SymbolTable,
  ) {}

  get file(): ProtoFile {
    return this.main.file;
  }

  canonical(): string {
    this.canonicalText ??= printProto(this.file);
    return this.canonicalText;
  }

  normalized(): string {
    this.normalizedText ??= printProto(normalizeFile(this.file, this.symbols), true);
    return this.normalizedText;
  }

  topLevelFieldNames(): string[] {
    const names: string[] = [];
    for (const type of this.file.types) {
      if (type.kind !== "message") continue;
      for (const field of type.fields) names.push(field.name);
      for (const oneof of type.oneofs) for (const field of oneof.fields) names.push(field.name);
    }
    return names;
  }
}
