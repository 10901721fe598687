import { loadAuthorityReturnFacts, loadScorecardThresholds } from '../../db/repositories/returns-repository.ts'
import { collectionYearOf, type CollectionYear } from '../../domain/returns/collection-year.ts'
import {
  DEFAULT_SCORECARD_THRESHOLDS,
  scoreCohort,
  type CohortScorecard,
  type ScorecardThresholds,
} from '../../domain/returns/scorecard.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'

export interface AdoptionScorecardView {
  readonly cohort: CohortScorecard
  readonly thresholds: ScorecardThresholds
  /** 0 while the authority uses the defaults. */
  readonly thresholdsVersion: number
  readonly isDefaultThresholds: boolean
}

/**
 * The authority's adoption scorecard (A1, A2, A3, A10) for the three collection years ending with `toYear`, against
 * its own thresholds (defaults 426 days, 121 days, 14 months). Lists every adopted child's measures, so the children
 * are recorded in the audit event.
 * @param op - the operation (needs `dashboard:authority`)
 * @param toYear - the last collection year of the cohort (default: the last complete one)
 * @returns the cohort, its children and the thresholds used
 */
export async function viewAdoptionScorecard(op: Operation, toYear?: CollectionYear): Promise<AdoptionScorecardView> {
  authoriseAuthority(op, 'dashboard:authority')
  const stored = await loadScorecardThresholds(op.tx)
  const thresholds = stored?.thresholds ?? DEFAULT_SCORECARD_THRESHOLDS
  const facts = await loadAuthorityReturnFacts(op.tx)
  const year = toYear ?? collectionYearOf(op.today) - 1
  const cohort = scoreCohort(facts, year, thresholds)
  op.addAuditDetail('toYear', year)
  op.addAuditDetail(
    'childIds',
    cohort.children.map(child => child.childId),
  )
  return {
    cohort,
    thresholds,
    thresholdsVersion: stored?.version ?? 0,
    isDefaultThresholds: stored === undefined,
  }
}
