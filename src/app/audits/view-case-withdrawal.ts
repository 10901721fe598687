import { loadCaseChildren } from '../../db/repositories/audits-repository.ts'
import { loadUsers } from '../../db/repositories/organisation-repository.ts'
import { caseChangeErrors, type AuditCase, type AuditError, type AuditRound } from '../../domain/audits/audit-round.ts'
import { NotFoundError } from '../shared/errors.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { latestSubmitted, loadCaseFor, loadCaseGradings } from './audit-support.ts'

/** A case as its lead sees it before withdrawing it. */
export interface CaseWithdrawalView {
  readonly round: AuditRound
  readonly auditCase: AuditCase
  readonly child: { readonly name: string; readonly localCaseNumber: string }
  readonly auditorName: string
  readonly moderatorName: string | null
  readonly auditSubmitted: boolean
  readonly moderationSubmitted: boolean
  /** Why the case cannot be withdrawn now (the round is closed or cancelled, or it is withdrawn already). */
  readonly problems: readonly AuditError[]
}

/**
 * What the round's lead needs to confirm the withdrawal of a case: the child, who has the case, and whether its
 * stages are submitted (their grades stay in the history). Deny by default: anyone but the lead is told "not found".
 * @param op - the operation
 * @param roundId - the round
 * @param caseId - the case
 * @returns the case
 */
export async function viewCaseWithdrawal(op: Operation, roundId: string, caseId: string): Promise<CaseWithdrawalView> {
  authoriseAuthority(op, 'qa:audit')
  const { round, auditCase } = await loadCaseFor(op, roundId, caseId, 'round:manage')
  const [child] = await loadCaseChildren(op.tx, [auditCase.childId])
  if (!child) {
    throw new NotFoundError('Audit case')
  }
  const gradings = await loadCaseGradings(op, auditCase)
  const people = await loadUsers(
    op.tx,
    [auditCase.auditorId, auditCase.moderatorId].filter((id): id is string => id !== null),
  )
  const nameOf = (id: string) => people.find(p => p.id === id)?.displayName ?? 'Unknown'
  return {
    round,
    auditCase,
    child: { name: child.name, localCaseNumber: child.localCaseNumber },
    auditorName: nameOf(auditCase.auditorId),
    moderatorName: auditCase.moderatorId === null ? null : nameOf(auditCase.moderatorId),
    auditSubmitted: latestSubmitted(gradings.audit) !== undefined,
    moderationSubmitted: latestSubmitted(gradings.moderation) !== undefined,
    problems: caseChangeErrors(round, auditCase),
  }
}
