// Writes subjects and context settings as repository files: the inverse of loadProject, used by import.
// Existing files of the same subjects and contexts are updated in place (wherever they live); every other
// file is left alone. Each file is written to a temporary name and renamed, so a reader never sees half a
// file. Loading what was written gives back the same desired state.

import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import type { DesiredContext, DesiredSubject, ManagedSettings } from "../core/model.js";
import type { SchemaType } from "../formats/types.js";
import { withoutUndefined } from "./config.js";
import { subjectKey, type ContextEntry, type SchemaEntry } from "./entries.js";
import { isPortableName, portableName } from "./file-names.js";
import {
  CONTEXT_FILE,
  contextOfFolder,
  DEFAULT_CONTEXT_FOLDER,
  extensionFor,
  schemaFileName,
  SCHEMAS_DIR,
  sidecarNameFor,
} from "./layout.js";
import { prettyJson } from "./pretty-json.js";
import { readRepository } from "./read-repository.js";
import { readOptional, scanSchemas } from "./scan.js";

/** A subject to write: a desired subject, without the file it came from. Avro and JSON are pretty-printed. */
export type SubjectToWrite = Omit<DesiredSubject, "origin" | "deleted"> & { deleted?: boolean };

export type ContextToWrite = Pick<DesiredContext, "name" | "settings">;

export interface WriteRequest {
  subjects: SubjectToWrite[];
  /** Contexts whose context.yaml settings are written (an empty `settings` clears them). */
  contexts?: ContextToWrite[];
}

export interface WriteResult {
  /** Files created or changed, relative to the project directory. */
  written: string[];
  /** Files removed: a sidecar or context.yaml left with nothing to say, a schema file whose type changed. */
  removed: string[];
}

/**
 * Note that contexts without settings inherit the project `defaults` on load: a caller that wants the
 * registry's state back exactly writes settings for every context, or no defaults.
 */
export async function writeRepository(dir: string, request: WriteRequest): Promise<WriteResult> {
  const existing = await readRepository(dir, (await scanSchemas(dir)).folders);
  const layout = new Layout(existing.contexts, existing.entries);
  const result: WriteResult = { written: [], removed: [] };
  const files = new Files(dir, result);

  for (const subject of request.subjects) {
    const folder = layout.folderFor(subject.context);
    const placed = layout.placeSubject(subject, folder);
    if (placed.replaces !== undefined) await files.remove(placed.replaces);
    await files.write(placed.schemaPath, schemaText(subject));
    const sidecar = sidecarContent(subject, placed.stem, placed.extensionType);
    if (sidecar === undefined) await files.remove(placed.sidecarPath);
    else await files.write(placed.sidecarPath, sidecar);
  }

  const explicit = new Map((request.contexts ?? []).map((c) => [c.name, c]));
  for (const name of new Set([...explicit.keys(), ...request.subjects.map((s) => s.context)])) {
    const folder = layout.folderFor(name);
    const contextPath = `${SCHEMAS_DIR}/${folder}/${CONTEXT_FILE}`;
    const needsName = contextOfFolder(folder) !== name;
    const context = explicit.get(name);
    if (context === undefined) {
      // Only the mapping must be recorded; an existing context.yaml already does or is left alone.
      if (needsName && !layout.hasContextFile(name)) await files.write(contextPath, yamlText({ name }));
      continue;
    }
    const content = withoutUndefined({
      name: needsName ? name : undefined,
      ...orderedSettings(context.settings),
    });
    if (Object.keys(content).length === 0) await files.remove(contextPath);
    else await files.write(contextPath, yamlText(content));
  }
  return result;
}

interface Placement {
  schemaPath: string;
  sidecarPath: string;
  stem: string;
  /** The type the file's extension implies (a `.json` file may hold Avro). */
  extensionType: SchemaType;
  /** An existing schema file of the subject that the new one replaces (its type changed). */
  replaces?: string;
}

/** Decides folder and file names, reusing what the repository already has. */
class Layout {
  readonly #folders = new Map<string, string>();
  readonly #contextFiles = new Set<string>();
  readonly #entries: Map<string, SchemaEntry>;
  /** Lower-cased file stems per directory, so that no two subjects share a name on case-insensitive disks. */
  readonly #stems = new Map<string, Set<string>>();

  constructor(contexts: ContextEntry[], entries: SchemaEntry[]) {
    for (const context of contexts) {
      this.#folders.set(context.name, context.folder);
      if (context.contextFile) this.#contextFiles.add(context.name);
    }
    this.#entries = new Map(entries.map((e) => [subjectKey(e.context, e.subject), e]));
    for (const entry of entries)
      this.#claimStem(path.posix.dirname(entry.path), schemaFileName(path.posix.basename(entry.path))!.stem);
  }

