import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../src/core/text-diff.js";

const labels = { oldLabel: "a", newLabel: "b" };
const lines = (n: number, prefix = "line") => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

describe("unifiedDiff", () => {
  it("is empty for equal texts", () => {
    expect(unifiedDiff("x\ny\n", "x\ny\n", labels)).toBe("");
  });

  it("shows a changed line with three lines of context", () => {
    const a = lines(10);
    const b = [...a];
    b[4] = "changed";
    expect(unifiedDiff(a.join("\n"), b.join("\n"), labels)).toBe(
      [
        "--- a",
        "+++ b",
        "@@ -2,7 +2,7 @@",
        " line 2",
        " line 3",
        " line 4",
        "-line 5",
        "+changed",
        " line 6",
        " line 7",
        " line 8",
        "",
      ].join("\n"),
    );
  });

  it("splits distant changes into separate hunks and merges close ones", () => {
    const a = lines(30);
    const b = [...a];
    b[2] = "x";
    b[25] = "y";
    const diff = unifiedDiff(a.join("\n"), b.join("\n"), labels);
    expect(diff.match(/^@@/gm)).toHaveLength(2);
    expect(diff).toContain("@@ -23,7 +23,7 @@");
    const close = [...a];
    close[2] = "x";
    close[6] = "y";
    expect(unifiedDiff(a.join("\n"), close.join("\n"), labels).match(/^@@/gm)).toHaveLength(1);
  });

  it("handles pure additions and a new file", () => {
    expect(unifiedDiff("", "a\nb\n", labels)).toBe("--- a\n+++ b\n@@ -0,0 +1,2 @@\n+a\n+b\n");
    expect(unifiedDiff("a\nc\n", "a\nb\nc\n", labels)).toBe("--- a\n+++ b\n@@ -1,2 +1,3 @@\n a\n+b\n c\n");
  });

  it("reproduces the new text when the hunks are applied", () => {
    const a = lines(50);
    const b = a.filter((_, i) => i % 7 !== 0).map((l, i) => (i % 11 === 0 ? `${l}!` : l));
    const diff = unifiedDiff(a.join("\n"), b.join("\n"), { ...labels, context: 1_000 });
    const rebuilt = diff
      .split("\n")
      .slice(3)
      .filter((l) => l.startsWith(" ") || l.startsWith("+"))
      .map((l) => l.slice(1));
    expect(rebuilt).toEqual(b);
  });
});
