// Avro Java's compact `Schema.toString(referencedSchemas, false)`, which Confluent stores and hashes
// as the canonical string. Attribute order, namespace spelling and name references follow
// `Schema.toJson`, `Name.writeName` and `NamedSchema.writeNameRef` (Avro 1.12):
//   record: type, name, namespace, doc, fields, props, aliases
//   field:  name, type, doc, default, order (when not ascending), aliases, props
//   enum:   type, name, namespace, doc, symbols, default, props, aliases
//   fixed:  type, name, namespace, doc, size, props, aliases
//   array/map: type, items/values, props; a primitive without props is a bare string.

import { jacksonQuote, writeJson } from "./jackson.js";
import type { AvroField, AvroProp, AvroType, NamedType } from "./model.js";
import { qualifiedName } from "./names.js";

/**
 * Renders `root`. `knownNames` holds the full names already "written" elsewhere (the root types of
 * the schema's references); it is extended as named types are written, so pass a fresh set.
 */
export function writeSchemaJson(root: AvroType, knownNames: Set<string>): string {
  const out: string[] = [];
  writeType(root, knownNames, null, out);
  return out.join("");
}

function writeType(t: AvroType, known: Set<string>, space: string | null, out: string[]): void {
  switch (t.type) {
    case "record":
    case "enum":
    case "fixed":
      writeNamed(t, known, space, out);
      return;
    case "array":
      out.push('{"type":"array","items":');
      writeType(t.items, known, space, out);
      writeProps(t.props, out);
      out.push("}");
      return;
    case "map":
      out.push('{"type":"map","values":');
      writeType(t.values, known, space, out);
      writeProps(t.props, out);
      out.push("}");
      return;
    case "union":
      out.push("[");
      t.branches.forEach((branch, i) => {
        if (i > 0) out.push(",");
        writeType(branch, known, space, out);
      });
      out.push("]");
      return;
    default:
      if (t.props.length === 0) {
        out.push(`"${t.type}"`);
      } else {
        out.push(`{"type":"${t.type}"`);
        writeProps(t.props, out);
        out.push("}");
      }
  }
}

function writeNamed(t: NamedType, known: Set<string>, space: string | null, out: string[]): void {
  if (known.has(t.full)) {
    out.push(jacksonQuote(qualifiedName(t, space)));
    return;
  }
  known.add(t.full);
  const kind = t.type === "record" && t.isError ? "error" : t.type;
  out.push(`{"type":"${kind}","name":${jacksonQuote(t.name)}`);
  if (t.space !== null) {
    if (t.space !== space) out.push(`,"namespace":${jacksonQuote(t.space)}`);
  } else if (space !== null) {
    out.push(`,"namespace":""`); // a null namespace inside a non-null one
  }
  if (t.doc !== undefined) out.push(`,"doc":${jacksonQuote(t.doc)}`);
  switch (t.type) {
    case "record":
      out.push(',"fields":[');
      t.fields.forEach((field, i) => {
        if (i > 0) out.push(",");
        writeField(field, known, t.space, out);
      });
      out.push("]");
      break;
    case "enum":
      out.push(`,"symbols":[${t.symbols.map(jacksonQuote).join(",")}]`);
      if (t.enumDefault !== undefined) out.push(`,"default":${jacksonQuote(t.enumDefault)}`);
      break;
    case "fixed":
      out.push(`,"size":${t.size}`);
      break;
  }
  writeProps(t.props, out);
  if (t.aliases.length > 0) {
    out.push(`,"aliases":[${t.aliases.map((a) => jacksonQuote(qualifiedName(a, t.space))).join(",")}]`);
  }
  out.push("}");
}

function writeField(f: AvroField, known: Set<string>, space: string | null, out: string[]): void {
  out.push(`{"name":${jacksonQuote(f.name)},"type":`);
  writeType(f.type, known, space, out);
  if (f.doc !== undefined) out.push(`,"doc":${jacksonQuote(f.doc)}`);
  if (f.default !== undefined) out.push(`,"default":${writeJson(f.default)}`);
  if (f.order !== "ascending") out.push(`,"order":"${f.order}"`);
  if (f.aliases.length > 0) out.push(`,"aliases":[${f.aliases.map(jacksonQuote).join(",")}]`);
  writeProps(f.props, out);
  out.push("}");
}

function writeProps(props: readonly AvroProp[], out: string[]): void {
  for (const p of props) out.push(`,${jacksonQuote(p.key)}:${writeJson(p.value)}`);
}
