import { listCases, listRounds, loadRound } from '../../db/repositories/audits-repository.ts'
import { decideAuditRoundAccess } from '../../domain/access/policies.ts'
import type { AuditRound } from '../../domain/audits/audit-round.ts'
import { computeLearningBrief, type LearningBrief } from '../../domain/audits/learning-brief.ts'
import { NotFoundError } from '../shared/errors.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { roundRelationships } from './audit-support.ts'
import { briefCasesOf, previousRoundOf } from './learning-brief-support.ts'

export interface LearningBriefView {
  readonly round: AuditRound
  readonly previousRound: AuditRound | null
  readonly brief: LearningBrief
  /** A round still open gives a draft brief, for its lead only. */
  readonly isDraft: boolean
}

/**
 * A round's learning brief, computed from the grades (the moderator's where they changed one). Once the round is
 * closed anyone who reads learning briefs may see it (it names no child); while open, only its lead sees the draft.
 * @param op - the operation
 * @param roundId - the round, or `latest` for the latest closed round
 * @returns the brief, or null when asking for the latest and no round is closed
 */
export async function viewLearningBrief(op: Operation, roundId: string): Promise<LearningBriefView | null> {
  authoriseAuthority(op, 'qa:view-briefs')
  const round =
    roundId === 'latest' ? (await listRounds(op.tx)).find(r => r.status === 'closed') : await loadRound(op.tx, roundId)
  // A cancelled round has no learning brief: nothing in it counts.
  if (!round || round.status === 'cancelled') {
    if (roundId === 'latest') {
      return null
    }
    throw new NotFoundError('Audit round')
  }
  if (round.status === 'open') {
    const relationships = roundRelationships(op, round, await listCases(op.tx, [round.id]))
    if (decideAuditRoundAccess(op.actor.role, 'round:view-brief', relationships) !== 'allow') {
      throw new NotFoundError('Audit round')
    }
  }
  const previous = await previousRoundOf(op, round)
  op.addAuditDetail('roundId', round.id)
  return {
    round,
    previousRound: previous?.round ?? null,
    brief: computeLearningBrief(await briefCasesOf(op, round.id), previous?.cases ?? null),
    isDraft: round.status === 'open',
  }
}
