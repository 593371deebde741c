// Splits .proto text into tokens that remember their 1-based line and column, so that every
// syntax error and every AST element can point at the exact place in the user's file.

export type TokenKind = "ident" | "number" | "string" | "symbol" | "eof";

export interface Token {
  kind: TokenKind;
  /** The token as written (for strings: including the quotes). */
  text: string;
  /** For strings: the unescaped value. */
  value?: string;
  line: number;
  column: number;
}

export class ProtoSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = "ProtoSyntaxError";
  }
}

const SYMBOLS = new Set(["{", "}", "[", "]", "(", ")", "<", ">", ";", ",", "=", ".", ":", "-", "+", "/"]);

const SIMPLE_ESCAPES: Record<string, string> = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "?": "?",
};

function isIdentStart(c: string): boolean {
  return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_";
}

function isDigit(c: string): boolean {
  return c >= "0" && c <= "9";
}

function isIdentPart(c: string): boolean {
  return isIdentStart(c) || isDigit(c);
}

function isHexDigit(c: string): boolean {
  return isDigit(c) || (c >= "a" && c <= "f") || (c >= "A" && c <= "F");
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let line = 1;
  let column = 1;

  const peek = (offset = 0): string => text[pos + offset] ?? "";
  const advance = (): string => {
    const c = text[pos] ?? "";
    pos++;
    if (c === "\n") {
      line++;
      column = 1;
    } else {
      column++;
    }
    return c;
  };

  while (pos < text.length) {
    const c = peek();
    if (c === " " || c === "\t" || c === "\r" || c === "\n" || c === "\f" || c === "\v" || c === "\uFEFF") {
      advance();
      continue;
    }
    if (c === "/" && peek(1) === "/") {
      while (pos < text.length && peek() !== "\n") advance();
      continue;
    }
    if (c === "/" && peek(1) === "*") {
      const startLine = line;
      const startColumn = column;
      advance();
      advance();
      while (pos < text.length && !(peek() === "*" && peek(1) === "/")) advance();
      if (pos >= text.length)
        throw new ProtoSyntaxError("unterminated block comment", startLine, startColumn);
      advance();
      advance();
      continue;
    }

    const startLine = line;
    const startColumn = column;
    const start = pos;
    if (isIdentStart(c)) {
      while (isIdentPart(peek())) advance();
      tokens.push({ kind: "ident", text: text.slice(start, pos), line: startLine, column: startColumn });
    } else if (isDigit(c) || (c === "." && isDigit(peek(1)))) {
      readNumber(advance, peek);
      if (isIdentStart(peek()) && !/^0[xX]/.test(text.slice(start, pos))) {
        throw new ProtoSyntaxError(
          `invalid number "${text.slice(start, pos)}${peek()}"`,
          startLine,
          startColumn,
        );
      }
      tokens.push({ kind: "number", text: text.slice(start, pos), line: startLine, column: startColumn });
    } else if (c === '"' || c === "'") {
      const value = readString(advance, peek, startLine, startColumn);
      tokens.push({
        kind: "string",
        text: text.slice(start, pos),
        value,
        line: startLine,
        column: startColumn,
      });
    } else if (SYMBOLS.has(c)) {
      advance();
      tokens.push({ kind: "symbol", text: c, line: startLine, column: startColumn });
    } else {
      throw new ProtoSyntaxError(`unexpected character '${c}'`, startLine, startColumn);
    }
  }
  tokens.push({ kind: "eof", text: "", line, column });
  return tokens;
}

function readNumber(advance: () => string, peek: (o?: number) => string): void {
  if (peek() === "0" && (peek(1) === "x" || peek(1) === "X")) {
    advance();
    advance();
    while (isHexDigit(peek())) advance();
    return;
  }
  while (isDigit(peek())) advance();
  if (peek() === ".") {
    advance();
    while (isDigit(peek())) advance();
  }
  if (peek() === "e" || peek() === "E") {
    const sign = peek(1);
    if (isDigit(sign) || ((sign === "+" || sign === "-") && isDigit(peek(2)))) {
      advance();
      if (!isDigit(peek())) advance();
      while (isDigit(peek())) advance();
    }
  }
}

function readString(
  advance: () => string,
  peek: (o?: number) => string,
  line: number,
  column: number,
): string {
  const quote = advance();
  let value = "";
  for (;;) {
    const c = peek();
    if (c === "" || c === "\n") throw new ProtoSyntaxError("unterminated string literal", line, column);
    advance();
    if (c === quote) return value;
    if (c !== "\\") {
      value += c;
      continue;
    }
    const e = advance();
    if (e in SIMPLE_ESCAPES) {
      value += SIMPLE_ESCAPES[e];
    } else if (e === "x" || e === "X") {
      let hex = "";
      while (hex.length < 2 && isHexDigit(peek())) hex += advance();
      if (hex === "") throw new ProtoSyntaxError("expected hex digits after '\\x'", line, column);
      value += String.fromCharCode(parseInt(hex, 16));
    } else if (e >= "0" && e <= "7") {
      let oct = e;
      while (oct.length < 3 && peek() >= "0" && peek() <= "7") oct += advance();
      value += String.fromCharCode(parseInt(oct, 8));
    } else if (e === "u" || e === "U") {
      const length = e === "u" ? 4 : 8;
      let hex = "";
      while (hex.length < length && isHexDigit(peek())) hex += advance();
      if (hex.length !== length) {
        throw new ProtoSyntaxError(`expected ${length} hex digits after '\\${e}'`, line, column);
      }
      value += String.fromCodePoint(parseInt(hex, 16));
    } else {
      throw new ProtoSyntaxError(`invalid escape sequence '\\${e}' in string literal`, line, column);
    }
  }
}
