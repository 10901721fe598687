/**
 * Evaluates the timescale engine for children and stores the answers, in the caller's transaction. Called after every
 * change to a child's record (so due dates are never stale) and by the nightly refresh for the new day.
 */
import type { Tx } from '../../db/client.ts'
import { loadCareRecords, type ChildSelection } from '../../db/repositories/care-record-repository.ts'
import {
  replaceChildTimescales,
  type StoredChildTimescales,
  type StoredTimescaleItem,
} from '../../db/repositories/timescales-repository.ts'
import type { CareRecord } from '../../domain/children/care-record.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { caseHistoryFromRecord } from '../../domain/timescales/case-history-from-record.ts'
import { evaluateCase, type Evaluation } from '../../domain/timescales/evaluate-case.ts'
import type { TimescaleItem } from '../../domain/timescales/item.ts'
import { loadCaseHistoryExtras } from './load-case-history-extras.ts'
import { loadTimescaleSettings } from './timescale-settings.ts'

function storedItemOf(item: TimescaleItem): StoredTimescaleItem {
  const { rule, title, due, status, metOn, explanation, source, provisional, ...details } = item
  return {
    rule,
    title,
    dueOn: due,
    status,
    metOn,
    explanation,
    source,
    isProvisional: provisional,
    details: details,
  }
}

/**
 * The stored form of one child's evaluation.
 * @param childId - the child
 * @param evaluation - the engine's answer
 * @param overdueActions - the child's actions from meetings that are open and past their due date, stored with the
 *   drift measures (the team dashboard counts them from there)
 * @returns the rows to store
 */
export function storedFormOf(childId: string, evaluation: Evaluation, overdueActions = 0): StoredChildTimescales {
  const open = evaluation.items.filter(
    i => i.due !== null && (i.status === 'overdue' || i.status === 'due-soon' || i.status === 'upcoming'),
  )
  const nextDue = open.reduce<string | null>(
    (soonest, i) => (soonest === null || i.due! < soonest ? i.due : soonest),
    null,
  )
  return {
    childId,
    evaluatedAsOf: evaluation.meta.asOf,
    policyPack: evaluation.meta.policyPack,
    policyVersion: evaluation.meta.policyVersion,
    calendarVersion: evaluation.meta.calendarVersion,
    overdueCount: evaluation.items.filter(i => i.status === 'overdue').length,
    dueSoonCount: evaluation.items.filter(i => i.status === 'due-soon').length,
    nextDueOn: nextDue,
    drift: { ...(evaluation.drift as unknown as Record<string, unknown>), overdueActions },
    eligibility: [...evaluation.eligibility],
    items: evaluation.items.map(storedItemOf),
  }
}

/**
 * Evaluates and stores the timescales of some children (or all of the authority's), as at a day.
 * @param tx - a transaction in the authority
 * @param authorityId - the authority
 * @param today - the day to evaluate as at
 * @param selection - the children, or 'all'
 * @returns how many children were evaluated
 */
export async function evaluateAndStore(
  tx: Tx,
  authorityId: string,
  today: CalendarDay,
  selection: ChildSelection,
): Promise<number> {
  return evaluateRecordsAndStore(tx, authorityId, today, await loadCareRecords(tx, selection), 'existing')
}

/**
 * {@link evaluateAndStore} for care records the caller already holds, e.g. the records of children it has just
 * created in this transaction, exactly as written (the SSDA903 import's new children), so they need not be read
 * back. The facts kept outside the care record (plans, meetings, the network) are still read.
 * @param tx - a transaction in the authority
 * @param authorityId - the authority
 * @param today - the day to evaluate as at
 * @param records - the children's care records as stored
 * @param children - `new`: created in this transaction (nothing stored yet to replace), or `existing`
 * @returns how many children were evaluated
 */
export async function evaluateRecordsAndStore(
  tx: Tx,
  authorityId: string,
  today: CalendarDay,
  records: readonly CareRecord[],
  children: 'new' | 'existing',
): Promise<number> {
  const results = await evaluateRecords(tx, today, records)
  await replaceChildTimescales(tx, authorityId, results, children)
  return results.length
}

/**
 * The engine's answers for children whose care records the caller holds, in their stored form (every item, the
 * rules that do not apply included), without storing them.
 * @param tx - a transaction in the authority (the policy pack, calendar and facts outside the care record are read)
 * @param today - the day to evaluate as at
 * @param records - the children's care records as stored
 * @returns each child's answers, in the order of the records
 */
export async function evaluateRecords(
  tx: Tx,
  today: CalendarDay,
  records: readonly CareRecord[],
): Promise<StoredChildTimescales[]> {
  if (records.length === 0) {
    return []
  }
  const settings = await loadTimescaleSettings(tx)
  const { extras, overdueActions } = await loadCaseHistoryExtras(
    tx,
    records.map(r => r.child.id),
    today,
  )
  return records.map(record =>
    storedFormOf(
      record.child.id,
      evaluateCase(caseHistoryFromRecord(record, today, extras.get(record.child.id)), {
        policy: settings.pack,
        calendar: settings.calendar,
        asOf: today,
      }),
      overdueActions.get(record.child.id) ?? 0,
    ),
  )
}
