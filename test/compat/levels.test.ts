import { describe, expect, it } from "vitest";
import {
  checkCompatibility,
  InvalidSchemaError,
  type CompatibilityLevel,
  type PreviousInput,
} from "../../src/index.js";

/** An Avro record named "User" with the given fields (JSON field objects). */
function avroRecord(...fields: object[]): string {
  return JSON.stringify({ type: "record", name: "User", namespace: "com.acme", fields });
}
const int = (name: string) => ({ name, type: "int" });
const str = (name: string) => ({ name, type: "string" });
const strWithDefault = (name: string) => ({ name, type: "string", default: "" });

const v = (schema: string, extra: Partial<PreviousInput> = {}): PreviousInput => ({ schema, ...extra });

describe("levels and history", () => {
  it("NONE accepts anything, even another schema type", () => {
    const result = checkCompatibility({ schema: avroRecord(str("x")) }, [v('{"type":"string"}')], "NONE");
    expect(result).toMatchObject({ compatible: true, messages: [], checkedAgainst: [] });
    const typeChange = checkCompatibility(
      { schemaType: "JSON", schema: '{"type":"object"}' },
      [v(avroRecord(int("a")))],
      "NONE",
    );
    expect(typeChange.compatible).toBe(true);
  });

  it("an empty history is compatible at every level", () => {
    for (const level of ["BACKWARD", "FORWARD_TRANSITIVE", "FULL"] as CompatibilityLevel[]) {
      expect(checkCompatibility({ schema: avroRecord(int("a")) }, [], level)).toMatchObject({
        compatible: true,
        checkedAgainst: [],
      });
    }
  });

  it("BACKWARD failure carries the registry's markers in order", () => {
    const result = checkCompatibility(
      { schema: avroRecord(int("a"), str("b")) },
      [v(avroRecord(int("a")))],
      "BACKWARD",
    );
    expect(result.compatible).toBe(false);
    expect(result.checkedAgainst).toEqual([1]);
    expect(result.messages).toHaveLength(4);
    expect(result.messages[0]).toContain("errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'");
    expect(result.messages[0]).toContain("The field 'b' at path '/fields/1' in the new schema");
    expect(result.messages[1]).toBe("{oldSchemaVersion: 1}");
    expect(result.messages[2]).toBe(
      `{oldSchema: '{"type":"record","name":"User","namespace":"com.acme","fields":[{"name":"a","type":"int"}]}'}`,
    );
    expect(result.messages[3]).toBe("{validateFields: 'false', compatibility: 'BACKWARD'}");
    expect(result.problems[0]).toMatchObject({
      errorType: "READER_FIELD_MISSING_DEFAULT_VALUE",
      path: "/fields/1",
      direction: "backward",
      version: 1,
    });
  });

  it("non-transitive levels compare with the latest version only; transitive ones with all", () => {
    const history = [v(avroRecord(int("a"))), v(avroRecord(int("a"), strWithDefault("b")))];
    const candidate = { schema: avroRecord(str("b")) };
    const latestOnly = checkCompatibility(candidate, history, "BACKWARD");
    expect(latestOnly).toMatchObject({ compatible: true, checkedAgainst: [2] });
    const transitive = checkCompatibility(candidate, history, "BACKWARD_TRANSITIVE");
    expect(transitive.compatible).toBe(false);
    expect(transitive.checkedAgainst).toEqual([2, 1]);
    expect(transitive.messages).toContain("{oldSchemaVersion: 1}");
  });

  it("transitive checks go newest first and stop at the first failing version", () => {
    const history = [
      v(avroRecord(int("a")), { version: 3 }),
      v(avroRecord(int("a"), int("c")), { version: 7 }),
    ];
    const result = checkCompatibility(
      { schema: avroRecord(int("a"), str("z")) },
      history,
      "BACKWARD_TRANSITIVE",
    );
    expect(result.checkedAgainst).toEqual([7]);
    expect(result.messages).toContain("{oldSchemaVersion: 7}");
    expect(result.messages).not.toContain("{oldSchemaVersion: 3}");
  });

  it("versions excluded by the caller (soft-deleted) are not compared", () => {
    const deleted = v(avroRecord(int("a")), { version: 1 });
    const live = v(avroRecord(int("a"), strWithDefault("b")), { version: 2 });
    const candidate = { schema: avroRecord(str("b")) };
    expect(checkCompatibility(candidate, [deleted, live], "BACKWARD_TRANSITIVE").compatible).toBe(false);
    expect(checkCompatibility(candidate, [live], "BACKWARD_TRANSITIVE")).toMatchObject({
      compatible: true,
      checkedAgainst: [2],
    });
  });

  it("FORWARD asks the old schema to read the new one", () => {
    const old = [v(avroRecord(int("a"), int("b")))];
    const dropsB = { schema: avroRecord(int("a")) };
    expect(checkCompatibility(dropsB, old, "BACKWARD").compatible).toBe(true);
    const forward = checkCompatibility(dropsB, old, "FORWARD");
    expect(forward.compatible).toBe(false);
    expect(forward.messages[0]).toContain(
      "in the old schema has no default value and is missing in the new schema",
    );
    expect(forward.problems[0]).toMatchObject({ direction: "forward", path: "/fields/1" });
    expect(forward.messages.at(-1)).toBe("{validateFields: 'false', compatibility: 'FORWARD'}");
  });

  it("FULL: a forward-only failure carries no old-version entries", () => {
    const result = checkCompatibility(
      { schema: avroRecord(int("a")) },
      [v(avroRecord(int("a"), int("b")))],
      "FULL",
    );
    expect(result.compatible).toBe(false);
    expect(result.messages.some((m) => m.startsWith("{oldSchemaVersion"))).toBe(false);
    expect(result.messages.at(-1)).toBe("{validateFields: 'false', compatibility: 'FULL'}");
  });

  it("FULL: forward messages come first, then backward ones and the old version's entries", () => {
    // Old has b without default (forward breaks when new drops it); new adds c without default (backward breaks).
    const result = checkCompatibility(
      { schema: avroRecord(int("a"), int("c")) },
      [v(avroRecord(int("a"), int("b")))],
      "FULL_TRANSITIVE",
    );
    expect(result.problems.map((p) => p.direction)).toEqual(["forward", "backward"]);
    expect(result.messages[0]).toContain("'b'");
    expect(result.messages[1]).toContain("'c'");
    expect(result.messages.slice(2, 3)).toEqual(["{oldSchemaVersion: 1}"]);
    expect(result.messages.at(-1)).toBe("{validateFields: 'false', compatibility: 'FULL_TRANSITIVE'}");
  });

  it("a different schema type is incompatible unless NONE, with the registry's plain sentence", () => {
    const result = checkCompatibility(
      { schemaType: "JSON", schema: '{"type":"object"}' },
      [v(avroRecord(int("a")))],
      "BACKWARD",
    );
    expect(result.compatible).toBe(false);
    expect(result.messages).toEqual([
      "Incompatible because of different schema type",
      "{validateFields: 'false', compatibility: 'BACKWARD'}",
    ]);
  });

  it("uses the caller's version numbers, or positions when none are given", () => {
    const history = [v(avroRecord(int("a"))), v(avroRecord(int("a")))];
    const result = checkCompatibility({ schema: avroRecord(int("a"), int("n")) }, history, "BACKWARD");
    expect(result.messages).toContain("{oldSchemaVersion: 2}");
  });

  it("cuts an old schema's canonical text longer than 10,240 characters", () => {
    const many = Array.from({ length: 400 }, (_, i) => int(`field_number_${i}`));
    const result = checkCompatibility(
      { schema: avroRecord(...many, int("extra")) },
      [v(avroRecord(...many))],
      "BACKWARD",
    );
    const entry = result.messages.find((m) => m.startsWith("{oldSchema:"))!;
    expect(entry.startsWith("{oldSchema: <truncated> '")).toBe(true);
    expect(entry.endsWith("...'}")).toBe(true);
    expect(entry.length).toBe("{oldSchema: <truncated> '".length + 10_240 + "...'}".length);
  });

  it("an invalid candidate is an error with its location, not a verdict", () => {
    try {
      checkCompatibility(
        { schema: '{"type": "record", "name": "X", "fields": [\n  {"name": "a"}\n]}' },
        [],
        "BACKWARD",
      );
      expect.unreachable("should throw");
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidSchemaError);
      const issue = (err as InvalidSchemaError).issues[0]!;
      expect(issue.line).toBe(2);
      expect((err as InvalidSchemaError).which).toBe("candidate");
    }
  });

  it("locates each problem in the candidate's text, in both directions", () => {
    const candidate =
      '{"type":"record","name":"User","fields":[\n  {"name":"a","type":"int"},\n  {"name":"b","type":"string"}\n]}';
    const backward = checkCompatibility({ schema: candidate }, [v(avroRecord(int("a")))], "BACKWARD");
    expect(backward.problems[0]!.location?.line).toBe(3);
    const forward = checkCompatibility(
      { schema: '{"type":"record","name":"User","fields":[\n  {"name":"a","type":\n "string"}]}' },
      [v(avroRecord(int("a")))],
      "FORWARD",
    );
    expect(forward.problems[0]).toMatchObject({ errorType: "TYPE_MISMATCH", direction: "forward" });
    expect(forward.problems[0]!.location?.line).toBe(3);
  });
});

