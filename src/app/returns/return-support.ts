/**
 * What the returns use cases share: the change reason the import writes, which facts the import owns, the ids of
 * its placeholder workers and of OC2/OC3 rows, and the moment a London day starts (for "as known at the time").
 */
import type { OutcomeIdFunction } from '../../db/repositories/returns-repository.ts'
import { collectionYearOf, EXPORT_YEARS, type CollectionYear } from '../../domain/returns/collection-year.ts'
import { stableFactId, uuidV5 } from '../../domain/returns/stable-id.ts'
import { addCalendarDays, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import { londonDayOf } from '../shared/system-clock.ts'

/** The reason every version the SSDA903 import writes carries (record_versions.change_reason). */
export const IMPORT_CHANGE_REASON = 'SSDA903 import'

/** The reason a fact an earlier import created, and this one no longer has, is voided with. */
export const IMPORT_VOID_REASON = 'SSDA903 import: no longer in the returns imported'

/**
 * Bulk loads whose first version counts as known from the start when a past return is rebuilt from the history
 * (ADR 0051): returns brought in from the authority's earlier system, and the demo's back-filled histories.
 */
export const BACKFILL_REASONS: readonly string[] = [IMPORT_CHANGE_REASON, 'Demo data']

/**
 * Whether a fact was created by the SSDA903 import: its id is a name-based (version 5) UUID (ADR 0034), while
 * facts recorded in Permanence Planner get random (version 4) ids. The import updates and voids only its own facts.
 * @param id - the fact's id
 * @returns true for an imported fact
 */
export function isImportedId(id: string): boolean {
  return id.length === 36 && id[14] === '5'
}

/**
 * The id of the placeholder user the import allocates children to for a 903 SW_ID. Users are keyed by id alone,
 * so the authority is part of the name.
 * @param authorityId - the authority
 * @param socialWorkerRef - the SW_ID
 * @returns the user id
 */
export function placeholderWorkerId(authorityId: string, socialWorkerRef: string): string {
  return uuidV5(`${authorityId}|ssda903-social-worker|${socialWorkerRef}`)
}

/**
 * Ids for a child's OC2 and OC3 rows: one per collection year.
 * @param laChildId - the 903 CHILD
 * @returns the id function
 */
export function outcomeIds(laChildId: string): OutcomeIdFunction {
  return (kind, collectionYear) => stableFactId(laChildId, kind, String(collectionYear))
}

/**
 * The moment a day starts in London (00:00 GMT or BST), for "known before the end of 31 March".
 * @param day - the day
 * @returns the instant
 */
export function londonStartOfDay(day: CalendarDay): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`)
  const bstMidnight = new Date(utcMidnight.getTime() - 60 * 60 * 1000)
  return londonDayOf(bstMidnight) === day ? bstMidnight : utcMidnight
}

/**
 * The end of a day in London: the start of the next.
 * @param day - the day
 * @returns the instant
 */
export function londonEndOfDay(day: CalendarDay): Date {
  return londonStartOfDay(addCalendarDays(day, 1))
}

/**
 * The collection year today falls in, limited to the years we export (2024/25 to 2026/27).
 * @param today - today
 * @returns the year
 */
export function currentCollectionYear(today: CalendarDay): CollectionYear {
  const year = collectionYearOf(today)
  return Math.min(Math.max(year, EXPORT_YEARS[0]!), EXPORT_YEARS[EXPORT_YEARS.length - 1]!)
}
