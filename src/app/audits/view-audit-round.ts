import { listAuditActions, listGradings, loadCaseChildren } from '../../db/repositories/audits-repository.ts'
import { loadUsers } from '../../db/repositories/organisation-repository.ts'
import {
  auditStatusOf,
  casesInRound,
  moderationStatusOf,
  type AuditCase,
  type AuditRound,
  type AuditStatus,
  type ModerationStatus,
} from '../../domain/audits/audit-round.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { gradingsByCase, loadRoundFor } from './audit-support.ts'

export interface RoundCaseView {
  readonly auditCase: AuditCase
  readonly child: { readonly name: string; readonly localCaseNumber: string }
  readonly auditorName: string
  readonly moderatorName: string | null
  readonly auditStatus: AuditStatus
  readonly moderationStatus: ModerationStatus
  readonly actions: number
  readonly isMine: boolean
  /** Who withdrew the case from the round, if it is withdrawn (when and why are on the case). */
  readonly withdrawnByName: string | null
}

export interface RoundView {
  readonly round: AuditRound
  readonly leadName: string
  readonly isLead: boolean
  /** Who cancelled the round, if it is cancelled (when and why are on the round). */
  readonly cancelledByName: string | null
  /** Every case the user sees, withdrawn ones included (shown as withdrawn). */
  readonly cases: readonly RoundCaseView[]
  /** The round's progress over the cases the user sees, withdrawn cases left out. */
  readonly counts: {
    readonly cases: number
    readonly withdrawn: number
    readonly audited: number
    readonly moderated: number
  }
}

/**
 * One audit round: the lead sees every case and where each stands; an auditor or moderator sees only their own
 * cases (what their round needs). A withdrawn case is listed, with who withdrew it, when and why, but leaves the
 * counts. Audited with the children listed.
 * @param op - the operation
 * @param roundId - the round
 * @returns the round
 */
export async function viewAuditRound(op: Operation, roundId: string): Promise<RoundView> {
  authoriseAuthority(op, 'qa:audit')
  const { round, cases, relationships } = await loadRoundFor(op, roundId, 'round:view')
  const isLead = relationships.has('lead')
  const visible = isLead
    ? cases
    : cases.filter(c => c.auditorId === op.actor.userId || c.moderatorId === op.actor.userId)
  const gradings = gradingsByCase(await listGradings(op.tx, [round.id]))
  const childList = await loadCaseChildren(
    op.tx,
    visible.map(c => c.childId),
  )
  const people = await loadUsers(op.tx, [
    round.leadId,
    ...(round.cancellation ? [round.cancellation.cancelledById] : []),
    ...visible.flatMap(c =>
      [c.auditorId, c.moderatorId, c.withdrawal?.withdrawnById ?? null].filter((id): id is string => id !== null),
    ),
  ])
  const nameOf = (id: string) => people.find(p => p.id === id)?.displayName ?? 'Unknown'
  const actions = await listAuditActions(op.tx, { caseIds: visible.map(c => c.id) })
  op.addAuditDetail(
    'childIds',
    visible.map(c => c.childId),
  )
  const counted = casesInRound(visible)
  return {
    round,
    leadName: nameOf(round.leadId),
    isLead,
    cancelledByName: round.cancellation ? nameOf(round.cancellation.cancelledById) : null,
    counts: {
      cases: counted.length,
      withdrawn: visible.length - counted.length,
      audited: counted.filter(c => gradings.get(c.id)?.audit.some(v => v.isSubmitted) === true).length,
      moderated: counted.filter(c => gradings.get(c.id)?.moderation.some(v => v.isSubmitted) === true).length,
    },
    cases: visible.map(auditCase => {
      const own = gradings.get(auditCase.id)
      const child = childList.find(c => c.id === auditCase.childId)
      return {
        auditCase,
        child: { name: child?.name ?? 'Unknown', localCaseNumber: child?.localCaseNumber ?? '' },
        auditorName: nameOf(auditCase.auditorId),
        moderatorName: auditCase.moderatorId ? nameOf(auditCase.moderatorId) : null,
        auditStatus: auditStatusOf(own?.audit.at(-1)),
        moderationStatus: moderationStatusOf(auditCase, own?.audit.at(-1), own?.moderation.at(-1)),
        actions: actions.filter(a => a.caseId === auditCase.id).length,
        isMine: auditCase.auditorId === op.actor.userId || auditCase.moderatorId === op.actor.userId,
        withdrawnByName: auditCase.withdrawal ? nameOf(auditCase.withdrawal.withdrawnById) : null,
      }
    }),
  }
}
