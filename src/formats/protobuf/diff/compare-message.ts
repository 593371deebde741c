// Step 3 of the registry's walk: two versions of one message. Fields are matched by tag wherever
// they sit (top level or inside a oneof), so that moving a field in or out of a oneof cannot hide a
// change of its type; oneof membership changes are judged separately (§4.4 of compatibility.md).

import type { FieldDecl, MessageDecl, OneofDecl } from "../ast.js";
import { compareFields } from "./compare-field.js";
import { compareTypeElements } from "./compare-types.js";
import type { DiffContext } from "./context.js";

interface FieldIndex {
  byTag: Map<number, FieldDecl>;
  oneofOfTag: Map<number, string>;
  oneofs: Map<string, OneofDecl>;
}

function indexFields(message: MessageDecl): FieldIndex {
  const index: FieldIndex = { byTag: new Map(), oneofOfTag: new Map(), oneofs: new Map() };
  for (const field of message.fields) index.byTag.set(field.number, field);
  for (const oneof of message.oneofs) {
    index.oneofs.set(oneof.name, oneof);
    for (const field of oneof.fields) {
      index.byTag.set(field.number, field);
      index.oneofOfTag.set(field.number, oneof.name);
    }
  }
  return index;
}

const ascending = (a: number, b: number): number => a - b;
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function compareMessages(ctx: DiffContext, original: MessageDecl, update: MessageDecl): void {
  ctx.guard(original, (entered) => {
    if (entered) compareMembers(ctx, original, update);
    compareTypeElements(ctx, original.nested, update.nested);
  });
}

function compareMembers(ctx: DiffContext, original: MessageDecl, update: MessageDecl): void {
  const o = indexFields(original);
  const u = indexFields(update);

  // A oneof whose name is gone and none of whose tags survives anywhere was deleted as a whole.
  const completelyDeleted = new Set<string>();
  for (const [name, oneof] of o.oneofs) {
    if (!u.oneofs.has(name) && !oneof.fields.some((f) => u.byTag.has(f.number))) completelyDeleted.add(name);
  }

  checkNewMutualExclusion(ctx, o, update);

  for (const name of [...new Set([...o.oneofs.keys(), ...u.oneofs.keys()])].sort(byCodeUnits)) {
    ctx.inPath(name, () => {
      if (!u.oneofs.has(name)) ctx.add("ONEOF_REMOVED", { original: o.oneofs.get(name) });
      else if (!o.oneofs.has(name)) ctx.add("ONEOF_ADDED", { update: u.oneofs.get(name) });
    });
  }

  for (const tag of [...new Set([...o.byTag.keys(), ...u.byTag.keys()])].sort(ascending)) {
    const before = o.byTag.get(tag);
    const after = u.byTag.get(tag);
    const oneofBefore = o.oneofOfTag.get(tag);
    const oneofAfter = u.oneofOfTag.get(tag);
    const tagPath = String(tag);
    if (!after) {
      if (oneofBefore === undefined) {
        const type = before?.label === "required" ? "REQUIRED_FIELD_REMOVED" : "FIELD_REMOVED";
        ctx.inPath(tagPath, () => ctx.add(type, { original: before }));
      } else if (!completelyDeleted.has(oneofBefore)) {
        ctx.inPath(oneofBefore, () =>
          ctx.inPath(tagPath, () => ctx.add("ONEOF_FIELD_REMOVED", { original: before })),
        );
      }
    } else if (!before) {
      if (oneofAfter === undefined) {
        const type = after.label === "required" ? "REQUIRED_FIELD_ADDED" : "FIELD_ADDED";
        ctx.inPath(tagPath, () => ctx.add(type, { update: after }));
      } else {
        ctx.inPath(oneofAfter, () =>
          ctx.inPath(tagPath, () => ctx.add("ONEOF_FIELD_ADDED", { update: after })),
        );
      }
    } else {
      if (oneofBefore !== undefined && oneofAfter === undefined) {
        ctx.inPath(tagPath, () =>
          ctx.add("ONEOF_FIELD_MOVED_TO_TOP_LEVEL", { original: before, update: after }),
        );
      }
      if (oneofAfter !== undefined) {
        ctx.inPath(oneofAfter, () => ctx.inPath(tagPath, () => compareFields(ctx, before, after)));
      } else {
        ctx.inPath(tagPath, () => compareFields(ctx, before, after));
      }
    }
  }
}

/**
 * Members of an update oneof that already existed must all come from one origin: the same original
 * oneof, or a single former top-level field. Brand-new tags do not count (old data never set them).
 */
function checkNewMutualExclusion(ctx: DiffContext, o: FieldIndex, update: MessageDecl): void {
  for (const oneof of update.oneofs) {
    ctx.inPath(oneof.name, () => {
      const origins = new Set<string>();
      let topLevelMovedIn = 0;
      let firstMoved: FieldDecl | undefined;
      for (const field of oneof.fields) {
        const originalOneof = o.oneofOfTag.get(field.number);
        if (originalOneof !== undefined) {
          origins.add(`oneof:${originalOneof}`);
        } else if (o.byTag.has(field.number)) {
          origins.add(`field:${field.number}`);
          topLevelMovedIn++;
          firstMoved ??= o.byTag.get(field.number);
        }
      }
      if (origins.size > 1) {
        const type = topLevelMovedIn > 1 ? "MULTIPLE_FIELDS_MOVED_TO_ONEOF" : "FIELD_MOVED_TO_EXISTING_ONEOF";
        ctx.add(type, { original: firstMoved, update: oneof });
      }
    });
  }
}
