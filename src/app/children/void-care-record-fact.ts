import { setChangeReason } from '../../db/client.ts'
import { isFactOfChild, loadCareRecord, voidFact } from '../../db/repositories/care-record-repository.ts'
import type { FactKind } from '../../domain/children/care-record.ts'
import { NotFoundError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { recordListOf } from './add-care-record-fact.ts'
import { assertCareRecordValid, versionAfter, writeContextOf } from './care-record-checks.ts'
import { afterCareRecordChange } from '../timescales/after-care-record-change.ts'

/**
 * Voids a fact recorded in error: it stays in the history with who, when and why, and stops counting. Refused when
 * the record without it would break an invariant (e.g. the only placement at the start of a period of care).
 * @param op - the operation
 * @param childId - the child
 * @param kind - the kind of fact
 * @param factId - the fact
 * @param expectedVersion - the version the user saw
 * @param reason - why it is voided
 * @returns the new version
 */
export async function voidCareRecordFact(
  op: Operation,
  childId: string,
  kind: FactKind,
  factId: string,
  expectedVersion: number,
  reason: string,
): Promise<{ version: number }> {
  await authoriseChild(op, childId, 'child:edit')
  if (!(await isFactOfChild(op.tx, kind, factId, childId))) {
    throw new NotFoundError('Record')
  }
  const record = await loadCareRecord(op.tx, childId)
  if (!record) {
    throw new NotFoundError('Child')
  }
  const list = recordListOf(kind)
  const facts = record[list] as readonly { id: string }[]
  if (!facts.some(f => f.id === factId)) {
    throw new NotFoundError('Record')
  }
  const changed = { ...record, [list]: facts.filter(f => f.id !== factId) }
  assertCareRecordValid(op, changed)
  await setChangeReason(op.tx, reason)
  const version = versionAfter(
    await voidFact(op.tx, writeContextOf(op), kind, factId, expectedVersion, reason),
    expectedVersion,
    'Record',
  )
  op.addAuditDetail('fact', kind)
  await afterCareRecordChange(op, childId)
  return { version }
}
