// Where things live in a repository: folder names to contexts, file names to subjects and schema types.
// Shared by the loader and the writer so that what one writes the other reads back.

import { DEFAULT_CONTEXT } from "../core/subject-names.js";
import type { SchemaType } from "../formats/types.js";

export const SCHEMAS_DIR = "schemas";
export const CONTEXT_FILE = "context.yaml";
export const SIDECAR_EXTENSION = ".yaml";
export const DEFAULT_CONTEXT_FOLDER = "default";

/** Longest suffix first, so that `x.schema.json` is read as the JSON Schema `x`, not as `x.schema`. */
const SCHEMA_EXTENSIONS: readonly { suffix: string; schemaType: SchemaType }[] = [
  { suffix: ".schema.json", schemaType: "JSON" },
  { suffix: ".avsc", schemaType: "AVRO" },
  { suffix: ".proto", schemaType: "PROTOBUF" },
  { suffix: ".json", schemaType: "JSON" },
];

export interface SchemaFileName {
  stem: string;
  extension: string;
  /** The type the extension implies. */
  schemaType: SchemaType;
}

export function schemaFileName(fileName: string): SchemaFileName | undefined {
  for (const { suffix, schemaType } of SCHEMA_EXTENSIONS) {
    if (fileName.endsWith(suffix) && fileName.length > suffix.length) {
      return { stem: fileName.slice(0, -suffix.length), extension: suffix, schemaType };
    }
  }
  return undefined;
}

/**
 * The types a sidecar's `type:` may choose for a file with this extension: a plain `.json` file may hold
 * an Avro schema written as JSON; `.avsc`, `.proto` and `.schema.json` say what they are.
 */
export function typesAllowedFor(extension: string): readonly SchemaType[] {
  return extension === ".json"
    ? ["JSON", "AVRO"]
    : SCHEMA_EXTENSIONS.filter((e) => e.suffix === extension).map((e) => e.schemaType);
}

/** The file extension the writer uses for a schema type. */
export function extensionFor(schemaType: SchemaType): string {
  return schemaType === "AVRO" ? ".avsc" : schemaType === "PROTOBUF" ? ".proto" : ".json";
}

export function sidecarNameFor(stem: string): string {
  return `${stem}${SIDECAR_EXTENSION}`;
}

/** `default` is the default context; any other folder `n` is the context `.n`. */
export function contextOfFolder(folder: string): string {
  return folder === DEFAULT_CONTEXT_FOLDER ? DEFAULT_CONTEXT : `.${folder}`;
}

/** Entries the loader never reads: hidden files and folders (version control, editors, OS metadata). */
export function isHidden(name: string): boolean {
  return name.startsWith(".");
}