describe("reserved fields and compatibility groups", () => {
  const reserved = (names: string) => ({ properties: { "confluent:reserved": names } });

  it("validateFields reports removed reserved names and conflicting fields first", () => {
    const result = checkCompatibility(
      { schema: avroRecord(int("a"), int("ssn"), int("extra")), metadata: reserved("ssn") },
      [v(avroRecord(int("a")), { metadata: reserved("ssn, dob") })],
      "BACKWARD",
      { validateFields: true },
    );
    expect(result.compatible).toBe(false);
    expect(result.messages[0]).toContain("RESERVED_FIELD_REMOVED");
    expect(result.messages[0]).toContain("reserved field dob removed");
    expect(result.messages[1]).toContain("FIELD_CONFLICTS_WITH_RESERVED_FIELD");
    expect(result.messages[1]).toContain("reserved field ssn.");
    expect(result.messages[2]).toContain("READER_FIELD_MISSING_DEFAULT_VALUE");
    expect(result.messages.at(-1)).toBe("{validateFields: 'true', compatibility: 'BACKWARD'}");
  });

  it("reserved names are ignored when validateFields is off", () => {
    const result = checkCompatibility(
      { schema: avroRecord(int("a"), strWithDefault("ssn")), metadata: reserved("ssn") },
      [v(avroRecord(int("a")), { metadata: reserved("ssn") })],
      "BACKWARD",
    );
    expect(result.compatible).toBe(true);
  });

  it("a compatibility group compares only versions of the candidate's group", () => {
    const major = (n: string) => ({ properties: { major: n } });
    const history = [
      v(avroRecord(int("a")), { metadata: major("1") }),
      v(avroRecord(str("b")), { metadata: major("2") }),
    ];
    const inGroup1 = { schema: avroRecord(int("a"), strWithDefault("c")), metadata: major("1") };
    expect(checkCompatibility(inGroup1, history, "BACKWARD", { compatibilityGroup: "major" })).toMatchObject({
      compatible: true,
      checkedAgainst: [1],
    });
    // Without the group, the latest version ({b}) is compared, and "a" has no default.
    expect(checkCompatibility(inGroup1, history, "BACKWARD").compatible).toBe(false);
    const noGroup = { schema: avroRecord(int("z")) };
    expect(checkCompatibility(noGroup, history, "BACKWARD", { compatibilityGroup: "major" })).toMatchObject({
      compatible: true,
      checkedAgainst: [],
    });
  });
});

