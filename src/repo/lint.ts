// Lint rules: things a careful reviewer would point out, reported as warnings. Each rule is one small
// function with an id, so that a finding says which rule produced it.

import type { ManagedSettings } from "../core/model.js";
import { member, parseJsonText, type JsonNode } from "../formats/jsontext/index.js";
import type { ProjectConfig } from "./config.js";
import type { ContextEntry, SchemaEntry } from "./entries.js";
import type { RepoIssue } from "./issues.js";
import type { ResolvedReference } from "./references.js";
import type { YamlFile } from "./yaml-file.js";

export interface LintInput {
  config: ProjectConfig;
  configYaml: YamlFile;
  contexts: ContextEntry[];
  /** Effective settings of each context (context.yaml over the project defaults). */
  contextSettings: Map<string, ManagedSettings>;
  entries: SchemaEntry[];
  references: Map<SchemaEntry, ResolvedReference[]>;
  ymlFiles: string[];
}

type Finding = Omit<RepoIssue, "rule">;

export interface LintRule {
  id: string;
  check(input: LintInput): Finding[];
}

/** A named Avro type at the root without a namespace: its full name collides easily across teams. */
const avroNamespace: LintRule = {
  id: "avro-namespace",
  check: ({ entries }) =>
    entries.flatMap((entry) => {
      if (entry.schemaType !== "AVRO") return [];
      const parsed = parseJsonText(entry.text);
      if (!parsed.ok) return [];
      const roots = parsed.value.kind === "array" ? parsed.value.items : [parsed.value];
      return roots.flatMap((root) => {
        const missing = namedTypeWithoutNamespace(root);
        if (missing === undefined) return [];
        return [
          {
            file: entry.path,
            line: missing.start.line,
            column: missing.start.column,
            message: `Avro ${missing.kind} "${missing.name}" has no namespace; a namespace keeps its full name unique and gives generated code a package`,
          },
        ];
      });
    }),
};

function namedTypeWithoutNamespace(
  node: JsonNode,
): { kind: string; name: string; start: { line: number; column: number } } | undefined {
  if (node.kind !== "object") return undefined;
  const type = member(node, "type");
  const name = member(node, "name");
  if (type?.kind !== "string" || !["record", "error", "enum", "fixed"].includes(type.value)) return undefined;
  if (name?.kind !== "string" || name.value.includes(".")) return undefined;
  const namespace = member(node, "namespace");
  if (namespace?.kind === "string" && namespace.value !== "") return undefined;
  return { kind: type.value, name: name.value, start: name.start };
}

/**
 * Producers and consumers find a topic's schemas under `<topic>-key` and `<topic>-value` by default.
 * Subjects that others reference are shared types, named freely.
 */
const topicSubjectName: LintRule = {
  id: "topic-subject-name",
  check: ({ entries, references }) => {
    const referenced = new Set([...references.values()].flat().map((r) => r.target));
    return entries
      .filter((e) => !referenced.has(e) && !/-(key|value)$/.test(e.subject))
      .map((e) => ({
        file: e.path,
        line: 1,
        column: 1,
        message: `subject "${e.subject}" does not follow TopicNameStrategy (<topic>-key or <topic>-value); clients using the default strategy will not find it`,
      }));
  },
};

/** A sidecar repeating its context's setting: it pins the subject, which is rarely what was meant. */
const redundantSetting: LintRule = {
  id: "redundant-setting",
  check: ({ entries, contextSettings }) =>
    entries.flatMap((entry) => {
      const sidecar = entry.sidecar;
      if (sidecar === undefined) return [];
      const context = contextSettings.get(entry.context) ?? {};
      return (["compatibility", "normalize", "mode"] as const)
        .filter((key) => sidecar.value[key] !== undefined && sidecar.value[key] === context[key])
        .map((key) => ({
          file: sidecar.path,
          ...sidecar.yaml.locateKey([key]),
          message: `${key} ${String(sidecar.value[key])} is already the setting of context "${entry.context}"; remove it unless the subject must keep it when the context changes`,
        }));
    }),
};

const ymlExtension: LintRule = {
  id: "yml-extension",
  check: ({ ymlFiles }) =>
    ymlFiles.map((file) => ({
      file,
      line: 1,
      column: 1,
      message: "not read: sidecars and context files use the .yaml extension",
    })),
};

/** Deleting a subject that another one still references fails at the registry. */
const referencedDeleted: LintRule = {
  id: "referenced-deleted",
  check: ({ entries, references }) =>
    entries.flatMap((entry) => {
      if (entry.sidecar?.value.deleted === true) return [];
      return (references.get(entry) ?? [])
        .filter((r) => r.target?.sidecar?.value.deleted === true)
        .map((r) => ({
          ...r.at,
          message: `references "${r.target!.subject}", which is marked deleted: the registry refuses to delete a referenced subject`,
        }));
    }),
};

const registryContextMissing: LintRule = {
  id: "registry-context-missing",
  check: ({ config, configYaml, contexts }) => {
    const known = new Set(contexts.map((c) => c.name));
    return Object.values(config.registries).flatMap((registry) =>
      (registry.contexts ?? []).flatMap((context, index) =>
        known.has(context)
          ? []
          : [
              {
                file: configYaml.file,
                ...configYaml.locate(["registries", registry.name, "contexts", index]),
                message: `registry "${registry.name}" lists context "${context}", which has no folder under schemas/`,
              },
            ],
      ),
    );
  },
};

export const LINT_RULES: readonly LintRule[] = [
  avroNamespace,
  topicSubjectName,
  redundantSetting,
  ymlExtension,
  referencedDeleted,
  registryContextMissing,
];

export function lint(input: LintInput, rules: readonly LintRule[] = LINT_RULES): RepoIssue[] {
  return rules.flatMap((rule) => rule.check(input).map((finding) => ({ ...finding, rule: rule.id })));
}
