import type { CareRecord } from '../../domain/children/care-record.ts'
import type { Operation } from '../shared/run-operation.ts'
import { evaluateAndStore, evaluateRecordsAndStore } from './evaluate-and-store.ts'

/**
 * Recomputes a child's due dates after a change to their record, in the same transaction as the change, so what the
 * caseload and dashboards show is never out of step with the record (issue 3 §7).
 * @param op - the operation that changed the record
 * @param childIds - the children whose records changed
 */
export async function afterCareRecordChange(op: Operation, ...childIds: string[]): Promise<void> {
  await evaluateAndStore(op.tx, op.actor.authorityId, op.today, childIds)
}

/**
 * {@link afterCareRecordChange} for a bulk write (the SSDA903 import): when the children are new and the writer
 * passes their care records exactly as it wrote them, they are evaluated without being read back.
 * @param op - the operation that wrote the records
 * @param childIds - the children written
 * @param newRecords - the care records of children created in this operation, as written, if the writer has them
 */
export async function afterCareRecordsWritten(
  op: Operation,
  childIds: readonly string[],
  newRecords: readonly CareRecord[] | undefined,
): Promise<void> {
  if (newRecords === undefined) {
    await evaluateAndStore(op.tx, op.actor.authorityId, op.today, childIds)
  } else {
    await evaluateRecordsAndStore(op.tx, op.actor.authorityId, op.today, newRecords, 'new')
  }
}
