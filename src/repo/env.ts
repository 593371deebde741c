// `${VAR}` expansion in the string values of a YAML document, from an environment given by the caller.
// `$${` writes a literal `${`. A missing variable is an error located on the value that names it.

import { isScalar, visit } from "yaml";
import type { RepoIssue } from "./issues.js";
import type { YamlFile } from "./yaml-file.js";

export type Environment = Readonly<Record<string, string | undefined>>;

const REFERENCE = /\$\$\{|\$\{([^}]*)\}?/g;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

// YAML reads `{` and `}` as flow-mapping indicators, so `{ user: ${USER} }` would not even parse. Before
// parsing, the braces of every `${...}` become two private-use characters (one UTF-16 unit each, so every
// position stays the same); they are turned back into braces in every scalar, before expansion.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const BRACED_REFERENCE = /\$\{([^{}\s]*)\}/g;

/** The text with `${...}` protected from YAML's flow indicators; unchanged if it uses the stand-ins itself. */
export function protectReferences(text: string): string {
  if (text.includes(OPEN) || text.includes(CLOSE)) return text;
  return text.replace(BRACED_REFERENCE, (_, name: string) => `$${OPEN}${name}${CLOSE}`);
}

export function restoreBraces(text: string): string {
  return text.replaceAll(OPEN, "{").replaceAll(CLOSE, "}");
}

export type Expansion = { ok: true; value: string } | { ok: false; message: string };

/** Expands one string; every problem in it is reported in one message. */
export function expandString(text: string, env: Environment): Expansion {
  const problems: string[] = [];
  const value = text.replace(REFERENCE, (match, name: string | undefined) => {
    if (match === "$${") return "${";
    if (!match.endsWith("}")) {
      problems.push(`unterminated "\${" (write "$\${" for a literal "\${")`);
      return match;
    }
    if (name === undefined || !VARIABLE_NAME.test(name)) {
      problems.push(`invalid variable name ${JSON.stringify(name ?? "")} in "${match}"`);
      return match;
    }
    const found = env[name];
    if (found === undefined) {
      problems.push(`environment variable ${name} is not set`);
      return match;
    }
    return found;
  });
  return problems.length === 0 ? { ok: true, value } : { ok: false, message: problems.join("; ") };
}

/**
 * Replaces every string value of the document by its expansion, in place. Keys are left alone: they are
 * names the file format defines or names chosen by the user, never values from the environment.
 */
export function expandDocument(yaml: YamlFile, env: Environment): RepoIssue[] {
  const issues: RepoIssue[] = [];
  visit(yaml.document, {
    Scalar(key, node) {
      if (!isScalar(node) || typeof node.value !== "string") return;
      const text = restoreBraces(node.value);
      node.value = text;
      if (key === "key" || !text.includes("$")) return;
      const expansion = expandString(text, env);
      if (expansion.ok) {
        node.value = expansion.value;
        return;
      }
      issues.push({ file: yaml.file, ...yaml.at(node.range?.[0] ?? 0), message: expansion.message });
    },
  });
  return issues;
}
