// A typed client for the Confluent Schema Registry REST API, one method per resource and verb. It reads
// fresh state on every call: nothing is cached except what the registry can do (capabilities()).

import * as z from "zod";
import { DEFAULT_CONTEXT, parseContext } from "../core/subject-names.js";
import {
  CONTEXTS_MISSING,
  CapabilityTracker,
  IMPORT_MODE_MISSING,
  OFFSET_IGNORED,
  currentCapabilities,
  isMissingEndpoint,
  modeWritesMissing,
  probeCapabilities,
  type ProbedCapabilities,
} from "./capabilities.js";
import { RegistryError } from "./errors.js";
import { pathSegment, scopePath, subjectSegment, versionSegment, type VersionSelector } from "./paths.js";
import {
  createTransport,
  queryString,
  type HttpMethod,
  type QueryValue,
  type RegistryLogger,
  type Transport,
  type TransportOptions,
} from "./transport.js";
import type {
  CompatibilityResult,
  ConfigUpdate,
  Mode,
  RegisteredSchema,
  RegistryCapabilities,
  RegistryConfig,
  SchemaById,
  SchemaPayload,
  ServerVersion,
  SettingsScope,
  SubjectVersion,
  SubjectVersionRef,
} from "./types.js";
import {
  compatibilitySchema,
  configSchema,
  modeSchema,
  numberList,
  registeredSchemaSchema,
  schemaByIdSchema,
  serverVersionSchema,
  stringList,
  subjectVersionRefSchema,
  subjectVersionSchema,
} from "./wire.js";
import {
  SCHEMAS_PAGE_SIZE,
  SCHEMAS_READ_AHEAD,
  type CompatibilityOptions,
  type GetSchemasOptions,
  type GetSubjectsOptions,
  type RegisterOptions,
  type RegistryClient,
  type SchemaIdOptions,
} from "./api.js";

export type RegistryClientOptions = TransportOptions | { transport: Transport; logger?: RegistryLogger };

export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  if ("transport" in options) return new HttpRegistryClient(options.transport, options.logger);
  return new HttpRegistryClient(createTransport(options), options.logger);
}

interface Call<T> {
  method: HttpMethod;
  path: string;
  decode: z.ZodType<T>;
  query?: Record<string, QueryValue>;
  body?: unknown;
  idempotent?: boolean;
}

const NOT_SET = new Set([40401, 40408, 40409]);

class HttpRegistryClient implements RegistryClient {
  readonly url: string;
  readonly #transport: Transport;
  readonly #tracker: CapabilityTracker;
  #probe: Promise<ProbedCapabilities> | undefined;

  constructor(transport: Transport, logger: RegistryLogger | undefined) {
    this.#transport = transport;
    this.#tracker = new CapabilityTracker(logger);
    this.url = transport.url;
  }

  async ping(): Promise<void> {
    await this.#call({ method: "GET", path: "/", decode: z.unknown() });
  }

  async getServerVersion(): Promise<ServerVersion | undefined> {
    const path = "/v1/metadata/version";
    const response = await this.#transport.request({ method: "GET", path, acceptStatus: [404] });
    if (response.status === 404) return undefined;
    return this.#decode(serverVersionSchema, response.status, response.body, "GET", path);
  }

  getSchemaTypes(): Promise<string[]> {
    return this.#call({ method: "GET", path: "/schemas/types", decode: stringList });
  }

