/**
 * The planning facts the timescale engine reads for one child, in the engine's own words: the case-history fields
 * `permanenceMeetings`, `permanencePlans`, `permanenceAchieved`, `policyEvents` and the agency decisions of
 * `adoption` (issue 3; src/domain/timescales/case-history.ts on the engine branch), plus the fuller plan and meeting
 * facts ({@link planTimescaleFacts}, {@link meetingTimescaleFacts}) for dashboards (docs/adr/0063).
 *
 * The engine's case history is strict (an unknown key is refused), so the engine-shaped parts carry exactly its keys.
 */
import type { ActionUpdate } from '../meetings/meeting-actions.ts'
import { meetingTimescaleFacts, type ChildMeetingFacts } from '../meetings/meeting-timescale-facts.ts'
import type { Meeting } from '../meetings/meeting.ts'
import type { AdmDecision } from '../panels/adm-decision.ts'
import { compareCalendarDays, type CalendarDay } from '../shared/calendar-day.ts'
import type { OptionType } from './permanence-options.ts'
import type { PermanencePlan } from './permanence-plan.ts'
import type { PlanPolicy } from './plan-policy.ts'
import { primaryOptionType } from './plan-queries.ts'
import { planTimescaleFacts, type PlanTimescaleFacts } from './plan-timescale-facts.ts'

/** The engine's permanence options (case-history `permanencePlans[].option`). */
export type EnginePermanenceOption =
  | 'reunification'
  | 'kinship-care'
  | 'child-arrangements-order'
  | 'special-guardianship-order'
  | 'adoption'
  | 'early-permanence'
  | 'long-term-fostering'
  | 'staying-put'
  | 'residential-care'
  | 'options-being-explored'

/** The engine's routes to permanence (case-history `permanenceAchieved.route`). */
export type EnginePermanenceRoute =
  | 'reunification'
  | 'child-arrangements-order'
  | 'special-guardianship-order'
  | 'adoption'
  | 'long-term-fostering'
  | 'staying-put'
  | 'other'

const ENGINE_OPTION: Readonly<Record<OptionType, EnginePermanenceOption>> = {
  reunification: 'reunification',
  'family-and-friends': 'kinship-care',
  'child-arrangements-order': 'child-arrangements-order',
  'special-guardianship': 'special-guardianship-order',
  'long-term-fostering': 'long-term-fostering',
  'residential-care': 'residential-care',
  adoption: 'adoption',
  'early-permanence': 'early-permanence',
  'staying-put': 'staying-put',
}

const ENGINE_ROUTE: Readonly<Record<OptionType, EnginePermanenceRoute>> = {
  reunification: 'reunification',
  'family-and-friends': 'other',
  'child-arrangements-order': 'child-arrangements-order',
  'special-guardianship': 'special-guardianship-order',
  'long-term-fostering': 'long-term-fostering',
  'residential-care': 'other',
  adoption: 'adoption',
  'early-permanence': 'other',
  'staying-put': 'staying-put',
}

/** One version of the plan, as the engine's case history takes it. */
export interface EnginePlanFact {
  readonly sentToManagerOn: CalendarDay | null
  readonly meetingOn: CalendarDay | null
  readonly endorsedOn: CalendarDay | null
  readonly ratifiedAtReviewOn: CalendarDay | null
  readonly option: EnginePermanenceOption
  readonly notReasonablyPracticableToReviewFirst: boolean
}

export interface PlanningFacts {
  readonly childId: string
  /** Held (closed) permanence planning meetings, with the next one booked before each closed (PP-04, PP-07). */
  readonly permanenceMeetings: readonly { readonly date: CalendarDay; readonly nextBookedOn: CalendarDay | null }[]
  /** Every version of the plan that has gone to the team manager, oldest first (PP-01, PP-03, PP-08). */
  readonly permanencePlans: readonly EnginePlanFact[]
  readonly permanenceAchieved: { readonly on: CalendarDay; readonly route: EnginePermanenceRoute } | null
  /** Legal gateway and permanence panel meetings booked or held (Tameside PP-06). */
  readonly policyEvents: readonly {
    readonly kind: 'legal-gateway' | 'permanence-panel'
    readonly date: CalendarDay
    readonly bookedOn: CalendarDay
  }[]
  /** The agency decision maker's agreed decisions, for the engine's `adoption` facts (ADO-01 … ADO-03). */
  readonly adoption: {
    readonly shouldBePlacedDecisionOn: CalendarDay | null
    readonly matchedOn: CalendarDay | null
  }
  /** The agency decision maker's agreed long-term fostering match (LTF rules). */
  readonly longTermFosteringMatchedOn: CalendarDay | null
  /** The fuller facts: plan dates, lateness, assessments, key dates, the LTF review date (PP-05). */
  readonly plan: PlanTimescaleFacts | null
  /** Meetings by kind, next dates booked, and every action with its due date and status. */
  readonly meetings: ChildMeetingFacts
}

