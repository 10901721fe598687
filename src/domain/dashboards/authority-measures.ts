/**
 * What a head of service reads on the authority dashboard, computed from facts (no I/O, no clock):
 * - time to permanence: from the day the child came into care (the period of care in which permanence was
 *   achieved) to the day permanence was achieved, by route, for the last three years;
 * - the options mix: the primary plan of every child in care today, and whether a viable contingency is recorded;
 * - trends by quarter: children looked after at the end of each quarter, children who came into care and children
 *   whose permanence was achieved in it.
 * The adoption scorecard (A1, A2 against thresholds) is computed by the returns (src/domain/returns/scorecard.ts).
 */
import {
  addCalendarMonths,
  calendarDayFromParts,
  compareCalendarDays,
  daysBetween,
  type CalendarDay,
} from '../shared/calendar-day.ts'
import { OPTION_TYPES, type OptionType } from '../plans/permanence-options.ts'

export interface CarePeriodFact {
  readonly childId: string
  readonly startedOn: CalendarDay
  readonly endedOn: CalendarDay | null
}

/** A child's current plan (the latest version of it). */
export interface PlanFact {
  readonly childId: string
  readonly primaryOptionType: OptionType | null
  readonly hasViableContingency: boolean
  readonly permanenceAchievedOn: CalendarDay | null
  /** The route recorded with "permanence achieved", else the primary option. */
  readonly achievedRoute: OptionType | null
}

export interface RouteTiming {
  readonly route: OptionType
  readonly label: string
  readonly children: number
  /** Median days from coming into care to permanence (the middle child; the mean of the two middle ones). */
  readonly medianDays: number
  readonly shortestDays: number
  readonly longestDays: number
}

export interface OptionShare {
  readonly option: OptionType | 'no-plan'
  readonly label: string
  readonly children: number
  readonly withoutViableContingency: number
}

export interface QuarterTrend {
  /** e.g. "Jan to Mar 2026". */
  readonly label: string
  readonly endsOn: CalendarDay
  readonly lookedAfterAtEnd: number
  readonly cameIntoCare: number
  readonly permanenceAchieved: number
}

export interface AuthorityMeasures {
  readonly today: CalendarDay
  readonly childrenInCare: number
  readonly childrenInCareWithPlan: number
  readonly childrenInCareWithoutViableContingency: number
  readonly timeToPermanence: {
    readonly from: CalendarDay
    readonly children: number
    readonly medianDays: number | null
    readonly byRoute: readonly RouteTiming[]
  }
  readonly optionsMix: readonly OptionShare[]
  readonly trends: readonly QuarterTrend[]
}

const QUARTER_NAMES = ['Jan to Mar', 'Apr to Jun', 'Jul to Sep', 'Oct to Dec'] as const

/**
 * The median of a list of numbers, rounded to whole days.
 * @param values - the numbers (not empty)
 * @returns the median
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2)
}

const isInCareOn = (period: CarePeriodFact, day: CalendarDay): boolean =>
  compareCalendarDays(period.startedOn, day) <= 0 &&
  (period.endedOn === null || compareCalendarDays(day, period.endedOn) < 0)

/**
 * The start of the period of care that permanence ended or happened in: the latest period that started on or before
 * the day permanence was achieved.
 * @param periods - the child's periods of care
 * @param achievedOn - the day permanence was achieved
 * @returns the day the child came into care, or undefined when no period started by then
 */
export function cameIntoCareBefore(
  periods: readonly CarePeriodFact[],
  achievedOn: CalendarDay,
): CalendarDay | undefined {
  return periods
    .filter(p => compareCalendarDays(p.startedOn, achievedOn) <= 0)
    .map(p => p.startedOn)
    .sort(compareCalendarDays)
    .at(-1)
}

/**
 * The quarters ending with the last complete one before today, oldest first.
 * @param today - today
 * @param count - how many quarters
 * @returns each quarter's first and last day and its label
 */
export function lastQuarters(
  today: CalendarDay,
  count: number,
): { startsOn: CalendarDay; endsOn: CalendarDay; label: string }[] {
  const year = Number(today.slice(0, 4))
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3)
  const currentStart = calendarDayFromParts(year, quarter * 3 + 1, 1)!
  const quarters = []
  for (let back = count; back >= 1; back--) {
    const startsOn = addCalendarMonths(currentStart, -3 * back)
    const endsOn = calendarDayFromParts(
      Number(startsOn.slice(0, 4)),
      Number(startsOn.slice(5, 7)) + 2,
      [31, 30, 30, 31][Math.floor((Number(startsOn.slice(5, 7)) - 1) / 3)]!,
    )!
    const q = Math.floor((Number(startsOn.slice(5, 7)) - 1) / 3)
    quarters.push({ startsOn, endsOn, label: `${QUARTER_NAMES[q]} ${startsOn.slice(0, 4)}` })
  }
  return quarters
}

