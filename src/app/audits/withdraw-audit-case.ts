/**
 * Withdrawing a case from an audit round (ADR 0082): the child was sampled in error, or their case is subject to
 * another review. The round's lead does it, with a reason, while the round is open. Nothing is deleted: the case's
 * new version records who, when and why, its saved grades stay in the history, and it leaves the round's figures.
 * Its auditor and moderator stop seeing the child through the round, and it can no longer be audited, moderated or
 * reassigned.
 */
import { setChangeReason } from '../../db/client.ts'
import { withdrawCaseRow } from '../../db/repositories/audits-repository.ts'
import { checkCaseWithdrawal } from '../../domain/audits/audit-round.ts'
import { RuleViolationError } from '../shared/errors.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { rowVersionAfter } from '../plans/plan-support.ts'
import { auditContextOf, latestSubmitted, loadCaseFor, loadCaseGradings } from './audit-support.ts'

/**
 * Withdraws a case from its round, by the round's lead.
 * @param op - the operation
 * @param roundId - the round
 * @param caseId - the case
 * @param expectedVersion - the case's version the lead saw
 * @param input - why the case is withdrawn
 * @param input.reason - the reason, kept with the case
 * @returns the case's new version
 */
export async function withdrawAuditCase(
  op: Operation,
  roundId: string,
  caseId: string,
  expectedVersion: number,
  input: { reason: string },
): Promise<{ version: number }> {
  authoriseAuthority(op, 'qa:audit')
  const { round, auditCase } = await loadCaseFor(op, roundId, caseId, 'round:manage')
  const errors = checkCaseWithdrawal(round, auditCase, input.reason)
  if (errors.length > 0) {
    throw new RuleViolationError(errors)
  }
  const reason = input.reason.trim()
  await setChangeReason(op.tx, reason)
  const version = rowVersionAfter(
    await withdrawCaseRow(op.tx, auditContextOf(op), auditCase, expectedVersion, {
      withdrawnOn: op.today,
      withdrawnById: op.actor.userId,
      reason,
    }),
    expectedVersion,
    'Audit case',
  )
  const gradings = await loadCaseGradings(op, auditCase)
  op.addAuditDetail('auditSubmitted', latestSubmitted(gradings.audit) !== undefined)
  op.addAuditDetail('moderationSubmitted', latestSubmitted(gradings.moderation) !== undefined)
  return { version }
}
