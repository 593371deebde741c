import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TLSSocket } from "node:tls";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { registryFailure as failure } from "./helpers/failure.js";
import { createTransport, type RegistryRequestEvent, type Transport } from "../../src/registry/transport.js";
import { sendJson, startServer, type TestServer } from "./helpers/server.js";

interface Pki {
  ca: string;
  serverKey: string;
  serverCert: string;
  clientKey: Buffer;
  clientCert: Buffer;
}

let dir: string;
let pki: Pki;
let server: TestServer | undefined;
let transport: Transport | undefined;

function openssl(...args: string[]): void {
  execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
}

/** A CA, a server certificate for 127.0.0.1 and a client certificate, all signed by the CA. */
function generatePki(): Pki {
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  openssl(
    "req",
    "-x509",
    ...ec,
    "-keyout",
    "ca.key",
    "-out",
    "ca.pem",
    "-days",
    "1",
    "-subj",
    "/CN=schemaops test CA",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
  );
  const issue = (name: string, subject: string, extensions: string) => {
    writeFileSync(join(dir, `${name}.ext`), extensions);
    openssl("req", ...ec, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", subject);
    openssl(
      "x509",
      "-req",
      "-in",
      `${name}.csr`,
      "-CA",
      "ca.pem",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-out",
      `${name}.pem`,
      "-days",
      "1",
      "-extfile",
      `${name}.ext`,
    );
  };
  issue(
    "server",
    "/CN=localhost",
    "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n",
  );
  issue("client", "/CN=schemaops-client", "extendedKeyUsage=clientAuth\n");
  const read = (file: string) => readFileSync(join(dir, file));
  return {
    ca: read("ca.pem").toString("utf8"),
    serverKey: read("server.key").toString("utf8"),
    serverCert: read("server.pem").toString("utf8"),
    clientKey: read("client.key"),
    clientCert: read("client.pem"),
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "schemaops-tls-"));
  pki = generatePki();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

afterEach(async () => {
  await transport?.close();
  await server?.close();
  transport = undefined;
  server = undefined;
});

describe("TLS", () => {
  const startTlsServer = () =>
    startServer((_request, response) => sendJson(response, 200, ["s"]), {
      key: pki.serverKey,
      cert: pki.serverCert,
    });

  it("trusts a server certificate signed by the configured CA", async () => {
    server = await startTlsServer();
    transport = createTransport({ url: server.url, tls: { ca: pki.ca } });
    expect((await transport.request({ method: "GET", path: "/subjects" })).body).toEqual(["s"]);
  });

  it("refuses a server certificate from an unknown CA, without retrying", async () => {
    server = await startTlsServer();
    const events: RegistryRequestEvent[] = [];
    transport = createTransport({ url: server.url, logger: { debug: (e) => events.push(e) } });
    const error = await failure(transport.request({ method: "GET", path: "/subjects" }));
    expect(error.status).toBe(0);
    expect(error.cause).toMatch(/UNABLE_TO_VERIFY|SELF_SIGNED|UNABLE_TO_GET_ISSUER/);
    expect(events).toHaveLength(1);
    expect(server.requests).toHaveLength(0);
  });

  it("accepts any certificate when rejectUnauthorized is false", async () => {
    server = await startTlsServer();
    transport = createTransport({ url: server.url, tls: { rejectUnauthorized: false } });
    expect((await transport.request({ method: "GET", path: "/subjects" })).status).toBe(200);
  });
});

describe("mutual TLS", () => {
  const startMtlsServer = () =>
    startServer(
      (_request, response, raw) => {
        const peer = (raw.socket as TLSSocket).getPeerCertificate();
        sendJson(response, 200, { client: peer.subject.CN });
      },
      { key: pki.serverKey, cert: pki.serverCert, ca: pki.ca, requestCert: true, rejectUnauthorized: true },
    );

  it("presents the client certificate and key", async () => {
    server = await startMtlsServer();
    transport = createTransport({
      url: server.url,
      tls: { ca: pki.ca, cert: pki.clientCert, key: pki.clientKey },
    });
    expect((await transport.request({ method: "GET", path: "/" })).body).toEqual({
      client: "schemaops-client",
    });
  });

  it("fails when the server requires a client certificate and none is configured", async () => {
    server = await startMtlsServer();
    transport = createTransport({ url: server.url, tls: { ca: pki.ca }, retry: { maxRetries: 0 } });
    const error = await failure(transport.request({ method: "GET", path: "/" }));
    expect(error.status).toBe(0);
    expect(server.requests).toHaveLength(0);
  });
});
