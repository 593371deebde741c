// Entry point of Avro parsing: references first (depth-first, once per name, into the same name
// table, as the registry feeds them to one Schema.Parser), then the schema itself.

import type {
  ParseOptions,
  ParseResult,
  ParsedSchema,
  ResolvedReference,
  SchemaInput,
  SchemaIssue,
} from "../types.js";
import { parseJsonText } from "../jsontext/index.js";
import { writeSchemaJson } from "./canonical.js";
import { blankOutComments } from "./comments.js";
import { isNamed, type AvroType, type NamedType } from "./model.js";
import { buildNormalizedText } from "./normalize.js";
import { newParseState, TypeParser, type ParseState } from "./parse-types.js";

export class AvroSchema implements ParsedSchema {
  readonly schemaType = "AVRO" as const;
  private canonicalText: string | undefined;
  private normalizedText: string | undefined;

  constructor(
    /** The schema's root type. */
    readonly root: AvroType,
    /** Every named type known to the parse, references included. */
    readonly names: ReadonlyMap<string, NamedType>,
    /**
     * Full names of the references' root types: the canonical string writes them as bare names.
     * Only the roots: Confluent passes the parsed reference schemas to `toString(referenced, …)`,
     * which knows their own names, so a type nested inside a reference and used directly by this
     * schema is written out in full *(inferred from the code, not confirmed against a registry)*.
     */
    readonly referenceRootNames: readonly string[],
    private readonly references: readonly ResolvedReference[],
    /** Exceeds every node id of this parse (the compatibility memo packs id pairs with it). */
    readonly nodeIdSpan: number,
  ) {}

  canonical(): string {
    this.canonicalText ??= writeSchemaJson(this.root, new Set(this.referenceRootNames));
    return this.canonicalText;
  }

  /**
   * Confluent rewrites the schema into its sorted form and parses that text again, so the result
   * is the canonical string of the re-parsed text.
   */
  normalized(): string {
    if (this.normalizedText === undefined) {
      const text = buildNormalizedText(this.root, this.referenceRootNames);
      const reparsed = parseAvro({ schema: text, references: [...this.references] }, { strict: false });
      if (!reparsed.ok) {
        const why = reparsed.errors.map((e) => e.message).join("; ");
        throw new Error(
          `normalize=true cannot rewrite this schema (the registry would refuse it too): ${why}`,
        );
      }
      this.normalizedText = reparsed.schema.canonical();
    }
    return this.normalizedText;
  }

  topLevelFieldNames(): string[] {
    return this.root.type === "record" ? this.root.fields.map((f) => f.name) : [];
  }
}

export function parseAvro(input: SchemaInput, options: ParseOptions = {}): ParseResult<AvroSchema> {
  const state = newParseState(options.strict ?? true);
  const referenceRootNames: string[] = [];
  parseReferences(input.references ?? [], state, new Set(), referenceRootNames);
  const root = parseText(input.schema, undefined, state);
  if (state.errors.length > 0 || root === undefined) return { ok: false, errors: sortIssues(state.errors) };
  return {
    ok: true,
    schema: new AvroSchema(root, state.names, referenceRootNames, input.references ?? [], state.nextId),
  };
}

function parseReferences(
  refs: readonly ResolvedReference[],
  state: ParseState,
  seen: Set<string>,
  rootNames: string[],
): void {
  for (const ref of refs) {
    if (seen.has(ref.name)) continue;
    seen.add(ref.name);
    parseReferences(ref.references ?? [], state, seen, rootNames);
    const root = parseText(ref.schema, ref.name, state);
    if (root !== undefined && isNamed(root)) rootNames.push(root.full);
  }
}

function parseText(text: string, source: string | undefined, state: ParseState): AvroType | undefined {
  const json = parseJsonText(blankOutComments(text));
  if (!json.ok) {
    const issue: SchemaIssue = {
      line: json.error.line,
      column: json.error.column,
      message: json.error.message,
    };
    if (source !== undefined) issue.source = source;
    state.errors.push(issue);
    return undefined;
  }
  return new TypeParser(state, source).parse(json.value, null);
}

function sortIssues(issues: SchemaIssue[]): SchemaIssue[] {
  // Grouped by text (references in parse order, then the main text), by position within each.
  const groups = new Map<string | undefined, SchemaIssue[]>();
  for (const issue of issues) {
    const group = groups.get(issue.source) ?? [];
    group.push(issue);
    groups.set(issue.source, group);
  }
  const byPosition = (a: SchemaIssue, b: SchemaIssue): number =>
    (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
  return [...groups.values()].flatMap((group) => group.sort(byPosition));
}
