// `/compatibility` (registry-rest-api.md §2.4): the registry's check, through the same compat/ code
// the offline check uses, against one version or against what registration would check.

import { checkParsedCompatibility } from "../../compat/index.js";
import { errors, RegistryError } from "../errors.js";
import { normalizeMetadata } from "../metadata.js";
import type { ParsedSchema } from "../../formats/types.js";
import type { VersionRecord } from "../model.js";
import { validSubject } from "../subjects.js";
import { LATEST, parseVersion } from "./paging.js";
import { compatibilityOptions } from "./register.js";
import { requestSchemaType, type RegisterRequest } from "./request.js";
import { effectiveConfig } from "./scope.js";
import type { Services } from "./services.js";

export interface CompatibilityAnswer {
  is_compatible: boolean;
  messages?: string[];
}

/** `versionText` undefined checks against every live version (with the subject's level). */
export function testCompatibility(
  services: Services,
  rawSubject: string,
  versionText: string | undefined,
  request: RegisterRequest,
  options: { verbose?: boolean },
): CompatibilityAnswer {
  const ref = validSubject(rawSubject);
  const version = versionText === undefined ? undefined : parseVersion(versionText);
  const { state } = services.store;
  const config = effectiveConfig(state, services.settings, ref.context, ref.name);
  const live = (state.subject(ref.context, ref.name)?.versions ?? []).filter((v) => !v.deleted);

  let previous: VersionRecord[] = live;
  if (version === LATEST) previous = live.slice(-1);
  else if (version !== undefined) {
    const row = live.find((v) => v.version === version);
    // A numeric version that does not exist is a 40402 even for an unknown subject.
    if (!row) throw errors.versionNotFound(version);
    previous = [row];
  }

  // `normalize` changes the stored string, not the verdict: the check compares parsed schemas.
  let candidate: ParsedSchema;
  try {
    const schemaType = requestSchemaType(request);
    candidate = services.parser.parseRequest(
      ref.context,
      { schemaType, schema: request.schema ?? "", references: request.references ?? [] },
      { strict: config.validateNewSchemas !== false },
    ).parsed;
  } catch (error) {
    // With `verbose`, an invalid schema is a verdict rather than a 422.
    if (options.verbose && error instanceof RegistryError && error.errorCode === 42201) {
      return { is_compatible: false, messages: [error.message] };
    }
    throw error;
  }
  const result = checkParsedCompatibility(
    { schema: candidate, metadata: normalizeMetadata(request.metadata) },
    previous.map((row) => ({
      schema: services.parser.parseStored(ref.context, row),
      version: row.version,
      metadata: row.content.metadata,
    })),
    config.compatibilityLevel,
    compatibilityOptions(config),
  );
  return options.verbose
    ? { is_compatible: result.compatible, messages: result.messages }
    : { is_compatible: result.compatible };
}
