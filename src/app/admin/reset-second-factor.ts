import { revokeUserSessions } from '../../db/repositories/auth-repository.ts'
import { loadManagedUser, updateManagedUser } from '../../db/repositories/security-repository.ts'
import { NotFoundError, StaleVersionError } from '../shared/errors.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'

/**
 * Recovery for a lost authenticator (security SEC-04): an administrator removes the account's second factor, which
 * ends its sessions; at the next sign-in (password first) the user enrols a new one. There is no self-service
 * recovery, so a password alone never bypasses the second factor of an enrolled account.
 * @param op - the operation
 * @param userId - the account
 * @param expectedVersion - the version the administrator saw (If-Match)
 * @returns the account's new version
 */
export async function resetSecondFactor(
  op: Operation,
  userId: string,
  expectedVersion: number,
): Promise<{ version: number }> {
  authoriseAuthority(op, 'users:manage')
  const user = await loadManagedUser(op.tx, userId)
  if (!user) {
    throw new NotFoundError('User')
  }
  const version = await updateManagedUser(
    op.tx,
    userId,
    expectedVersion,
    { totpSecret: null, isTotpEnabled: false, totpLastUsedStep: null },
    op.now,
  )
  if (version === undefined) {
    throw new StaleVersionError(expectedVersion, user.version)
  }
  await revokeUserSessions(op.tx, userId, op.now)
  op.addAuditDetail('subjectUserId', userId)
  return { version }
}
