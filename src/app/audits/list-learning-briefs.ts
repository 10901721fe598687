import { listRounds } from '../../db/repositories/audits-repository.ts'
import type { AuditRound } from '../../domain/audits/audit-round.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'

/**
 * The rounds whose learning briefs are final (closed rounds), newest first.
 * @param op - the operation
 * @returns the rounds
 */
export async function listLearningBriefs(op: Operation): Promise<AuditRound[]> {
  authoriseAuthority(op, 'qa:view-briefs')
  return (await listRounds(op.tx)).filter(r => r.status === 'closed')
}
