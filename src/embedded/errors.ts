// Every error the embedded registry answers with, worded as the registry words them
// (registry-rest-api.md §3). The HTTP status is the first three digits of the error code.

export class RegistryError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
    this.name = "RegistryError";
  }

  toBody(): { error_code: number; message: string } {
    return { error_code: this.errorCode, message: this.message };
  }
}

const error = (code: number, message: string) =>
  new RegistryError(Math.trunc(code / 100) || code, code, message);
const plain = (status: number, message: string) => new RegistryError(status, status, message);

export const errors = {
  badRequest: (message: string) => plain(400, message),
  notFound: () => plain(404, "HTTP 404 Not Found"),
  methodNotAllowed: () => plain(405, "HTTP 405 Method Not Allowed"),
  notAcceptable: () => plain(406, "HTTP 406 Not Acceptable"),
  payloadTooLarge: () => plain(413, "HTTP 413 Request Entity Too Large"),
  unsupportedMediaType: () => plain(415, "HTTP 415 Unsupported Media Type"),
  unprocessable: (message: string) => plain(422, message),
  internal: (message: string) => plain(500, message),

  subjectNotFound: (subject: string) => error(40401, `Subject '${subject}' not found.`),
  versionNotFound: (version: number | string) => error(40402, `Version ${version} not found.`),
  schemaNotFound: (id?: number | string) =>
    error(40403, id === undefined ? "Schema not found" : `Schema ${id} not found`),
  subjectSoftDeleted: (subject: string) =>
    error(40404, `Subject '${subject}' was soft deleted.Set permanent=true to delete permanently`),
  subjectNotSoftDeleted: (subject: string) =>
    error(40405, `Subject '${subject}' was not deleted first before being permanently deleted`),
  versionSoftDeleted: (subject: string, version: number) =>
    error(
      40406,
      `Subject '${subject}' Version ${version} was soft deleted.Set permanent=true to delete permanently`,
    ),
  versionNotSoftDeleted: (subject: string, version: number) =>
    error(
      40407,
      `Subject '${subject}' Version ${version} was not deleted first before being permanently deleted`,
    ),
  subjectConfigNotFound: (subject: string) =>
    error(40408, `Subject '${subject}' does not have subject-level compatibility configured`),
  subjectModeNotFound: (subject: string) =>
    error(40409, `Subject '${subject}' does not have subject-level mode configured`),
  incompatible: (subject: string, messages: string[]) =>
    error(
      40901,
      `Schema being registered is incompatible with an earlier schema for subject "${subject}", details: [${messages.join(", ")}]`,
    ),
  invalidSchema: (message: string) => error(42201, message),
  invalidVersion: (version: string) =>
    error(
      42202,
      `The specified version '${version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`,
    ),
  invalidCompatibilityLevel: () =>
    error(
      42203,
      "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive",
    ),
  invalidMode: () => error(42204, "Invalid mode. Valid values are READWRITE, READONLY, IMPORT and FORWARD."),
  forwardModeNotGlobal: () => error(42204, "Forward mode only supported on global level"),
  operationNotPermitted: (message: string) => error(42205, message),
  referenceExists: (subject: string, version: number) =>
    error(
      42206,
      `One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=${subject},version=${version}}.`,
    ),
  invalidSubject: (subject: string) => error(42208, `The specified subject '${subject}' is not a valid.`),
  schemaTooLarge: () => error(42209, "Register operation failed because schema is too large"),
  invalidRuleSet: (message: string) => error(42210, message),
  contextNotEmpty: (context: string) => error(42211, `The specified context '${context}' is not empty.`),
};

/** The 42205 messages (§3), which name the subject within its context. */
export const notPermitted = {
  readOnly: (subject: string, context: string) =>
    errors.operationNotPermitted(`Subject ${subject} in context ${context} is in read-only mode`),
  notImport: (subject: string, context: string) =>
    errors.operationNotPermitted(`Subject ${subject} in context ${context} is not in import mode`),
  notReadWrite: (subject: string, context: string) =>
    errors.operationNotPermitted(`Subject ${subject} in context ${context} is not in read-write mode`),
  overwrite: (id: number, context: string) =>
    errors.operationNotPermitted(
      `Overwrite new schema with id ${id} in context ${context} is not permitted.`,
    ),
  importWithSubjects: () => errors.operationNotPermitted("Cannot import since found existing subjects"),
  modeChangesDisabled: () => errors.operationNotPermitted("Mode changes are not allowed"),
};
