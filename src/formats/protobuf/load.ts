// Parses a schema and every file it imports: references supplied with the input (matched by import
// path, at any nesting depth, as the registry flattens them) or the built-in protos. Problems are
// collected, each located in the file where it occurs.

import type { ResolvedReference, SchemaInput, SchemaIssue } from "../types.js";
import type { ProtoFile } from "./ast.js";
import { parseProto } from "./parser.js";
import { ProtoSyntaxError } from "./tokenizer.js";
import { builtInSource } from "./well-known.js";

export interface LoadedFile {
  /** Import path; undefined for the main schema text. */
  path?: string;
  file: ProtoFile;
  /**
   * Subject and version of a file supplied as one of the schema's own (top-level) references. The
   * registry's differ only knows those; files reached through nested references have none.
   */
  directReference?: { subject?: string; version?: number };
  builtIn: boolean;
}

export type LoadResult =
  { ok: true; main: LoadedFile; files: LoadedFile[] } | { ok: false; errors: SchemaIssue[] };

/** Parses one text, turning a syntax error into a located issue. */
export function parseText(text: string, source?: string): { file: ProtoFile } | { error: SchemaIssue } {
  try {
    return { file: parseProto(text, source) };
  } catch (error) {
    if (error instanceof ProtoSyntaxError) {
      const issue: SchemaIssue = { message: error.message, line: error.line, column: error.column };
      if (source !== undefined) issue.source = source;
      return { error: issue };
    }
    throw error;
  }
}

/**
 * Built-in files are parsed once: trees are never modified after parsing (the normalizer copies),
 * so they can be shared by every schema that imports them.
 */
const builtInCache = new Map<string, ProtoFile>();

function parsedBuiltIn(path: string, text: string): ProtoFile {
  let file = builtInCache.get(path);
  if (file === undefined) {
    file = parseProto(text, path);
    builtInCache.set(path, file);
  }
  return file;
}

/** All references by name, outer ones first, as the registry resolves them into one map. */
function flattenReferences(references: ResolvedReference[] | undefined): Map<string, ResolvedReference> {
  const byName = new Map<string, ResolvedReference>();
  const visit = (list: ResolvedReference[] | undefined): void => {
    for (const ref of list ?? []) if (!byName.has(ref.name)) byName.set(ref.name, ref);
    for (const ref of list ?? []) visit(ref.references);
  };
  visit(references);
  return byName;
}

export function loadSchema(input: SchemaInput): LoadResult {
  const parsed = parseText(input.schema);
  if ("error" in parsed) return { ok: false, errors: [parsed.error] };
  const main: LoadedFile = { file: parsed.file, builtIn: false };
  const references = flattenReferences(input.references);
  const direct = new Set((input.references ?? []).map((r) => r.name));
  const files: LoadedFile[] = [main];
  const loaded = new Map<string, LoadedFile | null>();
  const errors: SchemaIssue[] = [];

  const queue: LoadedFile[] = [main];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const imp of current.file.imports) {
      if (loaded.has(imp.path)) continue;
      const reference = references.get(imp.path);
      const text = reference?.schema ?? builtInSource(imp.path);
      if (text === undefined) {
        loaded.set(imp.path, null);
        const issue: SchemaIssue = {
          message: `import "${imp.path}" cannot be resolved: add a reference named "${imp.path}" (subject and version of the schema it stands for)`,
          line: imp.line,
          column: imp.column,
        };
        if (imp.source !== undefined) issue.source = imp.source;
        errors.push(issue);
        continue;
      }
      const result =
        reference === undefined ? { file: parsedBuiltIn(imp.path, text) } : parseText(text, imp.path);
      if ("error" in result) {
        loaded.set(imp.path, null);
        errors.push(result.error);
        continue;
      }
      const file: LoadedFile = { path: imp.path, file: result.file, builtIn: reference === undefined };
      if (reference !== undefined && direct.has(imp.path)) {
        const where: { subject?: string; version?: number } = {};
        if (reference.subject !== undefined) where.subject = reference.subject;
        if (reference.version !== undefined) where.version = reference.version;
        file.directReference = where;
      }
      loaded.set(imp.path, file);
      files.push(file);
      queue.push(file);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, main, files };
}
