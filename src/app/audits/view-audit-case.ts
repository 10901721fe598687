import { listAuditActions, loadCaseChildren, type AuditAction } from '../../db/repositories/audits-repository.ts'
import { loadChildDetails } from '../../db/repositories/care-record-repository.ts'
import { listUsersWithRoles, loadUsers, type UserSummary } from '../../db/repositories/organisation-repository.ts'
import type { AuditFact } from '../../domain/audits/audit-facts.ts'
import {
  auditStatusOf,
  caseChangeErrors,
  moderationStatusOf,
  type AuditCase,
  type AuditJudgements,
  type AuditRound,
  type AuditStatus,
  type GradingVersion,
  type ModerationJudgements,
  type ModerationStatus,
} from '../../domain/audits/audit-round.ts'
import { decideAuditRoundAccess } from '../../domain/access/policies.ts'
import { authoriseAuthority, filterViewableChildren, type Operation } from '../shared/run-operation.ts'
import { loadCaseFor, loadCaseGradings } from './audit-support.ts'
import { loadAuditFacts } from './load-audit-facts.ts'

export interface CaseView {
  readonly round: AuditRound
  readonly auditCase: AuditCase
  readonly child: { readonly id: string; readonly name: string; readonly localCaseNumber: string }
  readonly auditorName: string
  readonly moderatorName: string | null
  /** Who withdrew the case from the round, if it is withdrawn (when and why are on the case). */
  readonly withdrawnByName: string | null
  /** Who cancelled the round, if it is cancelled (when and why are on the round). */
  readonly cancelledByName: string | null
  /** The facts the system holds (empty when the user may not open the child's record, e.g. a lead). */
  readonly facts: readonly AuditFact[]
  readonly canSeeChildRecord: boolean
  readonly audit: readonly GradingVersion<AuditJudgements>[]
  readonly moderation: readonly GradingVersion<ModerationJudgements>[]
  readonly auditStatus: AuditStatus
  readonly moderationStatus: ModerationStatus
  readonly actions: readonly AuditAction[]
  /** People who can own an action on the child's record. */
  readonly possibleOwners: readonly UserSummary[]
  readonly permissions: {
    readonly canGrade: boolean
    readonly canModerate: boolean
    readonly canSetActions: boolean
  }
}

/**
 * One case of a round, for its auditor, its moderator or the round's lead: the facts the system holds about the
 * child under each domain, every saved version of the audit form and the moderation, and the actions set. Audited
 * as a view of the child. Once the round is closed or cancelled, or the case withdrawn, the case is read only (its
 * history is kept).
 * @param op - the operation
 * @param roundId - the round
 * @param caseId - the case
 * @returns the case
 */
export async function viewAuditCase(op: Operation, roundId: string, caseId: string): Promise<CaseView> {
  authoriseAuthority(op, 'qa:audit')
  const { round, auditCase, relationships } = await loadCaseFor(op, roundId, caseId, 'case:view')
  const gradings = await loadCaseGradings(op, auditCase)
  const canSeeChildRecord = (await filterViewableChildren(op, [auditCase.childId])).has(auditCase.childId)
  const facts = canSeeChildRecord ? await loadAuditFacts(op, auditCase.childId) : []
  const [child] = await loadCaseChildren(op.tx, [auditCase.childId])
  const details = await loadChildDetails(op.tx, auditCase.childId)
  const people = await loadUsers(
    op.tx,
    [
      auditCase.auditorId,
      auditCase.moderatorId,
      auditCase.withdrawal?.withdrawnById ?? null,
      round.cancellation?.cancelledById ?? null,
    ].filter((id): id is string => id !== null),
  )
  const nameOf = (id: string | undefined) => people.find(p => p.id === id)?.displayName ?? 'Unknown'
  const allocated = await loadUsers(
    op.tx,
    [details?.allocatedWorkerId, details?.allocatedIroId].filter((id): id is string => typeof id === 'string'),
  )
  const managers = await listUsersWithRoles(op.tx, ['team-manager'])
  // Read only once the round is closed or cancelled, or the case withdrawn.
  const canChange = caseChangeErrors(round, auditCase).length === 0
  const canGrade = canChange && decideAuditRoundAccess(op.actor.role, 'case:grade', relationships) === 'allow'
  const canModerate = canChange && decideAuditRoundAccess(op.actor.role, 'case:moderate', relationships) === 'allow'
  return {
    round,
    auditCase,
    child: { id: auditCase.childId, name: child?.name ?? 'Unknown', localCaseNumber: child?.localCaseNumber ?? '' },
    auditorName: nameOf(auditCase.auditorId),
    moderatorName: auditCase.moderatorId ? nameOf(auditCase.moderatorId) : null,
    withdrawnByName: auditCase.withdrawal ? nameOf(auditCase.withdrawal.withdrawnById) : null,
    cancelledByName: round.cancellation ? nameOf(round.cancellation.cancelledById) : null,
    facts,
    canSeeChildRecord,
    audit: gradings.audit,
    moderation: gradings.moderation,
    auditStatus: auditStatusOf(gradings.audit.at(-1)),
    moderationStatus: moderationStatusOf(auditCase, gradings.audit.at(-1), gradings.moderation.at(-1)),
    actions: await listAuditActions(op.tx, { caseIds: [auditCase.id] }),
    possibleOwners: [...allocated, ...managers.filter(m => !allocated.some(a => a.id === m.id))],
    permissions: { canGrade, canModerate, canSetActions: canGrade || canModerate },
  }
}
