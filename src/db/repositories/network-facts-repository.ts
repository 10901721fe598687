/**
 * What the child's network tells the timescale engine (issue 7): suspensions of family time (KIT-01), SGO notices
 * (SGO-01 and E-SGO) and connected persons' temporary approvals (CON-01, CON-02), for a set of children.
 */
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { ConnectedPersonApprovalFact } from '../../domain/timescales/case-history-from-record.ts'
import type { Tx } from '../client.ts'
import { loadNetworkRows } from './network-repository.ts'

export interface NetworkFacts {
  readonly contactSuspensions: { start: CalendarDay; end: CalendarDay | null; courtOrderOn: CalendarDay | null }[]
  readonly sgoNotices: { personId: string; givenOn: CalendarDay }[]
  readonly connectedPersonApprovals: ConnectedPersonApprovalFact[]
}

/**
 * Loads the network's facts for some children.
 * @param tx - the transaction
 * @param childIds - the children
 * @returns facts by child (children with none are absent)
 */
export async function loadNetworkFactsForChildren(
  tx: Tx,
  childIds: readonly string[],
): Promise<Map<string, NetworkFacts>> {
  const out = new Map<string, NetworkFacts>()
  const of = (childId: string): NetworkFacts => {
    let facts = out.get(childId)
    if (!facts) {
      facts = { contactSuspensions: [], sgoNotices: [], connectedPersonApprovals: [] }
      out.set(childId, facts)
    }
    return facts
  }
  for (const row of await loadNetworkRows(tx, 'family-time-suspensions', childIds)) {
    of(row.childId).contactSuspensions.push({
      start: row.suspendedOn as CalendarDay,
      end: (row.resumedOn as CalendarDay | null) ?? null,
      courtOrderOn: (row.section34OrderOn as CalendarDay | null) ?? null,
    })
  }
  for (const row of await loadNetworkRows(tx, 'sgo-notices', childIds)) {
    of(row.childId).sgoNotices.push({ personId: row.personId as string, givenOn: row.givenOn as CalendarDay })
  }
  for (const row of await loadNetworkRows(tx, 'kinship-assessments', childIds)) {
    if (row.kind !== 'connected-person' || row.temporaryApprovalOn === null) {
      continue
    }
    of(row.childId).connectedPersonApprovals.push({
      carerId: row.personId as string,
      temporaryApprovalOn: row.temporaryApprovalOn as CalendarDay,
      extensions:
        row.extensionGrantedOn === null
          ? []
          : [{ grantedOn: row.extensionGrantedOn as CalendarDay, weeks: row.extensionWeeks as number }],
      untilReviewOutcome: row.untilReviewOutcome === true,
      fullApprovalOn: (row.fullApprovalOn as CalendarDay | null) ?? null,
    })
  }
  return out
}
