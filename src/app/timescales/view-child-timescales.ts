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
  return currentChildTimescales(op, childId)
}

/**
 * {@link viewChildTimescales} without the authorisation, for a use case that has just authorised the view itself.
 * @param op - the operation (authorised to view the child)
 * @param childId - the child
 * @returns the stored answers, recomputed first when from an earlier day
 */
export async function currentChildTimescales(op: Operation, childId: string): Promise<StoredChildTimescales> {
  let stored = await loadChildTimescales(op.tx, childId)
  if (!stored || stored.evaluatedAsOf !== op.today) {
    await evaluateAndStore(op.tx, op.actor.authorityId, op.today, [childId])
    stored = await loadChildTimescales(op.tx, childId)
  }
  return stored!
}
