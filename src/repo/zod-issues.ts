// Turns zod's validation issues into located repository problems: each one points at the value (or, for an
// unknown key, at the key) in the YAML file, and says which keys would have been accepted.

import { z } from "zod";
import type { RepoIssue } from "./issues.js";
import { closestMatch } from "./suggest.js";
import type { YamlFile, YamlPath } from "./yaml-file.js";

export function locatedIssues(yaml: YamlFile, schema: z.ZodType, error: z.ZodError): RepoIssue[] {
  const out: RepoIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((s): s is string | number => typeof s !== "symbol");
    if (issue.code === "unrecognized_keys") {
      const allowed = allowedKeys(schema, path);
      for (const key of issue.keys) {
        out.push({
          file: yaml.file,
          ...yaml.locateKey([...path, key]),
          message: unknownKeyMessage(key, path, allowed),
        });
      }
      continue;
    }
    const missing = issue.code === "invalid_type" && / received undefined$/.test(issue.message);
    const received = / received (\w+)$/.exec(issue.message)?.[1] ?? "something else";
    const message = missing
      ? withPath(path.slice(0, -1), `missing required key "${String(path.at(-1))}"`)
      : path.length === 0 && issue.code === "invalid_type"
        ? `the file must be a mapping of keys to values, not ${received === "array" ? "a list" : `a ${received}`}`
        : withPath(path, issue.message);
    // A missing key has no place of its own: point at the key of the mapping that lacks it.
    const at = missing ? yaml.locateKey(path.slice(0, -1)) : yaml.locate(path);
    out.push({ file: yaml.file, ...at, message });
  }
  return out;
}

export function describePath(path: YamlPath): string {
  return path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

function withPath(path: YamlPath, message: string): string {
  return path.length === 0 ? message : `${describePath(path)}: ${message}`;
}

function unknownKeyMessage(key: string, path: YamlPath, allowed: string[]): string {
  const where = path.length === 0 ? "" : ` in ${describePath(path)}`;
  const suggestion = closestMatch(key, allowed);
  const hint = suggestion !== undefined ? `; did you mean "${suggestion}"?` : "";
  const list = allowed.length > 0 ? ` (allowed: ${allowed.join(", ")})` : "";
  return `unknown key "${key}"${where}${hint}${list}`;
}

/** The keys the object schema at `path` accepts, found by following the schema like the data. */
function allowedKeys(schema: z.ZodType, path: YamlPath): string[] {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodObject) current = current.shape[String(segment)] as z.ZodType | undefined;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else return [];
    current = current === undefined ? undefined : unwrap(current);
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault)
      current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.in as z.ZodType;
    else return current;
  }
}
