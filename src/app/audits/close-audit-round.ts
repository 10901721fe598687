import { closeRoundRow, endRoundAssignments, listGradings } from '../../db/repositories/audits-repository.ts'
import { casesInRound, roundChangeErrors } from '../../domain/audits/audit-round.ts'
import { domainError } from '../../domain/shared/result.ts'
import { RuleViolationError } from '../shared/errors.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { rowVersionAfter } from '../plans/plan-support.ts'
import { auditContextOf, gradingsByCase, latestSubmitted, loadRoundFor } from './audit-support.ts'

/**
 * Closes a round, by its lead, once every case is audited and every case chosen for moderation is moderated (or
 * with a reason, to close with cases outstanding; withdrawn cases do not count). Its auditors stop seeing its children; its learning brief becomes
 * final and visible to those who read learning briefs.
 * @param op - the operation
 * @param roundId - the round
 * @param expectedVersion - the round version the lead saw
 * @param input - a reason, needed only to close with cases outstanding
 * @param input.reason - why the round closes with cases outstanding
 * @returns the round's new version
 */
export async function closeAuditRound(
  op: Operation,
  roundId: string,
  expectedVersion: number,
  input: { reason: string },
): Promise<{ version: number; outstanding: number }> {
  authoriseAuthority(op, 'qa:audit')
  const { round, cases } = await loadRoundFor(op, roundId, 'round:manage')
  const closed = roundChangeErrors(round)
  if (closed.length > 0) {
    throw new RuleViolationError(closed)
  }
  const gradings = gradingsByCase(await listGradings(op.tx, [round.id]))
  const outstanding = casesInRound(cases).filter(c => {
    const own = gradings.get(c.id)
    return (
      latestSubmitted(own?.audit ?? []) === undefined ||
      (c.moderatorId !== null && latestSubmitted(own?.moderation ?? []) === undefined)
    )
  }).length
  if (outstanding > 0 && input.reason.trim().length < 3) {
    throw new RuleViolationError([domainError('cases-outstanding', ['reason'], { outstanding })])
  }
  const version = rowVersionAfter(
    await closeRoundRow(op.tx, auditContextOf(op), round.id, expectedVersion, op.today),
    expectedVersion,
    'Audit round',
  )
  await endRoundAssignments(op.tx, round.id, op.now)
  op.addAuditDetail('outstanding', outstanding)
  return { version, outstanding }
}
