// A small JSON parser that keeps what JSON.parse throws away and schema identity depends on:
// number lexemes (`1.0` is not `1`), key order, duplicate keys, and the line and column of every node.

export interface JsonPosition {
  offset: number;
  /** 1-based */
  line: number;
  /** 1-based, counted in UTF-16 code units */
  column: number;
}

interface NodeBase {
  start: JsonPosition;
  end: JsonPosition;
}

export interface JsonObject extends NodeBase {
  kind: "object";
  entries: JsonEntry[];
}
export interface JsonEntry {
  key: string;
  keyStart: JsonPosition;
  value: JsonNode;
}
export interface JsonArray extends NodeBase {
  kind: "array";
  items: JsonNode[];
}
export interface JsonString extends NodeBase {
  kind: "string";
  value: string;
}
export interface JsonNumber extends NodeBase {
  kind: "number";
  /** The number exactly as written. */
  lexeme: string;
  value: number;
}
export interface JsonBoolean extends NodeBase {
  kind: "boolean";
  value: boolean;
}
export interface JsonNull extends NodeBase {
  kind: "null";
}

export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull;

export interface JsonSyntaxError {
  message: string;
  line: number;
  column: number;
}

export type JsonParseResult = { ok: true; value: JsonNode } | { ok: false; error: JsonSyntaxError };

/** Nesting beyond this depth is refused rather than risking a stack overflow. */
const MAX_DEPTH = 512;

class JsonParseFailure extends Error {
  constructor(
    message: string,
    readonly position: JsonPosition,
  ) {
    super(message);
  }
}

export function parseJsonText(text: string): JsonParseResult {
  const parser = new Parser(text);
  try {
    return { ok: true, value: parser.parseDocument() };
  } catch (err) {
    if (err instanceof JsonParseFailure) {
      return {
        ok: false,
        error: { message: err.message, line: err.position.line, column: err.position.column },
      };
    }
    throw err;
  }
}

class Parser {
  private pos = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  parseDocument(): JsonNode {
    this.skipWhitespace();
    if (this.pos >= this.text.length) this.fail("empty document: expected a JSON value");
    const value = this.parseValue(0);
    this.skipWhitespace();
    if (this.pos < this.text.length) {
      this.fail(`unexpected ${this.describeHere()} after the end of the JSON value`);
    }
    return value;
  }

  private here(): JsonPosition {
    return { offset: this.pos, line: this.line, column: this.pos - this.lineStart + 1 };
  }

  private fail(message: string, at: JsonPosition = this.here()): never {
    throw new JsonParseFailure(message, at);
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return "end of input";
    const ch = this.text[this.pos]!;
    return `character ${JSON.stringify(ch)}`;
  }

