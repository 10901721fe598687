/**
 * What the network's use cases share: the facts the rules need about a child, and who is writing.
 */
import { loadCareRecord } from '../../db/repositories/care-record-repository.ts'
import { loadNetworkRows, type NetworkRow } from '../../db/repositories/network-repository.ts'
import type { CareRecord } from '../../domain/children/care-record.ts'
import type { NetworkKind } from '../../domain/network/network-inputs.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { NetworkRuleContext } from '../../domain/network/network-rules.ts'
import { NotFoundError } from '../shared/errors.ts'
import type { Operation } from '../shared/run-operation.ts'

/**
 * The child's care record, or not found.
 * @param op - the operation (authorised)
 * @param childId - the child
 * @returns the record
 */
export async function careRecordOf(op: Operation, childId: string): Promise<CareRecord> {
  const record = await loadCareRecord(op.tx, childId)
  if (!record) {
    throw new NotFoundError('Child')
  }
  return record
}

/**
 * What the network's rules need to know about a child.
 * @param op - the operation (authorised)
 * @param record - the child's care record
 * @returns the context
 */
export async function ruleContextOf(op: Operation, record: CareRecord): Promise<NetworkRuleContext> {
  const plans = await loadNetworkRows(op.tx, 'family-time-plans', [record.child.id])
  return {
    childId: record.child.id,
    today: op.today,
    personIds: new Set(record.relationships.map(r => r.personId)),
    siblingIds: new Set(record.siblings.map(s => s.siblingChildId)),
    plans: new Map(plans.map(p => [p.id, { endedOn: (p.endedOn as CalendarDay | null) ?? null }])),
  }
}

/**
 * Who is writing, and when.
 * @param op - the operation
 * @returns the write context
 */
export function writerOf(op: Operation): { authorityId: string; userId: string; now: Date } {
  return { authorityId: op.actor.authorityId, userId: op.actor.userId, now: op.now }
}

/**
 * One current (not voided) network record of a child, for a form that corrects or removes it. The caller has
 * authorised the child; a record of another child, or voided, is not found.
 * @param op - the operation
 * @param childId - the child
 * @param kind - the kind of record
 * @param id - the record
 * @returns the record with its id and version
 */
export async function loadChildNetworkRecord(
  op: Operation,
  childId: string,
  kind: NetworkKind,
  id: string,
): Promise<NetworkRow> {
  const row = (await loadNetworkRows(op.tx, kind, [childId])).find(r => r.id === id)
  if (!row) {
    throw new NotFoundError('Record')
  }
  return row
}
