import { randomUUID } from 'node:crypto'
import { insertAuditActions } from '../../db/repositories/audits-repository.ts'
import { loadChildDetails } from '../../db/repositories/care-record-repository.ts'
import { loadUsers } from '../../db/repositories/organisation-repository.ts'
import type { AuditDomain } from '../../domain/audits/audit-domains.ts'
import { caseChangeErrors } from '../../domain/audits/audit-round.ts'
import { decideAuditRoundAccess } from '../../domain/access/policies.ts'
import { compareCalendarDays, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import { domainError } from '../../domain/shared/result.ts'
import { NotFoundError, RuleViolationError } from '../shared/errors.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { auditContextOf, loadCaseFor } from './audit-support.ts'

/**
 * Turns a finding into an action on the child's record, with an owner (the child's worker, IRO or a team manager)
 * and a due date. Set by the case's auditor or moderator while the round is open and the case not withdrawn; it then shows on the child's
 * meetings and actions page, where those who may edit the child's plan mark it done.
 * @param op - the operation
 * @param roundId - the round
 * @param caseId - the case
 * @param input - the domain, what is to be done, who owns it, by when
 * @returns the action's id
 */
export async function addAuditAction(
  op: Operation,
  roundId: string,
  caseId: string,
  input: { domain: AuditDomain; description: string; ownerId: string; dueOn: CalendarDay },
): Promise<{ actionId: string; version: number }> {
  authoriseAuthority(op, 'qa:audit')
  const { round, auditCase, relationships } = await loadCaseFor(op, roundId, caseId, 'case:view')
  const mayGrade = decideAuditRoundAccess(op.actor.role, 'case:grade', relationships) === 'allow'
  const mayModerate = decideAuditRoundAccess(op.actor.role, 'case:moderate', relationships) === 'allow'
  if (!mayGrade && !mayModerate) {
    throw new NotFoundError('Audit case')
  }
  const closed = caseChangeErrors(round, auditCase)
  if (closed.length > 0) {
    throw new RuleViolationError(closed)
  }
  const [owner] = await loadUsers(op.tx, [input.ownerId])
  const details = await loadChildDetails(op.tx, auditCase.childId)
  const isPossibleOwner =
    owner !== undefined &&
    (owner.role === 'team-manager' || owner.id === details?.allocatedWorkerId || owner.id === details?.allocatedIroId)
  const errors = []
  if (!isPossibleOwner) {
    errors.push(domainError('finding-owner-missing', ['ownerId']))
  }
  if (compareCalendarDays(input.dueOn, op.today) < 0) {
    errors.push(domainError('deadline-in-past', ['dueOn']))
  }
  if (errors.length > 0) {
    throw new RuleViolationError(errors)
  }
  const actionId = randomUUID()
  await insertAuditActions(op.tx, auditContextOf(op), [
    {
      id: actionId,
      version: 1,
      caseId: auditCase.id,
      roundId: round.id,
      childId: auditCase.childId,
      domain: input.domain,
      description: input.description,
      ownerId: owner!.id,
      ownerName: owner!.displayName,
      dueOn: input.dueOn,
      status: 'open',
      statusOn: null,
      note: '',
    },
  ])
  op.addAuditDetail('actionId', actionId)
  return { actionId, version: 1 }
}
