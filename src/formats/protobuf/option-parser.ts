// Option statements and bracketed field options, including aggregate `{ ... }` values. Values are
// kept the way Square Wire's parser keeps them (the parser Confluent uses): a repeated key inside an
// aggregate collects its values into a list, and `[ext.name]` keys keep their brackets.

import type { OptionDecl, OptionMapEntry, OptionValue } from "./ast.js";
import { describe, type Cursor } from "./cursor.js";

/** Reads `name = value` (after `option`, or inside `[...]`). */
export function parseOptionAssignment(cursor: Cursor): OptionDecl {
  const start = cursor.peek();
  let parenthesized = false;
  let name: string;
  if (cursor.eatSymbol("(")) {
    parenthesized = true;
    name = cursor.expectQualifiedName("an extension name inside '(...)'", true).text;
    cursor.expectSymbol(")", "to close the extension option name");
  } else {
    name = cursor.expectIdent("an option name").text;
  }
  const path: string[] = [];
  while (cursor.eatSymbol(".")) {
    if (cursor.eatSymbol("(")) {
      const ext = cursor.expectQualifiedName("an extension name inside '(...)'", true).text;
      cursor.expectSymbol(")", "to close the extension option name");
      path.push(`(${ext})`);
    } else {
      path.push(cursor.expectIdent("an option name segment after '.'").text);
    }
  }
  cursor.expectSymbol("=", `after option name "${name}"`);
  const value = parseOptionValue(cursor, true);
  return { name, parenthesized, path, value, line: start.line, column: start.column };
}

/** Reads `[a = 1, (b) = "x"]`; the opening bracket is the current token. */
export function parseBracketOptions(cursor: Cursor): OptionDecl[] {
  cursor.expectSymbol("[", "to open options");
  const options: OptionDecl[] = [];
  for (;;) {
    options.push(parseOptionAssignment(cursor));
    if (cursor.eatSymbol(",")) continue;
    cursor.expectSymbol("]", "to close the option list");
    return options;
  }
}

/**
 * A scalar (`1`, `-2.5`, `inf`, `true`, `FOO`, `"s"`) or, when `allowAggregate`, a `{...}` message
 * literal. Lists `[...]` are only valid inside aggregates.
 */
export function parseOptionValue(cursor: Cursor, allowAggregate: boolean): OptionValue {
  const token = cursor.peek();
  if (token.kind === "symbol" && token.text === "{" && allowAggregate) {
    cursor.next();
    return parseAggregateBody(cursor);
  }
  if (token.kind === "string") {
    cursor.next();
    return { kind: "string", value: cursor.concatStrings(token.value ?? "") };
  }
  if (token.kind === "symbol" && (token.text === "-" || token.text === "+")) {
    cursor.next();
    const operand = cursor.peek();
    if (
      operand.kind === "number" ||
      (operand.kind === "ident" && /^(inf|infinity|nan)$/i.test(operand.text))
    ) {
      cursor.next();
      return { kind: "number", text: (token.text === "-" ? "-" : "") + operand.text };
    }
    throw cursor.error(`expected a number after '${token.text}', found ${describe(operand)}`, operand);
  }
  if (token.kind === "number") {
    cursor.next();
    return { kind: "number", text: token.text };
  }
  if (token.kind === "ident") {
    // Like Wire: a bare word is a boolean or else an identifier (`inf` included), dots allowed.
    const word = cursor.expectQualifiedName("an option value", false).text;
    if (word === "true" || word === "false") return { kind: "boolean", text: word };
    return { kind: "enum", text: word };
  }
  throw cursor.error(`expected an option value, found ${describe(token)}`, token);
}

/** Reads entries up to `close`; `key < ... >` is the text-format spelling of `key { ... }`. */
function parseAggregateBody(cursor: Cursor, close: "}" | ">" = "}"): OptionValue {
  const entries: OptionMapEntry[] = [];
  while (!cursor.eatSymbol(close)) {
    if (cursor.atEnd()) throw cursor.error(`expected '${close}' to close the aggregate option value`);
    let key: string;
    if (cursor.eatSymbol("[")) {
      key = `[${cursor.expectQualifiedName("an extension field name", true).text}]`;
      cursor.expectSymbol("]", "to close the extension field name");
    } else {
      key = cursor.expectIdent("a field name in the aggregate option value").text;
    }
    const colon = cursor.eatSymbol(":");
    let value: OptionValue;
    if (cursor.isSymbol("[")) {
      value = parseListValue(cursor);
    } else if (cursor.eatSymbol("{")) {
      value = parseAggregateBody(cursor, "}");
    } else if (cursor.eatSymbol("<")) {
      value = parseAggregateBody(cursor, ">");
    } else {
      if (!colon) cursor.expectSymbol(":", `after "${key}" in the aggregate option value`);
      value = parseOptionValue(cursor, false);
    }
    addEntry(entries, key, value);
    if (!cursor.eatSymbol(",")) cursor.eatSymbol(";");
  }
  return { kind: "map", entries };
}

function parseListValue(cursor: Cursor): OptionValue {
  cursor.expectSymbol("[", "to open a list");
  const items: OptionValue[] = [];
  while (!cursor.eatSymbol("]")) {
    if (cursor.atEnd()) throw cursor.error("expected ']' to close the list");
    if (cursor.eatSymbol("{")) items.push(parseAggregateBody(cursor));
    else items.push(parseOptionValue(cursor, false));
    if (!cursor.isSymbol("]")) cursor.expectSymbol(",", "between list items");
  }
  return { kind: "list", items };
}

/** Like Wire: a key seen again turns its value into a list of all values given for it. */
function addEntry(entries: OptionMapEntry[], key: string, value: OptionValue): void {
  const existing = entries.find((entry) => entry.key === key);
  if (!existing) {
    entries.push({ key, value });
    return;
  }
  const previous = existing.value.kind === "list" ? existing.value.items : [existing.value];
  const added = value.kind === "list" ? value.items : [value];
  existing.value = { kind: "list", items: [...previous, ...added] };
}
