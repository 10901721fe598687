/**
 * The SSDA903 export (issue 8): a collection year's return built from the stored facts with that year's code maps,
 * the validation failures that remain, and on request the previous year's return as known at the time with the DfE's
 * cross-year checks (502, 503A–F, 562). Audited as an export of every child in it.
 */
import { loadAuthorityReturnFacts, loadReturnFactsAsKnown } from '../../db/repositories/returns-repository.ts'
import {
  buildPreviousYearReturn,
  buildSsda903Return,
  validateAgainstPreviousReturn,
  type ReturnTables,
} from '../../domain/returns/build-return.ts'
import { collectionEnd, collectionYearLabel, type CollectionYear } from '../../domain/returns/collection-year.ts'
import type { ValidationFailure } from '../../domain/returns/validation-failure.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { BACKFILL_REASONS, londonEndOfDay } from './return-support.ts'

export interface ExportOptions {
  /** The collection year, named by its end year (2026 = 2025/26). */
  readonly year: CollectionYear
  /** Also build last year's return as known at the time, and run the cross-year checks against it. */
  readonly withPrevious?: boolean
  /** The day last year's return is rebuilt as known at the end of (default: that year's 31 March). */
  readonly asKnownOn?: CalendarDay
}

export interface BuiltYear {
  readonly year: CollectionYear
  readonly label: string
  readonly tables: ReturnTables
}

export interface Ssda903Export extends BuiltYear {
  /** Every failure left: this year's rules, then the cross-year rules when the previous year was built. */
  readonly failures: readonly ValidationFailure[]
  readonly childCount: number
  readonly previous?: BuiltYear & { readonly asKnownOn: CalendarDay }
}

/**
 * Builds the return for a year from the authority's stored facts.
 * @param op - the operation (needs `returns:export`)
 * @param options - the year, and whether to build last year's as known at the time
 * @returns the tables and failures
 */
export async function exportSsda903Return(op: Operation, options: ExportOptions): Promise<Ssda903Export> {
  authoriseAuthority(op, 'returns:export')
  const facts = await loadAuthorityReturnFacts(op.tx)
  const built = buildSsda903Return(facts, options.year)
  const failures: ValidationFailure[] = [...built.failures]
  let previous: Ssda903Export['previous']
  if (options.withPrevious === true) {
    const asKnownOn = options.asKnownOn ?? collectionEnd(options.year - 1)
    const known = await loadReturnFactsAsKnown(op.tx, londonEndOfDay(asKnownOn), BACKFILL_REASONS)
    const last = buildPreviousYearReturn(known, options.year, { asKnownOn })
    const ids = new Map(facts.map(child => [child.child.localCaseNumber, child.child.id]))
    failures.push(...validateAgainstPreviousReturn(built, last, ids))
    previous = { year: last.year, label: collectionYearLabel(last.year), tables: last.tables, asKnownOn }
  }
  // An export discloses every child in it: record them, as lists and searches do (ADR 0008).
  const inReturn = new Set((built.tables.Header ?? []).slice(1).map(row => row[0]!))
  const childIds = facts.filter(child => inReturn.has(child.child.localCaseNumber)).map(child => child.child.id)
  op.addAuditDetail('year', options.year)
  op.addAuditDetail('withPrevious', options.withPrevious === true)
  op.addAuditDetail('failures', failures.length)
  op.addAuditDetail('childIds', childIds)
  return {
    year: options.year,
    label: collectionYearLabel(options.year),
    tables: built.tables,
    failures,
    childCount: childIds.length,
    ...(previous === undefined ? {} : { previous }),
  }
}