  async getSchemas(options: GetSchemasOptions = {}): Promise<SubjectVersion[]> {
    const { limit, ...filters } = options;
    const rows: SubjectVersion[] = [];
    let offset = options.offset ?? 0;
    let previousFirst: SubjectVersion | undefined;
    // The registry caps each answer (1000 rows by default), so a full listing is read page by page until
    // a page comes back short. The first page goes alone, since most listings fit in it; after a full one,
    // the next pages are asked for a few at a time, so that large registries are not read at one page per
    // round trip. Pages are still taken in order, and those after a short page are dropped.
    let window = 1;
    for (;;) {
      const sizes: number[] = [];
      for (let planned = rows.length; sizes.length < window;) {
        const size = Math.min(SCHEMAS_PAGE_SIZE, limit === undefined ? Infinity : limit - planned);
        if (size <= 0) break;
        sizes.push(size);
        planned += size;
      }
      if (sizes.length === 0) break;
      let pageOffset = offset;
      const pages = await Promise.all(
        sizes.map((size) => {
          const query = { ...filters, offset: pageOffset, limit: size };
          pageOffset += size;
          return this.#call({
            method: "GET",
            path: "/schemas",
            decode: z.array(subjectVersionSchema),
            query,
          });
        }),
      );
      for (const [i, page] of pages.entries()) {
        const first = page[0];
        if (first !== undefined && previousFirst !== undefined && sameVersion(first, previousFirst)) {
          this.#tracker.warn(OFFSET_IGNORED);
          return rows;
        }
        rows.push(...(limit === undefined ? page : page.slice(0, limit - rows.length)));
        // A short page is the last one; a longer one means the registry ignores `limit` and sent everything.
        if (page.length !== sizes[i]) return rows;
        previousFirst = first;
        offset += page.length;
      }
      window = SCHEMAS_READ_AHEAD;
    }
    return rows;
  }

  getSchemaById(id: number, options: Pick<SchemaIdOptions, "subject"> = {}): Promise<SchemaById> {
    return this.#call({
      method: "GET",
      path: `/schemas/ids/${idSegment(id)}`,
      decode: schemaByIdSchema,
      query: { ...options },
    });
  }

  getSchemaSubjects(id: number, options: SchemaIdOptions = {}): Promise<string[]> {
    const path = `/schemas/ids/${idSegment(id)}/subjects`;
    return this.#call({ method: "GET", path, decode: stringList, query: { ...options } });
  }

  getSchemaVersions(id: number, options: SchemaIdOptions = {}): Promise<SubjectVersionRef[]> {
    const path = `/schemas/ids/${idSegment(id)}/versions`;
    return this.#call({
      method: "GET",
      path,
      decode: z.array(subjectVersionRefSchema),
      query: { ...options },
    });
  }

  getSubjects(options: GetSubjectsOptions = {}): Promise<string[]> {
    return this.#call({ method: "GET", path: "/subjects", decode: stringList, query: { ...options } });
  }

  getVersions(
    subject: string,
    options: { deleted?: boolean; deletedOnly?: boolean } = {},
  ): Promise<number[]> {
    const path = `/subjects/${subjectSegment(subject)}/versions`;
    return this.#call({ method: "GET", path, decode: numberList, query: { ...options } });
  }

  getVersion(
    subject: string,
    version: VersionSelector,
    options: { deleted?: boolean } = {},
  ): Promise<SubjectVersion> {
    const path = `/subjects/${subjectSegment(subject)}/versions/${versionSegment(version)}`;
    return this.#call({ method: "GET", path, decode: subjectVersionSchema, query: { ...options } });
  }

  lookupSchema(
    subject: string,
    schema: SchemaPayload,
    options: { normalize?: boolean; deleted?: boolean } = {},
  ): Promise<SubjectVersion> {
    return this.#call({
      method: "POST",
      path: `/subjects/${subjectSegment(subject)}`,
      decode: subjectVersionSchema,
      query: { ...options },
      body: schemaBody(schema),
      // A lookup only reads.
      idempotent: true,
    });
  }

  registerSchema(
    subject: string,
    schema: SchemaPayload,
    options: RegisterOptions = {},
  ): Promise<RegisteredSchema> {
    const body = schemaBody(schema);
    if (options.import !== undefined) {
      body.id = options.import.id;
      if (options.import.version !== undefined) body.version = options.import.version;
    }
    return this.#call({
      method: "POST",
      path: `/subjects/${subjectSegment(subject)}/versions`,
      decode: registeredSchemaSchema,
      query: { normalize: options.normalize },
      body,
      // Registration is idempotent in the registry: posting a schema the subject already holds returns the
      // existing id and version instead of adding one (registry-rest-api.md §4.1 step 4, compatibility.md
      // §5.1). So a register whose answer was lost can safely be sent again. This holds for IMPORT too: an
      // identical re-post with the same id and version returns the existing schema.
      idempotent: true,
    });
  }

  getReferencedBy(
    subject: string,
    version: VersionSelector,
    options: { deleted?: boolean } = {},
  ): Promise<number[]> {
    const path = `/subjects/${subjectSegment(subject)}/versions/${versionSegment(version)}/referencedby`;
    return this.#call({ method: "GET", path, decode: numberList, query: { ...options } });
  }

  deleteVersion(
    subject: string,
    version: VersionSelector,
    options: { permanent?: boolean } = {},
  ): Promise<number> {
    const path = `/subjects/${subjectSegment(subject)}/versions/${versionSegment(version)}`;
    return this.#call({ method: "DELETE", path, decode: z.number().int(), query: { ...options } });
  }

  deleteSubject(subject: string, options: { permanent?: boolean } = {}): Promise<number[]> {
    const path = `/subjects/${subjectSegment(subject)}`;
    return this.#call({ method: "DELETE", path, decode: numberList, query: { ...options } });
  }

  testCompatibility(
    subject: string,
    schema: SchemaPayload,
    options: CompatibilityOptions = {},
  ): Promise<CompatibilityResult> {
    const { version, ...query } = options;
    const versions = `/compatibility/subjects/${subjectSegment(subject)}/versions`;
    return this.#call({
      method: "POST",
      path: version === undefined ? versions : `${versions}/${versionSegment(version)}`,
      decode: compatibilitySchema,
      query: { ...query },
      body: schemaBody(schema),
      // A compatibility test only reads.
      idempotent: true,
    });
  }

  getConfig(
    scope: SettingsScope,
    options: { defaultToGlobal?: boolean } = {},
  ): Promise<RegistryConfig | undefined> {
    const path = scopePath("config", scope);
    return notSetAsUndefined(
      this.#call({ method: "GET", path, decode: configSchema, query: { ...options } }),
    );
  }

  setConfig(scope: SettingsScope, update: ConfigUpdate): Promise<RegistryConfig> {
    const body = Object.fromEntries(Object.entries(update).filter(([, value]) => value !== undefined));
    return this.#call({ method: "PUT", path: scopePath("config", scope), decode: configSchema, body });
  }

  deleteConfig(scope: SettingsScope): Promise<RegistryConfig | undefined> {
    return notSetAsUndefined(
      this.#call({ method: "DELETE", path: scopePath("config", scope), decode: configSchema }),
    );
  }

  getMode(scope: SettingsScope, options: { defaultToGlobal?: boolean } = {}): Promise<Mode | undefined> {
    const path = scopePath("mode", scope);
    return notSetAsUndefined(this.#call({ method: "GET", path, decode: modeSchema, query: { ...options } }));
  }

  async setMode(scope: SettingsScope, mode: Mode, options: { force?: boolean } = {}): Promise<Mode> {
    const path = scopePath("mode", scope);
    try {
      const answer = await this.#call({
        method: "PUT",
        path,
        decode: modeSchema,
        query: { ...options },
        body: { mode },
      });
      this.#tracker.record("modeWrites", true);
      if (mode === "IMPORT") this.#tracker.record("importMode", true);
      return answer ?? mode;
    } catch (error) {
      if (isMissingEndpoint(error)) {
        const warning = modeWritesMissing(`PUT /mode answered ${error.status}`);
        this.#tracker.record("modeWrites", false, warning);
        throw withExplanation(error, warning);
      }
      // 42204 "Invalid mode" for IMPORT, which every Confluent registry knows: this one does not.
      if (mode === "IMPORT" && error instanceof RegistryError && error.errorCode === 42204) {
        this.#tracker.record("importMode", false, IMPORT_MODE_MISSING);
        throw withExplanation(error, IMPORT_MODE_MISSING);
      }
      throw error;
    }
  }

  deleteMode(scope: SettingsScope, options: { recursive?: boolean } = {}): Promise<Mode | undefined> {
    const path = scopePath("mode", scope);
    return notSetAsUndefined(
      this.#call({ method: "DELETE", path, decode: modeSchema, query: { ...options } }),
    );
  }

  async getContexts(): Promise<string[]> {
    if (this.#tracker.observed.contexts === false) return [DEFAULT_CONTEXT];
    const response = await this.#transport.request({
      method: "GET",
      path: "/contexts",
      acceptStatus: [404, 405],
    });
    if (response.status === 404 || response.status === 405) {
      this.#tracker.record("contexts", false, CONTEXTS_MISSING);
      return [DEFAULT_CONTEXT];
    }
    this.#tracker.record("contexts", true);
    return this.#decode(stringList, response.status, response.body, "GET", "/contexts");
  }

  async deleteContext(context: string): Promise<void> {
    const path = `/contexts/${pathSegment(parseContext(context))}`;
    await this.#call({ method: "DELETE", path, decode: z.unknown() });
  }

  async capabilities(): Promise<RegistryCapabilities> {
    this.#probe ??= probeCapabilities(this.#transport, this.#tracker).catch((error: unknown) => {
      // An unreachable registry is not a verdict on its capabilities: probe again next time.
      this.#probe = undefined;
      throw error;
    });
    return currentCapabilities(await this.#probe, this.#tracker);
  }

  close(): Promise<void> {
    return this.#transport.close();
  }

  async #call<T>(call: Call<T>): Promise<T> {
    const response = await this.#transport.request({
      method: call.method,
      path: call.path,
      query: call.query,
      body: call.body,
      idempotent: call.idempotent,
    });
    return this.#decode(
      call.decode,
      response.status,
      response.body,
      call.method,
      call.path + queryString(call.query),
    );
  }

  #decode<T>(decode: z.ZodType<T>, status: number, body: unknown, method: string, path: string): T {
    const result = decode.safeParse(body);
    if (result.success) return result.data;
    const problem = z.prettifyError(result.error).replace(/\s*\n\s*/g, "; ");
    throw new RegistryError({
      status,
      method,
      path,
      registry: this.url,
      registryMessage: `unexpected response: ${problem.length > 300 ? `${problem.slice(0, 300)}…` : problem}`,
      cause: "invalid-response",
    });
  }
}

