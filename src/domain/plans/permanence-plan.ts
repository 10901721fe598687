/**
 * The permanence plan: one per child, versioned. Each version is a plain JSON object; the storage keeps every one.
 *
 * Invariants (docs/adr/0020-plan-versions-lifecycle-and-decision-events.md):
 * - A version's content changes only while it is a `draft`. Once sent to the team manager the content is fixed;
 *   to change it the manager returns it to draft, or, after endorsement, a new version is started from it.
 * - Lifecycle stamps (sent, considered, endorsed, ratified, superseded, achieved) are set only by the commands in
 *   plan-lifecycle.ts, each of which also emits an immutable {@link DecisionEvent}.
 * - A superseded version never changes again.
 * - `lastRatified` carries the primary option type of the most recent ratified version forward into later versions,
 *   so that a change of permanence option (CPPCR 2010 reg 32(2); rules.md PP-08) can be detected from one version.
 */
import type { CalendarDay } from '../shared/calendar-day.ts'
import { domainError, fail, ok, type Result } from '../shared/result.ts'
import { decisionEvent, type Actor, type ActorRole, type DecisionEvent } from './decision-event.ts'
import type { OptionType } from './permanence-options.ts'
import type { PlanError } from './plan-errors.ts'
import { primaryOptionType } from './plan-queries.ts'
import { emptyPlanContent, PlanContentSchema, type PlanContent, type PlanEdit } from './plan-schemas.ts'
import { validatePlanStructure } from './plan-rules.ts'

export const PLAN_STATUSES = {
  draft: 'Draft',
  'sent-to-manager': 'Sent to the team manager',
  'considered-at-ppm': 'Considered at a permanence planning meeting',
  endorsed: 'Endorsed by the team manager',
  ratified: 'Ratified at a child in care review',
  superseded: 'Replaced by a later version',
} as const
export type PlanStatus = keyof typeof PLAN_STATUSES
export const PLAN_STATUS_VALUES = Object.keys(PLAN_STATUSES) as [PlanStatus, ...PlanStatus[]]

/** The unit and number of days a plan must reach the team manager before the PPM (rules.md PP-03, §5 T6). */
export interface SubmissionRule {
  readonly days: number
  readonly unit: 'calendar-days' | 'working-days'
}

/** When the plan went to the team manager, for which PPM, and whether that was late. */
export interface PlanSubmission {
  readonly sentOn: CalendarDay
  readonly sentBy: Actor
  readonly ppmOn: CalendarDay
  readonly ppmMeetingId: string | null
  /** The rule applied, or null when the authority has none (Devon, Tameside). */
  readonly rule: SubmissionRule | null
  /** The last day the plan could be sent and be on time; null without a rule. */
  readonly latestOn: CalendarDay | null
  /** Null when there is no rule to be late against. */
  readonly isLate: boolean | null
  /** Calendar days after `latestOn` it was sent (0 when on time); null without a rule. */
  readonly daysLate: number | null
}

/** A decision stamped on the version: when, by whom, why. */
export interface PlanStamp {
  readonly on: CalendarDay
  readonly by: Actor
  readonly reasons: string
}

export interface ConsideredAtPpm {
  readonly meetingId: string
  readonly heldOn: CalendarDay
  readonly recordedBy: Actor
}

export interface Ratification extends PlanStamp {
  readonly reviewMeetingId: string
}

export interface Supersession {
  readonly on: CalendarDay
  readonly byVersion: number
}

/** The most recent ratified version before this one, as far as a change of option is concerned. */
export interface RatifiedBaseline {
  readonly version: number
  readonly primaryOptionType: OptionType | null
  readonly ratifiedOn: CalendarDay
}

/**
 * Evidence that a change of permanence option was considered at a statutory review before it took effect, or that
 * this was not reasonably practicable and why (CPPCR 2010 reg 32(2); rules.md PP-08; docs/adr/0021).
 */
