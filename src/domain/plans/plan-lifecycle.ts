/**
 * The plan lifecycle as pure transitions: `(plan, command, actor, today[, context]) → Result<{ plan, event }>`.
 *
 * ```
 * draft ──send──▶ sent-to-manager ──considered at PPM──▶ considered-at-ppm ──endorse──▶ endorsed ──ratify──▶ ratified
 *   ▲                 │                                       │                           │
 *   └──return to draft┴───────────────────────────────────────┘                           │
 * endorsed/ratified ──start new version──▶ (new) draft … endorse (new) ──▶ (old) superseded
 * ```
 *
 * Sources: [DOR] Golden Rules (SW completes the PP, sends it to the TM before the PPM, TM chairs the PPM); [TAM] §9.1
 * (plan "presented for ratification" at the second review) and App 4; CPPCR 2010 reg 32(2) and rules.md PP-08
 * (change of option considered at a review first). See docs/plans-and-meetings.md and docs/adr/0020–0024.
 *
 * The context argument carries what the system knows and the user does not type: the meeting, the policy's rule,
 * bank holidays, the version being superseded, the sibling plans. The use case loads it.
 */
import { compareCalendarDays, type CalendarDay } from '../shared/calendar-day.ts'
import { domainError, fail, ok, type Result } from '../shared/result.ts'
import type { MeetingKind, MeetingReference } from '../meetings/meeting-kinds.ts'
import { decisionEvent, type Actor, type DecisionEvent } from './decision-event.ts'
import {
  PLAN_WRITER_ROLES,
  planSubject,
  roleError,
  type PermanencePlan,
  type PlanStatus,
  type SubmissionRule,
} from './permanence-plan.ts'
import type { PlanError } from './plan-errors.ts'
import { primaryOption, primaryOptionType } from './plan-queries.ts'
import {
  optionChangeOf,
  validatePlanForEndorsement,
  validatePlanStructure,
  type SiblingPlanSummary,
} from './plan-rules.ts'
import type {
  EndorsePlan,
  OptionChangeNotPracticable,
  RatifyPlan,
  RecordOptionChangeReview,
  RecordPermanenceAchieved,
  RecordPlanConsidered,
  ReturnPlanToDraft,
  SendPlanToManager,
} from './plan-schemas.ts'
import { assessSubmission } from './plan-submission.ts'

export type PlanTransition = Result<{ plan: PermanencePlan; event: DecisionEvent }, PlanError>

function notAllowed(plan: PermanencePlan, command: string): PlanTransition {
  return fail(domainError('transition-not-allowed', ['status'], { status: plan.status, command }))
}

function isIn(plan: PermanencePlan, statuses: readonly PlanStatus[]): boolean {
  return statuses.includes(plan.status)
}

function reasonsError(reasons: string, path = 'reasons'): PlanError | undefined {
  return reasons.trim() === '' ? domainError('reasons-required', [path]) : undefined
}

function meetingErrors(
  plan: PermanencePlan,
  meeting: MeetingReference,
  kind: MeetingKind,
  today: CalendarDay,
): PlanError[] {
  const errors: PlanError[] = []
  if (meeting.kind !== kind) {
    errors.push(
      domainError(kind === 'statutory-review' ? 'meeting-not-a-statutory-review' : 'meeting-not-a-ppm', ['meetingId'], {
        kind: meeting.kind,
      }),
    )
  }
  if (!meeting.childIds.includes(plan.childId)) {
    errors.push(domainError('meeting-not-about-this-child', ['meetingId']))
  }
  if (compareCalendarDays(meeting.heldOn, today) > 0) {
    errors.push(domainError('meeting-in-future', ['meetingId'], { heldOn: meeting.heldOn }))
  }
  return errors
}

function collect(...candidates: (PlanError | undefined)[]): PlanError[] {
  return candidates.filter((error): error is PlanError => error !== undefined)
}

/**
 * The social worker sends the plan to the team manager ahead of the PPM. Lateness against the authority's rule is
 * computed and flagged, not refused ([DOR] Golden Rules "3 days in advance"; rules.md PP-03; docs/adr/0024).
 * @param plan - a draft
 * @param command - the date (and id, if booked) of the PPM it is for
 * @param actor - social worker or team manager
 * @param today - the day it is sent
 * @param context - the authority's rule (null if none) and bank holidays for working days
 * @returns the plan `sent-to-manager` and a `plan-sent-to-manager` event
 */
