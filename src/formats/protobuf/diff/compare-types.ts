// Steps 1 and 2 of the registry's walk: the file's package, then the messages and enums of each
// scope matched by simple name (messages also by their index among the scope's messages), enum
// constants matched by number. Names and numbers are visited in Java hash order, as the registry does.

import type { EnumDecl, MessageDecl, ProtoFile, TypeDecl } from "../ast.js";
import { javaUnionOrder } from "../java-hash-order.js";
import { compareMessages } from "./compare-message.js";
import type { DiffContext } from "./context.js";

export function compareFiles(ctx: DiffContext, original: ProtoFile, update: ProtoFile): void {
  if (original.packageName !== update.packageName) {
    ctx.add("PACKAGE_CHANGED", { original: original.packageLocation, update: update.packageLocation });
  }
  compareTypeElements(ctx, original.types, update.types);
}

interface ScopeTypes {
  messages: Map<string, MessageDecl>;
  messageIndexes: Map<string, number>;
  enums: Map<string, EnumDecl>;
}

function scopeTypes(types: TypeDecl[]): ScopeTypes {
  const scope: ScopeTypes = { messages: new Map(), messageIndexes: new Map(), enums: new Map() };
  let index = 0;
  for (const decl of types) {
    if (decl.kind === "message") {
      scope.messages.set(decl.name, decl);
      scope.messageIndexes.set(decl.name, index++);
    } else {
      scope.enums.set(decl.name, decl);
    }
  }
  return scope;
}

export function compareTypeElements(ctx: DiffContext, original: TypeDecl[], update: TypeDecl[]): void {
  const o = scopeTypes(original);
  const u = scopeTypes(update);

  for (const name of javaUnionOrder([...o.messages.keys()], [...u.messages.keys()])) {
    ctx.inName(name, () => {
      const originalMessage = o.messages.get(name);
      const updateMessage = u.messages.get(name);
      if (!updateMessage) {
        // Synthetic map-entry messages are not reported.
        const info = ctx.typeInfo(name, "original");
        if (info && !info.mapType) ctx.add("MESSAGE_REMOVED", { original: originalMessage });
      } else if (!originalMessage) {
        const info = ctx.typeInfo(name, "update");
        if (info && !info.mapType) ctx.add("MESSAGE_ADDED", { update: updateMessage });
      } else {
        compareMessages(ctx, originalMessage, updateMessage);
        if (o.messageIndexes.get(name) !== u.messageIndexes.get(name)) {
          ctx.add("MESSAGE_MOVED", { original: originalMessage, update: updateMessage });
        }
      }
    });
  }

  for (const name of javaUnionOrder([...o.enums.keys()], [...u.enums.keys()])) {
    ctx.inName(name, () => {
      const originalEnum = o.enums.get(name);
      const updateEnum = u.enums.get(name);
      if (!updateEnum) ctx.add("ENUM_REMOVED", { original: originalEnum });
      else if (!originalEnum) ctx.add("ENUM_ADDED", { update: updateEnum });
      else compareEnums(ctx, originalEnum, updateEnum);
    });
  }
}

function compareEnums(ctx: DiffContext, original: EnumDecl, update: EnumDecl): void {
  // Later constants with the same number (aliases) replace earlier ones, as in a map.
  const byNumber = (decl: EnumDecl) => new Map(decl.constants.map((c) => [c.number, c]));
  const o = byNumber(original);
  const u = byNumber(update);
  for (const number of javaUnionOrder([...o.keys()], [...u.keys()])) {
    ctx.inPath(String(number), () => {
      const before = o.get(number);
      const after = u.get(number);
      if (!after) ctx.add("ENUM_CONST_REMOVED", { original: before });
      else if (!before) ctx.add("ENUM_CONST_ADDED", { update: after });
      else if (before.name !== after.name) ctx.add("ENUM_CONST_CHANGED", { original: before, update: after });
    });
  }
}
