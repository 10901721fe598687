/**
 * 903 dates are `dd/mm/yyyy` in both CSV and XML (CLA.xsd pattern `[0-3][0-9]/[0-1][0-9]/[0-9]{4}`); previous
 * permanence dates may write unknown parts as `zz` (national-returns.md §1.2).
 */
import { calendarDayFromParts, type CalendarDay } from '../shared/calendar-day.ts'
import type { PartialCalendarDay } from './return-facts.ts'

const DMY = /^(\d{2})\/(\d{2})\/(\d{4})$/
const PARTIAL_DMY = /^(\d{2}|ZZ)\/(\d{2}|ZZ)\/(\d{4}|ZZZZ)$/
const PARTIAL_ISO = /^(\d{4}|ZZZZ)-(\d{2}|ZZ)-(\d{2}|ZZ)$/

/**
 * Writes a day as `dd/mm/yyyy`, or an empty cell for null.
 * @param day - the day
 * @returns the 903 text
 */
export function formatReturnDate(day: CalendarDay | null): string {
  return day === null ? '' : `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`
}

/**
 * Reads a `dd/mm/yyyy` date.
 * @param text - the cell
 * @returns the day, or undefined when it is not a real date in that form
 */
export function parseReturnDate(text: string): CalendarDay | undefined {
  const match = DMY.exec(text.trim())
  return match ? calendarDayFromParts(Number(match[3]), Number(match[2]), Number(match[1])) : undefined
}

/**
 * Whether a partial day is well formed: `YYYY-MM-DD` with ZZZZ/ZZ for unknown parts, and a real date where known.
 * @param value - the text
 * @returns true when well formed
 */
export function isPartialCalendarDay(value: string): value is PartialCalendarDay {
  const match = PARTIAL_ISO.exec(value)
  if (!match) {
    return false
  }
  const [, year, month, day] = match as unknown as [string, string, string, string]
  const y = year === 'ZZZZ' ? 2000 : Number(year)
  const m = month === 'ZZ' ? 1 : Number(month)
  const d = day === 'ZZ' ? 1 : Number(day)
  return calendarDayFromParts(y, m, d) !== undefined
}

/**
 * Writes a partial day in 903 form, `ZZ/05/2020`.
 * @param value - the partial day
 * @returns the 903 text
 */
export function formatPartialReturnDate(value: PartialCalendarDay | null): string {
  return value === null ? '' : `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}`
}

/**
 * Reads a 903 previous-permanence date, which may have `zz` parts (upper-cased on load).
 * @param text - the cell
 * @returns the partial day, or undefined when malformed
 */
export function parsePartialReturnDate(text: string): PartialCalendarDay | undefined {
  const match = PARTIAL_DMY.exec(text.trim().toUpperCase())
  if (!match) {
    return undefined
  }
  const candidate = `${match[3]}-${match[2]}-${match[1]}`
  return isPartialCalendarDay(candidate) ? candidate : undefined
}