export interface OptionChangeEvidence {
  readonly fromType: OptionType | null
  readonly toType: OptionType
  readonly consideredAtReview: (PlanStamp & { readonly reviewMeetingId: string }) | null
  readonly notReasonablyPracticable: PlanStamp | null
}

export interface PermanenceAchieved {
  readonly on: CalendarDay
  readonly route: OptionType
  readonly optionId: string
  readonly recordedBy: Actor
  readonly recordedOn: CalendarDay
  readonly reasons: string
}

/** One version of a child's permanence plan. */
export interface PermanencePlan {
  /** The plan's id: the same for every version of the child's plan. */
  readonly id: string
  readonly childId: string
  /** 1 for the first version. */
  readonly version: number
  readonly status: PlanStatus
  readonly startedOn: CalendarDay
  readonly startedBy: Actor
  readonly basedOnVersion: number | null
  /** Why this version was started (null for the first). */
  readonly changeReason: string | null
  readonly content: PlanContent
  readonly submission: PlanSubmission | null
  readonly consideredAtPpm: ConsideredAtPpm | null
  readonly endorsement: PlanStamp | null
  readonly ratification: Ratification | null
  readonly supersession: Supersession | null
  readonly lastRatified: RatifiedBaseline | null
  readonly optionChange: OptionChangeEvidence | null
  readonly permanenceAchieved: PermanenceAchieved | null
}

/** Roles that write plans: the social worker writes, the team manager may too ([DOR] "Social worker completes"). */
export const PLAN_WRITER_ROLES: readonly ActorRole[] = ['social-worker', 'team-manager']

/**
 * Refuses an actor whose role may not run a command.
 * @param actor - who is acting
 * @param allowed - the roles that may
 * @param command - the command, for the message
 * @returns an error, or undefined when the role is allowed
 */
export function roleError(actor: Actor, allowed: readonly ActorRole[], command: string): PlanError | undefined {
  return allowed.includes(actor.role)
    ? undefined
    : domainError('role-not-permitted', ['actor', 'role'], { role: actor.role, command })
}

/**
 * The decision subject for a plan version.
 * @param plan - the version
 * @returns the subject
 */
export function planSubject(plan: PermanencePlan): { type: 'plan'; id: string; version: number } {
  return { type: 'plan', id: plan.id, version: plan.version }
}

/**
 * Applies a patch to plan content: each top-level key present replaces that key.
 * @param content - the current content
 * @param edit - the patch
 * @returns new content
 */
export function applyPlanEdit(content: PlanContent, edit: PlanEdit): PlanContent {
  const defined = Object.fromEntries(Object.entries(edit).filter(([, value]) => value !== undefined))
  return PlanContentSchema.parse({ ...content, ...defined })
}

/**
 * Starts a child's first plan, as a draft (version 1). [DOR] "The Permanence planning process must start as soon
 * as a child is accommodated."
 * @param input - the plan id (chosen by the adapter), the child, and any content written so far
 * @param actor - who starts it (social worker or team manager)
 * @param today - today's date
 * @returns the draft and a `plan-started` event, or the broken rules
 */
export function startPlan(
  input: { readonly planId: string; readonly childId: string; readonly content?: PlanEdit },
  actor: Actor,
  today: CalendarDay,
): Result<{ plan: PermanencePlan; event: DecisionEvent }, PlanError> {
  const denied = roleError(actor, PLAN_WRITER_ROLES, 'start-plan')
  if (denied) {
    return fail(denied)
  }
  const plan: PermanencePlan = {
    id: input.planId,
    childId: input.childId,
    version: 1,
    status: 'draft',
    startedOn: today,
    startedBy: actor,
    basedOnVersion: null,
    changeReason: null,
    content: applyPlanEdit(emptyPlanContent(), input.content ?? {}),
    submission: null,
    consideredAtPpm: null,
    endorsement: null,
    ratification: null,
    supersession: null,
    lastRatified: null,
    optionChange: null,
    permanenceAchieved: null,
  }
  const errors = validatePlanStructure(plan, today)
  if (errors.length > 0) {
    return fail(...errors)
  }
  return ok({
    plan,
    event: decisionEvent('plan-started', planSubject(plan), [plan.childId], actor, today, today, null),
  })
}

