import { setChangeReason } from '../../db/client.ts'
import { isFactOfChild, loadCareRecord, loadPeople, updateFact } from '../../db/repositories/care-record-repository.ts'
import type { FACT_UPDATE_SCHEMAS } from '../../domain/children/care-record-inputs.ts'
import type { CareRecord, FactKind } from '../../domain/children/care-record.ts'
import type { z } from 'zod'
import { NotFoundError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { recordListOf } from './add-care-record-fact.ts'
import { assertCareRecordValid, versionAfter, writeContextOf } from './care-record-checks.ts'
import { afterCareRecordChange } from '../timescales/after-care-record-change.ts'

export type FactUpdate<K extends FactKind> = z.output<(typeof FACT_UPDATE_SCHEMAS)[K]>

/**
 * Corrects a fact in a child's care record: a new version, with the reason, checked against every invariant.
 * @param op - the operation
 * @param childId - the child the fact belongs to
 * @param kind - the kind of fact
 * @param factId - the fact
 * @param expectedVersion - the version the user saw
 * @param input - the new values and the reason
 * @returns the new version
 */
export async function changeCareRecordFact<K extends FactKind>(
  op: Operation,
  childId: string,
  kind: K,
  factId: string,
  expectedVersion: number,
  input: FactUpdate<K>,
): Promise<{ version: number }> {
  await authoriseChild(op, childId, 'child:edit')
  if (!(await isFactOfChild(op.tx, kind, factId, childId))) {
    throw new NotFoundError('Record')
  }
  const record = await loadCareRecord(op.tx, childId)
  if (!record) {
    throw new NotFoundError('Child')
  }
  const { reason, ...values } = input as { reason: string } & Record<string, unknown>
  const list = recordListOf(kind)
  const facts = record[list] as readonly { id: string }[]
  if (!facts.some(f => f.id === factId)) {
    throw new NotFoundError('Record')
  }
  const personIds = [
    values.carerPersonId,
    values.personId,
    ...((values.holderPersonIds as string[] | undefined) ?? []),
  ].filter((id): id is string => typeof id === 'string')
  const referenced = await loadPeople(op.tx, personIds)
  const known = new Set(record.people.map(p => p.id))
  const changed = {
    ...record,
    people: [...record.people, ...referenced.filter(p => !known.has(p.id))],
    [list]: facts.map(f => (f.id === factId ? { ...f, ...values } : f)),
  } as CareRecord
  assertCareRecordValid(op, changed, { kind, id: factId })
  await setChangeReason(op.tx, reason)
  const version = versionAfter(
    await updateFact(op.tx, writeContextOf(op), kind, factId, expectedVersion, values),
    expectedVersion,
    'Record',
  )
  op.addAuditDetail('fact', kind)
  await afterCareRecordChange(op, childId)
  return { version }
}
