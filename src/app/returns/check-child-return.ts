/**
 * Validation as you go (issue 8): the SSDA903 rules for one child, run on the child's stored facts. Failures are
 * data-quality warnings, never refusals: a record can be wrong for the return while the facts are being put right
 * (docs/adr/0053-return-failures-warn-not-refuse.md).
 *
 * `checkChildReturn` runs inside any use case's transaction: the care-record use cases (or the lead's hook after
 * them) call it after they write, and the child's page and API call it when they show the child.
 */
import type { Tx } from '../../db/client.ts'
import { loadAuthorityReturnFacts, loadChildReturnFacts } from '../../db/repositories/returns-repository.ts'
import type { CareRecord } from '../../domain/children/care-record.ts'
import { collectionYearLabel, type CollectionYear } from '../../domain/returns/collection-year.ts'
import { validateReturnFacts } from '../../domain/returns/validate-return-facts.ts'
import type { ValidationFailure } from '../../domain/returns/validation-failure.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { currentCollectionYear } from './return-support.ts'

export interface ChildReturnCheck {
  readonly year: CollectionYear
  readonly label: string
  readonly failures: readonly ValidationFailure[]
}

/**
 * Checks one child's facts against a collection year's return rules.
 * @param tx - the caller's transaction (the caller has authorised access to the child)
 * @param childId - the child
 * @param today - today, for the current collection year
 * @param year - the collection year (default: the one today falls in)
 * @returns the year and the failures (none when the child is not in that year's return)
 */
export async function checkChildReturn(
  tx: Tx,
  childId: string,
  today: CalendarDay,
  year: CollectionYear = currentCollectionYear(today),
): Promise<ChildReturnCheck> {
  const facts = await loadAuthorityReturnFacts(tx, { childIds: [childId] })
  return { year, label: collectionYearLabel(year), failures: validateReturnFacts(facts, year) }
}

/**
 * {@link checkChildReturn} for a care record the caller has just loaded (not read again).
 * @param tx - the caller's transaction (the caller has authorised access to the child)
 * @param record - the child's current care record
 * @param today - today, for the current collection year
 * @param year - the collection year (default: the one today falls in)
 * @returns the year and the failures (none when the child is not in that year's return)
 */
export async function checkCareRecordReturn(
  tx: Tx,
  record: CareRecord,
  today: CalendarDay,
  year: CollectionYear = currentCollectionYear(today),
): Promise<ChildReturnCheck> {
  const facts = await loadChildReturnFacts(tx, record)
  return { year, label: collectionYearLabel(year), failures: validateReturnFacts([facts], year) }
}
