// What the loader knows about each context folder and each schema file once the files are read: the raw
// material of the desired state, with the positions needed to report problems and lint findings.

import type { ManagedSettings } from "../core/model.js";
import type { SchemaType } from "../formats/types.js";
import type { ContextFile, Sidecar } from "./subject-files.js";
import type { YamlFile } from "./yaml-file.js";

export interface ContextEntry {
  /** The context name (`.` or `.name`). */
  name: string;
  folder: string;
  /** `schemas/<folder>`. */
  folderPath: string;
  contextFile?: { path: string; value: ContextFile; yaml: YamlFile };
  /** Settings declared by context.yaml alone (the project defaults are applied later). */
  declared: ManagedSettings;
}

export interface SchemaEntry {
  /** Relative to the project directory. */
  path: string;
  /** Relative to the context folder: what Protobuf imports and JSON `$ref`s are matched against. */
  contextPath: string;
  context: string;
  subject: string;
  schemaType: SchemaType;
  text: string;
  sidecar?: { path: string; value: Sidecar; yaml: YamlFile };
}

/** `subject` as written by someone in `context`: bare names live in the same context. */
export function subjectKey(context: string, subject: string): string {
  return `${context}\u0000${subject}`;
}

/** How a message names a broken schema of this type. */
export function invalidSchemaLabel(schemaType: SchemaType): string {
  if (schemaType === "JSON") return "invalid JSON Schema";
  return schemaType === "AVRO" ? "invalid Avro schema" : "invalid Protobuf schema";
}
