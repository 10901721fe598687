import type { Operation } from '../shared/run-operation.ts'
import { evaluateAndStore } from './evaluate-and-store.ts'

/**
 * Recomputes a child's due dates after a change to their record, in the same transaction as the change, so what the
 * caseload and dashboards show is never out of step with the record (issue 3 §7).
 * @param op - the operation that changed the record
 * @param childIds - the children whose records changed
 */
export async function afterCareRecordChange(op: Operation, ...childIds: string[]): Promise<void> {
  await evaluateAndStore(op.tx, op.actor.authorityId, op.today, childIds)
}
