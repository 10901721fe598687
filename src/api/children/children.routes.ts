/**
 * The children API: register a child, read and change the care record, see every version of any part of it.
 * Writes to an existing record need `If-Match` with the version being changed.
 */
import { type z } from 'zod'
import { addCareRecordFact } from '../../app/children/add-care-record-fact.ts'
import { changeCareRecordFact } from '../../app/children/change-care-record-fact.ts'
import { listCaseload } from '../../app/children/list-caseload.ts'
import { listRecordVersionsOf } from '../../app/children/list-record-versions.ts'
import { recordBecameLookedAfter } from '../../app/children/record-became-looked-after.ts'
import { recordCeasedLookedAfter } from '../../app/children/record-ceased-looked-after.ts'
import { recordLegalStatusChange } from '../../app/children/record-legal-status-change.ts'
import { recordPlacementMove } from '../../app/children/record-placement-move.ts'
import { registerChild } from '../../app/children/register-child.ts'
import { searchChildren } from '../../app/children/search-children.ts'
import { updateChildDetails } from '../../app/children/update-child-details.ts'
import { viewChildAccessLog } from '../../app/children/view-child-access-log.ts'
import { viewChildRecord } from '../../app/children/view-child-record.ts'
import { voidCareRecordFact } from '../../app/children/void-care-record-fact.ts'
import {
  BecameLookedAfterSchema,
  CARE_RECORD_FIELD_LABELS,
  CeasedLookedAfterSchema,
  ChildCreateSchema,
  ChildUpdateSchema,
  FACT_CREATE_SCHEMAS,
  FACT_UPDATE_SCHEMAS,
  LegalStatusChangeSchema,
  PlacementMoveSchema,
} from '../../domain/children/care-record-inputs.ts'
import type { FactKind } from '../../domain/children/care-record.ts'
import { apiRoute, type ApiRoute } from '../../http/api-route.ts'
import { presentCareRecord, presentChildSummary, presentVersions } from './children.presenter.ts'
import {
  CareRecordResponseSchema,
  CaseloadQuerySchema,
  CaseloadResponseSchema,
  ChildParamsSchema,
  ChildrenListResponseSchema,
  CreatedResponseSchema,
  FACT_KINDS,
  FactParamsSchema,
  SearchBodySchema,
  VersionsResponseSchema,
  VoidBodySchema,
} from './children.schema.ts'

const labels = CARE_RECORD_FIELD_LABELS
const BASE = '/api/v1/children'

function factRoutes(kind: FactKind): ApiRoute<never, never, never>[] {
  const createSchema = FACT_CREATE_SCHEMAS[kind] as z.ZodType<Record<string, unknown>>
  const updateSchema = FACT_UPDATE_SCHEMAS[kind] as z.ZodType<Record<string, unknown>>
  return [
    apiRoute({
      method: 'POST',
      url: `${BASE}/:childId/${kind}`,
      summary: `Add to the child's ${kind.replace(/-/g, ' ')}`,
      tags: ['Care record'],
      policy: 'child:edit',
      audit: 'CARE_RECORD_FACT_ADDED',
      params: ChildParamsSchema,
      body: createSchema,
      response: CreatedResponseSchema,
      labels,
      handle: async (op, { params, body }) => {
        const created = await addCareRecordFact(op, params.childId, kind, body as never)
        return {
          status: 201,
          body: created,
          version: created.version,
          location: `${BASE}/${params.childId}/${kind}/${created.id}`,
        }
      },
    }),
    apiRoute({
      method: 'PUT',
      url: `${BASE}/:childId/${kind}/:factId`,
      summary: `Correct an entry in the child's ${kind.replace(/-/g, ' ')} (If-Match required)`,
      tags: ['Care record'],
      policy: 'child:edit',
      audit: 'CARE_RECORD_FACT_CHANGED',
      params: FactParamsSchema,
      body: updateSchema,
      labels,
      needsVersion: true,
      handle: async (op, { params, body, version }) => {
        const changed = await changeCareRecordFact(op, params.childId, kind, params.factId, version, body as never)
        return { body: changed, version: changed.version }
      },
    }),
    apiRoute({
      method: 'POST',
      url: `${BASE}/:childId/${kind}/:factId/void`,
      summary: `Void an entry recorded in error (If-Match required; kept in the history)`,
      tags: ['Care record'],
      policy: 'child:edit',
      audit: 'CARE_RECORD_FACT_VOIDED',
      params: FactParamsSchema,
      body: VoidBodySchema,
      labels,
      needsVersion: true,
      handle: async (op, { params, body, version }) => {
        const voided = await voidCareRecordFact(op, params.childId, kind, params.factId, version, body.reason)
        return { body: voided, version: voided.version }
      },
    }),
    apiRoute({
      method: 'GET',
      url: `${BASE}/:childId/${kind}/:factId/versions`,
      summary: 'Every version of an entry: who changed it, when and why',
      tags: ['Care record'],
      policy: 'child:view',
      audit: 'RECORD_VERSIONS_VIEWED',
      params: FactParamsSchema,
      response: VersionsResponseSchema,
      handle: async (op, { params }) => ({
        body: presentVersions(await listRecordVersionsOf(op, params.childId, { kind, factId: params.factId })),
      }),
    }),
  ] as unknown as ApiRoute<never, never, never>[]
}