describe("per-format options pass through the levels", () => {
  it("JSON Schema: LENIENT accepts removing a property from a closed content model, STRICT does not", () => {
    const old = v(
      JSON.stringify({
        type: "object",
        properties: { a: { type: "string" }, b: { type: "string" } },
        additionalProperties: false,
      }),
    );
    const candidate = {
      schemaType: "JSON" as const,
      schema: JSON.stringify({
        type: "object",
        properties: { a: { type: "string" } },
        additionalProperties: false,
      }),
    };
    const oldJson = { ...old, schemaType: "JSON" as const };
    expect(checkCompatibility(candidate, [oldJson], "BACKWARD").compatible).toBe(false);
    expect(checkCompatibility(candidate, [oldJson], "BACKWARD", { policy: "LENIENT" }).compatible).toBe(true);
  });

  it("Protobuf: removing a message breaks BACKWARD but not FORWARD", () => {
    const old = {
      schemaType: "PROTOBUF" as const,
      schema: 'syntax = "proto3";\nmessage A { int32 x = 1; }\nmessage B { string y = 1; }\n',
    };
    const candidate = {
      schemaType: "PROTOBUF" as const,
      schema: 'syntax = "proto3";\nmessage A { int32 x = 1; }\n',
    };
    const backward = checkCompatibility(candidate, [old], "BACKWARD");
    expect(backward.compatible).toBe(false);
    expect(backward.messages[0]).toContain('errorType:"MESSAGE_REMOVED"');
    expect(checkCompatibility(candidate, [old], "FORWARD").compatible).toBe(true);
  });
});
