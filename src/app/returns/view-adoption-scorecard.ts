import type { Tx } from '../../db/client.ts'
import {
  listChildrenWithAdoptionJourneys,
  loadAuthorityReturnFacts,
  loadScorecardThresholds,
} from '../../db/repositories/returns-repository.ts'
import { collectionYearOf, type CollectionYear } from '../../domain/returns/collection-year.ts'
import {
  DEFAULT_SCORECARD_THRESHOLDS,
  scoreCohort,
  type CohortScorecard,
  type ScorecardThresholds,
} from '../../domain/returns/scorecard.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'

/**
 * What the scorecard is worked out from: the authority's thresholds (the defaults while it has set none) and the
 * return facts of every child with an adoption journey (only they can be scored: the others' facts are not loaded).
 * @param tx - a transaction in the authority
 * @returns the stored thresholds, the thresholds to use and the facts
 */
export async function loadScorecardInputs(tx: Tx) {
  const stored = await loadScorecardThresholds(tx)
  const thresholds: ScorecardThresholds = stored?.thresholds ?? DEFAULT_SCORECARD_THRESHOLDS
  const facts = await loadAuthorityReturnFacts(tx, { childIds: await listChildrenWithAdoptionJourneys(tx) })
  return { stored, thresholds, facts }
}

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
  const { stored, thresholds, facts } = await loadScorecardInputs(op.tx)
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
