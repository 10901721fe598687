/**
 * The plan dates the timescale engine and dashboards read for one child: when the plan was first sent, endorsed and
 * ratified (rules.md PP-01: a plan by the second review), each submission's lateness (PP-03), the anticipated date of
 * permanence, assessment due dates, key dates, and when a long-term fostering plan is next due for review (PP-05).
 */
import { addCalendarMonths, type CalendarDay } from '../shared/calendar-day.ts'
import type { OptionType } from './permanence-options.ts'
import type { PermanencePlan, PlanStatus } from './permanence-plan.ts'
import type { PlanPolicy } from './plan-policy.ts'
import { hasViableContingency, primaryOptionType, trackingKind, type TrackingKind } from './plan-queries.ts'
import type { AssessmentKind, KeyDateKind } from './permanence-options.ts'

export interface PlanTimescaleFacts {
  readonly planId: string
  readonly currentVersion: number
  readonly currentStatus: PlanStatus
  readonly primaryOptionType: OptionType | null
  readonly trackingKind: TrackingKind
  readonly hasViableContingency: boolean
  readonly firstStartedOn: CalendarDay
  readonly firstSentToManagerOn: CalendarDay | null
  readonly firstEndorsedOn: CalendarDay | null
  readonly firstRatifiedOn: CalendarDay | null
  readonly lastRatifiedOn: CalendarDay | null
  readonly submissions: readonly {
    readonly version: number
    readonly sentOn: CalendarDay
    readonly ppmOn: CalendarDay
    readonly latestOn: CalendarDay | null
    readonly isLate: boolean | null
  }[]
  readonly anticipatedPermanenceByOn: CalendarDay | null
  readonly permanenceAchieved: { readonly on: CalendarDay; readonly route: OptionType } | null
  /** When the plan of a child in long-term fostering is next to be reviewed (PP-05), from permanence or last PPM. */
  readonly longTermFosteringReviewDueOn: CalendarDay | null
  readonly assessments: readonly {
    readonly assessmentId: string
    readonly kind: AssessmentKind
    readonly dueOn: CalendarDay | null
    readonly completedOn: CalendarDay | null
  }[]
  readonly keyDates: readonly { readonly id: string; readonly kind: KeyDateKind; readonly on: CalendarDay }[]
}

function earliest(days: readonly (CalendarDay | null | undefined)[]): CalendarDay | null {
  const present = days.filter((day): day is CalendarDay => day !== null && day !== undefined).sort()
  return present[0] ?? null
}

/**
 * The version in force: the latest endorsed or ratified one, else the latest version of any status.
 * @param versions - every version of one child's plan
 * @returns the version in force, or undefined when there are none
 */
export function versionInForce(versions: readonly PermanencePlan[]): PermanencePlan | undefined {
  const sorted = [...versions].sort((a, b) => a.version - b.version)
  return sorted.filter(plan => plan.status === 'endorsed' || plan.status === 'ratified').at(-1) ?? sorted.at(-1)
}

/**
 * Gathers the plan facts for one child.
 * @param versions - every version of the child's plan
 * @param policy - the authority's settings (for the long-term fostering review cadence)
 * @param lastPpmOn - the date of the latest held PPM, if any (a review of an LTF plan resets the cadence)
 * @returns the facts, or null when the child has no plan
 */
export function planTimescaleFacts(
  versions: readonly PermanencePlan[],
  policy: PlanPolicy,
  lastPpmOn: CalendarDay | null,
): PlanTimescaleFacts | null {
  const sorted = [...versions].sort((a, b) => a.version - b.version)
  const latest = sorted.at(-1)
  const inForce = versionInForce(sorted)
  if (latest === undefined || inForce === undefined) {
    return null
  }
  const achieved = inForce.permanenceAchieved
  // [DOR] "If permanence is achieved via long-term fostering, a review of the plan and meeting should be held every
  // 12 months"; rules.md PP-05. Anchored on the later of the date achieved and the latest PPM.
  const ltfMonths = policy.reviewAfterLongTermFosteringMonths
  const ltfAnchor =
    achieved !== null && achieved.route === 'long-term-fostering'
      ? lastPpmOn !== null && lastPpmOn > achieved.on
        ? lastPpmOn
        : achieved.on
      : null
  const ratifiedDays = sorted.map(plan => plan.ratification?.on ?? null)
  return {
    planId: latest.id,
    currentVersion: inForce.version,
    currentStatus: inForce.status,
    primaryOptionType: primaryOptionType(inForce.content),
    trackingKind: trackingKind(inForce.content),
    hasViableContingency: hasViableContingency(inForce.content),
    firstStartedOn: sorted[0]!.startedOn,
    firstSentToManagerOn: earliest(sorted.map(plan => plan.submission?.sentOn)),
    firstEndorsedOn: earliest(sorted.map(plan => plan.endorsement?.on)),
    firstRatifiedOn: earliest(ratifiedDays),
    lastRatifiedOn:
      ratifiedDays
        .filter((day): day is CalendarDay => day !== null)
        .sort()
        .at(-1) ?? null,
    submissions: sorted.flatMap(plan =>
      plan.submission === null
        ? []
        : [
            {
              version: plan.version,
              sentOn: plan.submission.sentOn,
              ppmOn: plan.submission.ppmOn,
              latestOn: plan.submission.latestOn,
              isLate: plan.submission.isLate,
            },
          ],
    ),
    anticipatedPermanenceByOn: inForce.content.anticipatedTimescale.permanenceByOn,
    permanenceAchieved: achieved === null ? null : { on: achieved.on, route: achieved.route },
    longTermFosteringReviewDueOn:
      ltfAnchor !== null && ltfMonths !== null ? addCalendarMonths(ltfAnchor, ltfMonths) : null,
    assessments: inForce.content.assessments.map(assessment => ({
      assessmentId: assessment.id,
      kind: assessment.kind,
      dueOn: assessment.dueOn,
      completedOn: assessment.completedOn,
    })),
    keyDates: inForce.content.keyDates.map(keyDate => ({ id: keyDate.id, kind: keyDate.kind, on: keyDate.on })),
  }
}