/**
 * Edits a draft version in place. A version that has gone to the manager is fixed: return it to draft, or, after
 * endorsement, start a new version ({@link startPlanVersion}).
 * @param plan - the draft
 * @param edit - the patch
 * @param actor - who edits (social worker or team manager)
 * @param today - today's date
 * @returns the edited draft, or the broken rules
 */
export function editDraftPlan(
  plan: PermanencePlan,
  edit: PlanEdit,
  actor: Actor,
  today: CalendarDay,
): Result<PermanencePlan, PlanError> {
  const denied = roleError(actor, PLAN_WRITER_ROLES, 'edit-plan')
  if (denied) {
    return fail(denied)
  }
  if (plan.status !== 'draft') {
    return fail(domainError('transition-not-allowed', ['status'], { status: plan.status, command: 'edit-plan' }))
  }
  // An edit that changes the primary option makes earlier evidence about a change of option stale; keep it only
  // while it still describes the plan, so that endorsement cannot rely on evidence about a different change.
  const edited: PermanencePlan = { ...plan, content: applyPlanEdit(plan.content, edit) }
  const stillMatches = plan.optionChange !== null && plan.optionChange.toType === primaryOptionType(edited.content)
  const next: PermanencePlan = { ...edited, optionChange: stillMatches ? plan.optionChange : null }
  const errors = validatePlanStructure(next, today)
  return errors.length > 0 ? fail(...errors) : ok(next)
}

/**
 * Derives a new version from the current endorsed or ratified version, for a review of the plan or a change,
 * applying the edit if one is given. The current version stays in force until the new one is endorsed, which
 * supersedes it.
 * @param current - the endorsed or ratified version
 * @param command - why the plan is changing, and optionally the change
 * @param actor - who starts it (social worker or team manager)
 * @param today - today's date
 * @returns the new draft and a `plan-version-started` event, or the broken rules
 */
export function startPlanVersion(
  current: PermanencePlan,
  command: { readonly changeReason: string; readonly edit?: PlanEdit | undefined },
  actor: Actor,
  today: CalendarDay,
): Result<{ plan: PermanencePlan; event: DecisionEvent }, PlanError> {
  const denied = roleError(actor, PLAN_WRITER_ROLES, 'start-plan-version')
  if (denied) {
    return fail(denied)
  }
  if (current.status !== 'endorsed' && current.status !== 'ratified') {
    return fail(
      domainError('transition-not-allowed', ['status'], { status: current.status, command: 'start-plan-version' }),
    )
  }
  if (command.changeReason.trim() === '') {
    return fail(domainError('reasons-required', ['changeReason']))
  }
  const lastRatified: RatifiedBaseline | null =
    current.status === 'ratified' && current.ratification !== null
      ? {
          version: current.version,
          primaryOptionType: primaryOptionType(current.content),
          ratifiedOn: current.ratification.on,
        }
      : current.lastRatified
  const plan: PermanencePlan = {
    ...current,
    version: current.version + 1,
    status: 'draft',
    startedOn: today,
    startedBy: actor,
    basedOnVersion: current.version,
    changeReason: command.changeReason.trim(),
    content: applyPlanEdit(current.content, command.edit ?? {}),
    submission: null,
    consideredAtPpm: null,
    endorsement: null,
    ratification: null,
    supersession: null,
    lastRatified,
    optionChange: null,
  }
  const errors = validatePlanStructure(plan, today)
  if (errors.length > 0) {
    return fail(...errors)
  }
  return ok({
    plan,
    event: decisionEvent(
      'plan-version-started',
      planSubject(plan),
      [plan.childId],
      actor,
      today,
      today,
      plan.changeReason,
      { basedOnVersion: current.version },
    ),
  })
}
