// The REST surface of registry-rest-api.md §2.1–2.7: each route reads its parameters and calls one
// operation. No behaviour lives here.

import { resolveAlias } from "../operations/aliases.js";
import { testCompatibility } from "../operations/compatibility.js";
import { deleteConfig, getConfig, putConfig } from "../operations/config.js";
import { deleteContext, listContexts } from "../operations/contexts.js";
import { deleteSubject, deleteVersion } from "../operations/deletes.js";
import { lookupSchema } from "../operations/lookup.js";
import { deleteMode, getMode, putMode } from "../operations/mode.js";
import {
  getVersion,
  latestWithMetadata,
  listSubjects,
  listVersions,
  referencedBy,
  findVersion,
} from "../operations/reads.js";
import { register } from "../operations/register.js";
import {
  guidIds,
  listSchemas,
  rawSchemaById,
  schemaByGuid,
  schemaById,
  schemaTypes,
  subjectsById,
  subjectVersionsById,
} from "../operations/schemas.js";
import type { Services } from "../operations/services.js";
import { registerResponse, schemaText, type RenderOptions } from "../operations/views.js";
import { REGISTRY_VERSION } from "../settings.js";
import { validSubject } from "../subjects.js";
import { configUpdateFrom, modeUpdateFrom, registerRequestFrom } from "./body.js";
import { flag, optionalFlag, optionalText, page, pathInteger } from "./params.js";
import { Router, type Query, type RouteRequest } from "./router.js";

const render = (query: Query): RenderOptions => ({
  ...optionalText(query, "format"),
  ...optionalText(query, "referenceFormat"),
});

const deletedFilter = (query: Query) => ({
  deleted: flag(query, "deleted"),
  deletedOnly: flag(query, "deletedOnly"),
});

