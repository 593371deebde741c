// §4.3: one tag present on both sides. Kinds (scalar, map, message) must agree; scalars must stay in
// their wire group; labels are compared only when both sides wrote one; message types are compared
// by local name and, when they come from different registered schemas, by content.

import { SCALAR_TYPES, type FieldDecl, type Label, type Located } from "../ast.js";
import { compareMessages } from "./compare-message.js";
import type { DiffContext } from "./context.js";

/** A field type as the differ sees it: a name, or a map of two names. */
type FieldType = { name: string; map?: { key: string; value: string } };

type Kind = "SCALAR" | "MAP" | "MESSAGE";

type WireGroup =
  "GENERAL_NUMBER" | "SIGNED_NUMBER" | "STRING_OR_BYTES" | "FIXED32" | "FIXED64" | "FLOAT" | "DOUBLE";

const WIRE_GROUPS: Readonly<Record<string, WireGroup>> = {
  int32: "GENERAL_NUMBER",
  int64: "GENERAL_NUMBER",
  uint32: "GENERAL_NUMBER",
  uint64: "GENERAL_NUMBER",
  bool: "GENERAL_NUMBER",
  sint32: "SIGNED_NUMBER",
  sint64: "SIGNED_NUMBER",
  string: "STRING_OR_BYTES",
  bytes: "STRING_OR_BYTES",
  fixed32: "FIXED32",
  sfixed32: "FIXED32",
  fixed64: "FIXED64",
  sfixed64: "FIXED64",
  float: "FLOAT",
  double: "DOUBLE",
};

interface Where {
  original: Located;
  update: Located;
}

export function compareFields(ctx: DiffContext, original: FieldDecl, update: FieldDecl): void {
  const where: Where = { original, update };
  if (original.name !== update.name) ctx.add("FIELD_NAME_CHANGED", where);
  compareLabelsAndTypes(ctx, where, original.label, update.label, typeOf(original), typeOf(update));
}

function typeOf(field: FieldDecl): FieldType {
  return field.map ? { name: field.type, map: field.map } : { name: field.type };
}

function compareLabelsAndTypes(
  ctx: DiffContext,
  where: Where,
  originalLabel: Label | undefined,
  updateLabel: Label | undefined,
  original: FieldType,
  update: FieldType,
): void {
  // A message declared with `option map_entry = true` is treated as the map it stands for.
  const originalEntry = ctx.typeInfo(original.name, "original")?.mapType;
  if (originalEntry)
    original = { name: `map<${originalEntry.key}, ${originalEntry.value}>`, map: originalEntry };
  const updateEntry = ctx.typeInfo(update.name, "update")?.mapType;
  if (updateEntry) update = { name: `map<${updateEntry.key}, ${updateEntry.value}>`, map: updateEntry };

  const originalKind = kindOf(ctx, original, "original");
  const updateKind = kindOf(ctx, update, "update");
  if (originalKind !== updateKind) {
    ctx.add("FIELD_KIND_CHANGED", where);
    return;
  }
  switch (originalKind) {
    case "SCALAR":
      compareScalars(ctx, where, originalLabel, updateLabel, original.name, update.name);
      break;
    case "MESSAGE":
      compareMessageTypes(ctx, where, original.name, update.name);
      break;
    case "MAP":
      if (original.map && update.map) {
        compareLabelsAndTypes(
          ctx,
          where,
          undefined,
          undefined,
          { name: original.map.key },
          { name: update.map.key },
        );
        compareLabelsAndTypes(
          ctx,
          where,
          undefined,
          undefined,
          { name: original.map.value },
          { name: update.map.value },
        );
      }
      break;
  }
}

function isEnum(ctx: DiffContext, name: string, side: "original" | "update"): boolean {
  return ctx.typeInfo(name, side)?.decl.kind === "enum";
}

function kindOf(ctx: DiffContext, type: FieldType, side: "original" | "update"): Kind {
  if (SCALAR_TYPES.has(type.name)) return "SCALAR";
  if (type.map) return "MAP";
  return isEnum(ctx, type.name, side) ? "SCALAR" : "MESSAGE";
}

function wireGroup(ctx: DiffContext, name: string, side: "original" | "update"): WireGroup {
  if (isEnum(ctx, name, side)) return "GENERAL_NUMBER";
  const group = WIRE_GROUPS[name];
  if (group === undefined) throw new Error(`not a scalar type: ${name}`);
  return group;
}

function compareScalars(
  ctx: DiffContext,
  where: Where,
  originalLabel: Label | undefined,
  updateLabel: Label | undefined,
  original: string,
  update: string,
): void {
  const group = wireGroup(ctx, original, "original");
  if (group !== wireGroup(ctx, update, "update")) {
    ctx.add("FIELD_SCALAR_KIND_CHANGED", where);
    return;
  }
  if (originalLabel === undefined || updateLabel === undefined || originalLabel === updateLabel) return;
  ctx.add(
    group === "STRING_OR_BYTES" ? "FIELD_STRING_OR_BYTES_LABEL_CHANGED" : "FIELD_NUMERIC_LABEL_CHANGED",
    where,
  );
}

function compareMessageTypes(ctx: DiffContext, where: Where, original: string, update: string): void {
  const originalFullName = ctx.resolve(original, "original");
  const updateFullName = ctx.resolve(update, "update");
  if (originalFullName === undefined || updateFullName === undefined) {
    // Unresolvable on one side: only the names as written can be compared.
    if (original !== update) ctx.add("FIELD_NAMED_TYPE_CHANGED", where);
    return;
  }
  const originalType = ctx.typeForFullName(originalFullName, "original")!;
  const updateType = ctx.typeForFullName(updateFullName, "update")!;
  const originalLocal = stripPackage(originalFullName, originalType.packageName);
  const updateLocal = stripPackage(updateFullName, updateType.packageName);
  if (originalLocal !== updateLocal) {
    ctx.add("FIELD_NAMED_TYPE_CHANGED", where);
    return;
  }
  const a = originalType.origin;
  const b = updateType.origin;
  // Both defined in the schema itself, or both taken from the same subject and version: their
  // definitions are compared where they are declared, not here.
  if (a !== null && b !== null && a.subject === b.subject && a.version === b.version) return;
  if (originalType.decl.kind !== "message" || updateType.decl.kind !== "message") return;
  const sub = ctx.subContext(originalLocal, originalType.packageName, updateType.packageName);
  compareMessages(sub, originalType.decl, updateType.decl);
  ctx.addAll(sub.differences);
  if (!sub.isCompatible()) ctx.add("FIELD_NAMED_TYPE_CHANGED", where);
}

function stripPackage(fullName: string, packageName: string): string {
  return fullName.startsWith(`${packageName}.`) ? fullName.slice(packageName.length + 1) : fullName;
}
