/**
 * Naming the bank holidays a working-day count skipped, for explanations: "25 and 26 December and 1 January are not
 * working days" (issue 3; rules.md §5 T1).
 */
import { monthName } from '../shared/calendar-day.ts'
import type { BankHoliday } from './bank-holidays.ts'

function joinWithAnd(parts: readonly string[]): string {
  if (parts.length <= 1) {
    return parts[0] ?? ''
  }
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`
}

/**
 * Lists days by month: `25 and 26 December and 1 January`. Years are added only when the same month appears twice.
 * @param holidays - the days, in date order
 * @returns the phrase, or an empty string when there are none
 */
export function listDaysByMonth(holidays: readonly BankHoliday[]): string {
  const groups: { key: string; month: number; year: number; days: number[] }[] = []
  for (const h of holidays) {
    const year = Number(h.date.slice(0, 4))
    const month = Number(h.date.slice(5, 7))
    const key = h.date.slice(0, 7)
    const last = groups[groups.length - 1]
    if (last !== undefined && last.key === key) {
      last.days.push(Number(h.date.slice(8, 10)))
    } else {
      groups.push({ key, month, year, days: [Number(h.date.slice(8, 10))] })
    }
  }
  const monthsSeen = new Set<number>()
  let withYears = false
  for (const g of groups) {
    if (monthsSeen.has(g.month)) {
      withYears = true
    }
    monthsSeen.add(g.month)
  }
  return joinWithAnd(
    groups.map(g => `${joinWithAnd(g.days.map(String))} ${monthName(g.month)}${withYears ? ` ${g.year}` : ''}`),
  )
}

/**
 * A clause naming the weekday bank holidays inside a working-day count, or an empty string when there are none.
 * @param holidays - the weekday bank holidays, in date order
 * @returns e.g. `25 and 26 December and 1 January are not working days`
 */
export function describeNonWorkingDays(holidays: readonly BankHoliday[]): string {
  if (holidays.length === 0) {
    return ''
  }
  return `${listDaysByMonth(holidays)} ${holidays.length === 1 ? 'is not a working day' : 'are not working days'}`
}
