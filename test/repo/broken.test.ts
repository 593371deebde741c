import { describe, expect, it } from "vitest";
import { formatIssue, loadProject } from "../../src/repo/index.js";
import { BROKEN } from "./broken-corpus.js";
import { avroRecord, lines, loadErrors, writeTree } from "./tree.js";

describe("broken repositories", () => {
  it("has a corpus of distinct broken repositories", () => {
    expect(new Set(BROKEN.map((c) => c.name)).size).toBe(BROKEN.length);
    expect(BROKEN.length).toBeGreaterThanOrEqual(25);
  });

  it.each(BROKEN)("$name", async ({ tree, errors }) => {
    expect(await loadErrors(tree)).toEqual(errors);
  });

  it("reports a directory without schemaops.yaml", async () => {
    const dir = await writeTree({ "schemas/default/a-value.avsc": avroRecord("A", "com.acme", "") });
    const result = await loadProject(dir, { env: {} });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map(formatIssue)).toEqual([
      `schemaops.yaml:1:1: no schemaops.yaml in ${dir}: not a schemaops project`,
    ]);
  });

  it("reports the problems of every broken file together, sorted by file and position", async () => {
    const errors = await loadErrors({
      "schemaops.yaml": lines("policy:", "  maxDeletions: -1"),
      "schemas/default/a-value.avsc": lines(
        '{"type": "record", "name": "A", "namespace": "x",',
        ' "fields": [{"name": "n", "type": "nope"}]}',
      ),
      "schemas/default/a-value.yaml": lines("mode: readonly", "owner: team-a"),
      "schemas/default/orphan.yaml": lines("compatibility: FULL"),
      "schemas/staging/context.yaml": lines("compatibility: SOMETIMES"),
      "schemas/staging/b-value.proto": lines('syntax = "proto3";', "message B { int32 n = 1 }"),
      "schemas/staging/c-value.json": lines('{"$ref": "d.json"}'),
    });
    expect(errors).toEqual([
      "schemaops.yaml:2:17: policy.maxDeletions: Too small: expected number to be >=0",
      'schemas/default/a-value.avsc:2:35: unknown type "x.nope": it is not a built-in type and no .avsc file of context "." defines it',
      'schemas/default/a-value.yaml:2:1: unknown key "owner" (allowed: subject, type, compatibility, normalize, mode, references, metadata, ruleSet, deleted)',
      "schemas/default/orphan.yaml:1:1: sidecar without a schema file: expected orphan.avsc, orphan.proto, orphan.json or orphan.schema.json beside it",
      "schemas/staging/b-value.proto:2:25: invalid Protobuf schema: expected ';' after field number, found '}'",
      'schemas/staging/c-value.json:1:10: unresolved $ref "d.json": no JSON Schema file of context ".staging" has this path, file name or $id',
      'schemas/staging/context.yaml:1:16: compatibility: unknown compatibility level "SOMETIMES" (expected one of: NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE)',
    ]);
  });
});
