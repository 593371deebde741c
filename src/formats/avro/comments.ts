// Avro Java reads schemas with Jackson's ALLOW_COMMENTS, so `//` and `/* */` comments are legal in an
// .avsc. The JSON parser rejects them; blanking them out (newlines kept) preserves every position.

export function blankOutComments(text: string): string {
  if (!text.includes("/")) return text;
  let out = "";
  let chunkStart = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = skipString(text, i);
      continue;
    }
    if (c === "/" && (text[i + 1] === "/" || text[i + 1] === "*")) {
      const end = commentEnd(text, i);
      if (end < 0) return text; // unterminated: let the JSON parser report it where it starts
      out += text.slice(chunkStart, i) + text.slice(i, end).replace(/[^\n\r]/g, " ");
      chunkStart = end;
      i = end;
      continue;
    }
    i++;
  }
  return out + text.slice(chunkStart);
}

function skipString(text: string, open: number): number {
  let i = open + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\") i += 2;
    else if (c === '"' || c === "\n") return i + 1;
    else i++;
  }
  return i;
}

function commentEnd(text: string, start: number): number {
  if (text[start + 1] === "/") {
    const nl = text.indexOf("\n", start);
    return nl < 0 ? text.length : nl;
  }
  const close = text.indexOf("*/", start + 2);
  return close < 0 ? -1 : close + 2;
}