export function sendPlanToManager(
  plan: PermanencePlan,
  command: SendPlanToManager,
  actor: Actor,
  today: CalendarDay,
  context: { readonly rule: SubmissionRule | null; readonly bankHolidays: readonly CalendarDay[] },
): PlanTransition {
  const denied = roleError(actor, PLAN_WRITER_ROLES, 'send-plan-to-manager')
  if (denied) {
    return fail(denied)
  }
  if (plan.status !== 'draft') {
    return notAllowed(plan, 'send-plan-to-manager')
  }
  const errors = validatePlanStructure(plan, today)
  if (command.ppmOn < plan.startedOn) {
    errors.push(domainError('ppm-before-plan-started', ['ppmOn'], { startedOn: plan.startedOn }))
  }
  if (errors.length > 0) {
    return fail(...errors)
  }
  const lateness = assessSubmission(today, command.ppmOn, context.rule, new Set(context.bankHolidays))
  const next: PermanencePlan = {
    ...plan,
    status: 'sent-to-manager',
    submission: {
      sentOn: today,
      sentBy: actor,
      ppmOn: command.ppmOn,
      ppmMeetingId: command.ppmMeetingId,
      rule: context.rule,
      ...lateness,
    },
  }
  return ok({
    plan: next,
    event: decisionEvent('plan-sent-to-manager', planSubject(plan), [plan.childId], actor, today, today, null, {
      ppmOn: command.ppmOn,
      latestOn: lateness.latestOn,
      isLate: lateness.isLate,
      daysLate: lateness.daysLate,
    }),
  })
}

/**
 * The team manager returns a plan for changes (before endorsement), or the writer withdraws a plan they sent.
 * @param plan - a plan sent to the manager or considered at the PPM
 * @param command - why
 * @param actor - team manager; or social worker while the plan is only `sent-to-manager`
 * @param today - today's date
 * @returns the plan back in `draft` and a `plan-returned-to-draft` event
 */
export function returnPlanToDraft(
  plan: PermanencePlan,
  command: ReturnPlanToDraft,
  actor: Actor,
  today: CalendarDay,
): PlanTransition {
  const allowed = plan.status === 'sent-to-manager' ? PLAN_WRITER_ROLES : (['team-manager'] as const)
  const denied = roleError(actor, allowed, 'return-plan-to-draft')
  if (denied) {
    return fail(denied)
  }
  if (!isIn(plan, ['sent-to-manager', 'considered-at-ppm'])) {
    return notAllowed(plan, 'return-plan-to-draft')
  }
  const errors = collect(reasonsError(command.reasons))
  if (errors.length > 0) {
    return fail(...errors)
  }
  return ok({
    plan: { ...plan, status: 'draft', submission: null, consideredAtPpm: null },
    event: decisionEvent(
      'plan-returned-to-draft',
      planSubject(plan),
      [plan.childId],
      actor,
      today,
      today,
      command.reasons.trim(),
      { from: plan.status },
    ),
  })
}

/**
 * Records that the PPM considered this plan ([DOR] "Team manager chairs the PPM"; [TAM] App 4).
 * @param plan - a plan sent to the manager
 * @param command - the meeting
 * @param actor - the team manager
 * @param today - today's date
 * @param context - the PPM (kind, date, children)
 * @returns the plan `considered-at-ppm` and a `plan-considered-at-ppm` event
 */
export function recordPlanConsideredAtPpm(
  plan: PermanencePlan,
  command: RecordPlanConsidered,
  actor: Actor,
  today: CalendarDay,
  context: { readonly meeting: MeetingReference },
): PlanTransition {
  const denied = roleError(actor, ['team-manager'], 'record-plan-considered-at-ppm')
  if (denied) {
    return fail(denied)
  }
  if (plan.status !== 'sent-to-manager') {
    return notAllowed(plan, 'record-plan-considered-at-ppm')
  }
  const errors = meetingErrors(plan, context.meeting, 'permanence-planning-meeting', today)
  if (errors.length > 0) {
    return fail(...errors)
  }
  const heldOn = context.meeting.heldOn
  return ok({
    plan: {
      ...plan,
      status: 'considered-at-ppm',
      consideredAtPpm: { meetingId: command.meetingId, heldOn, recordedBy: actor },
    },
    event: decisionEvent('plan-considered-at-ppm', planSubject(plan), [plan.childId], actor, heldOn, today, null, {
      meetingId: command.meetingId,
    }),
  })
}

