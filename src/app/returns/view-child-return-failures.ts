import { NotFoundError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { loadChildDetails } from '../../db/repositories/care-record-repository.ts'
import type { CollectionYear } from '../../domain/returns/collection-year.ts'
import { checkChildReturn, type ChildReturnCheck } from './check-child-return.ts'

/**
 * A child's SSDA903 data-quality warnings: what would fail in the collection year's return (audited as a view of
 * the child).
 * @param op - the operation (needs `child:view` on the child)
 * @param childId - the child
 * @param year - the collection year (default: the current one)
 * @returns the failures
 */
export async function viewChildReturnFailures(
  op: Operation,
  childId: string,
  year?: CollectionYear,
): Promise<ChildReturnCheck> {
  await authoriseChild(op, childId, 'child:view')
  if ((await loadChildDetails(op.tx, childId)) === undefined) {
    throw new NotFoundError('Child')
  }
  return checkChildReturn(op.tx, childId, op.today, year)
}
