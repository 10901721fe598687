import { randomUUID } from 'node:crypto'
import { findSignInCandidate, insertApiToken } from '../../db/repositories/auth-repository.ts'
import type { AppDependencies } from '../shared/dependencies.ts'
import { hashToken, newSecretToken } from './tokens.ts'

/**
 * Issues an API token for a user (from the command line, by an operator). Only its hash is stored; the token is
 * shown once.
 * @param deps - the application's dependencies
 * @param email - the user's email
 * @param name - what the token is for
 * @returns the token, or undefined when there is no such active user
 */
export async function createApiToken(deps: AppDependencies, email: string, name: string): Promise<string | undefined> {
  const candidate = await findSignInCandidate(deps.db, email)
  if (!candidate || !candidate.isActive) {
    return undefined
  }
  const token = `pp_${newSecretToken()}`
  const now = new Date(deps.clock.now())
  await deps.db.withAuthority({ authorityId: candidate.authorityId, userId: candidate.userId }, async tx => {
    await insertApiToken(tx, {
      id: randomUUID(),
      authorityId: candidate.authorityId,
      userId: candidate.userId,
      tokenHash: hashToken(token),
      name,
      now,
    })
    await deps.writeAuditEvent(tx, {
      authorityId: candidate.authorityId,
      userId: candidate.userId,
      role: null,
      childId: null,
      action: 'API_TOKEN_CREATED',
      purpose: null,
      outcome: 'success',
      clientAddress: 'cli',
      requestId: null,
      method: null,
      route: null,
      breakGlassReason: null,
      details: { name },
    })
  })
  return token
}
