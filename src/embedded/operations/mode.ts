// `/mode` (registry-rest-api.md §2.6, §4.7): READWRITE, READONLY, IMPORT and FORWARD at subject,
// context, top level and `:.__GLOBAL:`; the rules of switching to IMPORT.

import { errors, notPermitted } from "../errors.js";
import { GLOBAL_CONTEXT, MODES, type Mode } from "../model.js";
import { outcome, type Change } from "../store/changes.js";
import type { RegistryState, SubjectState } from "../store/state.js";
import { DEFAULT_CONTEXT, type SubjectRef } from "../subjects.js";
import { configScope } from "./config.js";
import { purgeSoftDeleted } from "./deletes.js";
import { effectiveMode } from "./scope.js";
import type { Services } from "./services.js";

function storedMode(state: RegistryState, scope: SubjectRef): Mode | undefined {
  return scope.name === ""
    ? state.context(scope.context)?.mode
    : state.subject(scope.context, scope.name)?.mode;
}

const isTopLevel = (scope: SubjectRef) => scope.name === "" && scope.context === DEFAULT_CONTEXT;

export function getMode(
  services: Services,
  rawSubject: string | undefined,
  defaultToGlobal: boolean,
): { mode: Mode } {
  const scope = configScope(rawSubject);
  const { state } = services.store;
  if (defaultToGlobal) return { mode: effectiveMode(state, scope.context, scope.name) };
  const stored = storedMode(state, scope);
  if (stored) return { mode: stored };
  if (isTopLevel(scope)) return { mode: "READWRITE" };
  throw errors.subjectModeNotFound(scope.qualified);
}

/** Sets (or with `null` clears) a mode and echoes the request. */
export function putMode(
  services: Services,
  rawSubject: string | undefined,
  requested: string | null,
  force: boolean,
): Promise<{ mode: string | null }> {
  if (!services.settings.modeMutability) throw notPermitted.modeChangesDisabled();
  const scope = configScope(rawSubject);
  const mode = requested === null ? null : parseMode(requested);
  if (mode === "FORWARD" && !(scope.context === GLOBAL_CONTEXT && scope.name === ""))
    throw errors.forwardModeNotGlobal();
  return services.store.write((state) => {
    const changes: Change[] = [];
    const switchingToImport =
      mode === "IMPORT" && effectiveMode(state, scope.context, scope.name) !== "IMPORT";
    if (switchingToImport && !force) {
      const inScope = subjectsInScope(state, scope);
      if (inScope.some((s) => s.versions.some((v) => !v.deleted))) throw notPermitted.importWithSubjects();
      changes.push(
        ...purgeSoftDeleted(
          state,
          inScope.filter((s) => s.versions.length > 0),
        ),
      );
    }
    changes.push(setMode(scope, mode));
    return outcome({ mode: requested }, changes);
  });
}

export function deleteMode(
  services: Services,
  rawSubject: string | undefined,
  recursive: boolean,
): Promise<{ mode?: Mode }> {
  const scope = configScope(rawSubject);
  return services.store.write((state) => {
    const previous = storedMode(state, scope);
    if (!previous && !recursive && !isTopLevel(scope)) throw errors.subjectNotFound(scope.qualified);
    const changes: Change[] = previous ? [setMode(scope, null)] : [];
    if (recursive && scope.name === "") {
      for (const subject of state.context(scope.context)?.subjects.values() ?? []) {
        if (subject.mode) changes.push(setMode(subject.ref, null));
      }
    }
    const shown = previous ?? (isTopLevel(scope) && !recursive ? "READWRITE" : undefined);
    return outcome(shown ? { mode: shown } : {}, changes);
  });
}

/** Case-insensitive; 42204 for anything but a known mode. */
function parseMode(text: string): Mode {
  const upper = text.trim().toUpperCase();
  if (!(MODES as readonly string[]).includes(upper)) throw errors.invalidMode();
  return upper as Mode;
}

/** The whole registry for the top level and `:.__GLOBAL:`, a context, or one subject. */
function subjectsInScope(state: RegistryState, scope: SubjectRef): SubjectState[] {
  if (scope.name !== "") {
    const subject = state.subject(scope.context, scope.name);
    return subject ? [subject] : [];
  }
  if (scope.context === DEFAULT_CONTEXT || scope.context === GLOBAL_CONTEXT) return [...state.allSubjects()];
  return [...(state.context(scope.context)?.subjects.values() ?? [])];
}

function setMode(scope: SubjectRef, mode: Mode | null): Change {
  return scope.name === ""
    ? { op: "setContextMode", context: scope.context, mode }
    : { op: "setSubjectMode", context: scope.context, subject: scope.name, mode };
}