  hasContextFile(context: string): boolean {
    return this.#contextFiles.has(context);
  }

  folderFor(context: string): string {
    const known = this.#folders.get(context);
    if (known !== undefined) return known;
    const natural = context === "." ? DEFAULT_CONTEXT_FOLDER : context.slice(1);
    const taken = new Set(this.#folders.values());
    const usable = (folder: string): boolean => isPortableName(folder) && !taken.has(folder);
    const folder = usable(natural) && contextOfFolder(natural) === context ? natural : portableName(natural);
    this.#folders.set(context, folder);
    return folder;
  }

  placeSubject(subject: SubjectToWrite, folder: string): Placement {
    const existing = this.#entries.get(subjectKey(subject.context, subject.name));
    if (existing !== undefined) {
      const dir = path.posix.dirname(existing.path);
      const name = schemaFileName(path.posix.basename(existing.path))!;
      const keeps =
        name.extension === ".json"
          ? subject.schemaType !== "PROTOBUF"
          : name.schemaType === subject.schemaType;
      const extension = keeps ? name.extension : extensionFor(subject.schemaType);
      return {
        schemaPath: `${dir}/${name.stem}${extension}`,
        sidecarPath: `${dir}/${sidecarNameFor(name.stem)}`,
        stem: name.stem,
        extensionType: keeps ? name.schemaType : subject.schemaType,
        ...(keeps ? {} : { replaces: existing.path }),
      };
    }
    const dir = `${SCHEMAS_DIR}/${folder}`;
    const extension = extensionFor(subject.schemaType);
    const stem = this.#newStem(dir, subject.name, extension);
    return {
      schemaPath: `${dir}/${stem}${extension}`,
      sidecarPath: `${dir}/${sidecarNameFor(stem)}`,
      stem,
      extensionType: subject.schemaType,
    };
  }

  #newStem(dir: string, subject: string, extension: string): string {
    const fileName = `${subject}${extension}`;
    const readsBack = schemaFileName(fileName)?.stem === subject;
    // At the context root, `context.yaml` is the context's own file and cannot be a sidecar.
    const free = subject.toLowerCase() !== "context" && !this.#stems.get(dir)?.has(subject.toLowerCase());
    const stem = isPortableName(subject) && readsBack && free ? subject : portableName(subject);
    this.#claimStem(dir, stem);
    return stem;
  }

  #claimStem(dir: string, stem: string): void {
    const stems = this.#stems.get(dir) ?? new Set<string>();
    stems.add(stem.toLowerCase());
    this.#stems.set(dir, stems);
  }
}

function schemaText(subject: SubjectToWrite): string {
  const pretty = subject.schemaType === "PROTOBUF" ? undefined : prettyJson(subject.schema);
  const text = pretty ?? subject.schema;
  return text.endsWith("\n") ? text : `${text}\n`;
}

function sidecarContent(
  subject: SubjectToWrite,
  stem: string,
  extensionType: SchemaType,
): string | undefined {
  const content = withoutUndefined({
    subject: stem !== subject.name ? subject.name : undefined,
    type: extensionType !== subject.schemaType ? subject.schemaType : undefined,
    ...orderedSettings(subject.settings),
    references: subject.references.length > 0 ? subject.references.map((r) => ({ ...r })) : undefined,
    metadata:
      subject.metadata !== undefined && Object.keys(subject.metadata).length > 0
        ? subject.metadata
        : undefined,
    ruleSet: subject.ruleSet,
    deleted: subject.deleted === true ? true : undefined,
  });
  return Object.keys(content).length === 0 ? undefined : yamlText(content);
}

function orderedSettings(settings: ManagedSettings): ManagedSettings {
  return withoutUndefined({
    compatibility: settings.compatibility,
    normalize: settings.normalize,
    mode: settings.mode,
  });
}

function yamlText(value: object): string {
  return stringify(value, { lineWidth: 0 });
}

/** Writes through a temporary file and a rename; skips files whose content is already right. */
class Files {
  constructor(
    private readonly dir: string,
    private readonly result: WriteResult,
  ) {}

  async write(relative: string, content: string): Promise<void> {
    const target = this.#absolute(relative);
    if ((await readOptional(target)) === content) return;
    await mkdir(path.dirname(target), { recursive: true });
    // Hidden, so that a loader never reads a temporary file left behind by a crash.
    const temporary = path.join(
      path.dirname(target),
      `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`,
    );
    try {
      await writeFile(temporary, content, "utf8");
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    this.result.written.push(relative);
  }

  async remove(relative: string): Promise<void> {
    const target = this.#absolute(relative);
    if ((await readOptional(target)) === undefined) return;
    await rm(target);
    this.result.removed.push(relative);
  }

  #absolute(relative: string): string {
    return path.join(this.dir, ...relative.split("/"));
  }
}
