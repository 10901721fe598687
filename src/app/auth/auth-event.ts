import type { AuditEventRow } from '../../db/repositories/audit-repository.ts'
import type { AuditOutcome } from '../shared/errors.ts'

/** Where an authentication event came from, for the audit trail. */
export interface AuthRequestContext {
  readonly requestId?: string | null
  readonly clientAddress?: string | null
  readonly method?: string | null
  readonly route?: string | null
}

/**
 * An audit event about authentication (security AUD-03): who, what, the outcome and where from; never a password,
 * code or secret.
 * @param who - the account and its authority
 * @param who.authorityId - the authority
 * @param who.userId - the account
 * @param who.role - the account's role, when known
 * @param action - UPPER_SNAKE past tense
 * @param outcome - success or denied
 * @param context - the request
 * @param details - anything else worth keeping (no secrets)
 * @returns the event
 */
export function authEvent(
  who: { authorityId: string; userId: string | null; role?: string | null },
  action: string,
  outcome: AuditOutcome,
  context: AuthRequestContext,
  details: Record<string, unknown> = {},
): AuditEventRow {
  return {
    authorityId: who.authorityId,
    userId: who.userId,
    role: who.role ?? null,
    childId: null,
    action,
    purpose: null,
    outcome,
    clientAddress: context.clientAddress ?? null,
    requestId: context.requestId ?? null,
    method: context.method ?? null,
    route: context.route ?? null,
    breakGlassReason: null,
    details,
  }
}
