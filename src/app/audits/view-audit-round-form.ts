import { listRounds, listSampleCandidates } from '../../db/repositories/audits-repository.ts'
import {
  listTeams,
  listUsersWithRoles,
  type TeamSummary,
  type UserSummary,
} from '../../db/repositories/organisation-repository.ts'
import type { AuditRound } from '../../domain/audits/audit-round.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'

export interface AuditRoundFormOptions {
  readonly auditors: readonly UserSummary[]
  readonly previousRounds: readonly AuditRound[]
  readonly teams: readonly TeamSummary[]
  /** How many children a sample could be drawn from today. */
  readonly candidates: number
}

/**
 * What the form to set up a round offers: the quality-assurance auditors, earlier rounds (not cancelled) to compare
 * with, the teams,
 * and how many children are looked after today (the population a sample is drawn from).
 * @param op - the operation
 * @returns the options
 */
export async function viewAuditRoundForm(op: Operation): Promise<AuditRoundFormOptions> {
  authoriseAuthority(op, 'qa:manage-rounds')
  return {
    auditors: await listUsersWithRoles(op.tx, ['qa-auditor']),
    // A cancelled round has no figures to compare with.
    previousRounds: (await listRounds(op.tx)).filter(r => r.status !== 'cancelled'),
    teams: await listTeams(op.tx),
    candidates: (await listSampleCandidates(op.tx, op.today)).length,
  }
}
