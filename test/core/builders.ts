// Small builders for the planner's pure inputs.

import type {
  DesiredContext,
  DesiredState,
  DesiredSubject,
  ObservedContext,
  ObservedState,
  ObservedSubject,
  ObservedVersion,
} from "../../src/core/model.js";
import type { SchemaType } from "../../src/formats/types.js";

export function avro(name: string, ...fields: [string, unknown, unknown?][]): string {
  return JSON.stringify({
    type: "record",
    name,
    namespace: "com.acme",
    fields: fields.map(([n, type, def]) =>
      def === undefined ? { name: n, type } : { name: n, type, default: def },
    ),
  });
}

export function desiredSubject(
  name: string,
  schema: string,
  extra: Partial<DesiredSubject> = {},
): DesiredSubject {
  const context = extra.context ?? ".";
  return {
    context,
    name,
    schemaType: "AVRO",
    schema,
    references: [],
    settings: {},
    deleted: false,
    origin: { file: `schemas/${context === "." ? "default" : context.slice(1)}/${name}.avsc` },
    ...extra,
  };
}

export function desiredContext(name: string, settings: DesiredContext["settings"] = {}): DesiredContext {
  return {
    name,
    settings,
    origin: { file: `schemas/${name === "." ? "default" : name.slice(1)}/context.yaml` },
  };
}

export function desired(subjects: DesiredSubject[], contexts?: DesiredContext[]): DesiredState {
  const names = new Set(subjects.map((s) => s.context));
  return { subjects, contexts: contexts ?? [...names].map((n) => desiredContext(n)) };
}

let nextId = 100;

export function version(
  versionNumber: number,
  schema: string,
  extra: Partial<ObservedVersion> & { schemaType?: SchemaType } = {},
): ObservedVersion {
  return {
    version: versionNumber,
    id: nextId++,
    schemaType: "AVRO",
    schema,
    references: [],
    deleted: false,
    ...extra,
  };
}

export function observedSubject(
  name: string,
  versions: ObservedVersion[],
  extra: Partial<ObservedSubject> = {},
): ObservedSubject {
  return { context: ".", name, versions, config: undefined, mode: undefined, ...extra };
}

export function observed(subjects: ObservedSubject[], extra: Partial<ObservedState> = {}): ObservedState {
  const contextNames = new Set([".", ...subjects.map((s) => s.context)]);
  const contexts: ObservedContext[] = [...contextNames].map((name) => ({
    name,
    config: undefined,
    mode: undefined,
  }));
  return {
    contexts,
    subjects,
    global: { config: undefined, mode: undefined },
    serverDefaultLevel: "BACKWARD",
    capabilities: { contexts: true, modes: true },
    ...extra,
  };
}
