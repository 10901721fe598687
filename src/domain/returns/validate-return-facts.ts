/**
 * Validation as you go (issue 8): the 903 rules our data can break, for one child or many, in one collection year.
 * The lead calls it when data is recorded and before export; it checks exactly the rows the export would write
 * (child-return.ts), so a clean result means a clean export for those children.
 */
import type { CollectionYear } from './collection-year.ts'
import { buildChildReturn } from './child-return.ts'
import type { ReturnFacts } from './return-facts.ts'
import type { ValidationFailure } from './validation-failure.ts'

/**
 * Checks the 903 rules for a collection year.
 * @param facts - one child's facts, or several children's
 * @param year - the collection year (2026 = 2025/26)
 * @returns the failures, each with its DfE rule code (or our `PP-` code), child, table and field
 */
export function validateReturnFacts(
  facts: ReturnFacts | readonly ReturnFacts[],
  year: CollectionYear,
): ValidationFailure[] {
  const children: readonly ReturnFacts[] = Array.isArray(facts) ? facts : [facts as ReturnFacts]
  return children.flatMap(child => buildChildReturn(child, year).failures)
}
