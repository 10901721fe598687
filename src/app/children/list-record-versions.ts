import {
  isFactOfChild,
  FACT_TABLE_NAMES,
  listRecordVersions,
  type RecordVersion,
} from '../../db/repositories/care-record-repository.ts'
import type { FactKind } from '../../domain/children/care-record.ts'
import { NotFoundError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'

/**
 * Every version of the child's details, or of one fact in their record: who changed it, when and why.
 * @param op - the operation
 * @param childId - the child
 * @param target - the child's details, or a fact
 * @returns the versions, oldest first
 */
export async function listRecordVersionsOf(
  op: Operation,
  childId: string,
  target: { kind: 'child' } | { kind: FactKind; factId: string },
): Promise<RecordVersion[]> {
  await authoriseChild(op, childId, 'child:view')
  if (target.kind === 'child') {
    return listRecordVersions(op.tx, FACT_TABLE_NAMES.child, childId)
  }
  if (!(await isFactOfChild(op.tx, target.kind, target.factId, childId))) {
    throw new NotFoundError('Record')
  }
  op.addAuditDetail('fact', target.kind)
  return listRecordVersions(op.tx, FACT_TABLE_NAMES[target.kind], target.factId)
}
