import type { Database } from '../../db/client.ts'
import { hasStaleTimescales } from '../../db/repositories/timescales-staleness.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'

/**
 * Whether any child's due dates are from an earlier day than today (the server was down overnight).
 * @param db - the database
 * @param today - today
 * @returns true when a refresh is needed
 */
export function needsTimescaleRefresh(db: Database, today: CalendarDay): Promise<boolean> {
  return hasStaleTimescales(db, today)
}
