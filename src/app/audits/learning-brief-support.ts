/**
 * Loading what a learning brief is computed from: a round's cases with their submitted audits and moderations, and
 * the previous round's.
 */
import { listCases, listGradings, loadRound } from '../../db/repositories/audits-repository.ts'
import { casesInRound, type AuditRound } from '../../domain/audits/audit-round.ts'
import type { BriefCase } from '../../domain/audits/learning-brief.ts'
import type { Operation } from '../shared/run-operation.ts'
import { gradingsByCase, latestSubmitted } from './audit-support.ts'

/**
 * The cases of a round as the brief sees them: withdrawn cases leave the brief (their grades stay in the history).
 * @param op - the operation
 * @param roundId - the round
 * @returns one entry per case
 */
export async function briefCasesOf(op: Operation, roundId: string): Promise<BriefCase[]> {
  const cases = await listCases(op.tx, [roundId])
  const gradings = gradingsByCase(await listGradings(op.tx, [roundId]))
  return casesInRound(cases).map(c => {
    const own = gradings.get(c.id)
    return {
      audit: latestSubmitted(own?.audit ?? [])?.judgements ?? null,
      moderation: latestSubmitted(own?.moderation ?? [])?.judgements ?? null,
      isChosenForModeration: c.moderatorId !== null,
    }
  })
}

/**
 * The previous round named by a round, if any (a cancelled round has no figures to compare with).
 * @param op - the operation
 * @param round - the round
 * @returns the previous round and its cases, or null
 */
export async function previousRoundOf(
  op: Operation,
  round: AuditRound,
): Promise<{ round: AuditRound; cases: BriefCase[] } | null> {
  if (round.previousRoundId === null) {
    return null
  }
  const previous = await loadRound(op.tx, round.previousRoundId)
  return previous && previous.status !== 'cancelled'
    ? { round: previous, cases: await briefCasesOf(op, previous.id) }
    : null
}
