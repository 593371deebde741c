// A YAML file read with positions: its value, its syntax problems, and a way to find where any value (or
// key) of the document sits, so that validation problems point at the exact line and column.

import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { RepoIssue } from "./issues.js";

export type YamlPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface YamlFile {
  file: string;
  document: Document;
  errors: RepoIssue[];
  warnings: RepoIssue[];
  /** Where the value at `path` starts; the nearest existing ancestor when the path does not exist. */
  locate(path: YamlPath): Position;
  /** Where the key at `path` (its last segment) is written; falls back to `locate`. */
  locateKey(path: YamlPath): Position;
  /** Line and column of a character offset in the file. */
  at(offset: number): Position;
}

export function readYaml(file: string, text: string): YamlFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const toIssue = (e: { message: string; pos: [number, number] }): RepoIssue => ({
    file,
    ...at(e.pos[0]),
    message: `YAML: ${firstLine(e.message)}`,
  });
  const start = at(0);
  return {
    file,
    document,
    // yaml may report one mistake several ways at the same place; the first says it best.
    errors: firstPerPosition(document.errors.map(toIssue)),
    warnings: document.warnings.map(toIssue),
    locate: (path) => {
      const node = walk(document.contents, path).node;
      return node?.range ? at(node.range[0]) : start;
    },
    locateKey: (path) => {
      const { node, key } = walk(document.contents, path);
      const target = key ?? node;
      return target?.range ? at(target.range[0]) : start;
    },
    at,
  };
}

/** The plain value of the document; an empty document is an empty mapping. */
export function yamlValue(yaml: YamlFile): unknown {
  const value: unknown = yaml.document.toJS({ maxAliasCount: 1000 });
  return value ?? {};
}

/** Follows `path` as far as it exists; returns the deepest node reached and the key node of the last step. */
function walk(root: unknown, path: YamlPath): { node: Node | undefined; key: Node | undefined } {
  let node = isNode(root) ? root : undefined;
  let key: Node | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) return { node, key: undefined };
      key = isNode(pair.key) ? pair.key : undefined;
      // `key:` with nothing after it has no value node; the key is the best place to point at.
      node = isNode(pair.value) ? pair.value : key;
    } else if (isSeq(node) && typeof segment === "number") {
      const item: unknown = node.items[segment];
      if (!isNode(item)) return { node, key: undefined };
      node = item;
      key = undefined;
    } else {
      return { node, key: undefined };
    }
  }
  return { node, key };
}

function isNode(value: unknown): value is Node {
  return isMap(value) || isSeq(value) || isScalar(value);
}

/** yaml's messages sometimes carry a source excerpt after a newline; the position already says where. */
function firstLine(message: string): string {
  return message.split("\n")[0]!.trim();
}

function firstPerPosition(issues: RepoIssue[]): RepoIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.line}:${issue.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
