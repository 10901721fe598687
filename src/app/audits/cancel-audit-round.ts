/**
 * Cancelling an audit round while it is open (ADR 0082): set up in error, or overtaken. The round's lead does it, with
 * a reason. Nothing is deleted: the round's new version records who, when and why, and it moves from the open rounds
 * to the cancelled ones. Nothing in it can be changed afterwards, it has no learning brief, and its auditors and
 * moderators stop seeing its children. A closed round cannot be cancelled: its brief is final.
 */
import { setChangeReason } from '../../db/client.ts'
import { cancelRoundRow, endRoundAssignments } from '../../db/repositories/audits-repository.ts'
import { casesInRound, checkRoundCancellation } from '../../domain/audits/audit-round.ts'
import { RuleViolationError } from '../shared/errors.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { rowVersionAfter } from '../plans/plan-support.ts'
import { auditContextOf, loadRoundFor } from './audit-support.ts'

/**
 * Cancels an open round, by its lead.
 * @param op - the operation
 * @param roundId - the round
 * @param expectedVersion - the round version the lead saw
 * @param input - why the round is cancelled
 * @param input.reason - the reason, kept with the round
 * @returns the round's new version
 */
export async function cancelAuditRound(
  op: Operation,
  roundId: string,
  expectedVersion: number,
  input: { reason: string },
): Promise<{ version: number }> {
  authoriseAuthority(op, 'qa:audit')
  const { round, cases } = await loadRoundFor(op, roundId, 'round:manage')
  const errors = checkRoundCancellation(round, input.reason)
  if (errors.length > 0) {
    throw new RuleViolationError(errors)
  }
  const reason = input.reason.trim()
  await setChangeReason(op.tx, reason)
  const version = rowVersionAfter(
    await cancelRoundRow(op.tx, auditContextOf(op), round.id, expectedVersion, {
      cancelledOn: op.today,
      cancelledById: op.actor.userId,
      reason,
    }),
    expectedVersion,
    'Audit round',
  )
  await endRoundAssignments(op.tx, round.id, op.now)
  op.addAuditDetail('cases', casesInRound(cases).length)
  return { version }
}
