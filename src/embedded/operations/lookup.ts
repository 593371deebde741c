// `POST /subjects/{s}`: is this schema a version of the subject? The request is compared as sent,
// then once more with the metadata and rules a registration would give it (§6).

import { errors } from "../errors.js";
import { mergeMetadata, mergeRuleSets, normalizeMetadata, normalizeRuleSet } from "../metadata.js";
import type { SchemaContent } from "../model.js";
import { sameMetadata, sameRuleSet } from "../schemas/identity.js";
import { validSubject, type SubjectRef } from "../subjects.js";
import { withContextFallback } from "./context-fallback.js";
import { findInSubject } from "./find.js";
import { existingSubject } from "./reads.js";
import { hasSchemaText, requestSchemaType, type RegisterRequest } from "./request.js";
import { effectiveConfig, effectiveMode, isImporting } from "./scope.js";
import type { Services } from "./services.js";
import { schemaEntity, type Entity, type RenderOptions } from "./views.js";

export function lookupSchema(
  services: Services,
  rawSubject: string,
  request: RegisterRequest,
  options: RenderOptions & { normalize?: boolean; deleted?: boolean },
): Entity {
  return withContextFallback(services, validSubject(rawSubject), (ref) =>
    lookupIn(services, ref, request, options),
  );
}

function lookupIn(
  services: Services,
  ref: SubjectRef,
  request: RegisterRequest,
  options: RenderOptions & { normalize?: boolean; deleted?: boolean },
): Entity {
  const includeDeleted = options.deleted ?? false;
  const subject = existingSubject(services, ref, includeDeleted);
  if (!hasSchemaText(request)) throw errors.schemaNotFound();
  const { state } = services.store;
  const config = effectiveConfig(state, services.settings, ref.context, ref.name);
  const normalize =
    !isImporting(effectiveMode(state, ref.context, ref.name)) &&
    (options.normalize ?? config.normalize ?? false);

  const schemaType = requestSchemaType(request);
  const { parsed, references } = services.parser.parseRequest(
    ref.context,
    { schemaType, schema: request.schema, references: request.references ?? [] },
    { strict: false },
  );
  const metadata = normalizeMetadata(request.metadata);
  const ruleSet = normalizeRuleSet(request.ruleSet);
  const content = (m: SchemaContent["metadata"], r: SchemaContent["ruleSet"]): SchemaContent => ({
    schemaType,
    schema: normalize ? parsed.normalized() : parsed.canonical(),
    references,
    ...(m ? { metadata: m } : {}),
    ...(r ? { ruleSet: r } : {}),
  });

  let found = findInSubject(
    services,
    subject,
    { content: content(metadata, ruleSet), parsed },
    { includeDeleted },
  );
  if (!found) {
    const latest = subject.versions.findLast((v) => !v.deleted)?.content;
    const mergedMetadata = mergeMetadata(
      mergeMetadata(config.defaultMetadata, metadata ?? latest?.metadata),
      config.overrideMetadata,
    );
    const mergedRuleSet = mergeRuleSets(
      mergeRuleSets(config.defaultRuleSet, ruleSet ?? latest?.ruleSet),
      config.overrideRuleSet,
    );
    if (!sameMetadata(mergedMetadata, metadata) || !sameRuleSet(mergedRuleSet, ruleSet)) {
      const merged = { content: content(mergedMetadata, mergedRuleSet), parsed };
      found = findInSubject(services, subject, merged, { includeDeleted });
    }
  }
  if (!found) throw errors.schemaNotFound();
  return schemaEntity(services, ref, found, options);
}
