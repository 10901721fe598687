import type { Database } from '../../db/client.ts'
import { listAuthorities } from '../../db/repositories/admin-repository.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { evaluateAndStore } from './evaluate-and-store.ts'

/**
 * Re-evaluates every child's timescales as at a day (the nightly job, after a bank-holiday import or a policy
 * change, and after a bulk load). One transaction per authority, so each authority's dashboards change at once.
 * @param db - the database
 * @param today - the day to evaluate as at
 * @param onlyAuthorityId - limit to one authority
 * @returns children evaluated per authority code
 */
export async function refreshTimescales(
  db: Database,
  today: CalendarDay,
  onlyAuthorityId?: string,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (const authority of await listAuthorities(db)) {
    if (onlyAuthorityId && authority.authorityId !== onlyAuthorityId) {
      continue
    }
    const count = await db.withAuthority(
      { authorityId: authority.authorityId, changeReason: 'Timescales refreshed' },
      tx => evaluateAndStore(tx, authority.authorityId, today, 'all'),
    )
    counts.set(authority.code, count)
  }
  return counts
}
