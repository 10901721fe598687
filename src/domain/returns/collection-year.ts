/**
 * SSDA903 collection years. We follow the DfE validator's `collectionYear` convention: the year is named by the
 * calendar year in which it ends, so 2026 is 2025/26, running 1 April 2025 to 31 March 2026
 * (data-to-insight/csc-validator-be-903 `lac_validator/datastore.py:_process_metadata`; national-returns.md §1.2).
 */
import { calendarDayFromParts, type CalendarDay } from '../shared/calendar-day.ts'

/** A collection year named by its end year: 2026 is 2025/26. */
export type CollectionYear = number

/** The years we can export (issue 8): 2024/25, 2025/26 and 2026/27. */
export const EXPORT_YEARS: readonly CollectionYear[] = [2025, 2026, 2027]

/** The earliest year the importer accepts; older returns used the same table shapes but we hold no code lists. */
export const EARLIEST_IMPORT_YEAR: CollectionYear = 2017

/** The latest year we know the shape of. */
export const LATEST_KNOWN_YEAR: CollectionYear = 2027

/**
 * The first day of a collection year (1 April of the year before the end year).
 * @param year - the collection year, e.g. 2026 for 2025/26
 * @returns 1 April
 */
export function collectionStart(year: CollectionYear): CalendarDay {
  return calendarDayFromParts(year - 1, 4, 1) as CalendarDay
}

/**
 * The last day of a collection year (31 March of the end year).
 * @param year - the collection year
 * @returns 31 March
 */
export function collectionEnd(year: CollectionYear): CalendarDay {
  return calendarDayFromParts(year, 3, 31) as CalendarDay
}

/**
 * The year as people write it, `2025/26`.
 * @param year - the collection year
 * @returns the label
 */
export function collectionYearLabel(year: CollectionYear): string {
  return `${year - 1}/${String(year % 100).padStart(2, '0')}`
}

/**
 * The collection year a day falls in.
 * @param day - the day
 * @returns the collection year containing it
 */
export function collectionYearOf(day: CalendarDay): CollectionYear {
  const year = Number(day.slice(0, 4))
  return day.slice(5) >= '04-01' ? year + 1 : year
}
