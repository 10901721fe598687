/**
 * The timescale engine's entry point: one child's history, an authority's policy and a calendar in; every due date
 * with its reason, the legal routes open to the people around the child, and drift measures out. Pure: no clock,
 * no I/O. The same inputs always give the same answer, so the service can store the output and recompute it when
 * the record, the policy or the calendar changes (issue 3 §7).
 */
import { type CalendarDay } from '../shared/calendar-day.ts'
import { isoDay } from '../deadlines/day-format.ts'
import type { Calendar } from '../deadlines/calendar.ts'
import type { CaseHistory } from './case-history.ts'
import { buildContext } from './context.ts'
import { type DriftMeasures, measureDrift } from './drift.ts'
import type { EligibilityResult } from './eligibility/eligibility-result.ts'
import { eligibleChildStatus } from './eligibility/eligible-child.ts'
import { evaluateEligibility } from './eligibility/evaluate-eligibility.ts'
import type { TimescaleItem } from './item.ts'
import type { PolicyPack } from './policy-pack.ts'
import { evaluateAdoption } from './rules/adoption.ts'
import { evaluateCareLeavers } from './rules/care-leavers.ts'
import { evaluateCarePlanning } from './rules/care-planning.ts'
import { evaluateConnectedPersons } from './rules/connected-persons.ts'
import { evaluateContact } from './rules/contact.ts'
import { evaluateHealthAndEducation } from './rules/health-and-education.ts'
import { evaluateLongTermFostering } from './rules/long-term-fostering.ts'
import { evaluatePermanence } from './rules/permanence.ts'
import { evaluatePrivateFosteringVisits } from './rules/private-fostering.ts'
import { evaluateProceedings } from './rules/proceedings.ts'
import { evaluateReviews } from './rules/reviews.ts'
import { evaluateVisits } from './rules/visits.ts'

/** Options for {@link evaluateCase}. */
export interface EvaluateCaseOptions {
  readonly policy: PolicyPack
  readonly calendar: Calendar
  /** The day to evaluate as at; defaults to the history's `asOf`. One of the two is required. */
  readonly asOf?: CalendarDay
}

/** What the engine used, for audit: store it with the items. */
export interface EvaluationMeta {
  readonly asOf: CalendarDay
  readonly policyPack: string
  readonly policyVersion: string
  readonly calendarVersion: string
  readonly calendarConfirmedThrough: CalendarDay
}

/** The engine's answer for one child. */
export interface Evaluation {
  readonly items: readonly TimescaleItem[]
  readonly eligibility: readonly EligibilityResult[]
  readonly drift: DriftMeasures
  readonly meta: EvaluationMeta
}

/**
 * Evaluates every rule, legal route and drift measure for one child.
 * @param history - the parsed case history (see {@link CaseHistory}; parse JSON with `parseCaseHistory`)
 * @param options - the policy pack, the calendar and the evaluation day
 * @returns items (grouped by area, in rules.md order), eligibility results and drift measures
 * @throws Error when neither `options.asOf` nor `history.asOf` is given
 */
export function evaluateCase(history: CaseHistory, options: EvaluateCaseOptions): Evaluation {
  const asOf = options.asOf ?? history.asOf
  if (asOf === undefined) {
    throw new Error('evaluateCase needs an evaluation day: pass options.asOf or set asOf in the case history')
  }
  const ctx = buildContext(history, { pack: options.policy, calendar: options.calendar, asOf })
  const items: TimescaleItem[] = []
  evaluateCarePlanning(ctx, items)
  evaluatePermanence(ctx, items)
  evaluateReviews(ctx, items)
  evaluateVisits(ctx, items)
  evaluateHealthAndEducation(ctx, items)
  evaluateContact(ctx, items)
  evaluateProceedings(ctx, items)
  evaluateAdoption(ctx, items)
  const eligible = eligibleChildStatus(ctx)
  evaluateCareLeavers(ctx, eligible, items)
  evaluateConnectedPersons(ctx, items)
  evaluatePrivateFosteringVisits(ctx, items)
  evaluateLongTermFostering(ctx, items)
  const eligibility = evaluateEligibility(ctx, eligible)
  return {
    items,
    eligibility,
    drift: measureDrift(ctx, items),
    meta: {
      asOf: isoDay(ctx.asOf),
      policyPack: options.policy.id,
      policyVersion: ctx.policyNow.key,
      calendarVersion: options.calendar.versionId,
      calendarConfirmedThrough: options.calendar.confirmedThrough,
    },
  }
}
