// A read position over the token list with the small vocabulary the parser needs, so that every
// "expected X" error is phrased and located the same way.

import { ProtoSyntaxError, type Token } from "./tokenizer.js";

export function describe(token: Token): string {
  if (token.kind === "eof") return "end of input";
  return `'${token.text}'`;
}

export class Cursor {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token {
    const last = this.tokens[this.tokens.length - 1]!;
    return this.tokens[this.index + offset] ?? last;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== "eof") this.index++;
    return token;
  }

  atEnd(): boolean {
    return this.peek().kind === "eof";
  }

  isSymbol(symbol: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === "symbol" && token.text === symbol;
  }

  isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === "ident" && token.text === word;
  }

  eatSymbol(symbol: string): boolean {
    if (!this.isSymbol(symbol)) return false;
    this.next();
    return true;
  }

  eatWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.next();
    return true;
  }

  /** Consumes `symbol` or fails with "expected 'symbol' <context>, found …". */
  expectSymbol(symbol: string, context: string): Token {
    const token = this.peek();
    if (token.kind === "symbol" && token.text === symbol) return this.next();
    throw this.error(`expected '${symbol}' ${context}, found ${describe(token)}`, token);
  }

  expectIdent(what: string): Token {
    const token = this.peek();
    if (token.kind === "ident") return this.next();
    throw this.error(`expected ${what}, found ${describe(token)}`, token);
  }

  expectString(what: string): Token & { value: string } {
    const token = this.peek();
    if (token.kind === "string") {
      this.next();
      return { ...token, value: this.concatStrings(token.value ?? "") };
    }
    throw this.error(`expected ${what} (a quoted string), found ${describe(token)}`, token);
  }

  /** Adjacent string literals form one string, as in C. */
  concatStrings(first: string): string {
    let value = first;
    while (this.peek().kind === "string") value += this.next().value ?? "";
    return value;
  }

  /** A possibly dotted name (`a.b.C`, `.a.B`), as used for packages and type references. */
  expectQualifiedName(what: string, allowLeadingDot: boolean): Token {
    const first = this.peek();
    let text = "";
    if (allowLeadingDot && this.isSymbol(".")) {
      this.next();
      text = ".";
    }
    text += this.expectIdent(what).text;
    while (this.isSymbol(".") && this.peek(1).kind === "ident") {
      this.next();
      text += "." + this.next().text;
    }
    return { ...first, kind: "ident", text };
  }

  error(message: string, at: { line: number; column: number } = this.peek()): ProtoSyntaxError {
    return new ProtoSyntaxError(message, at.line, at.column);
  }
}
