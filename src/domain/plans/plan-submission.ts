/**
 * Whether a plan reached the team manager in time for the permanence planning meeting.
 *
 * [DOR] Golden Rules: "Social Worker sends PP to their Team manager (TM) via MOSAIC 3 days in advance of the
 * permanence planning meeting." The unit is not stated (rules.md PP-03, §5 T6, §7 Q8), so it is a policy setting
 * with an explicit unit. The deadline is anchored on the PPM date the plan was sent for: the last day it could be sent
 * is the day `n` days (or working days) before the PPM, and a plan sent after that day is late
 * (docs/adr/0024-pp-03-lateness-anchored-on-the-ppm.md). Lateness is flagged, never refused: a late plan is still better
 * than no plan.
 *
 * Working days exclude Saturdays, Sundays and the bank holidays passed in (England and Wales list, rules.md §1). This
 * small counter stands in until the timescale engine's calendar is merged; it takes the holidays as data so the two
 * agree.
 */
import { addCalendarDays, daysBetween, isoWeekday, type CalendarDay } from '../shared/calendar-day.ts'
import type { SubmissionRule } from './permanence-plan.ts'

/**
 * Whether a day is a working day: not a Saturday, Sunday or listed bank holiday.
 * @param day - the day
 * @param bankHolidays - bank holidays (England and Wales by default; rules.md §1)
 * @returns true for a working day
 */
export function isWorkingDay(day: CalendarDay, bankHolidays: ReadonlySet<CalendarDay>): boolean {
  return isoWeekday(day) <= 5 && !bankHolidays.has(day)
}

/**
 * The working day `n` working days before a day (the day itself is not counted; rules.md §0.4).
 * @param day - the anchor
 * @param n - how many working days back (n ≥ 0)
 * @param bankHolidays - bank holidays to skip
 * @returns the n-th working day before `day` (the day itself when n is 0)
 */
export function workingDaysBefore(day: CalendarDay, n: number, bankHolidays: ReadonlySet<CalendarDay>): CalendarDay {
  let current = day
  let remaining = n
  while (remaining > 0) {
    current = addCalendarDays(current, -1)
    if (isWorkingDay(current, bankHolidays)) {
      remaining -= 1
    }
  }
  return current
}

/**
 * The last day a plan can be sent and be on time for a PPM (rules.md §5 T6: PPM Mon 5 Jan 2026 → 3 calendar days
 * Fri 2 Jan; 3 working days Tue 30 Dec 2025).
 * @param ppmOn - the date of the PPM the plan is for
 * @param rule - days and unit before the PPM
 * @param bankHolidays - bank holidays, for working days
 * @returns the latest on-time day
 */
export function latestSubmissionOn(
  ppmOn: CalendarDay,
  rule: SubmissionRule,
  bankHolidays: ReadonlySet<CalendarDay>,
): CalendarDay {
  return rule.unit === 'calendar-days'
    ? addCalendarDays(ppmOn, -rule.days)
    : workingDaysBefore(ppmOn, rule.days, bankHolidays)
}

/**
 * Assesses a submission against the authority's rule.
 * @param sentOn - when the plan was sent to the team manager
 * @param ppmOn - the PPM it was sent for
 * @param rule - the rule, or null when the authority has none
 * @param bankHolidays - bank holidays, for working days
 * @returns the latest on-time day, whether late, and by how many calendar days (nulls without a rule)
 */
export function assessSubmission(
  sentOn: CalendarDay,
  ppmOn: CalendarDay,
  rule: SubmissionRule | null,
  bankHolidays: ReadonlySet<CalendarDay>,
): { latestOn: CalendarDay | null; isLate: boolean | null; daysLate: number | null } {
  if (rule === null) {
    return { latestOn: null, isLate: null, daysLate: null }
  }
  const latestOn = latestSubmissionOn(ppmOn, rule, bankHolidays)
  const daysLate = Math.max(0, daysBetween(latestOn, sentOn))
  return { latestOn, isLate: daysLate > 0, daysLate }
}
