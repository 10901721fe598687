/**
 * Periods with an explicit unit, and the arithmetic statutes and local policies use (rules.md §0.4).
 *
 * - `+n WD`: the n-th working day after the trigger; the trigger day is not counted.
 * - `+n CD`, `+n W`: n days (7n days) after the trigger, trigger excluded (Dodds v Walker).
 * - `+n M`, `+n Y`: the corresponding date n months (12n months) later, clamped to the month end.
 * - "beginning with" (`countTriggerDay`): the trigger day is day 1, so 26 weeks beginning with 6 January 2025 ends on
 *   6 July 2025 (CA89 s.32(1)(a)(ii); rules.md §5 T4).
 * - Backward month arithmetic for notice periods is not the inverse of forward arithmetic at month ends
 *   (rules.md §5 T16; {@link earliestDayMonthsAfter}).
 *
 * Calendar-day, week and month deadlines never roll forward over weekends or bank holidays (rules.md §0.4, T23).
 */
import { addMonthsFast } from './day-format.ts'
import { type CalendarDay, fromDayNumber, partsFromDayNumber, toDayNumber } from '../shared/calendar-day.ts'
import type { Calendar } from './calendar.ts'

/** Every unit a period may be written in. */
export const PERIOD_UNITS = ['calendarDays', 'workingDays', 'weeks', 'months', 'years'] as const

/** A unit of time. */
export type PeriodUnit = (typeof PERIOD_UNITS)[number]

/** A length of time with an explicit unit. */
export interface Period {
  readonly n: number
  readonly unit: PeriodUnit
  /** "Beginning with" the trigger day: the trigger day counts as the first day of the period. */
  readonly countTriggerDay?: boolean
}

/**
 * Adds a period to a day number.
 * @param calendar - the working-day calendar (used for working days only)
 * @param day - the trigger, as a day number
 * @param period - the period
 * @returns the last day of the period, as a day number
 */
export function addPeriodToDayNumber(calendar: Calendar, day: number, period: Period): number {
  const inclusive = period.countTriggerDay === true
  switch (period.unit) {
    case 'calendarDays':
      return day + period.n - (inclusive ? 1 : 0)
    case 'weeks':
      return day + 7 * period.n - (inclusive ? 1 : 0)
    case 'months':
      return addMonthsFast(day, period.n) - (inclusive ? 1 : 0)
    case 'years':
      return addMonthsFast(day, 12 * period.n) - (inclusive ? 1 : 0)
    case 'workingDays':
      if (inclusive && calendar.isWorkingDayNumber(day)) {
        return calendar.addWorkingDaysToDayNumber(day, period.n - 1)
      }
      return calendar.addWorkingDaysToDayNumber(day, period.n)
  }
}

/**
 * Adds a period to a calendar day.
 * @param calendar - the working-day calendar
 * @param day - the trigger day
 * @param period - the period
 * @returns the last day of the period
 */
export function addPeriod(calendar: Calendar, day: CalendarDay, period: Period): CalendarDay {
  return fromDayNumber(addPeriodToDayNumber(calendar, toDayNumber(day), period))
}

/**
 * Goes back a period from a day (the corresponding date n months earlier, clamped; n working days before; …).
 * @param calendar - the working-day calendar
 * @param day - the later day, as a day number
 * @param period - the period
 * @returns the earlier day, as a day number
 */
export function subtractPeriodFromDayNumber(calendar: Calendar, day: number, period: Period): number {
  switch (period.unit) {
    case 'calendarDays':
      return day - period.n
    case 'weeks':
      return day - 7 * period.n
    case 'months':
      return addMonthsFast(day, -period.n)
    case 'years':
      return addMonthsFast(day, -12 * period.n)
    case 'workingDays':
      return calendar.addWorkingDaysToDayNumber(day, -period.n)
  }
}

/**
 * Adds whole weeks (7 days each) to a day.
 * @param day - the trigger day
 * @param weeks - weeks to add
 * @returns the day 7 × weeks days later
 */
