// Objects (compatibility.md §3.5): required, properties under each content model, dependencies,
// additionalProperties, unevaluatedProperties and the property-count bounds.

import type { ObjectNode, SchemaNode } from "../model/nodes.js";
import { boundTypes, compareBound } from "./bounds.js";
import { compareCovered, compareSchemas } from "./compare.js";
import { coveringPropertySchema, isOpenObject } from "./content-model.js";
import type { DiffContext } from "./context.js";
import { compareUnevaluated } from "./unevaluated.js";

/** Where 2019-09/2020-12 spell what the comparison reports under `dependencies`. */
const DEPENDENCY_KEYWORDS = ["dependencies", "dependentRequired", "dependentSchemas"];

export function compareObjects(ctx: DiffContext, original: ObjectNode, update: ObjectNode): void {
  compareRequired(ctx, original, update);
  compareProperties(ctx, original, update);
  compareDependencies(ctx, original, update);
  compareAdditionalProperties(ctx, original, update);
  compareUnevaluated(
    ctx,
    "unevaluatedProperties",
    original.unevaluatedProperties,
    update.unevaluatedProperties,
  );
  compareBound(
    ctx,
    "maxProperties",
    original.maxProperties,
    update.maxProperties,
    boundTypes("MAX_PROPERTIES"),
  );
  compareBound(
    ctx,
    "minProperties",
    original.minProperties,
    update.minProperties,
    boundTypes("MIN_PROPERTIES"),
  );
}

function hasDefault(node: SchemaNode | undefined): boolean {
  return node?.annotations.default !== undefined;
}

/** Only properties declared on both sides are examined; bare required names are not. */
function compareRequired(ctx: DiffContext, original: ObjectNode, update: ObjectNode): void {
  for (const name of original.properties.keys()) {
    const updateProperty = update.properties.get(name);
    if (updateProperty === undefined) continue;
    const wasRequired = original.required.includes(name);
    const isRequired = update.required.includes(name);
    if (wasRequired === isRequired) continue;
    const sides = { original: null, update: null, near: ["required"] };
    ctx.at(["required", name], () => {
      if (wasRequired) ctx.add("REQUIRED_ATTRIBUTE_REMOVED", sides);
      else
        ctx.add(
          hasDefault(updateProperty) ? "REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED" : "REQUIRED_ATTRIBUTE_ADDED",
          sides,
        );
    });
  }
}

function compareProperties(ctx: DiffContext, original: ObjectNode, update: ObjectNode): void {
  const names = [
    ...original.properties.keys(),
    ...[...update.properties.keys()].filter((n) => !original.properties.has(n)),
  ];
  for (const name of names) {
    const o = original.properties.get(name);
    const u = update.properties.get(name);
    ctx.at(["properties", name], () => {
      if (o !== undefined && u !== undefined) compareSchemas(ctx, o, u);
      else if (o !== undefined) propertyRemoved(ctx, name, o, update);
      else if (u !== undefined) propertyAdded(ctx, name, u, original, update);
    });
  }
}

/** A property only the writer declares: can the reader's content model take it? */
function propertyRemoved(ctx: DiffContext, name: string, removed: SchemaNode, update: ObjectNode): void {
  const sides = { original: removed, update: null, near: ["properties"] };
  if (isOpenObject(update)) {
    ctx.add("PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", sides);
    return;
  }
  const covering = coveringPropertySchema(update, name);
  if (covering !== undefined) {
    ctx.add(
      compareCovered(ctx, removed, covering)
        ? "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"
        : "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
      { ...sides, update: covering },
    );
  } else if (removed.kind === "false") {
    ctx.add("PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL", sides);
  } else {
    ctx.add("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", sides);
  }
}

/** A property only the reader declares: would the writer's content model have let it through? */
function propertyAdded(
  ctx: DiffContext,
  name: string,
  added: SchemaNode,
  original: ObjectNode,
  update: ObjectNode,
): void {
  const sides = { original: null, update: added, near: ["properties"] };
  const required = update.required.includes(name);
  if (isOpenObject(original)) {
    if (added.kind === "empty") ctx.add("PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL", sides);
    else if (required && hasDefault(added))
      ctx.add("REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL", sides);
    else if (required) ctx.add("REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", sides);
    else ctx.add("OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", sides);
    return;
  }
  const covering = coveringPropertySchema(original, name);
  if (covering !== undefined) {
    ctx.add(
      compareCovered(ctx, covering, added)
        ? "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"
        : "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
      { ...sides, original: covering },
    );
  }
  // Partially open or closed alike, the new property's own requirement is judged too.
  if (required && hasDefault(added))
    ctx.add("REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL", sides);
  else if (required) ctx.add("REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", sides);
  else ctx.add("OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", sides);
}

function compareDependencies(ctx: DiffContext, original: ObjectNode, update: ObjectNode): void {
  const sides = { original: null, update: null, near: DEPENDENCY_KEYWORDS };
  for (const name of union(original.propertyDependencies, update.propertyDependencies)) {
    const o = original.propertyDependencies.get(name);
    const u = update.propertyDependencies.get(name);
    ctx.at(["dependencies", name], () => {
      if (u === undefined) ctx.add("DEPENDENCY_ARRAY_REMOVED", sides);
      else if (o === undefined) ctx.add("DEPENDENCY_ARRAY_ADDED", sides);
      else {
        const updateHasAll = o.every((p) => u.includes(p));
        const originalHasAll = u.every((p) => o.includes(p));
        if (updateHasAll && originalHasAll) return;
        if (updateHasAll) ctx.add("DEPENDENCY_ARRAY_EXTENDED", sides);
        else if (originalHasAll) ctx.add("DEPENDENCY_ARRAY_NARROWED", sides);
        else ctx.add("DEPENDENCY_ARRAY_CHANGED", sides);
      }
    });
  }
  for (const name of union(original.schemaDependencies, update.schemaDependencies)) {
    const o = original.schemaDependencies.get(name);
    const u = update.schemaDependencies.get(name);
    ctx.at(["dependencies", name], () => {
      if (u === undefined) ctx.add("DEPENDENCY_SCHEMA_REMOVED", { ...sides, original: o ?? null });
      else if (o === undefined) ctx.add("DEPENDENCY_SCHEMA_ADDED", { ...sides, update: u });
      else compareSchemas(ctx, o, u);
    });
  }
}

function compareAdditionalProperties(ctx: DiffContext, original: ObjectNode, update: ObjectNode): void {
  const at = { keyword: ["additionalProperties"] };
  const o = original.additionalPropertiesSchema;
  const u = update.additionalPropertiesSchema;
  if (original.permitsAdditionalProperties !== update.permitsAdditionalProperties) {
    ctx.add(
      update.permitsAdditionalProperties ? "ADDITIONAL_PROPERTIES_ADDED" : "ADDITIONAL_PROPERTIES_REMOVED",
      at,
    );
  } else if (o === undefined && u !== undefined) {
    ctx.add("ADDITIONAL_PROPERTIES_NARROWED", at);
  } else if (o !== undefined && u === undefined) {
    ctx.add("ADDITIONAL_PROPERTIES_EXTENDED", at);
  } else {
    ctx.at(["additionalProperties"], () => compareSchemas(ctx, o, u));
  }
}

function union<V>(a: Map<string, V>, b: Map<string, V>): string[] {
  return [...a.keys(), ...[...b.keys()].filter((k) => !a.has(k))];
}
