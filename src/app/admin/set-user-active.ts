import { loadManagedUser, updateManagedUser } from '../../db/repositories/security-repository.ts'
import { domainError } from '../../domain/shared/result.ts'
import { NotFoundError, RuleViolationError, StaleVersionError } from '../shared/errors.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'

/**
 * Disables or re-enables an account. Disabling ends the account's sessions and revokes its API tokens at once
 * (security SEC-05, SEC-10; the database does this whatever path disables an account). An administrator cannot
 * disable themselves, so an authority is never left without one by mistake.
 * @param op - the operation
 * @param userId - the account
 * @param expectedVersion - the version the administrator saw (If-Match)
 * @param isActive - the new state
 * @returns the account's new version
 */
export async function setUserActive(
  op: Operation,
  userId: string,
  expectedVersion: number,
  isActive: boolean,
): Promise<{ version: number }> {
  authoriseAuthority(op, 'users:manage')
  const user = await loadManagedUser(op.tx, userId)
  if (!user) {
    throw new NotFoundError('User')
  }
  if (!isActive && userId === op.actor.userId) {
    throw new RuleViolationError([domainError('cannot-disable-self', ['isActive'])])
  }
  const version = await updateManagedUser(op.tx, userId, expectedVersion, { isActive }, op.now)
  if (version === undefined) {
    throw new StaleVersionError(expectedVersion, user.version)
  }
  op.addAuditDetail('subjectUserId', userId)
  op.addAuditDetail('isActive', isActive)
  return { version }
}
