/**
 * Reassigning a case of an audit round to another auditor or moderator (issue 9): an auditor on leave, a conflict of
 * interest found late. The round's lead does it, with a reason; the case's earlier version stays in the history.
 */
import { setChangeReason } from '../../db/client.ts'
import { listGradings, loadCaseChildren, reassignCaseRow } from '../../db/repositories/audits-repository.ts'
import { listUsersWithRoles, type UserSummary } from '../../db/repositories/organisation-repository.ts'
import {
  checkReassignment,
  type AuditCase,
  type AuditRound,
  type CaseReassignment,
} from '../../domain/audits/audit-round.ts'
import { NotFoundError, RuleViolationError } from '../shared/errors.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { rowVersionAfter } from '../plans/plan-support.ts'
import { auditContextOf, gradingsByCase, latestSubmitted, loadCaseFor } from './audit-support.ts'

/**
 * Gives a case to another auditor or moderator.
 * @param op - the operation
 * @param roundId - the round
 * @param caseId - the case
 * @param expectedVersion - the case's version the lead saw
 * @param input - the new auditor and moderator, and why
 * @returns the case's new version
 */
export async function reassignAuditCase(
  op: Operation,
  roundId: string,
  caseId: string,
  expectedVersion: number,
  input: CaseReassignment,
): Promise<{ version: number }> {
  const { round, auditCase, auditors, auditSubmitted, moderationSubmitted } = await loadReassignment(
    op,
    roundId,
    caseId,
  )
  const errors = checkReassignment(round, auditCase, input, {
    auditorIds: new Set(auditors.map(u => u.id)),
    auditSubmitted,
    moderationSubmitted,
  })
  if (errors.length > 0) {
    throw new RuleViolationError(errors)
  }
  await setChangeReason(op.tx, input.reason.trim())
  const version = rowVersionAfter(
    await reassignCaseRow(op.tx, auditContextOf(op), auditCase, expectedVersion, input),
    expectedVersion,
    'Audit case',
  )
  op.addAuditDetail('auditorId', input.auditorId)
  op.addAuditDetail('moderatorId', input.moderatorId)
  return { version }
}

/** A case as its lead sees it when reassigning it. */
export interface ReassignmentView {
  readonly round: AuditRound
  readonly auditCase: AuditCase
  readonly child: { readonly name: string; readonly localCaseNumber: string }
  /** The authority's quality assurance auditors, by name. */
  readonly auditors: readonly UserSummary[]
  readonly auditSubmitted: boolean
  readonly moderationSubmitted: boolean
}

async function loadReassignment(op: Operation, roundId: string, caseId: string) {
  authoriseAuthority(op, 'qa:audit')
  const { round, auditCase } = await loadCaseFor(op, roundId, caseId, 'round:manage')
  const gradings = gradingsByCase(await listGradings(op.tx, [round.id])).get(auditCase.id)
  return {
    round,
    auditCase,
    auditors: await listUsersWithRoles(op.tx, ['qa-auditor']),
    auditSubmitted: latestSubmitted(gradings?.audit ?? []) !== undefined,
    moderationSubmitted: latestSubmitted(gradings?.moderation ?? []) !== undefined,
  }
}

/**
 * What the lead needs to reassign a case: who has it now, whether each stage is submitted, and who could take it.
 * @param op - the operation
 * @param roundId - the round
 * @param caseId - the case
 * @returns the case and the auditors
 */
export async function viewCaseReassignment(op: Operation, roundId: string, caseId: string): Promise<ReassignmentView> {
  const loaded = await loadReassignment(op, roundId, caseId)
  const [child] = await loadCaseChildren(op.tx, [loaded.auditCase.childId])
  if (!child) {
    throw new NotFoundError('Audit case')
  }
  return { ...loaded, child: { name: child.name, localCaseNumber: child.localCaseNumber } }
}
