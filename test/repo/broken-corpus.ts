// Broken repositories, one problem (or one kind of problem) each, with the exact problems they must give.

import { avroRecord, lines, type Tree } from "./tree.js";

export interface BrokenCase {
  name: string;
  tree: Tree;
  errors: string[];
}

const money = avroRecord("Money", "com.acme", '{"name": "units", "type": "long"}');
const proto = (...body: string[]): string => lines('syntax = "proto3";', ...body);

export const BROKEN: BrokenCase[] = [
  {
    name: "YAML syntax error in schemaops.yaml",
    tree: { "schemaops.yaml": lines("policy:", "  deletions: [none", "defaults: {}") },
    errors: [
      "schemaops.yaml:3:1: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ],
  },
  {
    name: "unknown top-level key in schemaops.yaml",
    tree: { "schemaops.yaml": lines("registries: {}", "polices:", "  deletions: none") },
    errors: [
      'schemaops.yaml:2:1: unknown key "polices"; did you mean "policy"? (allowed: registries, defaults, policy)',
    ],
  },
  {
    name: "unknown key in a registry",
    tree: {
      "schemaops.yaml": lines(
        "registries:",
        "  prod:",
        "    url: https://sr.example.com",
        "    readonly: true",
      ),
    },
    errors: [
      'schemaops.yaml:4:5: unknown key "readonly" in registries.prod; did you mean "readOnly"? (allowed: url, auth, tls, contexts, readOnly)',
    ],
  },
  {
    name: "wrong value type",
    tree: { "schemaops.yaml": lines("policy:", "  maxDeletions: ten") },
    errors: ["schemaops.yaml:2:17: policy.maxDeletions: Invalid input: expected number, received string"],
  },
  {
    name: "unknown compatibility level in the defaults",
    tree: { "schemaops.yaml": lines("defaults:", "  compatibility: BACKWARDS") },
    errors: [
      'schemaops.yaml:2:18: defaults.compatibility: unknown compatibility level "BACKWARDS" (expected one of: NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE)',
    ],
  },
  {
    name: "unknown deletion policy",
    tree: { "schemaops.yaml": lines("policy:", "  deletions: all") },
    errors: ['schemaops.yaml:2:14: policy.deletions: Invalid option: expected one of "none"|"soft"|"hard"'],
  },
  {
    name: "missing environment variable",
    tree: {
      "schemaops.yaml": lines(
        "registries:",
        "  prod:",
        "    url: https://sr.example.com",
        "    auth:",
        "      bearer: ${SR_TOKEN}",
      ),
    },
    errors: ["schemaops.yaml:5:15: environment variable SR_TOKEN is not set"],
  },
  {
    name: "registry without url, and both auth kinds",
    tree: {
      "schemaops.yaml": lines(
        "registries:",
        "  prod:",
        "    auth:",
        "      bearer: x",
        "      basic: { username: a, password: b }",
      ),
    },
    errors: [
      'schemaops.yaml:2:3: registries.prod: missing required key "url"',
      "schemaops.yaml:4:7: registries.prod.auth: give either basic or bearer credentials (exactly one)",
    ],
  },
  {
    name: "invalid context in a registry's list",
    tree: {
      "schemaops.yaml": lines("registries:", "  prod:", "    url: embedded", "    contexts: [production]"),
    },
    errors: [
      'schemaops.yaml:4:16: registries.prod.contexts[0]: context name "production" must start with "."',
    ],
  },
  {
    name: "context folder whose name is not a context",
    tree: { "schemas/team:a/a-value.avsc": money },
    errors: [
      'schemas/team:a:1:1: folder "team:a" does not give a valid context name: context name ".team:a" must not contain ":"; rename the folder or set name: in context.yaml',
    ],
  },
  {
    name: "context.yaml with a name that is not a context",
    tree: { "schemas/prod/context.yaml": lines("name: production") },
    errors: ['schemas/prod/context.yaml:1:7: name: context name "production" must start with "."'],
  },
  {
    name: "unknown key in context.yaml",
    tree: { "schemas/prod/context.yaml": lines("compatibility: FULL", "normalise: true") },
    errors: [
      'schemas/prod/context.yaml:2:1: unknown key "normalise"; did you mean "normalize"? (allowed: name, compatibility, normalize, mode)',
    ],
  },
  {
    name: "unknown mode in context.yaml",
    tree: { "schemas/prod/context.yaml": lines("mode: WRITE") },
    errors: [
      'schemas/prod/context.yaml:1:7: mode: unknown mode "WRITE" (expected one of: READWRITE, READONLY, READONLY_OVERRIDE, IMPORT)',
    ],
  },
  {
    name: "two folders for one context",
    tree: { "schemas/default/a-value.avsc": money, "schemas/main/context.yaml": lines("name: .") },
    errors: [
      'schemas/main/context.yaml:1:7: context "." is already declared by schemas/default/; each context has one folder',
    ],
  },
  {
    name: "YAML syntax error in a sidecar",
    tree: {
      "schemas/default/a-value.avsc": money,
      "schemas/default/a-value.yaml": lines("compatibility: FULL", "  mode: READONLY"),
    },
    errors: ["schemas/default/a-value.yaml:1:16: YAML: Nested mappings are not allowed in compact mappings"],
  },
  {
    name: "unknown key in a sidecar",
    tree: {
      "schemas/default/a-value.avsc": money,
      "schemas/default/a-value.yaml": lines("compatability: FULL"),
    },
    errors: [
      'schemas/default/a-value.yaml:1:1: unknown key "compatability"; did you mean "compatibility"? (allowed: subject, type, compatibility, normalize, mode, references, metadata, ruleSet, deleted)',
    ],
  },
  {
    name: "unknown compatibility level in a sidecar",
    tree: {
      "schemas/default/a-value.avsc": money,
      "schemas/default/a-value.yaml": lines("compatibility: STRICT"),
    },
    errors: [
      'schemas/default/a-value.yaml:1:16: compatibility: unknown compatibility level "STRICT" (expected one of: NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE)',
    ],
  },
  {
    name: "wrong type in sidecar metadata",
    tree: {
      "schemas/default/a-value.avsc": money,
      "schemas/default/a-value.yaml": lines("metadata:", "  tags:", "    PII: email"),
    },
    errors: [
      "schemas/default/a-value.yaml:3:10: metadata.tags.PII: Invalid input: expected array, received string",
    ],
  },
  {
    name: "sidecar type that does not fit the extension",
    tree: { "schemas/default/a-value.avsc": money, "schemas/default/a-value.yaml": lines("type: protobuf") },
    errors: ["schemas/default/a-value.yaml:1:7: type PROTOBUF does not fit a .avsc file (allowed: AVRO)"],
  },
  {
    name: "duplicate subject in two sub-folders",
    tree: { "schemas/default/x/a-value.avsc": money, "schemas/default/y/a-value.avsc": money },
    errors: [
      'schemas/default/y/a-value.avsc:1:1: duplicate subject "a-value" in context ".": defined by both schemas/default/x/a-value.avsc and schemas/default/y/a-value.avsc',
    ],
  },
  {
    name: "duplicate subject through a sidecar's subject",
    tree: {
      "schemas/default/a-value.avsc": money,
      "schemas/default/b.avsc": money,
      "schemas/default/b.yaml": lines("subject: a-value"),
    },
    errors: [
      'schemas/default/b.yaml:1:10: duplicate subject "a-value" in context ".": defined by both schemas/default/a-value.avsc and schemas/default/b.avsc',
    ],
  },
  {
    name: "sidecar without a schema file",
    tree: { "schemas/default/a-value.yaml": lines("compatibility: FULL") },
    errors: [
      "schemas/default/a-value.yaml:1:1: sidecar without a schema file: expected a-value.avsc, a-value.proto, a-value.json or a-value.schema.json beside it",
    ],
  },
  {
    name: "schema file outside every context folder",
    tree: { "schemas/a-value.avsc": money },
    errors: [
      "schemas/a-value.avsc:1:1: schema files belong in a context folder (schemas/default/ for the default context)",
    ],
  },
  {
    name: "invalid Avro schema",
    tree: {
      "schemas/default/a-value.avsc": lines(
        "{",
        '  "type": "record",',
        '  "name": "A",',
        '  "namespace": "com.acme",',
        '  "fields": [{"name": "n", "type": "int", "default": "zero"}]',
        "}",
      ),
    },
    errors: [
      'schemas/default/a-value.avsc:5:54: invalid Avro schema: field "n": default "zero" is not a valid int',
    ],
  },
  {
    name: "Avro file that is not JSON",
    tree: { "schemas/default/a-value.avsc": lines("{", '  "type": "record"', '  "name": "A"', "}") },
    errors: [
      "schemas/default/a-value.avsc:3:3: invalid Avro schema: expected ',' or '}' after a property value, found character \"\\\"\"",
    ],
  },
  {
    name: "JSON Schema file that is not JSON",
    tree: { "schemas/default/a-value.schema.json": lines("{", '  "type": "object",', "}") },
    errors: [
      "schemas/default/a-value.schema.json:3:1: invalid JSON Schema: invalid JSON: trailing comma before '}'",
    ],
  },
  {
    name: "invalid Protobuf schema",
    tree: { "schemas/default/a-value.proto": proto("message A {", "  string id = 1", "}") },
    errors: [
      "schemas/default/a-value.proto:4:1: invalid Protobuf schema: expected ';' after field number, found '}'",
    ],
  },
  {
    name: "unresolved Avro name",
    tree: {
      "schemas/default/a-value.avsc": lines(
        "{",
        '  "type": "record", "name": "A", "namespace": "com.acme",',
        '  "fields": [{"name": "m", "type": "com.acme.Mony"}]',
        "}",
      ),
      "schemas/default/money.avsc": money,
    },
    errors: [
      'schemas/default/a-value.avsc:3:36: unknown type "com.acme.Mony": it is not a built-in type and no .avsc file of context "." defines it; did you mean "com.acme.Money"?',
    ],
  },
  {
    name: "unresolved Protobuf import",
    tree: {
      "schemas/default/a-value.proto": proto('import "common/money.proto";', "message A { string id = 1; }"),
    },
    errors: [
      'schemas/default/a-value.proto:2:8: unresolved import "common/money.proto": no .proto file of context "." has this path (relative to the context folder) or ends with it',
    ],
  },
  {
    name: "unresolved $ref",
    tree: {
      "schemas/default/a-value.json": lines(
        "{",
        '  "type": "object",',
        '  "properties": {"m": {"$ref": "money.json#/definitions/M"}}',
        "}",
      ),
    },
    errors: [
      'schemas/default/a-value.json:3:32: unresolved $ref "money.json": no JSON Schema file of context "." has this path, file name or $id',
    ],
  },
  {
    name: "ambiguous Protobuf import",
    tree: {
      "schemas/default/a-value.proto": proto('import "money.proto";', "message A { string id = 1; }"),
      "schemas/default/x/money.proto": proto("package x;", "message M {}"),
      "schemas/default/x/money.yaml": "subject: x-money\n",
      "schemas/default/y/money.proto": proto("package y;", "message M {}"),
    },
    errors: [
      'schemas/default/a-value.proto:2:8: import "money.proto" is provided by several files (schemas/default/x/money.proto, schemas/default/y/money.proto); declare the reference in the sidecar to choose one',
    ],
  },
  {
    name: "reference cycle",
    tree: {
      "schemas/default/a.proto": proto('import "b.proto";', "message A { B b = 1; }"),
      "schemas/default/b.proto": proto('import "a.proto";', "message B { A a = 1; }"),
    },
    errors: [
      "schemas/default/a.proto:2:8: reference cycle: a (schemas/default/a.proto) -> b (schemas/default/b.proto) -> a (schemas/default/a.proto)",
    ],
  },
  {
    name: "bad reference versions",
    tree: {
      "schemas/default/a-value.avsc": money,
      "schemas/default/a-value.yaml": lines(
        "references:",
        "  - { name: x, subject: money, version: 0 }",
        "  - { name: y, subject: money, version: newest }",
      ),
    },
    errors: [
      'schemas/default/a-value.yaml:2:41: references[0].version: reference version must be a version number (1 or more) or "latest", not 0',
      'schemas/default/a-value.yaml:3:41: references[1].version: reference version must be a version number (1 or more) or "latest", not "newest"',
    ],
  },
  {
    name: "explicit reference to an unknown subject",
    tree: {
      "schemas/default/a-value.avsc": money,
      "schemas/default/a-value.yaml": lines(
        "references:",
        "  - name: com.acme.Other",
        "    subject: other-value",
        "    version: latest",
      ),
    },
    errors: [
      'schemas/default/a-value.yaml:3:14: reference "com.acme.Other": subject "other-value" in context "." is not in the repository; add its schema file, or pin a version number to refer to a subject this repository does not manage',
    ],
  },
  {
    name: "reference declared twice",
    tree: {
      "schemas/default/m.avsc": money,
      "schemas/default/a-value.avsc": avroRecord("A", "com.acme", '{"name": "m", "type": "com.acme.Money"}'),
      "schemas/default/a-value.yaml": lines(
        "references:",
        "  - { name: r, subject: m }",
        "  - { name: r, subject: m }",
      ),
    },
    errors: ['schemas/default/a-value.yaml:3:5: reference "r" is declared twice'],
  },
  {
    name: "deleted that is not a boolean",
    tree: {
      "schemas/default/a-value.avsc": money,
      "schemas/default/a-value.yaml": lines("deleted: yes please"),
    },
    errors: ["schemas/default/a-value.yaml:1:10: deleted: Invalid input: expected boolean, received string"],
  },
  {
    name: "duplicate key in a sidecar",
    tree: {
      "schemas/default/a-value.avsc": money,
      "schemas/default/a-value.yaml": lines("compatibility: FULL", "mode: READONLY", "compatibility: NONE"),
    },
    errors: ["schemas/default/a-value.yaml:3:1: YAML: Map keys must be unique"],
  },
  {
    name: "sidecar that is a list instead of a mapping",
    tree: {
      "schemas/default/a-value.avsc": money,
      "schemas/default/a-value.yaml": lines("- compatibility: FULL"),
    },
    errors: ["schemas/default/a-value.yaml:1:1: the file must be a mapping of keys to values, not a list"],
  },
  {
    name: "invalid JSON Schema keyword value",
    tree: {
      "schemas/default/a-value.schema.json": lines(
        "{",
        '  "type": "object",',
        '  "properties": {"a": {"minLength": "x"}}',
        "}",
      ),
    },
    errors: [
      'schemas/default/a-value.schema.json:3:37: invalid JSON Schema: "minLength" must be a non-negative integer, found "x" (at #/properties/a/minLength)',
    ],
  },
  {
    name: "empty Avro file",
    tree: { "schemas/default/a-value.avsc": "" },
    errors: ["schemas/default/a-value.avsc:1:1: invalid Avro schema: empty document: expected a JSON value"],
  },
  {
    name: "subject name with a control character",
    tree: { "schemas/default/a\u0007-value.avsc": money },
    errors: ["schemas/default/a\u0007-value.avsc:1:1: subject names must not contain control characters"],
  },
];
