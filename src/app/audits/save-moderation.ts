import { caseChangeErrors, checkModeration, type ModerationJudgements } from '../../domain/audits/audit-round.ts'
import { domainError } from '../../domain/shared/result.ts'
import { RuleViolationError, StaleVersionError } from '../shared/errors.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { orRefuse } from '../plans/plan-support.ts'
import { latestSubmitted, loadCaseFor, loadCaseGradings, saveGradingVersion } from './audit-support.ts'

/**
 * Saves the moderation of a case, by the second auditor chosen for it, once the audit is submitted: each domain's
 * grade agreed, or changed with a reason. Each save is a new version; a change after submission needs a reason.
 * Refused once the round is closed or cancelled, or the case withdrawn.
 * @param op - the operation
 * @param roundId - the round
 * @param caseId - the case
 * @param expectedVersion - how many moderation versions the moderator saw (0 for none)
 * @param input - the judgements, whether to submit, and the reason for changing a submitted moderation
 * @returns the new version
 */
export async function saveModeration(
  op: Operation,
  roundId: string,
  caseId: string,
  expectedVersion: number,
  input: { judgements: ModerationJudgements; submit: boolean; changeReason: string },
): Promise<{ version: number; isSubmitted: boolean }> {
  authoriseAuthority(op, 'qa:audit')
  const { round, auditCase } = await loadCaseFor(op, roundId, caseId, 'case:moderate')
  const closed = caseChangeErrors(round, auditCase)
  if (closed.length > 0) {
    throw new RuleViolationError(closed)
  }
  const gradings = await loadCaseGradings(op, auditCase)
  const audit = latestSubmitted(gradings.audit)
  if (!audit) {
    throw new RuleViolationError([domainError('audit-not-submitted', [])])
  }
  const current = gradings.moderation.length
  if (current !== expectedVersion) {
    throw new StaleVersionError(expectedVersion, current)
  }
  const wasSubmitted = latestSubmitted(gradings.moderation) !== undefined
  const judgements = orRefuse(
    checkModeration(input.judgements, audit.judgements, {
      isSubmitting: input.submit,
      wasSubmitted,
      changeReason: input.changeReason,
    }),
  )
  const isSubmitted = input.submit || wasSubmitted
  return saveGradingVersion(
    op,
    round,
    auditCase,
    { stage: 'moderation', judgements },
    {
      current,
      expected: expectedVersion,
      isSubmitted,
      changeReason: wasSubmitted ? input.changeReason.trim() : '',
    },
  )
}