/**
 * The team manager endorses the plan. Refused without exactly one primary option, without a viable contingency,
 * without the reasons every other option was ruled out when adoption is the plan, without the child's views, the
 * anticipated timescale, how the decision will be shared, an unexplained difference from a sibling's plan, or a change
 * of option not first considered at a review (see {@link validatePlanForEndorsement}). Endorsing a new version
 * supersedes the version it was based on.
 * @param plan - a plan considered at the PPM
 * @param command - the manager's reasons
 * @param actor - the team manager
 * @param today - today's date
 * @param context - the version in force now (null for a first plan) and the sibling plans
 * @returns the endorsed plan, its event, and the superseded version with its event (if any)
 */
export function endorsePlan(
  plan: PermanencePlan,
  command: EndorsePlan,
  actor: Actor,
  today: CalendarDay,
  context: { readonly previous: PermanencePlan | null; readonly siblingPlans: readonly SiblingPlanSummary[] },
): Result<
  {
    plan: PermanencePlan
    event: DecisionEvent
    superseded: { plan: PermanencePlan; event: DecisionEvent } | null
  },
  PlanError
> {
  const denied = roleError(actor, ['team-manager'], 'endorse-plan')
  if (denied) {
    return fail(denied)
  }
  if (plan.status !== 'considered-at-ppm') {
    return fail(domainError('transition-not-allowed', ['status'], { status: plan.status, command: 'endorse-plan' }))
  }
  const errors = [
    ...collect(reasonsError(command.reasons)),
    ...validatePlanStructure(plan, today),
    ...validatePlanForEndorsement(plan, context.siblingPlans),
  ]
  const previous = context.previous
  if (plan.basedOnVersion !== null) {
    if (previous === null) {
      errors.push(domainError('previous-version-required', ['previous'], { version: plan.basedOnVersion }))
    } else if (
      previous.id !== plan.id ||
      previous.version !== plan.basedOnVersion ||
      (previous.status !== 'endorsed' && previous.status !== 'ratified')
    ) {
      errors.push(domainError('previous-version-not-current', ['previous'], { version: previous.version }))
    }
  }
  if (errors.length > 0) {
    return fail(...errors)
  }
  const reasons = command.reasons.trim()
  const endorsed: PermanencePlan = { ...plan, status: 'endorsed', endorsement: { on: today, by: actor, reasons } }
  const change = optionChangeOf(plan)
  const event = decisionEvent('plan-endorsed', planSubject(plan), [plan.childId], actor, today, today, reasons, {
    primaryOptionType: primaryOptionType(plan.content),
    optionChangedFrom: change?.fromType ?? null,
    supersedesVersion: previous?.version ?? null,
  })
  const superseded =
    previous === null || plan.basedOnVersion === null
      ? null
      : {
          plan: {
            ...previous,
            status: 'superseded' as const,
            supersession: { on: today, byVersion: plan.version },
          },
          event: decisionEvent('plan-superseded', planSubject(previous), [plan.childId], actor, today, today, reasons, {
            byVersion: plan.version,
          }),
        }
  return ok({ plan: endorsed, event, superseded })
}

function checkReview(plan: PermanencePlan, review: MeetingReference, today: CalendarDay): PlanError[] {
  const errors = meetingErrors(plan, review, 'statutory-review', today)
  if (plan.endorsement !== null && review.heldOn < plan.endorsement.on) {
    errors.push(domainError('review-before-endorsement', ['reviewMeetingId'], { endorsedOn: plan.endorsement.on }))
  }
  return errors
}

/**
 * The IRO ratifies the endorsed plan at a statutory review ([TAM] §9.1 "presented for ratification … at their second
 * Child Cared For Review"; [DEV] "established at the 2nd Child in Care Review").
 * @param plan - an endorsed plan
 * @param command - the review and the IRO's reasons
 * @param actor - the IRO
 * @param today - today's date
 * @param context - the review (kind, date, children)
 * @returns the plan `ratified` and a `plan-ratified` event dated the day of the review
 */
