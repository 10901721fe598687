/**
 * The network API (issue 7): the child's network in one read; for each kind of network record (family meetings,
 * kinship assessments, SGO notices, Together-or-Apart assessments, family time plans, sessions and suspensions, life
 * story work) add, correct (If-Match), void (If-Match) and list versions; and the manager's list of sibling groups
 * split without an assessment.
 */
import type { z } from 'zod'
import { addNetworkRecord } from '../../app/network/add-network-record.ts'
import { changeNetworkRecord } from '../../app/network/change-network-record.ts'
import { listNetworkRecordVersions } from '../../app/network/list-network-record-versions.ts'
import { listSplitSiblingGroups } from '../../app/network/list-split-sibling-groups.ts'
import { viewChildNetwork, type ChildNetworkView } from '../../app/network/view-child-network.ts'
import {
  NETWORK_CREATE_SCHEMAS,
  NETWORK_FIELD_LABELS,
  NETWORK_KINDS,
  NETWORK_UPDATE_SCHEMAS,
  type NetworkKind,
} from '../../domain/network/network-inputs.ts'
import { presentVersions } from '../children/children.presenter.ts'
import { apiRoute, type ApiRoute } from '../../http/api-route.ts'
import { voidNetworkRecord } from '../../app/network/void-network-record.ts'
import {
  ChildParamsSchema,
  CreatedResponseSchema,
  NetworkResponseSchema,
  RecordParamsSchema,
  SplitSiblingGroupsResponseSchema,
  VersionResponseSchema,
  VoidBodySchema,
} from './network.schema.ts'

const BASE = '/api/v1/children/:childId/network'
const TAGS = ['Network']

/**
 * The network as JSON.
 * @param view - the view
 * @returns the body
 */
export function presentNetwork(view: ChildNetworkView) {
  return {
    childId: view.child.id,
    people: view.members.map(({ person, relationship }) => ({
      relationshipId: relationship.id,
      relationshipVersion: relationship.version,
      personId: person.id,
      name: `${person.givenNames} ${person.familyName}`,
      relationship: relationship.relationship,
      holdsParentalResponsibility: relationship.holdsParentalResponsibility,
      closeness: relationship.closeness ?? null,
      sideOfFamily: relationship.sideOfFamily ?? null,
      culture: person.culture ?? null,
      religion: person.religion ?? null,
      language: person.language ?? null,
      strengths: relationship.strengths ?? null,
      risks: relationship.risks ?? null,
      isDeceased: person.isDeceased ?? false,
    })),
    siblings: view.siblings.map(s => ({
      siblingChildId: s.otherId,
      kind: s.kind,
      livesTogether: s.livesTogether,
      assessment: s.assessment as Record<string, unknown> | null,
      warnings: [...s.warnings],
    })),
    familyMeetings: view.familyMeetings,
    kinshipAssessments: view.kinshipAssessments,
    sgoNotices: view.sgoNotices,
    siblingAssessments: view.siblingAssessments,
    familyTime: view.familyTime.map(f => ({
      plan: f.plan,
      sessions: f.sessions,
      suspensions: f.suspensions,
      plannedVersusActual: f.plannedVersusActual as unknown as Record<string, unknown>[],
      isSuspended: f.isSuspended,
    })),
    lifeStoryWork: view.lifeStory,
    legalRoutes: view.legalRoutes.map(r => ({
      personId: r.personId,
      results: r.results as unknown as Record<string, unknown>[],
    })),
    timescales: view.timescaleItems as unknown as Record<string, unknown>[],
  }
}

function recordRoutes(kind: NetworkKind): ApiRoute<never, never, never>[] {
  const words = kind.replace(/-/g, ' ')
  const createSchema: z.ZodType<Record<string, unknown>> = NETWORK_CREATE_SCHEMAS[kind]
  const updateSchema: z.ZodType<Record<string, unknown>> = NETWORK_UPDATE_SCHEMAS[kind]
  return [
    apiRoute({
      method: 'POST',
      url: `${BASE}/${kind}`,
      summary: `Record ${words} for the child`,
      tags: TAGS,
      policy: 'child:edit',
      audit: 'NETWORK_RECORD_ADDED',
      params: ChildParamsSchema,
      body: createSchema,
      response: CreatedResponseSchema,
      labels: NETWORK_FIELD_LABELS,
      handle: async (op, { params, body }) => {
        const created = await addNetworkRecord(op, params.childId, kind, body as never)
        return {
          status: 201,
          body: created,
          version: created.version,
          location: `/api/v1/children/${params.childId}/network/${kind}/${created.id}`,
        }
      },
    }),
    apiRoute({
      method: 'PUT',
      url: `${BASE}/${kind}/:recordId`,
      summary: `Correct ${words} (every field again, and why; If-Match required)`,
      tags: TAGS,
      policy: 'child:edit',
      audit: 'NETWORK_RECORD_CHANGED',
      params: RecordParamsSchema,
      body: updateSchema,
      response: VersionResponseSchema,
      labels: NETWORK_FIELD_LABELS,
      needsVersion: true,
      handle: async (op, { params, body, version }) => {
        const changed = await changeNetworkRecord(op, params.childId, kind, params.recordId, version, body as never)
        return { body: changed, version: changed.version }
      },
    }),
    apiRoute({
      method: 'POST',
      url: `${BASE}/${kind}/:recordId/void`,
      summary: `Void ${words} recorded in error (kept in the history; If-Match required)`,
      tags: TAGS,
      policy: 'child:edit',
      audit: 'NETWORK_RECORD_VOIDED',
      params: RecordParamsSchema,
      body: VoidBodySchema,
      response: VersionResponseSchema,
      needsVersion: true,
      handle: async (op, { params, body, version }) => {
        const voided = await voidNetworkRecord(op, params.childId, kind, params.recordId, version, body.reason)
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
        body: presentVersions(await listNetworkRecordVersions(op, params.childId, kind, params.recordId)),
      }),
    }),
  ] as unknown as ApiRoute<never, never, never>[]
}

export const networkRoutes: readonly ApiRoute<never, never, never>[] = [
  apiRoute({
    method: 'GET',
    url: BASE,
    summary:
      "The child's network: people and relationships, brothers and sisters (together or apart, warnings), family meetings, assessments, SGO notices, family time with planned against actual, life story work, legal routes and the network's due dates",
    tags: TAGS,
    policy: 'child:view',
    audit: 'CHILD_NETWORK_VIEWED',
    params: ChildParamsSchema,
    response: NetworkResponseSchema,
    handle: async (op, { params }) => ({ body: presentNetwork(await viewChildNetwork(op, params.childId)) }),
  }),
  ...NETWORK_KINDS.flatMap(recordRoutes),
  apiRoute({
    method: 'GET',
    url: '/api/v1/sibling-groups/split',
    summary:
      'Sibling groups with brothers or sisters living apart and no Together-or-Apart assessment, or with plans that diverge without a recorded reason (team managers)',
    tags: TAGS,
    policy: 'dashboard:team',
    audit: 'SPLIT_SIBLING_GROUPS_VIEWED',
    response: SplitSiblingGroupsResponseSchema,
    handle: async op => ({
      body: {
        groups: (await listSplitSiblingGroups(op)).map(g => ({
          children: [...g.children],
          pairs: g.pairs.map(p => ({
            childId: p.childId,
            siblingChildId: p.siblingChildId,
            kind: p.kind,
            livesTogether: p.livesTogether,
            warnings: [...p.warnings],
          })),
        })),
      },
    }),
  }),
] as unknown as ApiRoute<never, never, never>[]