const within = (day: CalendarDay, from: CalendarDay, to: CalendarDay): boolean =>
  compareCalendarDays(from, day) <= 0 && compareCalendarDays(day, to) <= 0

/**
 * Computes the authority dashboard's measures.
 * @param input - the facts
 * @param input.today - today
 * @param input.periods - every child's periods of care (not voided)
 * @param input.plans - every child's current plan
 * @param input.quarters - how many quarters of trend (default 8)
 * @returns the measures
 */
export function authorityMeasures(input: {
  today: CalendarDay
  periods: readonly CarePeriodFact[]
  plans: readonly PlanFact[]
  quarters?: number
}): AuthorityMeasures {
  const { today, periods, plans } = input
  const periodsByChild = new Map<string, CarePeriodFact[]>()
  for (const period of periods) {
    periodsByChild.set(period.childId, [...(periodsByChild.get(period.childId) ?? []), period])
  }
  const inCare = new Set(periods.filter(p => isInCareOn(p, today)).map(p => p.childId))
  const planByChild = new Map(plans.map(plan => [plan.childId, plan]))

  // Time to permanence over the last three years.
  const from = addCalendarMonths(today, -36)
  const timings: { route: OptionType; days: number }[] = []
  for (const plan of plans) {
    if (plan.permanenceAchievedOn === null || plan.achievedRoute === null) {
      continue
    }
    if (!within(plan.permanenceAchievedOn, from, today)) {
      continue
    }
    const cameIn = cameIntoCareBefore(periodsByChild.get(plan.childId) ?? [], plan.permanenceAchievedOn)
    if (cameIn !== undefined) {
      timings.push({ route: plan.achievedRoute, days: daysBetween(cameIn, plan.permanenceAchievedOn) })
    }
  }
  const byRoute = (Object.keys(OPTION_TYPES) as OptionType[])
    .map(route => ({ route, days: timings.filter(t => t.route === route).map(t => t.days) }))
    .filter(group => group.days.length > 0)
    .map(group => ({
      route: group.route,
      label: OPTION_TYPES[group.route].label,
      children: group.days.length,
      medianDays: median(group.days),
      shortestDays: Math.min(...group.days),
      longestDays: Math.max(...group.days),
    }))

  // The options mix of children in care today.
  const mix = new Map<OptionType | 'no-plan', { children: number; withoutViableContingency: number }>()
  for (const childId of inCare) {
    const plan = planByChild.get(childId)
    const option = plan?.primaryOptionType ?? 'no-plan'
    const share = mix.get(option) ?? { children: 0, withoutViableContingency: 0 }
    mix.set(option, {
      children: share.children + 1,
      withoutViableContingency: share.withoutViableContingency + (plan && !plan.hasViableContingency ? 1 : 0),
    })
  }
  const optionsMix = [...(Object.keys(OPTION_TYPES) as OptionType[]), 'no-plan' as const]
    .filter(option => mix.has(option))
    .map(option => ({
      option,
      label: option === 'no-plan' ? 'No permanence plan' : OPTION_TYPES[option].label,
      ...mix.get(option)!,
    }))

  const trends = lastQuarters(today, input.quarters ?? 8).map(quarter => ({
    label: quarter.label,
    endsOn: quarter.endsOn,
    lookedAfterAtEnd: new Set(periods.filter(p => isInCareOn(p, quarter.endsOn)).map(p => p.childId)).size,
    cameIntoCare: periods.filter(p => within(p.startedOn, quarter.startsOn, quarter.endsOn)).length,
    permanenceAchieved: plans.filter(
      p => p.permanenceAchievedOn !== null && within(p.permanenceAchievedOn, quarter.startsOn, quarter.endsOn),
    ).length,
  }))

  const inCarePlans = [...inCare].map(id => planByChild.get(id)).filter(plan => plan !== undefined)
  return {
    today,
    childrenInCare: inCare.size,
    childrenInCareWithPlan: inCarePlans.filter(plan => plan.primaryOptionType !== null).length,
    childrenInCareWithoutViableContingency: inCarePlans.filter(plan => !plan.hasViableContingency).length,
    timeToPermanence: {
      from,
      children: timings.length,
      medianDays: timings.length === 0 ? null : median(timings.map(t => t.days)),
      byRoute,
    },
    optionsMix,
    trends,
  }
}
