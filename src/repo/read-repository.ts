// Reads the context folders under schemas/: context.yaml files, schema files and their sidecars. Produces
// the entries the later checks work on, and every problem of the files themselves.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { contextNameProblem } from "../core/subject-names.js";
import { withoutUndefined } from "./config.js";
import { subjectKey, type ContextEntry, type SchemaEntry } from "./entries.js";
import type { RepoIssue } from "./issues.js";
import {
  CONTEXT_FILE,
  contextOfFolder,
  schemaFileName,
  SIDECAR_EXTENSION,
  typesAllowedFor,
  type SchemaFileName,
} from "./layout.js";
import type { ScannedFile, ScannedFolder } from "./scan.js";
import { readContextFile, readSidecar } from "./subject-files.js";
import { mapLimit } from "../core/concurrency.js";

export interface RepositoryRead {
  contexts: ContextEntry[];
  entries: SchemaEntry[];
  /** `.yml` files under context folders: never read, reported by a lint rule. */
  ymlFiles: string[];
  errors: RepoIssue[];
  warnings: RepoIssue[];
}

/** Reads one file's text; repeated calls for a file share one read. */
type ReadText = (file: ScannedFile) => Promise<string>;

/** Files read at once: enough to keep the file system busy, few enough to stay under descriptor limits. */
const PARALLEL_READS = 64;

export async function readRepository(projectDir: string, folders: ScannedFolder[]): Promise<RepositoryRead> {
  const out: RepositoryRead = { contexts: [], entries: [], ymlFiles: [], errors: [], warnings: [] };
  const contextFolders = new Map<string, ContextEntry>();
  const texts = new Map<string, Promise<string>>();
  const read: ReadText = (file) => {
    let text = texts.get(file.path);
    if (text === undefined) texts.set(file.path, (text = readText(projectDir, file)));
    return text;
  };
  for (const folder of folders) {
    // Reading ten thousand small files one after the other costs seconds; in parallel, a fraction.
    await mapLimit(folder.files.filter(isReadByLoader), PARALLEL_READS, read);
    const context = await readContextFolder(read, folder, out);
    const earlier = contextFolders.get(context.name);
    if (earlier !== undefined) {
      out.errors.push({
        ...contextNameLocation(context),
        message: `context "${context.name}" is already declared by ${earlier.folderPath}/; each context has one folder`,
      });
      continue;
    }
    contextFolders.set(context.name, context);
    out.contexts.push(context);
    await readSubjects(read, folder, context, out);
  }
  return out;
}

async function readContextFolder(
  read: ReadText,
  folder: ScannedFolder,
  out: RepositoryRead,
): Promise<ContextEntry> {
  const context: ContextEntry = {
    name: contextOfFolder(folder.folder),
    folder: folder.folder,
    folderPath: folder.path,
    declared: {},
  };
  const file = folder.files.find((f) => f.contextPath === CONTEXT_FILE);
  if (file !== undefined) {
    const contextFile = readContextFile(file.path, await read(file));
    out.errors.push(...contextFile.errors);
    out.warnings.push(...contextFile.warnings);
    if (contextFile.value !== undefined) {
      context.contextFile = { path: file.path, value: contextFile.value, yaml: contextFile.yaml };
      if (contextFile.value.name !== undefined) context.name = contextFile.value.name;
      const { compatibility, normalize, mode } = contextFile.value;
      context.declared = withoutUndefined({ compatibility, normalize, mode });
      if (contextFile.value.name !== undefined) return context;
    }
  }
  const problem = contextNameProblem(context.name);
  if (problem !== undefined) {
    out.errors.push({
      file: folder.path,
      line: 1,
      column: 1,
      message: `folder "${folder.folder}" does not give a valid context name: ${problem}; rename the folder or set name: in ${CONTEXT_FILE}`,
    });
  }
  return context;
}

function contextNameLocation(context: ContextEntry): Omit<RepoIssue, "message"> {
  const file = context.contextFile;
  if (file?.value.name !== undefined) return { file: file.path, ...file.yaml.locate(["name"]) };
  return { file: context.folderPath, line: 1, column: 1 };
}

/** The schema files sharing one directory and stem, and the sidecar beside them. */
interface Group {
  schemas: (ScannedFile & SchemaFileName)[];
  sidecar?: ScannedFile;
}

