/**
 * The adoption scorecard measures A1, A2, A3 and A10, per child and per three-year cohort (national-returns.md
 * §3.3; gov.uk "Adoption scorecards and thresholds published", 2013–16 thresholds of 14 months (426 days) for A1
 * and 4 months (121 days) for A2; LG Inform metric 912 for A2's exclusions).
 *
 * - A1: days from entering care (the start of the period of care in which the child was adopted) to moving in with
 *   the adoptive family (the first A3–A6 placement after the decision), for children adopted.
 * - A2: days from the court's authority to place (placement order or freeing order) to the match; a match before
 *   the order counts as 0. Children with no placement order, or not placed before the adoption order, are excluded.
 * - A3: the share of adopted children who moved in less than 14 months after entering care (calendar months, by the
 *   corresponding-date rule).
 * - A10: A1 adjusted for adoptions by foster carers: the clock stops when the child moved in with those carers (the
 *   start of the run of placements with the same carer that ends in the adoptive placement).
 *
 * A cohort is the children whose adoption order falls in the three collection years ending with the given one.
 * Thresholds are configurable; each child's result explains how it was reached.
 */
import { addCalendarMonths, compareCalendarDays, daysBetween, type CalendarDay } from '../shared/calendar-day.ts'
import { isPlacedForAdoption } from '../children/codes.ts'
import { resolveAdoptionJourneys, type ResolvedAdoptionJourney } from './adoption-journeys.ts'
import { collectionEnd, collectionStart, collectionYearLabel, type CollectionYear } from './collection-year.ts'
import type { ReturnFacts } from './return-facts.ts'

export interface ScorecardThresholds {
  /** A1 and A10 threshold, days (default 426, 14 months). */
  readonly a1Days: number
  /** A2 threshold, days (default 121, 4 months). */
  readonly a2Days: number
  /** A3: moved in within this many months of entering care (default 14). */
  readonly a3Months: number
}

export const DEFAULT_SCORECARD_THRESHOLDS: ScorecardThresholds = { a1Days: 426, a2Days: 121, a3Months: 14 }

/** One adopted child's measures. A null measure is excluded, and `exclusions` says why. */
export interface ChildScorecard {
  readonly childId: string
  readonly laChildId: string
  readonly adoptionOrderOn: CalendarDay
  readonly enteredCareOn: CalendarDay
  readonly placementOrderOn: CalendarDay | null
  readonly matchedOn: CalendarDay | null
  readonly placedOn: CalendarDay | null
  readonly a1Days: number | null
  readonly a2Days: number | null
  readonly a3IsWithinThreshold: boolean | null
  readonly a10Days: number | null
  readonly exclusions: { readonly a1?: string; readonly a2?: string; readonly a10?: string }
  /** The steps, in plain words. */
  readonly explanation: readonly string[]
}

export interface CohortScorecard {
  readonly fromYear: CollectionYear
  readonly toYear: CollectionYear
  readonly from: CalendarDay
  readonly to: CalendarDay
  readonly thresholds: ScorecardThresholds
  readonly childrenAdopted: number
  readonly a1: {
    readonly averageDays: number | null
    readonly children: number
    readonly isWithinThreshold: boolean | null
  }
  readonly a2: {
    readonly averageDays: number | null
    readonly children: number
    readonly isWithinThreshold: boolean | null
  }
  readonly a3: { readonly percentage: number | null; readonly within: number; readonly children: number }
  readonly a10: {
    readonly averageDays: number | null
    readonly children: number
    readonly isWithinThreshold: boolean | null
  }
  readonly children: readonly ChildScorecard[]
}

function fosterCarerClockStop(facts: ReturnFacts, placedOn: CalendarDay): CalendarDay | null {
  const placements = [...facts.placements].sort((a, b) => compareCalendarDays(a.startedOn, b.startedOn))
  const index = placements.findIndex(p => p.startedOn === placedOn && isPlacedForAdoption(p.placementType))
  const adoptive = placements[index]
  if (adoptive === undefined || adoptive.carerPersonId === null) {
    return null
  }
  let start = adoptive.startedOn
  for (let i = index - 1; i >= 0; i -= 1) {
    const placement = placements[i]!
    if (placement.carerPersonId !== adoptive.carerPersonId || placement.endedOn !== start) {
      break
    }
    start = placement.startedOn
  }
  return start
}

