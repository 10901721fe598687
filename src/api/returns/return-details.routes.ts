/**
 * The return details API (issue 8 §3): for each kind of SSDA903-only fact a child's return needs beyond the care
 * record (missing episodes, OC2 health outcomes, OC3 care leaver outcomes, deprivation of liberty orders) list the
 * child's current records, record one, correct one (If-Match, with why), void one recorded in error (If-Match, kept
 * in the history) and list a record's versions.
 */
import type { z } from 'zod'
import {
  addReturnDetail,
  changeReturnDetail,
  listReturnDetails,
  listReturnDetailVersions,
  voidReturnDetail,
} from '../../app/returns/return-details.ts'
import {
  RETURN_DETAIL_CREATE_SCHEMAS,
  RETURN_DETAIL_FIELD_LABELS,
  RETURN_DETAIL_KINDS,
  RETURN_DETAIL_UPDATE_SCHEMAS,
  type ReturnDetailKind,
} from '../../domain/returns/return-detail-inputs.ts'
import { presentVersions } from '../children/children.presenter.ts'
import { apiRoute, type ApiRoute } from '../../http/api-route.ts'
import {
  ChildParamsSchema,
  CreatedResponseSchema,
  ListResponseSchema,
  RecordParamsSchema,
  VersionResponseSchema,
  VoidBodySchema,
} from './return-details.schema.ts'

const BASE = '/api/v1/children/:childId/return-details'
const TAGS = ['Returns']
const labels = RETURN_DETAIL_FIELD_LABELS

const WORDS: Record<ReturnDetailKind, string> = {
  'missing-episodes': 'a missing or away-without-authorisation episode',
  'health-outcomes': 'health outcomes (OC2) for a collection year',
  'care-leaver-outcomes': 'care leaver outcomes (OC3) for a collection year',
  'deprivation-of-liberty-orders': 'a deprivation of liberty order',
}

function detailRoutes(kind: ReturnDetailKind): ApiRoute<never, never, never>[] {
  const words = WORDS[kind]
  const createSchema: z.ZodType<Record<string, unknown>> = RETURN_DETAIL_CREATE_SCHEMAS[kind]
  const updateSchema: z.ZodType<Record<string, unknown>> = RETURN_DETAIL_UPDATE_SCHEMAS[kind]
  return [
    apiRoute({
      method: 'GET',
      url: `${BASE}/${kind}`,
      summary: `The child's current records of ${kind.replace(/-/g, ' ')}, each with its id and version`,
      tags: TAGS,
      policy: 'child:view',
      audit: 'RETURN_DETAILS_VIEWED',
      params: ChildParamsSchema,
      response: ListResponseSchema,
      handle: async (op, { params }) => ({ body: { records: await listReturnDetails(op, params.childId, kind) } }),
    }),
    apiRoute({
      method: 'POST',
      url: `${BASE}/${kind}`,
      summary: `Record ${words} for the child's SSDA903 return`,
      tags: TAGS,
      policy: 'child:edit',
      audit: 'RETURN_DETAIL_ADDED',
      params: ChildParamsSchema,
      body: createSchema,
      response: CreatedResponseSchema,
      labels,
      handle: async (op, { params, body }) => {
        const created = await addReturnDetail(op, params.childId, kind, body as never)
        return {
          status: 201,
          body: created,
          version: created.version,
          location: `/api/v1/children/${params.childId}/return-details/${kind}/${created.id}`,
        }
      },
    }),
    apiRoute({
      method: 'PUT',
      url: `${BASE}/${kind}/:recordId`,
      summary: `Correct ${words} (every field again, and why; If-Match required)`,
      tags: TAGS,
      policy: 'child:edit',
      audit: 'RETURN_DETAIL_CHANGED',
      params: RecordParamsSchema,
      body: updateSchema,
      response: VersionResponseSchema,
      labels,
      needsVersion: true,
      handle: async (op, { params, body, version }) => {
        const changed = await changeReturnDetail(op, params.childId, kind, params.recordId, version, body as never)
        return { body: changed, version: changed.version }
      },
    }),
    apiRoute({
      method: 'POST',
      url: `${BASE}/${kind}/:recordId/void`,
      summary: `Void ${words} recorded in error (kept in the history; If-Match required)`,
      tags: TAGS,
      policy: 'child:edit',
      audit: 'RETURN_DETAIL_VOIDED',
      params: RecordParamsSchema,
      body: VoidBodySchema,
      response: VersionResponseSchema,
      labels,
      needsVersion: true,
      handle: async (op, { params, body, version }) => {
        const voided = await voidReturnDetail(op, params.childId, kind, params.recordId, version, body.reason)
        return { body: voided, version: voided.version }
      },
    }),
    apiRoute({
      method: 'GET',
      url: `${BASE}/${kind}/:recordId/versions`,
      summary: 'Every version: who changed it, when and why',
      tags: TAGS,
      policy: 'child:view',
      audit: 'RECORD_VERSIONS_VIEWED',
      params: RecordParamsSchema,
      handle: async (op, { params }) => ({
        body: presentVersions(await listReturnDetailVersions(op, params.childId, kind, params.recordId)),
      }),
    }),
  ] as unknown as ApiRoute<never, never, never>[]
}

export const returnDetailsRoutes: readonly ApiRoute<never, never, never>[] = RETURN_DETAIL_KINDS.flatMap(detailRoutes)
