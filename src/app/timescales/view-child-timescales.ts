import { loadChildTimescales, type StoredChildTimescales } from '../../db/repositories/timescales-repository.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { evaluateAndStore } from './evaluate-and-store.ts'

/**
 * A child's due dates, legal routes and drift, as stored (recomputed first if the stored answer is from an earlier
 * day, e.g. before tonight's refresh has run).
 * @param op - the operation
 * @param childId - the child
 * @returns the stored answers
 */
export async function viewChildTimescales(op: Operation, childId: string): Promise<StoredChildTimescales> {
  await authoriseChild(op, childId, 'child:view')
  let stored = await loadChildTimescales(op.tx, childId)
  if (!stored || stored.evaluatedAsOf !== op.today) {
    await evaluateAndStore(op.tx, op.actor.authorityId, op.today, [childId])
    stored = await loadChildTimescales(op.tx, childId)
  }
  return stored!
}