interface SchemaBody {
  schema: string;
  schemaType: string;
  references?: SchemaPayload["references"];
  metadata?: SchemaPayload["metadata"];
  ruleSet?: SchemaPayload["ruleSet"];
  id?: number;
  version?: number;
}

/**
 * The request body for register, lookup and compatibility tests. `schemaType` is always explicit; empty
 * references and absent metadata or rule sets are left out, because some registries reject even
 * `"metadata": null`. `id` and `version` are never sent here (see RegisterOptions.import).
 */
function schemaBody(payload: SchemaPayload): SchemaBody {
  const body: SchemaBody = { schema: payload.schema, schemaType: payload.schemaType ?? "AVRO" };
  if (payload.references !== undefined && payload.references.length > 0) body.references = payload.references;
  if (payload.metadata !== undefined) body.metadata = payload.metadata;
  if (payload.ruleSet !== undefined) body.ruleSet = payload.ruleSet;
  return body;
}

function idSegment(id: number): string {
  if (!Number.isInteger(id)) throw new TypeError(`schema id must be an integer, got ${id}`);
  return String(id);
}

function sameVersion(a: SubjectVersion, b: SubjectVersion): boolean {
  return a.subject === b.subject && a.version === b.version;
}

/** "Not set at this scope" answers (40408/40409, 40401 on registries before 7.0 and for deletes) as undefined. */
async function notSetAsUndefined<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof RegistryError && error.errorCode !== undefined && NOT_SET.has(error.errorCode)) {
      return undefined;
    }
    throw error;
  }
}

function withExplanation(error: RegistryError, explanation: string): RegistryError {
  return new RegistryError({
    status: error.status,
    errorCode: error.errorCode,
    registryMessage: `${error.registryMessage} (${explanation})`,
    method: error.method,
    path: error.path,
    registry: error.registry,
    cause: error.cause,
    attempts: error.attempts,
  });
}
