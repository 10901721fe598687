import { listManagedUsers, type ManagedUser } from '../../db/repositories/security-repository.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'

export type { ManagedUser }

/**
 * The authority's accounts, for an administrator (security SEC-10: who is active, who has a second factor).
 * @param op - the operation
 * @returns the accounts
 */
export async function listUsers(op: Operation): Promise<ManagedUser[]> {
  authoriseAuthority(op, 'users:manage')
  const users = await listManagedUsers(op.tx)
  op.addAuditDetail('count', users.length)
  return users
}
