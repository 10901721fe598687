import { listCases, listGradings, listRounds } from '../../db/repositories/audits-repository.ts'
import { decideAuditRoundAccess, decideAuthorityAccess } from '../../domain/access/policies.ts'
import { casesInRound, type AuditRound } from '../../domain/audits/audit-round.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { gradingsByCase, latestSubmitted, roundRelationships } from './audit-support.ts'

export interface RoundSummary {
  readonly round: AuditRound
  readonly isLead: boolean
  /** Cases the user sees: all for the lead, else their own; withdrawn cases left out of every count. */
  readonly cases: number
  readonly audited: number
  readonly moderated: number
  readonly myCasesToAudit: number
  readonly myCasesToModerate: number
}

/**
 * The audit rounds the user works in: every round they lead, and those where they audit or moderate a case (deny by
 * default: a quality-assurance auditor who is not named in a round does not see it). Closed and cancelled rounds are
 * listed too, with their status; a cancelled round leaves nothing to do.
 * @param op - the operation
 * @returns the rounds, newest first, and whether the user may set up rounds
 */
export async function listAuditRounds(op: Operation): Promise<{ rounds: RoundSummary[]; canCreate: boolean }> {
  authoriseAuthority(op, 'qa:audit')
  const rounds = await listRounds(op.tx)
  const cases = await listCases(
    op.tx,
    rounds.map(r => r.id),
  )
  const gradings = gradingsByCase(
    await listGradings(
      op.tx,
      rounds.map(r => r.id),
    ),
  )
  const summaries: RoundSummary[] = []
  for (const round of rounds) {
    const own = cases.filter(c => c.roundId === round.id)
    const relationships = roundRelationships(op, round, own)
    if (decideAuditRoundAccess(op.actor.role, 'round:view', relationships) !== 'allow') {
      continue
    }
    const isLead = relationships.has('lead')
    const counted = casesInRound(own)
    const visible = isLead
      ? counted
      : counted.filter(c => c.auditorId === op.actor.userId || c.moderatorId === op.actor.userId)
    // Nothing in a cancelled round is left to do.
    const toDo = round.status === 'cancelled' ? [] : counted
    summaries.push({
      round,
      isLead,
      cases: visible.length,
      audited: visible.filter(c => latestSubmitted(gradings.get(c.id)?.audit ?? []) !== undefined).length,
      moderated: visible.filter(c => latestSubmitted(gradings.get(c.id)?.moderation ?? []) !== undefined).length,
      myCasesToAudit: toDo.filter(
        c => c.auditorId === op.actor.userId && latestSubmitted(gradings.get(c.id)?.audit ?? []) === undefined,
      ).length,
      myCasesToModerate: toDo.filter(
        c => c.moderatorId === op.actor.userId && latestSubmitted(gradings.get(c.id)?.moderation ?? []) === undefined,
      ).length,
    })
  }
  op.addAuditDetail(
    'roundIds',
    summaries.map(s => s.round.id),
  )
  return { rounds: summaries, canCreate: decideAuthorityAccess(op.actor.role, 'qa:manage-rounds') === 'allow' }
}