export function ratifyPlan(
  plan: PermanencePlan,
  command: RatifyPlan,
  actor: Actor,
  today: CalendarDay,
  context: { readonly review: MeetingReference },
): PlanTransition {
  const denied = roleError(actor, ['iro'], 'ratify-plan')
  if (denied) {
    return fail(denied)
  }
  if (plan.status !== 'endorsed') {
    return notAllowed(plan, 'ratify-plan')
  }
  const errors = [...collect(reasonsError(command.reasons)), ...checkReview(plan, context.review, today)]
  if (errors.length > 0) {
    return fail(...errors)
  }
  const heldOn = context.review.heldOn
  const reasons = command.reasons.trim()
  return ok({
    plan: {
      ...plan,
      status: 'ratified',
      ratification: { on: heldOn, by: actor, reasons, reviewMeetingId: command.reviewMeetingId },
    },
    event: decisionEvent('plan-ratified', planSubject(plan), [plan.childId], actor, heldOn, today, reasons, {
      reviewMeetingId: command.reviewMeetingId,
    }),
  })
}

/**
 * The IRO declines to ratify the plan at a review, with reasons. The plan stays endorsed; the event is the record
 * of the challenge (the IRO's role to prevent drift, [TAM] §7).
 * @param plan - an endorsed plan
 * @param command - the review and the IRO's reasons
 * @param actor - the IRO
 * @param today - today's date
 * @param context - the review
 * @returns the unchanged plan and a `plan-ratification-declined` event
 */
export function declinePlanRatification(
  plan: PermanencePlan,
  command: RatifyPlan,
  actor: Actor,
  today: CalendarDay,
  context: { readonly review: MeetingReference },
): PlanTransition {
  const denied = roleError(actor, ['iro'], 'decline-plan-ratification')
  if (denied) {
    return fail(denied)
  }
  if (plan.status !== 'endorsed') {
    return notAllowed(plan, 'decline-plan-ratification')
  }
  const errors = [...collect(reasonsError(command.reasons)), ...checkReview(plan, context.review, today)]
  if (errors.length > 0) {
    return fail(...errors)
  }
  return ok({
    plan,
    event: decisionEvent(
      'plan-ratification-declined',
      planSubject(plan),
      [plan.childId],
      actor,
      context.review.heldOn,
      today,
      command.reasons.trim(),
      { reviewMeetingId: command.reviewMeetingId },
    ),
  })
}

const BEFORE_ENDORSEMENT: readonly PlanStatus[] = ['draft', 'sent-to-manager', 'considered-at-ppm']

/**
 * The IRO records that a proposed change of permanence option was considered at a statutory review, before it takes
 * effect on endorsement (CPPCR 2010 reg 32(2); rules.md PP-08; [DOR] "Any change of permanence option should be
 * ratified in a Child in Care review"; docs/adr/0021).
 * @param plan - a version not yet endorsed whose primary option type differs from the last ratified version
 * @param command - the review and what it concluded
 * @param actor - the IRO
 * @param today - today's date
 * @param context - the review
 * @returns the plan with the evidence and an `option-change-considered-at-review` event
 */
export function recordOptionChangeConsideredAtReview(
  plan: PermanencePlan,
  command: RecordOptionChangeReview,
  actor: Actor,
  today: CalendarDay,
  context: { readonly review: MeetingReference },
): PlanTransition {
  const denied = roleError(actor, ['iro'], 'record-option-change-considered-at-review')
  if (denied) {
    return fail(denied)
  }
  if (!isIn(plan, BEFORE_ENDORSEMENT)) {
    return notAllowed(plan, 'record-option-change-considered-at-review')
  }
  const change = optionChangeOf(plan)
  const errors = [
    ...collect(reasonsError(command.reasons)),
    ...meetingErrors(plan, context.review, 'statutory-review', today),
  ]
  if (change === null) {
    errors.push(domainError('no-option-change-to-consider', ['optionChange']))
  }
  if (change === null || errors.length > 0) {
    return fail(...errors)
  }
  const heldOn = context.review.heldOn
  const reasons = command.reasons.trim()
  const kept = plan.optionChange?.toType === change.toType ? plan.optionChange.notReasonablyPracticable : null
  return ok({
    plan: {
      ...plan,
      optionChange: {
        ...change,
        consideredAtReview: { on: heldOn, by: actor, reasons, reviewMeetingId: command.reviewMeetingId },
        notReasonablyPracticable: kept,
      },
    },
    event: decisionEvent(
      'option-change-considered-at-review',
      planSubject(plan),
      [plan.childId],
      actor,
      heldOn,
      today,
      reasons,
      { fromOptionType: change.fromType, toOptionType: change.toType, reviewMeetingId: command.reviewMeetingId },
    ),
  })
}