  private skipWhitespace(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        this.pos++;
      } else if (c === 0x0a) {
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
      } else if (c === 0x2f && (text[this.pos + 1] === "/" || text[this.pos + 1] === "*")) {
        this.fail("comments are not allowed in JSON");
      } else {
        break;
      }
    }
  }

  private parseValue(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    const c = this.text[this.pos];
    switch (c) {
      case "{":
        return this.parseObject(depth);
      case "[":
        return this.parseArray(depth);
      case '"': {
        const start = this.here();
        const value = this.parseStringLiteral();
        return { kind: "string", value, start, end: this.here() };
      }
      case "t":
        return { kind: "boolean", value: true, ...this.parseKeyword("true") };
      case "f":
        return { kind: "boolean", value: false, ...this.parseKeyword("false") };
      case "n":
        return { kind: "null", ...this.parseKeyword("null") };
      default:
        if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.parseNumber();
        if (c === undefined) this.fail("unexpected end of input: expected a value");
        if (c === "'") this.fail("strings must use double quotes");
        if (c === "}" || c === "]") this.fail(`unexpected ${JSON.stringify(c)}: expected a value`);
        this.fail(`unexpected ${this.describeHere()}: expected a value`);
    }
  }

  /** Consumes `word` and returns its span. */
  private parseKeyword(word: string): NodeBase {
    const start = this.here();
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return { start, end: this.here() };
    }
    const m = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.pos, this.pos + 64));
    this.fail(`unexpected token ${JSON.stringify(m ? m[0] : this.text[this.pos])}: expected a value`);
  }

  private parseNumber(): JsonNumber {
    const start = this.here();
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 1024));
    if (!m) this.fail("invalid number");
    const lexeme = m[0];
    this.pos += lexeme.length;
    const next = this.text[this.pos];
    if (next !== undefined && /[\w.+-]/.test(next)) {
      this.fail(`invalid number ${JSON.stringify(lexeme + next)}`, start);
    }
    return { kind: "number", lexeme, value: Number(lexeme), start, end: this.here() };
  }

  private parseStringLiteral(): string {
    const text = this.text;
    const open = this.here();
    this.pos++; // opening quote
    let out = "";
    let chunkStart = this.pos;
    for (;;) {
      if (this.pos >= text.length) this.fail("unterminated string", open);
      const c = text.charCodeAt(this.pos);
      if (c === 0x22) {
        out += text.slice(chunkStart, this.pos);
        this.pos++;
        return out;
      }
      if (c === 0x5c) {
        out += text.slice(chunkStart, this.pos);
        out += this.parseEscape();
        chunkStart = this.pos;
        continue;
      }
      if (c < 0x20) {
        if (c === 0x0a) this.fail("unterminated string (line break inside a string)", open);
        this.fail("control character inside a string must be escaped");
      }
      this.pos++;
    }
  }

  private parseEscape(): string {
    const at = this.here();
    const e = this.text[this.pos + 1];
    this.pos += 2;
    switch (e) {
      case '"':
        return '"';
      case "\\":
        return "\\";
      case "/":
        return "/";
      case "b":
        return "\b";
      case "f":
        return "\f";
      case "n":
        return "\n";
      case "r":
        return "\r";
      case "t":
        return "\t";
      case "u": {
        const hex = this.text.slice(this.pos, this.pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("invalid \\u escape: expected four hex digits", at);
        this.pos += 4;
        return String.fromCharCode(parseInt(hex, 16));
      }
      default:
        this.fail(`invalid escape sequence \\${e ?? ""}`, at);
    }
  }

  private parseObject(depth: number): JsonObject {
    const start = this.here();
    this.pos++;
    const entries: JsonEntry[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return { kind: "object", entries, start, end: this.here() };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') {
        if (this.text[this.pos] === "}") this.fail("trailing comma before '}'");
        this.fail(`expected a property name in double quotes, found ${this.describeHere()}`);
      }
      const keyStart = this.here();
      const key = this.parseStringLiteral();
      this.skipWhitespace();
      if (this.text[this.pos] !== ":") this.fail(`expected ':' after property name "${key}"`);
      this.pos++;
      this.skipWhitespace();
      const value = this.parseValue(depth + 1);
      entries.push({ key, keyStart, value });
      this.skipWhitespace();
      const c = this.text[this.pos];
      if (c === ",") {
        this.pos++;
        continue;
      }
      if (c === "}") {
        this.pos++;
        return { kind: "object", entries, start, end: this.here() };
      }
      this.fail(`expected ',' or '}' after a property value, found ${this.describeHere()}`);
    }
  }

  private parseArray(depth: number): JsonArray {
    const start = this.here();
    this.pos++;
    const items: JsonNode[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return { kind: "array", items, start, end: this.here() };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] === "]") this.fail("trailing comma before ']'");
      items.push(this.parseValue(depth + 1));
      this.skipWhitespace();
      const c = this.text[this.pos];
      if (c === ",") {
        this.pos++;
        continue;
      }
      if (c === "]") {
        this.pos++;
        return { kind: "array", items, start, end: this.here() };
      }
      this.fail(`expected ',' or ']' after an array element, found ${this.describeHere()}`);
    }
  }
}
