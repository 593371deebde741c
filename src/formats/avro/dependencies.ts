// Named types a schema text uses without defining them: the references a repository loader has to
// supply. Works on the JSON alone, so it needs none of the referenced schemas.

import type { DependencyResult } from "../types.js";
import { member, parseJsonText, type JsonNode } from "../jsontext/index.js";
import { blankOutComments } from "./comments.js";
import { PRIMITIVE_NAMES } from "./model.js";
import { makeName } from "./names.js";

/**
 * Full names used but not defined, in order of first use. An unqualified name is reported
 * qualified with the namespace in force where it is used, the first place Avro looks for it (Avro
 * also tries the name without namespace, which a loader may do too).
 */
export function avroDependencies(text: string): DependencyResult {
  const json = parseJsonText(blankOutComments(text));
  if (!json.ok) return { ok: false, errors: [{ ...json.error }] };
  const defined = new Set<string>();
  const used: Use[] = [];
  walk(json.value, null, defined, used);
  // Avro resolves an unqualified name absent from the current namespace in the null namespace.
  const missing = used.filter(
    (u) => !defined.has(u.qualified) && !(u.bare !== undefined && defined.has(u.bare)),
  );
  return { ok: true, names: [...new Set(missing.map((u) => u.qualified))] };
}

/** A use of a name: qualified with the namespace in force, and as written when that differs. */
interface Use {
  qualified: string;
  bare?: string;
}

function walk(node: JsonNode, space: string | null, defined: Set<string>, used: Use[]): void {
  switch (node.kind) {
    case "string":
      use(node.value, space, used);
      return;
    case "array":
      for (const item of node.items) walk(item, space, defined, used);
      return;
    case "object":
      walkObject(node, space, defined, used);
      return;
    default:
      return;
  }
}

function walkObject(
  node: Extract<JsonNode, { kind: "object" }>,
  space: string | null,
  defined: Set<string>,
  used: Use[],
): void {
  const type = member(node, "type");
  if (type?.kind !== "string") return;
  switch (type.value) {
    case "record":
    case "error":
    case "enum":
    case "fixed": {
      const nameNode = member(node, "name");
      if (nameNode?.kind !== "string") return;
      const ns = member(node, "namespace");
      const name = makeName(nameNode.value, ns?.kind === "string" ? ns.value : space);
      defined.add(name.full);
      const fields = member(node, "fields");
      if (type.value !== "enum" && type.value !== "fixed" && fields?.kind === "array") {
        for (const field of fields.items) {
          const fieldType = field.kind === "object" ? member(field, "type") : undefined;
          if (fieldType !== undefined) walk(fieldType, name.space, defined, used);
        }
      }
      return;
    }
    case "array": {
      const items = member(node, "items");
      if (items !== undefined) walk(items, space, defined, used);
      return;
    }
    case "map": {
      const values = member(node, "values");
      if (values !== undefined) walk(values, space, defined, used);
      return;
    }
    default:
      use(type.value, space, used);
  }
}

function use(name: string, space: string | null, used: Use[]): void {
  if (PRIMITIVE_NAMES.has(name)) return;
  if (name.includes(".") || space === null) used.push({ qualified: name });
  else used.push({ qualified: `${space}.${name}`, bare: name });
}
