import { setChangeReason } from '../../db/client.ts'
import { loadChildDetails, updateChild } from '../../db/repositories/care-record-repository.ts'
import { domainError } from '../../domain/shared/result.ts'
import { NotFoundError, RuleViolationError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { versionAfter, writeContextOf } from '../children/care-record-checks.ts'

/**
 * Lifts a restriction: the record becomes normal again, with the reason kept in its history (security PRIV-01).
 * A sealed adoption record is not a restriction and cannot be lifted here.
 * @param op - the operation
 * @param childId - the child
 * @param expectedVersion - the version of the child the user saw (If-Match)
 * @param reason - why the restriction is no longer needed
 * @returns the child's new version
 */
export async function liftRestriction(
  op: Operation,
  childId: string,
  expectedVersion: number,
  reason: string,
): Promise<{ version: number }> {
  await authoriseChild(op, childId, 'restriction:manage')
  const child = await loadChildDetails(op.tx, childId)
  if (!child) {
    throw new NotFoundError('Child')
  }
  if (child.sensitivity !== 'restricted') {
    throw new RuleViolationError([domainError(child.sensitivity === 'sealed' ? 'record-sealed' : 'not-restricted', [])])
  }
  await setChangeReason(op.tx, reason)
  const version = versionAfter(
    await updateChild(op.tx, writeContextOf(op), childId, expectedVersion, {
      sensitivity: 'normal',
      restrictionCategory: null,
      restrictionOwnerId: null,
      restrictionReviewOn: null,
      restrictionPermittedUserIds: [],
    }),
    expectedVersion,
    'Child',
  )
  op.addAuditDetail('lifted', child.restrictionCategory)
  return { version }
}
