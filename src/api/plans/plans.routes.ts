/**
 * The permanence plan API: the plan and its versions, each lifecycle step as a POST, "My plan", the planning facts
 * the timescale engine reads, and the printed plan. Every change to an existing version needs `If-Match` with its
 * row version (412 when stale, 428 when missing); a refusal by the plan rules is a 422 naming each rule broken.
 */
import { composeMyPlanDraft } from '../../app/plans/compose-my-plan-draft.ts'
import { declinePlanRatification } from '../../app/plans/decline-plan-ratification.ts'
import { editDraftPlan } from '../../app/plans/edit-draft-plan.ts'
import { editMyPlan } from '../../app/plans/edit-my-plan.ts'
import { endorsePlan } from '../../app/plans/endorse-plan.ts'
import { listPlanVersions } from '../../app/plans/list-plan-versions.ts'
import { markMyPlanShared } from '../../app/plans/mark-my-plan-shared.ts'
import { planVersionOf } from '../../app/plans/plan-support.ts'
import { ratifyPlan } from '../../app/plans/ratify-plan.ts'
import { recordOptionChangeNotPracticable } from '../../app/plans/record-option-change-not-practicable.ts'
import { recordOptionChangeReview } from '../../app/plans/record-option-change-review.ts'
import { recordPermanenceAchieved } from '../../app/plans/record-permanence-achieved.ts'
import { recordPlanConsidered } from '../../app/plans/record-plan-considered.ts'
import { returnPlanToDraft } from '../../app/plans/return-plan-to-draft.ts'
import { sendPlanToManager } from '../../app/plans/send-plan-to-manager.ts'
import { startNewPlanVersion } from '../../app/plans/start-new-plan-version.ts'
import { startPermanencePlan } from '../../app/plans/start-plan.ts'
import { viewChildDocuments } from '../../app/plans/view-child-documents.ts'
import { viewPermanencePlan } from '../../app/plans/view-permanence-plan.ts'
import { viewPlanningFacts } from '../../app/plans/view-planning-facts.ts'
import { withdrawPlan } from '../../app/plans/withdraw-plan.ts'
import { exportMyPlanDocument } from '../../app/documents/export-my-plan-document.ts'
import { exportPlanDocument } from '../../app/documents/export-plan-document.ts'
import type { DocumentFile } from '../../app/documents/document-file.ts'
import type { PlanChangeResult } from '../../app/plans/change-plan-version.ts'
import type { ChildAction } from '../../domain/access/policies.ts'
import { deleteDraftPlanVersion } from '../../app/plans/delete-draft-plan-version.ts'
import { apiRoute, type ApiResult, type ApiRoute } from '../../http/api-route.ts'
import type { Operation } from '../../app/shared/run-operation.ts'
import { NotFoundError } from '../../app/shared/errors.ts'
import { z } from 'zod'
import { reasonSchema } from '../../domain/shared/input.ts'
import { presentMyPlan, presentPlanOverview, presentPlanVersion } from './plans.presenter.ts'
import {
  ChildParamsSchema,
  DocumentQuerySchema,
  EndorsePlanBodySchema,
  FormatQuerySchema,
  MyPlanBodySchema,
  MyPlanSharedBodySchema,
  OptionChangeNotPracticableBodySchema,
  PlanChangeResponseSchema,
  PlanEditBodySchema,
  PlanVersionParamsSchema,
  RatifyPlanBodySchema,
  RecordOptionChangeReviewBodySchema,
  RecordPermanenceAchievedBodySchema,
  RecordPlanConsideredBodySchema,
  ReturnPlanToDraftBodySchema,
  SendPlanToManagerBodySchema,
  StartPlanVersionBodySchema,
} from './plans.schema.ts'

const BASE = '/api/v1/children/:childId'
const TAGS = ['Permanence plans']

/**
 * The response for a changed plan version: its row version as the ETag.
 * @param result - the change
 * @param status - the HTTP status
 * @returns the API result
 */
function changed(result: PlanChangeResult, status = 200): ApiResult {
  return { status, body: result, version: result.rowVersion }
}

/**
 * A document download: its type, and a file name with no child's name in it.
 * @param file - the document
 * @returns the API result
 */
