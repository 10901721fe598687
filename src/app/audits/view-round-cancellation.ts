import { listGradings } from '../../db/repositories/audits-repository.ts'
import {
  casesInRound,
  roundCancellationErrors,
  type AuditError,
  type AuditRound,
} from '../../domain/audits/audit-round.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { gradingsByCase, latestSubmitted, loadRoundFor } from './audit-support.ts'

/** A round as its lead sees it before cancelling it. */
export interface RoundCancellationView {
  readonly round: AuditRound
  /** Cases still in the round (not withdrawn). */
  readonly cases: number
  /** Of those, how many have a submitted audit (their grades stay in the history). */
  readonly audited: number
  /** Why the round cannot be cancelled now (closed, or cancelled already). */
  readonly problems: readonly AuditError[]
}

/**
 * What the round's lead needs to confirm the cancellation of a round: how many cases it holds and how many are
 * audited. Deny by default: anyone but the lead is told "not found".
 * @param op - the operation
 * @param roundId - the round
 * @returns the round
 */
export async function viewRoundCancellation(op: Operation, roundId: string): Promise<RoundCancellationView> {
  authoriseAuthority(op, 'qa:audit')
  const { round, cases } = await loadRoundFor(op, roundId, 'round:manage')
  const inRound = casesInRound(cases)
  const gradings = gradingsByCase(await listGradings(op.tx, [round.id]))
  return {
    round,
    cases: inRound.length,
    audited: inRound.filter(c => latestSubmitted(gradings.get(c.id)?.audit ?? []) !== undefined).length,
    problems: roundCancellationErrors(round),
  }
}
