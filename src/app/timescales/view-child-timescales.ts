import { loadCareRecord } from '../../db/repositories/care-record-repository.ts'
import {
  loadChildTimescaleSummary,
  replaceChildTimescales,
  type StoredChildSummary,
  type StoredTimescaleItem,
} from '../../db/repositories/timescales-repository.ts'
import type { CareRecord } from '../../domain/children/care-record.ts'
import { NotFoundError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { evaluateRecords } from './evaluate-and-store.ts'

/** A child's answers as the child's page and the API show them: the stored summary, and every item. */
export type ChildTimescales = StoredChildSummary & { readonly items: readonly StoredTimescaleItem[] }

/**
 * A child's due dates, legal routes and drift: the engine's whole answer, the rules that do not apply included.
 * @param op - the operation
 * @param childId - the child
 * @returns the answers
 */
export async function viewChildTimescales(op: Operation, childId: string): Promise<ChildTimescales> {
  await authoriseChild(op, childId, 'child:view')
  return currentChildTimescales(op, childId)
}

/**
 * {@link viewChildTimescales} without the authorisation, for a use case that has just authorised the view itself.
 *
 * The items are worked out now, from the facts as stored, by the same engine that stored the child's answers at the
 * last change (docs/adr/0096): only the rules that apply are stored, for the caseloads and dashboards, and this page
 * explains the others too. The stored answers are replaced first when they are from an earlier day (before
 * tonight's refresh has run), so the summary shown is today's.
 * @param op - the operation (authorised to view the child)
 * @param childId - the child
 * @param record - the child's care record, if the caller has just loaded it
 * @returns the stored summary with every item
 */
export async function currentChildTimescales(
  op: Operation,
  childId: string,
  record?: CareRecord,
): Promise<ChildTimescales> {
  const careRecord = record ?? (await loadCareRecord(op.tx, childId))
  if (careRecord === undefined) {
    throw new NotFoundError('Child')
  }
  const [answer] = await evaluateRecords(op.tx, op.today, [careRecord])
  let summary = await loadChildTimescaleSummary(op.tx, childId)
  if (summary === undefined || summary.evaluatedAsOf !== op.today) {
    await replaceChildTimescales(op.tx, op.actor.authorityId, [answer!])
    summary = await loadChildTimescaleSummary(op.tx, childId)
  }
  return { ...summary!, items: answer!.items }
}
