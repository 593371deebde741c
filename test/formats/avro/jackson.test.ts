// Java's number spelling and Jackson's string escaping, which the canonical string inherits.

import { describe, expect, it } from "vitest";
import { jacksonQuote, javaDoubleToString, javaFloatToString } from "../../../src/formats/avro/jackson.js";

describe("Java number spelling", () => {
  it.each([
    [1, "1.0"],
    [1.5, "1.5"],
    [1234567, "1234567.0"],
    [1e7, "1.0E7"],
    [0.001, "0.001"],
    [0.0001, "1.0E-4"],
    [123456789012, "1.23456789012E11"],
    [-2.5e-7, "-2.5E-7"],
    [-0, "-0.0"],
    [NaN, "NaN"],
    [-Infinity, "-Infinity"],
  ])("Double.toString(%s) is %s", (value, text) => {
    expect(javaDoubleToString(value)).toBe(text);
  });

  it.each([
    [0.1, "0.1"],
    [1 / 3, "0.33333334"],
    [1, "1.0"],
    [3e10, "3.0E10"],
  ])("Float.toString(%s) is %s", (value, text) => {
    expect(javaFloatToString(value)).toBe(text);
  });
});

describe("Jackson string escaping", () => {
  it("uses short escapes where JSON has them and upper-case hex otherwise", () => {
    expect(jacksonQuote('a"b\\c\n\t\u001f\u0000é/')).toBe('"a\\"b\\\\c\\n\\t\\u001F\\u0000é/"');
  });
});
