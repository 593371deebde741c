import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../src/core/policy.js";
import { Secret } from "../../src/core/secret.js";
import { formatIssue, readProjectConfig } from "../../src/repo/index.js";
import { lines } from "./tree.js";

function valid(text: string, env: Record<string, string> = {}) {
  const read = readProjectConfig(text, env);
  expect(read.errors.map(formatIssue)).toEqual([]);
  return read.value!;
}

function errors(text: string, env: Record<string, string> = {}): string[] {
  const read = readProjectConfig(text, env);
  expect(read.value).toBeUndefined();
  return read.errors.map(formatIssue);
}

describe("schemaops.yaml", () => {
  it("gives the embedded registry `local`, no defaults and the default policy for an empty file", () => {
    expect(valid("")).toEqual({
      registries: { local: { name: "local", url: "embedded", readOnly: false } },
      defaults: {},
      policy: DEFAULT_POLICY,
    });
  });

  it("reads registries, defaults and policy", () => {
    const config = valid(
      lines(
        "registries:",
        "  staging:",
        "    url: https://sr.example.com:8081",
        "    tls: { ca: certs/ca.pem, cert: certs/client.pem, key: certs/client.key }",
        '    contexts: [".", ":.production:"]',
        "    readOnly: true",
        "defaults:",
        "  compatibility: full_transitive",
        "  normalize: true",
        "  mode: readwrite",
        "policy:",
        "  deletions: hard",
        "  maxDeletions: 3",
      ),
    );
    expect(config.registries).toEqual({
      staging: {
        name: "staging",
        url: "https://sr.example.com:8081",
        tls: { ca: "certs/ca.pem", cert: "certs/client.pem", key: "certs/client.key" },
        contexts: [".", ".production"],
        readOnly: true,
      },
    });
    expect(config.defaults).toEqual({ compatibility: "FULL_TRANSITIVE", normalize: true, mode: "READWRITE" });
    expect(config.policy).toEqual({ deletions: "hard", maxDeletions: 3, allowIncompatible: false });
  });

  it("expands ${VAR} from the given environment and wraps credentials in Secrets", () => {
    const config = valid(
      lines(
        "registries:",
        "  staging:",
        "    url: ${SR_URL}/apis/ccompat/v7",
        "    auth:",
        "      basic: { username: ${SR_USER}, password: ${SR_PASSWORD} }",
        "  cloud:",
        "    url: https://cloud.example.com",
        "    auth: { bearer: 'Bearer-${TOKEN}' }",
      ),
      { SR_URL: "https://sr.internal", SR_USER: "svc", SR_PASSWORD: "p4ss:w0rd", TOKEN: "t0k3n" },
    );
    const staging = config.registries.staging!;
    expect(staging.url).toBe("https://sr.internal/apis/ccompat/v7");
    expect(staging.auth).toEqual({ basic: { username: expect.any(Secret), password: expect.any(Secret) } });
    const basic = (staging.auth as { basic: { username: Secret; password: Secret } }).basic;
    expect([basic.username.reveal(), basic.password.reveal()]).toEqual(["svc", "p4ss:w0rd"]);
    const bearer = (config.registries.cloud!.auth as { bearer: Secret }).bearer;
    expect(bearer.reveal()).toBe("Bearer-t0k3n");
    expect(JSON.stringify(config)).not.toMatch(/p4ss|t0k3n|svc/);
  });

  it("writes a literal ${ as $${", () => {
    const config = valid(lines("registries:", "  a:", "    url: embedded", "    contexts: ['.$${x}']"));
    expect(config.registries.a!.contexts).toEqual([".${x}"]);
  });

  it("moves credentials out of a registry URL into basic auth", () => {
    const config = valid(lines("registries:", "  r:", "    url: https://user:s3cr%40t@sr.example.com/base"));
    const registry = config.registries.r!;
    expect(registry.url).toBe("https://sr.example.com/base");
    const basic = (registry.auth as { basic: { username: Secret; password: Secret } }).basic;
    expect(basic.password.reveal()).toBe("s3cr@t");
    expect(JSON.stringify(config)).not.toContain("s3cr");
  });

  it.each([
    [
      "a missing variable, on the value that names it",
      lines("registries:", "  staging:", "    url: ${SR_URL}"),
      ["schemaops.yaml:3:10: environment variable SR_URL is not set"],
    ],
    [
      "every missing variable of one value",
      lines("registries:", "  s:", "    url: https://x", "    auth: { bearer: '${A}${B}' }"),
      ["schemaops.yaml:4:21: environment variable A is not set; environment variable B is not set"],
    ],
    [
      "an unterminated reference",
      lines("registries:", "  s:", "    url: https://${HOST"),
      ['schemaops.yaml:3:10: unterminated "${" (write "$${" for a literal "${")'],
    ],
    [
      "an invalid variable name",
      lines("registries:", "  s:", "    url: https://${1HOST}"),
      ['schemaops.yaml:3:10: invalid variable name "1HOST" in "${1HOST}"'],
    ],
  ])("reports %s", (_, text, expected) => {
    expect(errors(text)).toEqual(expected);
  });

  it("reports URL credentials given together with auth", () => {
    expect(
      errors(lines("registries:", "  r:", "    url: https://u:p@x.example", "    auth: { bearer: tok }")),
    ).toEqual([
      "schemaops.yaml:3:10: registries.r.url: credentials are given both in the url and in auth; keep one",
    ]);
  });

  it("never quotes credentials in a message", () => {
    const messages = errors(
      lines(
        "registries:",
        "  r:",
        "    url: 'ht tp://admin:hunter22@x'",
        "    auth: { basic: { username: a, password: 7 } }",
      ),
    );
    expect(messages).toHaveLength(2);
    expect(messages.join("\n")).not.toContain("hunter22");
    expect(messages[0]).toBe(
      'schemaops.yaml:3:10: registries.r.url: url must be "embedded" or an http(s) URL, not "ht tp://***@x"',
    );
  });
});