function scoreJourney(
  facts: ReturnFacts,
  journey: ResolvedAdoptionJourney & { readonly adoptionOrderOn: CalendarDay },
  thresholds: ScorecardThresholds,
): ChildScorecard {
  const period = journey.periodOfCare!
  const enteredCareOn = period.startedOn
  const placedOn = journey.placedOn
  const explanation: string[] = [
    `Entered care on ${enteredCareOn} (start of the period of care ending in adoption)`,
    `Adoption order on ${journey.adoptionOrderOn}`,
  ]
  const exclusions: { a1?: string; a2?: string; a10?: string } = {}
  let a1Days: number | null = null
  let a3: boolean | null = null
  let a10Days: number | null = null
  if (placedOn === null) {
    exclusions.a1 = 'No placement for adoption (A3–A6) is recorded'
    exclusions.a10 = exclusions.a1
    explanation.push('A1, A3 and A10 excluded: no placement for adoption is recorded')
  } else {
    a1Days = daysBetween(enteredCareOn, placedOn)
    const limit = addCalendarMonths(enteredCareOn, thresholds.a3Months)
    a3 = placedOn < limit
    explanation.push(`Moved in with the adoptive family on ${placedOn}: A1 = ${a1Days} days`)
    explanation.push(
      `A3: ${a3 ? 'moved in before' : 'did not move in before'} ${limit}, ${thresholds.a3Months} months after entering care`,
    )
    if (journey.isAdoptedByFosterCarers === true) {
      const stop = fosterCarerClockStop(facts, placedOn)
      if (stop === null) {
        a10Days = a1Days
        explanation.push('A10: adopted by foster carers, but the carers are not recorded on the placements; A10 = A1')
      } else {
        a10Days = daysBetween(enteredCareOn, stop)
        explanation.push(
          `A10: adopted by foster carers, with whom the child moved in on ${stop}: A10 = ${a10Days} days`,
        )
      }
    } else {
      a10Days = a1Days
      explanation.push('A10 = A1 (not adopted by foster carers)')
    }
  }
  let a2Days: number | null = null
  if (journey.placementOrderOn === null) {
    exclusions.a2 = 'No placement order or freeing order'
  } else if (placedOn === null || placedOn >= journey.adoptionOrderOn) {
    exclusions.a2 = 'Not placed for adoption before the adoption order'
  } else if (journey.matchedOn === null) {
    exclusions.a2 = 'No match date is recorded'
  } else {
    a2Days = Math.max(0, daysBetween(journey.placementOrderOn, journey.matchedOn))
    explanation.push(
      journey.matchedOn < journey.placementOrderOn
        ? `A2: matched on ${journey.matchedOn}, before the placement order of ${journey.placementOrderOn}, so 0 days`
        : `A2: placement order on ${journey.placementOrderOn}, matched on ${journey.matchedOn}: ${a2Days} days`,
    )
  }
  if (exclusions.a2 !== undefined) {
    explanation.push(`A2 excluded: ${exclusions.a2}`)
  }
  return {
    childId: facts.child.id,
    laChildId: facts.child.localCaseNumber,
    adoptionOrderOn: journey.adoptionOrderOn,
    enteredCareOn,
    placementOrderOn: journey.placementOrderOn,
    matchedOn: journey.matchedOn,
    placedOn,
    a1Days,
    a2Days,
    a3IsWithinThreshold: a3,
    a10Days,
    exclusions,
    explanation,
  }
}

/**
 * A child's scorecard measures, one result per adoption.
 * @param facts - the child's facts
 * @param thresholds - the thresholds (defaults 426 days, 121 days, 14 months)
 * @returns the measures for each adoption order the child has
 */
export function scoreChild(
  facts: ReturnFacts,
  thresholds: ScorecardThresholds = DEFAULT_SCORECARD_THRESHOLDS,
): ChildScorecard[] {
  return resolveAdoptionJourneys(facts)
    .filter(
      (journey): journey is ResolvedAdoptionJourney & { adoptionOrderOn: CalendarDay } =>
        journey.adoptionOrderOn !== null && journey.periodOfCare !== null,
    )
    .map(journey => scoreJourney(facts, journey, thresholds))
}

const average = (values: readonly number[]): number | null =>
  values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10

/**
 * A three-year cohort's scorecard: children adopted in the three collection years ending with `toYear`.
 * @param facts - every child's facts
 * @param toYear - the last collection year of the cohort (2026 gives 2023/24 to 2025/26)
 * @param thresholds - the thresholds
 * @returns the cohort's averages, A3 percentage and each child's result
 */
export function scoreCohort(
  facts: readonly ReturnFacts[],
  toYear: CollectionYear,
  thresholds: ScorecardThresholds = DEFAULT_SCORECARD_THRESHOLDS,
): CohortScorecard {
  const fromYear = toYear - 2
  const from = collectionStart(fromYear)
  const to = collectionEnd(toYear)
  const children = facts
    .flatMap(child => scoreChild(child, thresholds))
    .filter(result => result.adoptionOrderOn >= from && result.adoptionOrderOn <= to)
    .sort((a, b) => (a.laChildId < b.laChildId ? -1 : a.laChildId > b.laChildId ? 1 : 0))
  const a1 = children.flatMap(c => (c.a1Days === null ? [] : [c.a1Days]))
  const a2 = children.flatMap(c => (c.a2Days === null ? [] : [c.a2Days]))
  const a10 = children.flatMap(c => (c.a10Days === null ? [] : [c.a10Days]))
  const a3 = children.flatMap(c => (c.a3IsWithinThreshold === null ? [] : [c.a3IsWithinThreshold]))
  const a1Average = average(a1)
  const a2Average = average(a2)
  const a10Average = average(a10)
  const within = a3.filter(Boolean).length
  return {
    fromYear,
    toYear,
    from,
    to,
    thresholds,
    childrenAdopted: children.length,
    a1: {
      averageDays: a1Average,
      children: a1.length,
      isWithinThreshold: a1Average === null ? null : a1Average <= thresholds.a1Days,
    },
    a2: {
      averageDays: a2Average,
      children: a2.length,
      isWithinThreshold: a2Average === null ? null : a2Average <= thresholds.a2Days,
    },
    a3: {
      percentage: a3.length === 0 ? null : Math.round((within / a3.length) * 1000) / 10,
      within,
      children: a3.length,
    },
    a10: {
      averageDays: a10Average,
      children: a10.length,
      isWithinThreshold: a10Average === null ? null : a10Average <= thresholds.a1Days,
    },
    children,
  }
}

/**
 * The cohort's name, e.g. `2023/24 to 2025/26`.
 * @param cohort - the cohort
 * @returns the label
 */
export function cohortLabel(cohort: CohortScorecard): string {
  return `${collectionYearLabel(cohort.fromYear)} to ${collectionYearLabel(cohort.toYear)}`
}