export function registryRoutes(services: Services): Router {
  const router = new Router();
  const subjectOf = (request: RouteRequest) => resolveAlias(services, request.params.subject!);

  router
    .add("GET", "/", () => ({ json: {} }))
    .add("POST", "/", () => ({ json: {} }))
    .add("GET", "/v1/metadata/id", () => ({
      json: {
        id: "",
        scope: {
          path: [],
          clusters: {
            "kafka-cluster": services.settings.clusterId,
            "schema-registry-cluster": "schema-registry",
          },
        },
      },
    }))
    .add("GET", "/v1/metadata/version", () => ({
      json: { version: REGISTRY_VERSION, commitId: "schemaops-embedded" },
    }))
    .add("GET", "/v1/metadata/deployment", () => ({ json: { attributes: [] } }));

  router
    .add("GET", "/schemas", ({ query }) => ({
      json: listSchemas(services, {
        ...page(query),
        ...render(query),
        deleted: flag(query, "deleted"),
        latestOnly: flag(query, "latestOnly"),
        ...optionalText(query, "subjectPrefix"),
        ...optionalText(query, "ruleType"),
      }),
    }))
    .add("GET", "/schemas/types", () => ({ json: schemaTypes() }))
    .add("GET", "/schemas/ids/:id", ({ params, query }) => ({
      json: schemaById(services, pathInteger(params.id!), {
        ...render(query),
        ...optionalText(query, "subject"),
        fetchMaxId: flag(query, "fetchMaxId"),
      }),
    }))
    .add("GET", "/schemas/ids/:id/schema", ({ params, query }) => ({
      text: rawSchemaById(services, pathInteger(params.id!), {
        ...render(query),
        ...optionalText(query, "subject"),
      }),
    }))
    .add("GET", "/schemas/ids/:id/subjects", ({ params, query }) => ({
      json: subjectsById(services, pathInteger(params.id!), {
        ...page(query),
        ...deletedFilter(query),
        ...optionalText(query, "subject"),
      }),
    }))
    .add("GET", "/schemas/ids/:id/versions", ({ params, query }) => ({
      json: subjectVersionsById(services, pathInteger(params.id!), {
        ...page(query),
        ...deletedFilter(query),
        ...optionalText(query, "subject"),
      }),
    }))
    .add("GET", "/schemas/guids/:guid", ({ params, query }) => ({
      json: schemaByGuid(services, params.guid!, render(query)),
    }))
    .add("GET", "/schemas/guids/:guid/ids", ({ params }) => ({ json: guidIds(services, params.guid!) }));

  router
    .add("GET", "/subjects", ({ query }) => ({
      json: listSubjects(services, {
        ...page(query),
        ...deletedFilter(query),
        ...optionalText(query, "subjectPrefix"),
      }),
    }))
    .add("POST", "/subjects/:subject", (request) => ({
      json: lookupSchema(services, subjectOf(request), registerRequestFrom(request.body), {
        ...render(request.query),
        normalize: optionalFlag(request.query, "normalize"),
        deleted: flag(request.query, "deleted"),
      }),
    }))
    .add("DELETE", "/subjects/:subject", async (request) => ({
      json: await deleteSubject(services, subjectOf(request), flag(request.query, "permanent")),
    }))
    .add("GET", "/subjects/:subject/metadata", (request) => {
      const keys = request.query.getAll("key");
      const values = request.query.getAll("value");
      const pairs = keys.map((key, i): [string, string] => [key, values[i] ?? ""]);
      return {
        json: latestWithMetadata(services, subjectOf(request), pairs, {
          ...render(request.query),
          deleted: flag(request.query, "deleted"),
        }),
      };
    })
    .add("GET", "/subjects/:subject/versions", (request) => ({
      json: listVersions(services, subjectOf(request), {
        ...page(request.query),
        ...deletedFilter(request.query),
        deletedAsNegative: flag(request.query, "deletedAsNegative"),
      }),
    }))
    .add("POST", "/subjects/:subject/versions", async (request) => {
      const { ref, row } = await register(services, subjectOf(request), registerRequestFrom(request.body), {
        normalize: optionalFlag(request.query, "normalize"),
        force: flag(request.query, "force"),
      });
      return { json: registerResponse(services, ref, row) };
    })
    .add("GET", "/subjects/:subject/versions/:version", (request) => ({
      json: getVersion(services, subjectOf(request), request.params.version!, {
        ...render(request.query),
        deleted: flag(request.query, "deleted"),
      }),
    }))
    .add("GET", "/subjects/:subject/versions/:version/schema", (request) => {
      const ref = validSubject(subjectOf(request));
      const row = findVersion(services, ref, request.params.version!, flag(request.query, "deleted"));
      return { text: schemaText(services, ref.context, row, request.query.get("format")) };
    })
    .add("GET", "/subjects/:subject/versions/:version/referencedby", (request) => ({
      json: referencedBy(services, subjectOf(request), request.params.version!, {
        ...page(request.query),
        deleted: flag(request.query, "deleted"),
      }),
    }))
    .add("DELETE", "/subjects/:subject/versions/:version", async (request) => ({
      json: await deleteVersion(
        services,
        subjectOf(request),
        request.params.version!,
        flag(request.query, "permanent"),
      ),
    }));

  const compatibility = (request: RouteRequest, version: string | undefined) => ({
    json: testCompatibility(services, subjectOf(request), version, registerRequestFrom(request.body), {
      verbose: flag(request.query, "verbose"),
    }),
  });
  router
    .add("POST", "/compatibility/subjects/:subject/versions/:version", (r) =>
      compatibility(r, r.params.version!),
    )
    .add("POST", "/compatibility/subjects/:subject/versions", (r) => compatibility(r, undefined));

  for (const path of ["/config", "/config/:subject"]) {
    router
      .add("GET", path, ({ params, query }) => ({
        json: getConfig(services, params.subject, flag(query, "defaultToGlobal")),
      }))
      .add("PUT", path, async ({ params, body }) => ({
        json: await putConfig(services, params.subject, configUpdateFrom(body)),
      }))
      .add("DELETE", path, async ({ params }) => ({ json: await deleteConfig(services, params.subject) }));
  }
  for (const path of ["/mode", "/mode/:subject"]) {
    router
      .add("GET", path, ({ params, query }) => ({
        json: getMode(services, params.subject, flag(query, "defaultToGlobal")),
      }))
      .add("PUT", path, async ({ params, body, query }) => ({
        json: await putMode(services, params.subject, modeUpdateFrom(body), flag(query, "force")),
      }))
      .add("DELETE", path, async ({ params, query }) => ({
        json: await deleteMode(services, params.subject, flag(query, "recursive")),
      }));
  }

  router
    .add("GET", "/contexts", ({ query }) => ({
      json: listContexts(services, { ...page(query), ...optionalText(query, "contextPrefix") }),
    }))
    .add("DELETE", "/contexts/:context", async ({ params }) => {
      await deleteContext(services, params.context!);
      return { status: 204 };
    });

  return router;
}