async function readSubjects(
  read: ReadText,
  folder: ScannedFolder,
  context: ContextEntry,
  out: RepositoryRead,
): Promise<void> {
  const seen = new Map<string, SchemaEntry>();
  for (const [key, group] of groupFiles(folder, out)) {
    if (group.schemas.length === 0) {
      if (group.sidecar !== undefined) out.errors.push(orphanSidecar(group.sidecar, key));
      continue;
    }
    const sidecar = group.sidecar && (await readSidecarFile(read, group.sidecar, out));
    for (const schema of group.schemas) {
      const entry = await readEntry(read, context, schema, sidecar, out);
      if (entry === undefined) continue;
      const earlier = seen.get(subjectKey(entry.context, entry.subject));
      if (earlier !== undefined) {
        out.errors.push(duplicateSubject(entry, earlier));
        continue;
      }
      seen.set(subjectKey(entry.context, entry.subject), entry);
      out.entries.push(entry);
    }
  }
}

function groupFiles(folder: ScannedFolder, out: RepositoryRead): Map<string, Group> {
  const groups = new Map<string, Group>();
  const groupOf = (dir: string, stem: string): Group => {
    const key = `${dir}/${stem}`;
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { schemas: [] }));
    return group;
  };
  for (const file of folder.files) {
    if (file.contextPath === CONTEXT_FILE) continue;
    const dir = path.posix.dirname(file.contextPath);
    const base = path.posix.basename(file.contextPath);
    const schema = schemaFileName(base);
    if (schema !== undefined) groupOf(dir, schema.stem).schemas.push({ ...file, ...schema });
    else if (base.endsWith(SIDECAR_EXTENSION))
      groupOf(dir, base.slice(0, -SIDECAR_EXTENSION.length)).sidecar = file;
    else if (base.endsWith(".yml")) out.ymlFiles.push(file.path);
  }
  return groups;
}

async function readSidecarFile(
  read: ReadText,
  file: ScannedFile,
  out: RepositoryRead,
): Promise<SchemaEntry["sidecar"]> {
  const sidecar = readSidecar(file.path, await read(file));
  out.errors.push(...sidecar.errors);
  out.warnings.push(...sidecar.warnings);
  return sidecar.value && { path: file.path, value: sidecar.value, yaml: sidecar.yaml };
}

/** The entry of one schema file; a broken sidecar still lets the schema itself be checked. */
async function readEntry(
  read: ReadText,
  context: ContextEntry,
  schema: ScannedFile & SchemaFileName,
  sidecar: SchemaEntry["sidecar"],
  out: RepositoryRead,
): Promise<SchemaEntry | undefined> {
  const entry: SchemaEntry = {
    path: schema.path,
    contextPath: schema.contextPath,
    context: context.name,
    subject: sidecar?.value.subject ?? schema.stem,
    schemaType: schema.schemaType,
    text: await read(schema),
    ...(sidecar ? { sidecar } : {}),
  };
  const declaredType = sidecar?.value.type;
  if (sidecar && declaredType !== undefined) {
    const allowed = typesAllowedFor(schema.extension);
    if (allowed.includes(declaredType)) entry.schemaType = declaredType;
    else
      out.errors.push({
        file: sidecar.path,
        ...sidecar.yaml.locate(["type"]),
        message: `type ${declaredType} does not fit a ${schema.extension} file (allowed: ${allowed.join(", ")})`,
      });
  }
  if (/\p{Cc}/u.test(entry.subject)) {
    out.errors.push({
      file: entry.path,
      line: 1,
      column: 1,
      message: "subject names must not contain control characters",
    });
    return undefined;
  }
  return entry;
}

function orphanSidecar(sidecar: ScannedFile, groupKey: string): RepoIssue {
  const stem = path.posix.basename(groupKey);
  return {
    file: sidecar.path,
    line: 1,
    column: 1,
    message: `sidecar without a schema file: expected ${stem}.avsc, ${stem}.proto, ${stem}.json or ${stem}.schema.json beside it`,
  };
}

function duplicateSubject(entry: SchemaEntry, earlier: SchemaEntry): RepoIssue {
  const location =
    entry.sidecar?.value.subject !== undefined
      ? { file: entry.sidecar.path, ...entry.sidecar.yaml.locate(["subject"]) }
      : { file: entry.path, line: 1, column: 1 };
  return {
    ...location,
    message: `duplicate subject "${entry.subject}" in context "${entry.context}": defined by both ${earlier.path} and ${entry.path}`,
  };
}

/** The files the loader reads: schema files, sidecars and context.yaml (not `.yml` files, which it reports). */
function isReadByLoader(file: ScannedFile): boolean {
  const base = path.posix.basename(file.contextPath);
  return (
    file.contextPath === CONTEXT_FILE ||
    schemaFileName(base) !== undefined ||
    base.endsWith(SIDECAR_EXTENSION)
  );
}

async function readText(projectDir: string, file: ScannedFile): Promise<string> {
  return readFile(path.join(projectDir, ...file.path.split("/")), "utf8");
}
