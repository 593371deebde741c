// Metadata and rule sets kept as Confluent Enterprise keeps them (registry-rest-api.md §6): sorted,
// merged at registration with the config's defaults and overrides, and validated (42210).

import { errors } from "./errors.js";
import type { Metadata, Rule, RuleSet } from "./model.js";

export const CONFLUENT_VERSION = "confluent:version";

const sortedRecord = <V>(record: Record<string, V>, map: (v: V) => V = (v) => v): Record<string, V> =>
  Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, map(record[key]!)]),
  );
const sortedSet = (values: string[]) => [...new Set(values)].sort();
const isEmpty = (value: object | undefined) => value === undefined || Object.keys(value).length === 0;

/** Sorted maps and sets with empty parts dropped; undefined when nothing is left. */
export function normalizeMetadata(metadata: Metadata | undefined): Metadata | undefined {
  if (!metadata) return undefined;
  const result: Metadata = {};
  if (!isEmpty(metadata.tags)) result.tags = sortedRecord(metadata.tags!, sortedSet);
  if (!isEmpty(metadata.properties)) result.properties = sortedRecord(metadata.properties!);
  if (metadata.sensitive?.length) result.sensitive = sortedSet(metadata.sensitive);
  return isEmpty(result) ? undefined : result;
}

export function normalizeRule(rule: Rule): Rule {
  const result: Rule = { ...rule };
  if (rule.tags?.length) result.tags = sortedSet(rule.tags);
  else delete result.tags;
  if (!isEmpty(rule.params)) result.params = sortedRecord(rule.params!);
  else delete result.params;
  return result;
}

export function normalizeRuleSet(ruleSet: RuleSet | undefined): RuleSet | undefined {
  if (!ruleSet) return undefined;
  const result: RuleSet = {};
  for (const key of ["migrationRules", "domainRules", "encodingRules"] as const) {
    const rules = ruleSet[key];
    if (rules?.length) result[key] = rules.map(normalizeRule);
  }
  return isEmpty(result) ? undefined : result;
}

/** Later wins: properties and tags by key, sensitive as a union (Metadata.mergeMetadata). */
export function mergeMetadata(
  older: Metadata | undefined,
  newer: Metadata | undefined,
): Metadata | undefined {
  if (!older) return newer;
  if (!newer) return older;
  return normalizeMetadata({
    tags: { ...older.tags, ...newer.tags },
    properties: { ...older.properties, ...newer.properties },
    sensitive: [...(older.sensitive ?? []), ...(newer.sensitive ?? [])],
  });
}

/** Rules merge by name: an older rule with a newer rule's name is replaced, newer rules come last. */
export function mergeRuleSets(older: RuleSet | undefined, newer: RuleSet | undefined): RuleSet | undefined {
  if (!older) return newer;
  if (!newer) return older;
  const merge = (a: Rule[] | undefined, b: Rule[] | undefined) => {
    if (!a?.length) return b;
    if (!b?.length) return a;
    const names = new Set(b.map((r) => r.name));
    return [...a.filter((r) => !names.has(r.name)), ...b];
  };
  return normalizeRuleSet({
    migrationRules: merge(older.migrationRules, newer.migrationRules),
    domainRules: merge(older.domainRules, newer.domainRules),
    encodingRules: merge(older.encodingRules, newer.encodingRules),
  });
}

export function withConfluentVersion(metadata: Metadata | undefined, version: number): Metadata | undefined {
  return mergeMetadata(metadata, { properties: { [CONFLUENT_VERSION]: String(version) } });
}

export function withoutConfluentVersion(metadata: Metadata | undefined): Metadata | undefined {
  if (!metadata?.properties || !(CONFLUENT_VERSION in metadata.properties)) return metadata;
  const { [CONFLUENT_VERSION]: _dropped, ...properties } = metadata.properties;
  return normalizeMetadata({ ...metadata, properties });
}

const MIGRATION_MODES = new Set(["UPGRADE", "DOWNGRADE", "UPDOWN"]);
const DOMAIN_MODES = new Set(["WRITE", "READ", "WRITEREAD"]);
const RULE_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** RuleSet.validate: the first problem found, as a 42210. */
export function validateRuleSet(ruleSet: RuleSet | undefined): void {
  if (!ruleSet) return;
  const groups: [Rule[] | undefined, Set<string>, string][] = [
    [ruleSet.migrationRules, MIGRATION_MODES, "Migration rules can only be UPGRADE, DOWNGRADE, UPDOWN"],
    [ruleSet.domainRules, DOMAIN_MODES, "Domain rules can only be WRITE, READ, WRITEREAD"],
    [ruleSet.encodingRules, DOMAIN_MODES, "Encoding rules can only be WRITE, READ, WRITEREAD"],
  ];
  for (const [rules, modes, modeMessage] of groups) {
    const names = new Set<string | undefined>();
    for (const rule of rules ?? []) {
      if (names.has(rule.name)) throw errors.invalidRuleSet(`Found rule with duplicate name '${rule.name}'`);
      names.add(rule.name);
      validateRule(rule);
      if (!modes.has(rule.mode)) throw errors.invalidRuleSet(modeMessage);
    }
  }
}

function validateRule(rule: Rule): void {
  const { name } = rule;
  if (name === undefined) throw errors.invalidRuleSet("Missing rule name");
  if (name.length === 0) throw errors.invalidRuleSet("Empty rule name");
  if (!RULE_NAME.test(name)) {
    const message = /^[\p{L}_]/u.test(name)
      ? "Illegal character in rule name: "
      : "Illegal initial character in rule name: ";
    throw errors.invalidRuleSet(message + name);
  }
  if (rule.type === undefined) throw errors.invalidRuleSet("Missing rule type");
}