function firstAgreed(decisions: readonly AdmDecision[], kind: AdmDecision['kind']): CalendarDay | null {
  return (
    decisions
      .filter(decision => decision.kind === kind && decision.outcome === 'agreed')
      .map(decision => decision.decidedOn)
      .sort()[0] ?? null
  )
}

/**
 * Gathers one child's planning facts.
 * @param childId - the child
 * @param input - every version of the child's plan, the current version of every meeting about them, the action
 *   updates of those meetings, the agency decisions about them, the authority's plan policy, and today
 * @param input.planVersions - every version of the child's plan
 * @param input.meetings - the meetings about the child
 * @param input.actionUpdates - updates to those meetings' actions
 * @param input.admDecisions - the agency decision maker's decisions about the child
 * @param input.policy - the authority's plan settings (long-term fostering review cadence)
 * @param input.today - today, for overdue actions and upcoming meetings
 * @returns the facts
 */
export function planningFactsFor(
  childId: string,
  input: {
    readonly planVersions: readonly PermanencePlan[]
    readonly meetings: readonly Meeting[]
    readonly actionUpdates: readonly ActionUpdate[]
    readonly admDecisions: readonly AdmDecision[]
    readonly policy: PlanPolicy
    readonly today: CalendarDay
  },
): PlanningFacts {
  const meetings = meetingTimescaleFacts(childId, input.meetings, input.actionUpdates, input.today)
  const own = input.meetings
    .filter(meeting => meeting.record.childIds.includes(childId))
    .sort((a, b) => compareCalendarDays(a.record.heldOn, b.record.heldOn))
  const ppms = own.filter(meeting => meeting.kind === 'permanence-planning-meeting' && meeting.status === 'closed')
  const lastPpmOn = ppms.at(-1)?.record.heldOn ?? null
  const versions = [...input.planVersions].sort((a, b) => a.version - b.version)
  const plan = planTimescaleFacts(versions, input.policy, lastPpmOn)
  const achieved = plan?.permanenceAchieved ?? null
  return {
    childId,
    permanenceMeetings: ppms.map(meeting => ({
      date: meeting.record.heldOn,
      nextBookedOn: meeting.record.nextMeetingOn,
    })),
    permanencePlans: versions
      .filter(version => version.submission !== null || version.endorsement !== null)
      .map(version => {
        const type = primaryOptionType(version.content)
        return {
          sentToManagerOn: version.submission?.sentOn ?? null,
          meetingOn: version.consideredAtPpm?.heldOn ?? version.submission?.ppmOn ?? null,
          endorsedOn: version.endorsement?.on ?? null,
          // For a change of option the engine's PP-08 reads this as the review that considered the change, which
          // CPPCR reg 32(2) puts before the change takes effect (docs/adr/0063); otherwise it is the ratification.
          ratifiedAtReviewOn: version.optionChange?.consideredAtReview?.on ?? version.ratification?.on ?? null,
          option: type === null ? 'options-being-explored' : ENGINE_OPTION[type],
          notReasonablyPracticableToReviewFirst: (version.optionChange?.notReasonablyPracticable ?? null) !== null,
        }
      }),
    permanenceAchieved: achieved === null ? null : { on: achieved.on, route: ENGINE_ROUTE[achieved.route] },
    policyEvents: own
      .filter(
        (meeting): meeting is Meeting & { kind: 'legal-gateway' | 'permanence-panel' } =>
          (meeting.kind === 'legal-gateway' || meeting.kind === 'permanence-panel') && meeting.status !== 'cancelled',
      )
      .map(meeting => ({ kind: meeting.kind, date: meeting.record.heldOn, bookedOn: meeting.createdOn })),
    adoption: {
      shouldBePlacedDecisionOn: firstAgreed(input.admDecisions, 'should-be-placed-for-adoption'),
      matchedOn: firstAgreed(input.admDecisions, 'adoption-match'),
    },
    longTermFosteringMatchedOn: firstAgreed(input.admDecisions, 'long-term-fostering-match'),
    plan,
    meetings,
  }
}
