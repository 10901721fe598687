/**
 * Family time (issue 7): planned against actual for each period between the child's reviews, and which path a
 * suspension follows — the 7-day rule for a child under a care order or interim care order (KIT-01; CA89 s.34(6)),
 * or, for a child accommodated under s.20, agreement with those with parental responsibility (rules.md §5 T18).
 */
import { addCalendarDays, daysBetween, type CalendarDay } from '../shared/calendar-day.ts'
import type { LegalStatus } from '../children/codes.ts'
import type { FamilyTimePeriod, SessionOutcome } from './network-inputs.ts'

const DAYS_IN: Record<FamilyTimePeriod, number> = { week: 7, month: 365.25 / 12, year: 365.25 }

export interface PlanFacts {
  readonly sessionsPerPeriod: number
  readonly period: FamilyTimePeriod
  readonly startedOn: CalendarDay
  readonly endedOn: CalendarDay | null
}
export interface SessionFacts {
  readonly occurredOn: CalendarDay
  readonly outcome: SessionOutcome
  readonly cancelledBy: string | null
}
export interface SuspensionFacts {
  readonly suspendedOn: CalendarDay
  readonly resumedOn: CalendarDay | null
}

/**
 * Whether a family time plan is still running on a day. A plan's `endedOn` is the day it ended: from that day on it
 * no longer applies (as a legal status's or a placement's end day), so a plan that ended today is no longer open.
 * @param plan - the plan
 * @param today - the day
 * @returns true when the plan has no end date, or ends after that day
 */
export function isFamilyTimePlanOpen(plan: { readonly endedOn: CalendarDay | null }, today: CalendarDay): boolean {
  return plan.endedOn === null || plan.endedOn > today
}

/** Planned against actual for one period between reviews. */
export interface PlannedVersusActual {
  readonly from: CalendarDay
  /** The first day after the period (a review, the day the plan ended, or tomorrow for the period still running). */
  readonly to: CalendarDay
  /** What closes the period: a review, the end of the plan, or nothing yet (it runs to today). */
  readonly until: 'review' | 'plan-ended' | 'today'
  readonly isCurrent: boolean
  readonly planned: number
  readonly happened: number
  readonly cancelled: number
  readonly cancelledBy: Readonly<Record<string, number>>
  readonly didNotAttend: number
  /** Days in the period when family time was suspended. */
  readonly suspendedDays: number
}

function overlap(a: CalendarDay, b: CalendarDay, c: CalendarDay, d: CalendarDay): number {
  const start = a > c ? a : c
  const end = b < d ? b : d
  return end > start ? daysBetween(start, end) : 0
}

/**
 * Planned against actual family time for each period between the child's reviews, from the plan's start to today,
 * or to the day it ended if it has. Planned sessions are the plan's frequency over the days the plan ran and was not
 * suspended, rounded down; sessions on or after the day it ended are not counted against it.
 * @param plan - the plan
 * @param sessions - what happened
 * @param suspensions - when family time was suspended
 * @param reviewDates - days the child's reviews were held
 * @param today - today
 * @returns one row per period, oldest first
 */
export function plannedVersusActual(
  plan: PlanFacts,
  sessions: readonly SessionFacts[],
  suspensions: readonly SuspensionFacts[],
  reviewDates: readonly CalendarDay[],
  today: CalendarDay,
): PlannedVersusActual[] {
  const tomorrow = addCalendarDays(today, 1)
  const end = plan.endedOn !== null && plan.endedOn < tomorrow ? plan.endedOn : tomorrow
  if (plan.startedOn >= end) {
    return []
  }
  const boundaries = [
    plan.startedOn,
    ...[...new Set(reviewDates)].filter(d => d > plan.startedOn && d < end).sort(),
    end,
  ]
  const rows: PlannedVersusActual[] = []
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const from = boundaries[i]!
    const to = boundaries[i + 1]!
    const suspendedDays = suspensions.reduce((sum, s) => sum + overlap(from, to, s.suspendedOn, s.resumedOn ?? end), 0)
    const activeDays = Math.max(0, daysBetween(from, to) - suspendedDays)
    const within = sessions.filter(s => s.occurredOn >= from && s.occurredOn < to)
    const cancelledBy: Record<string, number> = {}
    for (const s of within.filter(s => s.outcome === 'cancelled')) {
      const who = s.cancelledBy ?? 'other'
      cancelledBy[who] = (cancelledBy[who] ?? 0) + 1
    }
    const isLast = i + 2 === boundaries.length
    rows.push({
      from,
      to,
      until: !isLast ? 'review' : end === tomorrow ? 'today' : 'plan-ended',
      isCurrent: isLast && end === tomorrow,
      planned: Math.floor((activeDays / DAYS_IN[plan.period]) * plan.sessionsPerPeriod + 1e-9),
      happened: within.filter(s => s.outcome === 'attended').length,
      cancelled: within.filter(s => s.outcome === 'cancelled').length,
      cancelledBy,
      didNotAttend: within.filter(s => s.outcome === 'did-not-attend').length,
      suspendedDays,
    })
  }
  return rows
}

/** The path a suspension of family time follows. */
export type SuspensionPath =
  | {
      /** KIT-01: a child in care under a care order or ICO (s.34 applies). */
      readonly kind: 'section-34'
      /** The last day the suspension may last without a s.34(4) order (suspended on + 7 days). */
      readonly limitOn: CalendarDay
      /** `resolved` (resumed or order made by the limit), `within-limit`, or `escalate` to legal advice. */
      readonly state: 'resolved' | 'within-limit' | 'escalate'
    }
  | {
      /** A child accommodated under s.20: no s.34 regime; agree it with those with parental responsibility. */
      readonly kind: 'section-20'
      readonly state: 'resolved' | 'agree-with-parents'
    }
  | { readonly kind: 'other'; readonly state: 'resolved' | 'take-legal-advice' }

/**
 * Which path a suspension follows, and where it stands today (rules.md KIT-01 and §5 T18).
 * @param suspension - the suspension
 * @param legalStatus - the child's legal status on the day family time was suspended (null if not looked after)
 * @param today - today
 * @returns the path and its state
 */
export function suspensionPath(
  suspension: SuspensionFacts & { readonly section34OrderOn: CalendarDay | null },
  legalStatus: LegalStatus | null,
  today: CalendarDay,
): SuspensionPath {
  const resumed = suspension.resumedOn !== null && suspension.resumedOn <= today
  if (legalStatus === 'care-order' || legalStatus === 'interim-care-order') {
    // CA89 s.34(6); rules.md KIT-01 — refusal as a matter of urgency lasts no more than 7 days without an order.
    const limitOn = addCalendarDays(suspension.suspendedOn, 7)
    const orderOn = suspension.section34OrderOn
    const resolvedOn = [resumed ? suspension.resumedOn : null, orderOn !== null && orderOn <= today ? orderOn : null]
      .filter((d): d is CalendarDay => d !== null)
      .sort()[0]
    if (resolvedOn !== undefined && resolvedOn <= limitOn) {
      return { kind: 'section-34', limitOn, state: 'resolved' }
    }
    return {
      kind: 'section-34',
      limitOn,
      state: today >= limitOn || resolvedOn !== undefined ? 'escalate' : 'within-limit',
    }
  }
  if (legalStatus === 'section-20') {
    return { kind: 'section-20', state: resumed ? 'resolved' : 'agree-with-parents' }
  }
  return { kind: 'other', state: resumed ? 'resolved' : 'take-legal-advice' }
}