export function addWeeks(day: CalendarDay, weeks: number): CalendarDay {
  return fromDayNumber(toDayNumber(day) + 7 * weeks)
}

/**
 * The last day of a period of weeks "beginning with" a day: the day itself is day 1 (CA89 s.32(1)(a)(ii):
 * 26 weeks beginning with the day of issue end on issue + 181 days; rules.md §0.4, §5 T4).
 * @param day - the first day of the period
 * @param weeks - the number of weeks
 * @returns the last day of the period
 */
export function lastDayOfWeeksBeginningWith(day: CalendarDay, weeks: number): CalendarDay {
  return fromDayNumber(toDayNumber(day) + 7 * weeks - 1)
}

/**
 * The first day of the n-month period that ends with a day: the day after the corresponding date n months earlier
 * (clamped to the month end). For an application on 28 February 2026 the 3-month period ending with it begins on
 * 29 November 2025 (rules.md §5 T16; CA89 s.14A(7)).
 * @param endDay - the last day of the period, as a day number
 * @param months - the length in months
 * @returns the first day of the period, as a day number
 */
export function startOfMonthsEndingWith(endDay: number, months: number): number {
  return addMonthsFast(endDay, -months) + 1
}

/**
 * The earliest day d such that the corresponding date n months before d (clamped) is on or after `since`. This is
 * the earliest application date after a notice given on `since` that must precede the n-month period ending with the
 * application (CA89 s.14A(7): notice 30 November 2025 → 1 March 2026; 31 August 2025 → 1 December 2025; 15 March
 * 2025 → 15 June 2025; rules.md §5 T16), and the earliest date on which a child who has lived somewhere since
 * `since` has done so for the n months "immediately preceding" (15 February 2024 + 12 months → 15 February 2025,
 * T14). Forward and backward month arithmetic are not inverses at month ends, hence the search.
 * @param since - the notice date or start of residence, as a day number
 * @param months - the number of months
 * @returns the earliest qualifying day, as a day number
 */
export function earliestDayMonthsAfter(since: number, months: number): number {
  let candidate = addMonthsFast(since, months)
  while (addMonthsFast(candidate, -months) < since) {
    candidate++
  }
  return candidate
}

const UNIT_WORDS: Record<PeriodUnit, readonly [string, string]> = {
  calendarDays: ['day', 'days'],
  workingDays: ['working day', 'working days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
  years: ['year', 'years'],
}

// The words for each unit and count, memoised (a handful of distinct periods appear in every explanation). Units
// are looked up by a switch, not as keys: units read from a pack's JSON need not be internalised strings, and a
// property lookup with such a key is slow.
const DESCRIBED: readonly (string | undefined)[][] = [[], [], [], [], []]

function unitIndex(unit: PeriodUnit): number {
  switch (unit) {
    case 'calendarDays':
      return 0
    case 'workingDays':
      return 1
    case 'weeks':
      return 2
    case 'months':
      return 3
    case 'years':
      return 4
  }
}

/**
 * A period in plain English: `20 working days`, `1 week`, `3 months`.
 * @param period - the period
 * @returns the words
 */
export function describePeriod(period: Period): string {
  const n = period.n
  const memo = DESCRIBED[unitIndex(period.unit)] as (string | undefined)[]
  const cacheable = n >= 0 && n < 1000 && Number.isInteger(n)
  const known = cacheable ? memo[n] : undefined
  if (known !== undefined) {
    return known
  }
  const [one, many] = UNIT_WORDS[period.unit]
  const text = `${n} ${n === 1 ? one : many}`
  if (cacheable) {
    memo[n] = text
  }
  return text
}

/**
 * The number of days in the period `[from, to)`, with nights counted as the days they begin on.
 * @param from - first day, as a day number
 * @param to - first day after, as a day number
 * @returns days, never negative
 */
export function daysInRange(from: number, to: number): number {
  return to > from ? to - from : 0
}

/**
 * The calendar year of a day number.
 * @param n - days since 1970-01-01
 * @returns the year
 */
export function yearOfDayNumber(n: number): number {
  return partsFromDayNumber(n).year
}
