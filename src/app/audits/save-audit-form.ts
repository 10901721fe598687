import { caseChangeErrors, checkAuditForm, type AuditJudgements } from '../../domain/audits/audit-round.ts'
import { RuleViolationError, StaleVersionError } from '../shared/errors.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { orRefuse } from '../plans/plan-support.ts'
import { latestSubmitted, loadCaseFor, loadCaseGradings, saveGradingVersion } from './audit-support.ts'

/**
 * Saves the audit form of a case, by its auditor: a draft, or submitted (every domain graded with evidence, and what
 * would make it better below outstanding). Each save is a new version; once submitted, a change needs a reason, and
 * the earlier grades stay in the history. Refused once the round is closed or cancelled, or the case withdrawn.
 * @param op - the operation
 * @param roundId - the round
 * @param caseId - the case
 * @param expectedVersion - how many versions the auditor saw (0 for none)
 * @param input - the judgements, whether to submit, and the reason for changing a submitted form
 * @returns the new version
 */
export async function saveAuditForm(
  op: Operation,
  roundId: string,
  caseId: string,
  expectedVersion: number,
  input: { judgements: AuditJudgements; submit: boolean; changeReason: string },
): Promise<{ version: number; isSubmitted: boolean }> {
  authoriseAuthority(op, 'qa:audit')
  const { round, auditCase } = await loadCaseFor(op, roundId, caseId, 'case:grade')
  const closed = caseChangeErrors(round, auditCase)
  if (closed.length > 0) {
    throw new RuleViolationError(closed)
  }
  const gradings = await loadCaseGradings(op, auditCase)
  const current = gradings.audit.length
  if (current !== expectedVersion) {
    throw new StaleVersionError(expectedVersion, current)
  }
  const wasSubmitted = latestSubmitted(gradings.audit) !== undefined
  const judgements = orRefuse(
    checkAuditForm(input.judgements, { isSubmitting: input.submit, wasSubmitted, changeReason: input.changeReason }),
  )
  const isSubmitted = input.submit || wasSubmitted
  return saveGradingVersion(
    op,
    round,
    auditCase,
    { stage: 'audit', judgements },
    {
      current,
      expected: expectedVersion,
      isSubmitted,
      changeReason: wasSubmitted ? input.changeReason.trim() : '',
    },
  )
}
