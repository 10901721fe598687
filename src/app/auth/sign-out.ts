import { revokeSession } from '../../db/repositories/auth-repository.ts'
import { authoriseSelf, type Operation } from '../shared/run-operation.ts'

/**
 * Ends the user's session on the server, so the cookie is worthless even if kept (security SEC-05).
 * @param op - the operation
 * @param sessionId - the session
 */
export async function signOut(op: Operation, sessionId: string): Promise<void> {
  authoriseSelf(op)
  await revokeSession(op.tx, sessionId, op.now)
}
