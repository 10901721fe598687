import { randomUUID } from 'node:crypto'
import { setChangeReason } from '../../db/client.ts'
import { saveScorecardThresholds } from '../../db/repositories/returns-repository.ts'
import type { ScorecardThresholds } from '../../domain/returns/scorecard.ts'
import { StaleVersionError } from '../shared/errors.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'

/**
 * Sets the authority's adoption scorecard thresholds (kept with every earlier setting in the history).
 * @param op - the operation (needs `scorecard:configure`)
 * @param thresholds - A1/A10 days, A2 days, A3 months
 * @param expectedVersion - the version the change is based on (0 while the defaults apply)
 * @returns the new version
 */
export async function setScorecardThresholds(
  op: Operation,
  thresholds: ScorecardThresholds,
  expectedVersion: number,
): Promise<{ version: number }> {
  authoriseAuthority(op, 'scorecard:configure')
  await setChangeReason(op.tx, 'Scorecard thresholds changed')
  const saved = await saveScorecardThresholds(
    op.tx,
    { authorityId: op.actor.authorityId, userId: op.actor.userId, now: op.now },
    thresholds,
    expectedVersion,
    randomUUID(),
  )
  if (saved.kind === 'stale') {
    throw new StaleVersionError(expectedVersion, saved.version)
  }
  op.addAuditDetail('thresholds', thresholds)
  return { version: saved.version }
}
