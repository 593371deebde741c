// State of one comparison, as the registry's differ keeps it: a type table per side (each type
// tagged with the reference subject/version it comes from), the current path and name scope, the
// original messages being compared (recursion guard) and the differences found so far.

import type { Located, MessageDecl, TypeDecl } from "../ast.js";
import type { ProtoSchema } from "../schema.js";
import { join, mapEntryTypes, packageOf } from "../symbols.js";
import { isCompatible, type Difference, type DifferenceType } from "./differences.js";

/** Where a type was registered. `null` marks built-ins and indirect references, which carry none. */
export type TypeOrigin = { subject?: string; version?: number } | null;

export interface TypeInfo {
  packageName: string;
  origin: TypeOrigin;
  decl: TypeDecl;
  /** For messages carrying `option map_entry = true`: the map they stand for. */
  mapType?: { key: string; value: string };
}

export type Side = "original" | "update";

/** The main schema's own types: an origin equal only to itself. */
const LOCAL_ORIGIN = { subject: "", version: -1 };

function collectTypes(schema: ProtoSchema): { types: Map<string, TypeInfo>; packageName: string } {
  const types = new Map<string, TypeInfo>();
  const add = (pkg: string, prefix: string, decls: TypeDecl[], origin: TypeOrigin): void => {
    for (const decl of decls) {
      const fullName = join(prefix, decl.name);
      const info: TypeInfo = { packageName: pkg, origin, decl };
      const mapType = decl.kind === "message" ? mapEntryTypes(decl) : undefined;
      if (mapType) info.mapType = mapType;
      types.set(fullName, info);
      if (decl.kind === "message") add(pkg, fullName, decl.nested, origin);
    }
  };
  // Dependencies first and the schema itself last, so that its own definitions win.
  for (const file of schema.files.slice(1)) {
    add(packageOf(file), packageOf(file), file.file.types, file.directReference ?? null);
  }
  add(packageOf(schema.main), packageOf(schema.main), schema.file.types, LOCAL_ORIGIN);
  return { types, packageName: packageOf(schema.main) };
}

export class DiffContext {
  private readonly types: Record<Side, Map<string, TypeInfo>>;
  private readonly packageNames: Record<Side, string>;
  private readonly path: string[] = [];
  private readonly names: string[] = [];
  private readonly inProgress: Set<MessageDecl>;
  readonly differences: Difference[] = [];

  private constructor(
    types: Record<Side, Map<string, TypeInfo>>,
    packageNames: Record<Side, string>,
    inProgress: Set<MessageDecl>,
  ) {
    this.types = types;
    this.packageNames = { ...packageNames };
    this.inProgress = inProgress;
  }

  static create(original: ProtoSchema, update: ProtoSchema): DiffContext {
    const o = collectTypes(original);
    const u = collectTypes(update);
    return new DiffContext(
      { original: o.types, update: u.types },
      { original: o.packageName, update: u.packageName },
      new Set(),
    );
  }

  /**
   * A context for comparing the definitions of a message type reached through a field: same tables
   * and recursion guard, path and name scope restarting at the type's local name.
   */
  subContext(localName: string, originalPackage: string, updatePackage: string): DiffContext {
    const sub = new DiffContext(
      this.types,
      { original: originalPackage, update: updatePackage },
      new Set(this.inProgress),
    );
    const parts = localName.split(".");
    sub.path.push(...parts);
    sub.names.push(...parts);
    return sub;
  }

  isCompatible(): boolean {
    return this.differences.every((d) => isCompatible(d.type));
  }

  add(
    type: DifferenceType,
    where: { original?: Located | undefined; update?: Located | undefined } = {},
  ): void {
    const difference: Difference = { type, path: `#/${this.path.join("/")}` };
    if (where.original) difference.original = where.original;
    if (where.update) difference.update = where.update;
    this.differences.push(difference);
  }

  addAll(differences: Difference[]): void {
    this.differences.push(...differences);
  }

  /** Runs `body` with `segment` appended to the path. */
  inPath<T>(segment: string, body: () => T): T {
    this.path.push(segment);
    try {
      return body();
    } finally {
      this.path.pop();
    }
  }

  /** Runs `body` inside a named type: the name extends both the path and the resolution scope. */
  inName<T>(name: string, body: () => T): T {
    this.names.push(name);
    try {
      return this.inPath(name, body);
    } finally {
      this.names.pop();
    }
  }

  /** Runs `body` unless `message` is already being compared further up (then `body` gets false). */
  guard(message: MessageDecl, body: (entered: boolean) => void): void {
    if (this.inProgress.has(message)) {
      body(false);
      return;
    }
    this.inProgress.add(message);
    try {
      body(true);
    } finally {
      this.inProgress.delete(message);
    }
  }

  /**
   * The registry's name resolution: a leading dot is absolute; otherwise the name is tried under
   * the package followed by the enclosing type names, dropping the innermost one at a time (the
   * package counts as one segment), and finally as written.
   */
  resolve(name: string, side: Side): string | undefined {
    const table = this.types[side];
    if (name.startsWith(".")) return table.has(name.slice(1)) ? name.slice(1) : undefined;
    const prefix = [...(this.packageNames[side] === "" ? [] : [this.packageNames[side]]), ...this.names];
    while (prefix.length > 0) {
      const candidate = `${prefix.join(".")}.${name}`;
      if (table.has(candidate)) return candidate;
      prefix.pop();
    }
    return table.has(name) ? name : undefined;
  }

  typeInfo(name: string, side: Side): TypeInfo | undefined {
    const fullName = this.resolve(name, side);
    return fullName === undefined ? undefined : this.types[side].get(fullName);
  }

  typeForFullName(fullName: string, side: Side): TypeInfo | undefined {
    return this.types[side].get(fullName);
  }
}
