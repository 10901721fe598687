import { loadCareRecord } from '../../db/repositories/care-record-repository.ts'
import { listMeetingsForChildren } from '../../db/repositories/meetings-repository.ts'
import {
  listDecisionEvents,
  loadPlanVersionsForChildren,
  loadSiblingIds,
  type StoredDecisionEvent,
  type StoredPlanVersion,
} from '../../db/repositories/plans-repository.ts'
import type { Meeting } from '../../domain/meetings/meeting.ts'
import { MeetingRecordSchema } from '../../domain/meetings/meeting-schemas.ts'
import type { Actor } from '../../domain/plans/decision-event.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { checkPlanAgainstGuidance, type GuidanceCheck } from '../../domain/plans/guidance-checks.ts'
import type { PlanError } from '../../domain/plans/plan-errors.ts'
import { validatePlanForEndorsement } from '../../domain/plans/plan-rules.ts'
import type { PlanningSettings } from '../../domain/plans/planning-settings.ts'
import { NotFoundError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { childNames, loadChildHeader, type ChildHeader } from './child-header.ts'
import {
  planningPermissions,
  planStateOf,
  siblingPlanSummaries,
  type PlanningPermissions,
  type PlanState,
} from './plan-support.ts'
import { planningSettingsFor } from './planning-settings.ts'

/**
 * A statutory review held, as the guidance checks see meetings (a closed child in care review about the child).
 * @param childId - the child
 * @param reviewId - the review in the care record
 * @param heldOn - when
 * @param today - today
 * @returns the meeting
 */
function reviewAsMeeting(childId: string, reviewId: string, heldOn: CalendarDay, today: CalendarDay): Meeting {
  const system: Actor = { id: '', role: 'iro', name: 'Care record' }
  return {
    id: reviewId,
    version: 1,
    kind: 'statutory-review',
    status: 'closed',
    record: MeetingRecordSchema.parse({
      heldOn,
      chair: { name: '', role: 'iro' },
      childIds: [childId],
      previousMeetingId: null,
      purpose: '',
      invitees: [],
      actionReviews: [],
      childOutcomes: [],
      decisions: [],
      actions: [],
      minutes: '',
      nextMeetingOn: null,
      noNextMeetingReason: '',
    }),
    createdOn: today,
    createdBy: system,
    closed: { on: heldOn, by: system },
    cancelled: null,
    correction: null,
  }
}

/** A brother's or sister's plan, as this child's plan shows it. */
export interface SiblingPlanView {
  readonly childId: string
  readonly name: string
  readonly plan: StoredPlanVersion | null
}

export interface PlanOverview extends PlanState {
  readonly child: ChildHeader
  readonly settings: PlanningSettings
  readonly permissions: PlanningPermissions
  /** Every decision about the child, oldest first. */
  readonly events: readonly StoredDecisionEvent[]
  /** The latest version checked against the authority's guidance (null without guidance or a plan). */
  readonly guidance: readonly GuidanceCheck[] | null
  /** What the latest version still needs before a team manager can endorse it. */
  readonly readiness: readonly PlanError[]
  readonly siblings: readonly SiblingPlanView[]
  /** Meetings about the child (for choosing the PPM or review a decision is taken at). */
  readonly meetings: readonly Meeting[]
  /** People important to the child in the care record, to pick from in the plan. */
  readonly network: readonly {
    personId: string
    name: string
    relationship: string
    hasParentalResponsibility: boolean
  }[]
}

/**
 * Opens a child's permanence plan: every version, the version in force and any newer draft, the decisions made,
 * the plan checked against the authority's guidance, what it still needs before endorsement, and the plans of the
 * child's brothers and sisters (audited as a view of the child).
 * @param op - the operation
 * @param childId - the child
 * @returns the overview
 */
export async function viewPermanencePlan(op: Operation, childId: string): Promise<PlanOverview> {
  const { facts } = await authoriseChild(op, childId, 'child:view')
  const child = await loadChildHeader(op, childId)
  const record = await loadCareRecord(op.tx, childId)
  if (!record) {
    throw new NotFoundError('Child')
  }
  const settings = await planningSettingsFor(op)
  const siblingIds = await loadSiblingIds(op.tx, childId)
  const plans = await loadPlanVersionsForChildren(op.tx, [childId, ...siblingIds])
  const state = planStateOf(plans.get(childId) ?? [])
  const stored = await listMeetingsForChildren(op.tx, [childId])
  const meetings = stored.map(item => item.meeting)
  // Reviews held but recorded only in the care record count too: the guidance asks about reviews, however recorded.
  const linked = new Set(stored.flatMap(item => Object.values(item.statutoryReviewIds)))
  const reviewFacts = record.reviews
    .filter(review => !linked.has(review.id))
    .map(review => reviewAsMeeting(childId, review.id, review.heldOn, op.today))
  const siblingSummaries = await siblingPlanSummaries(op, childId, siblingIds)
  const people = new Map(record.people.map(person => [person.id, `${person.givenNames} ${person.familyName}`]))
  const latest = state.latest?.plan
  const guidance =
    latest && settings.guidancePolicy
      ? checkPlanAgainstGuidance(latest, [...meetings, ...reviewFacts], settings.guidancePolicy, op.today, {
          planHistory: state.versions.map(stored => stored.plan),
          parentalResponsibilityHolders: record.relationships
            .filter(relationship => relationship.holdsParentalResponsibility)
            .map(relationship => ({
              personId: relationship.personId,
              name: people.get(relationship.personId) ?? '',
            })),
          siblingPlans: siblingSummaries,
        })
      : null
  const names = await childNames(op, siblingIds)
  return {
    ...state,
    child,
    settings,
    permissions: await planningPermissions(op, childId, facts),
    events: await listDecisionEvents(op.tx, childId),
    guidance,
    readiness:
      latest && latest.status !== 'endorsed' && latest.status !== 'ratified' && latest.status !== 'superseded'
        ? validatePlanForEndorsement(latest, siblingSummaries)
        : [],
    siblings: siblingIds
      .filter(id => names[id] !== undefined)
      .map(id => ({ childId: id, name: names[id]!, plan: planStateOf(plans.get(id) ?? []).inForce ?? null })),
    meetings,
    network: record.relationships.map(relationship => ({
      personId: relationship.personId,
      name: people.get(relationship.personId) ?? '',
      relationship: relationship.relationship,
      hasParentalResponsibility: relationship.holdsParentalResponsibility,
    })),
  }
}