export function download(file: DocumentFile): ApiResult {
  return {
    body: file.body,
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.name}"`,
      'Cache-Control': 'no-store',
    },
  }
}

type Transition<B> = (
  op: Operation,
  childId: string,
  planVersion: number,
  expectedRowVersion: number,
  body: B,
) => Promise<PlanChangeResult>

function lifecycleRoute<B>(
  path: string,
  summary: string,
  policy: ChildAction,
  audit: string,
  body: z.ZodType<B>,
  run: Transition<B>,
): ApiRoute<never, never, never> {
  return apiRoute({
    method: 'POST',
    url: `${BASE}/plan/versions/:planVersion/${path}`,
    summary: `${summary} (If-Match: the version's rowVersion)`,
    tags: TAGS,
    policy,
    audit,
    params: PlanVersionParamsSchema,
    body,
    response: PlanChangeResponseSchema,
    needsVersion: true,
    handle: async (op, { params, body: input, version }) =>
      changed(await run(op, params.childId, params.planVersion, version, input)),
  }) as unknown as ApiRoute<never, never, never>
}

export const planRoutes: readonly ApiRoute<never, never, never>[] = [
  apiRoute({
    method: 'GET',
    url: `${BASE}/plan`,
    summary:
      "The child's permanence plan: the version in force, any newer draft, every version, the guidance checks, what it needs before endorsement, the sibling plans and every decision",
    tags: TAGS,
    policy: 'child:view',
    audit: 'PERMANENCE_PLAN_VIEWED',
    params: ChildParamsSchema,
    handle: async (op, { params }) => {
      const overview = await viewPermanencePlan(op, params.childId)
      return {
        body: presentPlanOverview(overview),
        ...(overview.latest ? { version: overview.latest.rowVersion } : {}),
      }
    },
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/plan`,
    summary: "Start the child's permanence plan as a draft (one plan per child; 409 if it exists)",
    tags: TAGS,
    policy: 'plan:edit',
    audit: 'PERMANENCE_PLAN_STARTED',
    params: ChildParamsSchema,
    body: PlanEditBodySchema,
    response: PlanChangeResponseSchema,
    handle: async (op, { params, body }) => {
      const result = await startPermanencePlan(op, params.childId, body)
      return {
        ...changed(result, 201),
        location: `/api/v1/children/${params.childId}/plan/versions/${result.planVersion}`,
      }
    },
  }),
  apiRoute({
    method: 'GET',
    url: `${BASE}/plan/versions`,
    summary: 'Every version of the plan, oldest first',
    tags: TAGS,
    policy: 'child:view',
    audit: 'PERMANENCE_PLAN_VERSIONS_VIEWED',
    params: ChildParamsSchema,
    handle: async (op, { params }) => {
      const state = await listPlanVersions(op, params.childId)
      return {
        body: {
          inForceVersion: state.inForce?.plan.version ?? null,
          latestVersion: state.latest?.plan.version ?? null,
          versions: state.versions.map(presentPlanVersion),
        },
      }
    },
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/plan/versions`,
    summary:
      'Start a new version from the version in force, with why it is changing (If-Match: the rowVersion of the version in force)',
    tags: TAGS,
    policy: 'plan:edit',
    audit: 'PERMANENCE_PLAN_VERSION_STARTED',
    params: ChildParamsSchema,
    body: StartPlanVersionBodySchema,
    response: PlanChangeResponseSchema,
    needsVersion: true,
    handle: async (op, { params, body, version }) => {
      const result = await startNewPlanVersion(op, params.childId, version, body)
      return {
        ...changed(result, 201),
        location: `/api/v1/children/${params.childId}/plan/versions/${result.planVersion}`,
      }
    },
  }),
  apiRoute({
    method: 'GET',
    url: `${BASE}/plan/versions/:planVersion`,
    summary: 'One version of the plan (ETag: its rowVersion)',
    tags: TAGS,
    policy: 'child:view',
    audit: 'PERMANENCE_PLAN_VIEWED',
    params: PlanVersionParamsSchema,
    handle: async (op, { params }) => {
      const stored = planVersionOf(await listPlanVersions(op, params.childId), params.planVersion)
      return { body: presentPlanVersion(stored), version: stored.rowVersion }
    },
  }),
  apiRoute({
    method: 'PUT',
    url: `${BASE}/plan/versions/:planVersion`,
    summary: 'Change sections of a draft: each section given replaces that section (If-Match required)',
    tags: TAGS,
    policy: 'plan:edit',
    audit: 'PERMANENCE_PLAN_EDITED',
    params: PlanVersionParamsSchema,
    body: PlanEditBodySchema,
    response: PlanChangeResponseSchema,
    needsVersion: true,
    handle: async (op, { params, body, version }) =>
      changed(await editDraftPlan(op, params.childId, params.planVersion, version, body)),
  }),
  lifecycleRoute(
    'send-to-manager',
    'Send the draft to the team manager for the PPM (lateness is flagged, not refused)',
    'plan:edit',
    'PERMANENCE_PLAN_SENT_TO_MANAGER',
    SendPlanToManagerBodySchema,
    sendPlanToManager,
  ),
  lifecycleRoute(
    'withdraw',
    'Take back a plan sent to the team manager, with the reason',
    'plan:edit',
    'PERMANENCE_PLAN_WITHDRAWN',
    ReturnPlanToDraftBodySchema,
    withdrawPlan,
  ),
  lifecycleRoute(
    'return-to-draft',
    'Team manager: return the plan to the social worker for changes, with reasons',
    'plan:endorse',
    'PERMANENCE_PLAN_RETURNED',
    ReturnPlanToDraftBodySchema,
    returnPlanToDraft,
  ),
  lifecycleRoute(
    'considered-at-ppm',
    'Team manager: record that a held PPM considered the plan',
    'plan:endorse',
    'PERMANENCE_PLAN_CONSIDERED_AT_PPM',
    RecordPlanConsideredBodySchema,
    recordPlanConsidered,
  ),
  lifecycleRoute(
    'endorse',
    'Team manager: endorse the plan, with reasons (needs one primary option, a viable contingency …)',
    'plan:endorse',
    'PERMANENCE_PLAN_ENDORSED',
    EndorsePlanBodySchema,
    endorsePlan,
  ),
  lifecycleRoute(
    'ratify',
    'IRO: ratify the endorsed plan at a held child in care review, with reasons',
    'plan:ratify',
    'PERMANENCE_PLAN_RATIFIED',
    RatifyPlanBodySchema,
    ratifyPlan,
  ),
  lifecycleRoute(
    'decline-ratification',
    'IRO: decline to ratify the plan at a review, with reasons',
    'plan:ratify',
    'PERMANENCE_PLAN_RATIFICATION_DECLINED',
    RatifyPlanBodySchema,
    declinePlanRatification,
  ),
  lifecycleRoute(
    'option-change/considered-at-review',
    'IRO: record that a review considered the change of permanence option (CPPCR reg 32(2); PP-08)',
    'plan:ratify',
    'OPTION_CHANGE_CONSIDERED_AT_REVIEW',
    RecordOptionChangeReviewBodySchema,
    recordOptionChangeReview,
  ),
  lifecycleRoute(
    'option-change/not-reasonably-practicable',
    'Team manager: record why the change of option could not wait for a review',
    'plan:endorse',
    'OPTION_CHANGE_NOT_PRACTICABLE_RECORDED',
    OptionChangeNotPracticableBodySchema,
    recordOptionChangeNotPracticable,
  ),
  lifecycleRoute(
    'delete',
    'Delete a plan started in error: its first version, while a draft, is voided with the reason (kept in the history)',
    'plan:edit',
    'PERMANENCE_PLAN_DELETED',
    z.strictObject({ reason: reasonSchema }),
    (op, childId, planVersion, expectedRowVersion, body) =>
      deleteDraftPlanVersion(op, childId, planVersion, expectedRowVersion, body.reason),
  ),
  lifecycleRoute(
    'permanence-achieved',
    'Record that permanence was achieved by the primary plan, on a date',
    'plan:edit',
    'PERMANENCE_ACHIEVED_RECORDED',
    RecordPermanenceAchievedBodySchema,
    recordPermanenceAchieved,
  ),
  apiRoute({
    method: 'GET',
    url: `${BASE}/plan/document`,
    summary: 'The plan as PDF or DOCX (the version in force, or ?version=N), headed with the authority’s name',
    tags: TAGS,
    policy: 'child:view',
    audit: 'PERMANENCE_PLAN_EXPORTED',
    params: ChildParamsSchema,
    query: DocumentQuerySchema,
    handle: async (op, { params, query }) =>
      download(await exportPlanDocument(op, params.childId, query.format, query.version)),
  }),
  apiRoute({
    method: 'GET',
    url: `${BASE}/planning-facts`,
    summary:
      'The planning facts the timescale engine reads (case-history permanenceMeetings, permanencePlans, permanenceAchieved, policyEvents, adoption decisions) with the fuller plan and meeting facts',
    tags: TAGS,
    policy: 'child:view',
    audit: 'PLANNING_FACTS_VIEWED',
    params: ChildParamsSchema,
    handle: async (op, { params }) => ({ body: await viewPlanningFacts(op, params.childId) }),
  }),
  apiRoute({
    method: 'GET',
    url: `${BASE}/my-plan`,
    summary: 'The child’s “My plan” (ETag: its rowVersion)',
    tags: TAGS,
    policy: 'child:view',
    audit: 'MY_PLAN_VIEWED',
    params: ChildParamsSchema,
    handle: async (op, { params }) => {
      const documents = await viewChildDocuments(op, params.childId)
      if (!documents.myPlan) {
        throw new NotFoundError('My plan')
      }
      return { body: presentMyPlan(documents.myPlan), version: documents.myPlan.rowVersion }
    },
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/my-plan`,
    summary:
      'Write “My plan” from the plan in force, in plain words, for the social worker to edit (428 if one exists: use /my-plan/recompose)',
    tags: TAGS,
    policy: 'plan:edit',
    audit: 'MY_PLAN_COMPOSED',
    params: ChildParamsSchema,
    handle: async (op, { params }) => {
      const result = await composeMyPlanDraft(op, params.childId, null)
      return { status: 201, body: result, version: result.rowVersion }
    },
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/my-plan/recompose`,
    summary: 'Write “My plan” afresh from the plan in force, replacing the copy (If-Match required)',
    tags: TAGS,
    policy: 'plan:edit',
    audit: 'MY_PLAN_COMPOSED',
    params: ChildParamsSchema,
    needsVersion: true,
    handle: async (op, { params, version }) => {
      const result = await composeMyPlanDraft(op, params.childId, version)
      return { body: result, version: result.rowVersion }
    },
  }),
  apiRoute({
    method: 'PUT',
    url: `${BASE}/my-plan`,
    summary: 'Edit “My plan” (If-Match required; an edit after sharing needs sharing again)',
    tags: TAGS,
    policy: 'plan:edit',
    audit: 'MY_PLAN_EDITED',
    params: ChildParamsSchema,
    body: MyPlanBodySchema,
    needsVersion: true,
    handle: async (op, { params, body, version }) => {
      const result = await editMyPlan(op, params.childId, version, body)
      return { body: result, version: result.rowVersion }
    },
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/my-plan/shared`,
    summary: 'Record that “My plan” was shared: when and with whom (If-Match required)',
    tags: TAGS,
    policy: 'plan:edit',
    audit: 'MY_PLAN_SHARED',
    params: ChildParamsSchema,
    body: MyPlanSharedBodySchema,
    needsVersion: true,
    handle: async (op, { params, body, version }) => {
      const result = await markMyPlanShared(op, params.childId, version, body)
      return { body: result, version: result.rowVersion }
    },
  }),
  apiRoute({
    method: 'GET',
    url: `${BASE}/my-plan/document`,
    summary: '“My plan” as PDF or DOCX',
    tags: TAGS,
    policy: 'child:view',
    audit: 'MY_PLAN_EXPORTED',
    params: ChildParamsSchema,
    query: FormatQuerySchema,
    handle: async (op, { params, query }) => download(await exportMyPlanDocument(op, params.childId, query.format)),
  }),
] as unknown as ApiRoute<never, never, never>[]