export const childrenRoutes: readonly ApiRoute<never, never, never>[] = [
  apiRoute({
    method: 'GET',
    url: BASE,
    summary: "One page of the user's caseload (or their team's, with view=team), most urgent first",
    tags: ['Children'],
    policy: 'caseload:view',
    audit: 'CASELOAD_VIEWED',
    query: CaseloadQuerySchema,
    response: CaseloadResponseSchema,
    handle: async (op, { query }) => {
      const result = await listCaseload(op, {
        view: query.view,
        show: query.show,
        sort: query.sort,
        page: query.page,
        pageSize: query.limit,
        beyondLastPage: 'empty',
      })
      return {
        body: {
          children: result.children.map(presentChildSummary),
          page: result.page,
          limit: result.pageSize,
          total: result.matching,
          pageCount: result.pageCount,
        },
      }
    },
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/search`,
    summary: 'Find children by name or local case number (POST, so no names appear in URLs)',
    tags: ['Children'],
    policy: 'children:search',
    audit: 'CHILDREN_SEARCHED',
    body: SearchBodySchema,
    response: ChildrenListResponseSchema,
    labels: { q: { noun: 'a name or case number', name: 'Search' } },
    handle: async (op, { body }) => ({
      body: { children: (await searchChildren(op, body.q)).map(presentChildSummary) },
    }),
  }),
  apiRoute({
    method: 'POST',
    url: BASE,
    summary: 'Register a child',
    tags: ['Children'],
    policy: 'child:create',
    audit: 'CHILD_REGISTERED',
    body: ChildCreateSchema,
    response: CreatedResponseSchema,
    labels,
    handle: async (op, { body }) => {
      const created = await registerChild(op, body)
      return {
        status: 201,
        body: { id: created.childId, version: created.version },
        version: created.version,
        location: `${BASE}/${created.childId}`,
      }
    },
  }),
  apiRoute({
    method: 'GET',
    url: `${BASE}/:childId`,
    summary: "The child's whole care record",
    tags: ['Children'],
    policy: 'child:view',
    audit: 'CHILD_RECORD_VIEWED',
    params: ChildParamsSchema,
    response: CareRecordResponseSchema,
    handle: async (op, { params }) => {
      const view = await viewChildRecord(op, params.childId)
      return { body: presentCareRecord(view), version: view.record.child.version }
    },
  }),
  apiRoute({
    method: 'PUT',
    url: `${BASE}/:childId`,
    summary: "Change the child's details (If-Match required; the reason is kept with the new version)",
    tags: ['Children'],
    policy: 'child:edit',
    audit: 'CHILD_DETAILS_CHANGED',
    params: ChildParamsSchema,
    body: ChildUpdateSchema,
    labels,
    needsVersion: true,
    handle: async (op, { params, body, version }) => {
      const changed = await updateChildDetails(op, params.childId, version, body)
      return { body: changed, version: changed.version }
    },
  }),
  apiRoute({
    method: 'GET',
    url: `${BASE}/:childId/versions`,
    summary: "Every version of the child's details",
    tags: ['Children'],
    policy: 'child:view',
    audit: 'RECORD_VERSIONS_VIEWED',
    params: ChildParamsSchema,
    response: VersionsResponseSchema,
    handle: async (op, { params }) => ({
      body: presentVersions(await listRecordVersionsOf(op, params.childId, { kind: 'child' })),
    }),
  }),
  apiRoute({
    method: 'GET',
    url: `${BASE}/:childId/access-log`,
    summary: "Who has viewed or changed the child's record",
    tags: ['Children'],
    policy: 'audit:view-child-access',
    audit: 'CHILD_ACCESS_LOG_VIEWED',
    params: ChildParamsSchema,
    handle: async (op, { params }) => ({
      body: {
        entries: (await viewChildAccessLog(op, params.childId)).map(e => ({
          ...e,
          occurredAt: e.occurredAt.toISOString(),
        })),
      },
    }),
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/:childId/became-looked-after`,
    summary: 'Record the child becoming looked after: period of care, legal status and first placement together',
    tags: ['Care record'],
    policy: 'child:edit',
    audit: 'CHILD_BECAME_LOOKED_AFTER',
    params: ChildParamsSchema,
    body: BecameLookedAfterSchema,
    labels,
    handle: async (op, { params, body }) => ({
      status: 201,
      body: await recordBecameLookedAfter(op, params.childId, body),
    }),
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/:childId/placement-moves`,
    summary: 'Record a move to a new placement (ends the current one and starts the next together)',
    tags: ['Care record'],
    policy: 'child:edit',
    audit: 'PLACEMENT_MOVE_RECORDED',
    params: ChildParamsSchema,
    body: PlacementMoveSchema,
    labels,
    handle: async (op, { params, body }) => ({
      status: 201,
      body: await recordPlacementMove(op, params.childId, body),
    }),
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/:childId/legal-status-changes`,
    summary: 'Record a change of legal status',
    tags: ['Care record'],
    policy: 'child:edit',
    audit: 'LEGAL_STATUS_CHANGE_RECORDED',
    params: ChildParamsSchema,
    body: LegalStatusChangeSchema,
    labels,
    handle: async (op, { params, body }) => ({
      status: 201,
      body: await recordLegalStatusChange(op, params.childId, body),
    }),
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/:childId/ceased-looked-after`,
    summary: 'Record the child ceasing to be looked after (ends the period, legal status and placement together)',
    tags: ['Care record'],
    policy: 'child:edit',
    audit: 'CHILD_CEASED_LOOKED_AFTER',
    params: ChildParamsSchema,
    body: CeasedLookedAfterSchema,
    labels,
    handle: async (op, { params, body }) => ({ body: await recordCeasedLookedAfter(op, params.childId, body) }),
  }),
  ...FACT_KINDS.flatMap(factRoutes),
] as unknown as ApiRoute<never, never, never>[]