/**
 * The team manager records that considering the change of option at a review first was not reasonably practicable,
 * and why (the exception in CPPCR 2010 reg 32(2); rules.md PP-08).
 * @param plan - a version not yet endorsed that changes the primary option type
 * @param command - the reasons
 * @param actor - the team manager
 * @param today - today's date
 * @returns the plan with the evidence and an `option-change-not-reasonably-practicable` event
 */
export function recordOptionChangeNotPracticable(
  plan: PermanencePlan,
  command: OptionChangeNotPracticable,
  actor: Actor,
  today: CalendarDay,
): PlanTransition {
  const denied = roleError(actor, ['team-manager'], 'record-option-change-not-practicable')
  if (denied) {
    return fail(denied)
  }
  if (!isIn(plan, BEFORE_ENDORSEMENT)) {
    return notAllowed(plan, 'record-option-change-not-practicable')
  }
  const change = optionChangeOf(plan)
  const errors = collect(reasonsError(command.reasons))
  if (change === null) {
    errors.push(domainError('no-option-change-to-consider', ['optionChange']))
  }
  if (change === null || errors.length > 0) {
    return fail(...errors)
  }
  const reasons = command.reasons.trim()
  const kept = plan.optionChange?.toType === change.toType ? plan.optionChange.consideredAtReview : null
  return ok({
    plan: {
      ...plan,
      optionChange: {
        ...change,
        consideredAtReview: kept,
        notReasonablyPracticable: { on: today, by: actor, reasons },
      },
    },
    event: decisionEvent(
      'option-change-not-reasonably-practicable',
      planSubject(plan),
      [plan.childId],
      actor,
      today,
      today,
      reasons,
      { fromOptionType: change.fromType, toOptionType: change.toType },
    ),
  })
}

/**
 * Records that permanence was achieved: the date and the route, which must be the primary plan (change the plan
 * first if the child's permanence came by another route). This ends the planning cycle; for long-term fostering the
 * plan is then reviewed on the policy's cadence ([DOR] "every 12 months"; rules.md PP-05).
 * @param plan - the endorsed or ratified version in force
 * @param command - date, route and any note
 * @param actor - social worker or team manager
 * @param today - today's date
 * @returns the plan with its primary option `achieved` and a `permanence-achieved` event
 */
export function recordPermanenceAchieved(
  plan: PermanencePlan,
  command: RecordPermanenceAchieved,
  actor: Actor,
  today: CalendarDay,
): PlanTransition {
  const denied = roleError(actor, PLAN_WRITER_ROLES, 'record-permanence-achieved')
  if (denied) {
    return fail(denied)
  }
  if (!isIn(plan, ['endorsed', 'ratified']) || plan.permanenceAchieved !== null) {
    return notAllowed(plan, 'record-permanence-achieved')
  }
  const primary = primaryOption(plan.content)
  const errors: PlanError[] = []
  if (primary === undefined || primary.type !== command.route) {
    errors.push(domainError('achieved-route-not-primary', ['route'], { route: command.route }))
  }
  if (command.achievedOn > today) {
    errors.push(domainError('date-in-future', ['achievedOn'], { today }))
  }
  if (primary === undefined || errors.length > 0) {
    return fail(...errors)
  }
  const reasons = command.reasons.trim()
  return ok({
    plan: {
      ...plan,
      content: {
        ...plan.content,
        options: plan.content.options.map(option =>
          option.id === primary.id ? { ...option, status: 'achieved' as const } : option,
        ),
      },
      permanenceAchieved: {
        on: command.achievedOn,
        route: command.route,
        optionId: primary.id,
        recordedBy: actor,
        recordedOn: today,
        reasons,
      },
    },
    event: decisionEvent(
      'permanence-achieved',
      planSubject(plan),
      [plan.childId],
      actor,
      command.achievedOn,
      today,
      reasons === '' ? null : reasons,
      { route: command.route },
    ),
  })
}
