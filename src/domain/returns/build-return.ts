/**
 * The SSDA903 export (issue 8): every table of a collection year's return as header plus rows, derived from our
 * facts with that year's code maps, and the validation failures that remain. Also the previous year's return as
 * known at the time, for the DfE's cross-year checks (502, 503A–F, 562), and those checks.
 *
 * Output is deterministic: children in LA child ID order, each child's rows in date order.
 */
import { stringify } from 'csv-stringify/sync'
import type { CalendarDay } from '../shared/calendar-day.ts'
import { collectionEnd, collectionStart, type CollectionYear } from './collection-year.ts'
import { buildChildReturn, type ChildReturn } from './child-return.ts'
import { factsAsKnownOn } from './facts-as-known.ts'
import { parseReturnDate } from './return-dates.ts'
import type { ReturnFacts } from './return-facts.ts'
import { TABLE_COLUMNS, tablesForYear, type TableName, type TableRows } from './tables.ts'
import type { ValidationFailure } from './validation-failure.ts'

/** A return's tables: only those the year carries (SWEpisodes from 2023/24, DoLo from 2026/27). */
export type ReturnTables = { [T in TableName]?: TableRows }

export interface BuildReturnOptions {
  /**
   * Leave out facts first recorded after this day (only where `returnDetails.recordedOn` is held). Unset for the
   * current return; {@link buildPreviousYearReturn} sets it to the previous year's end.
   */
  readonly asKnownOn?: CalendarDay
}

export interface BuiltReturn {
  readonly year: CollectionYear
  readonly tables: ReturnTables
  readonly failures: ValidationFailure[]
}

function compareChildIds(a: ReturnFacts, b: ReturnFacts): number {
  const x = a.child.localCaseNumber
  const y = b.child.localCaseNumber
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * Builds a collection year's SSDA903 return from our facts.
 * @param facts - every child's facts
 * @param year - the collection year, 2025 (2024/25) to 2027 (2026/27)
 * @param options - as-known filtering
 * @returns the tables (header row first, `dd/mm/yyyy` dates, upper-case codes, empty cells for nulls) and failures
 */
export function buildSsda903Return(
  facts: readonly ReturnFacts[],
  year: CollectionYear,
  options: BuildReturnOptions = {},
): BuiltReturn {
  const names = tablesForYear(year)
  const tables: ReturnTables = {}
  for (const name of names) {
    tables[name] = [[...TABLE_COLUMNS[name]]]
  }
  const failures: ValidationFailure[] = []
  for (const child of [...facts].sort(compareChildIds)) {
    const known = options.asKnownOn === undefined ? child : factsAsKnownOn(child, options.asKnownOn)
    const built: ChildReturn = buildChildReturn(known, year)
    for (const name of names) {
      const rows = built.rows[name]
      if (rows !== undefined) {
        tables[name]!.push(...rows)
      }
    }
    failures.push(...built.failures)
  }
  return { year, tables, failures }
}

/**
 * The previous collection year's return as known at the time: the same facts, truncated at that year's end and,
 * where recorded dates are held, without facts recorded after `asKnownOn` (default: that year's 31 March).
 * @param facts - every child's facts
 * @param year - the current collection year; the return built is for `year - 1`
 * @param options - `asKnownOn` to override the default
 * @returns the previous year's return
 */
export function buildPreviousYearReturn(
  facts: readonly ReturnFacts[],
  year: CollectionYear,
  options: BuildReturnOptions = {},
): BuiltReturn {
  return buildSsda903Return(facts, year - 1, { asKnownOn: options.asKnownOn ?? collectionEnd(year - 1) })
}

/**
 * Writes a table as CSV text (RFC 4180, CRLF line ends, quoting only where needed).
 * @param table - header row and data rows
 * @returns the CSV text
 */
export function toCsv(table: TableRows): string {
  return stringify(table, { record_delimiter: 'windows' })
}

interface EpisodeCells {
  readonly child: string
  readonly decom: CalendarDay
  readonly cells: Readonly<Record<string, string>>
  readonly index: number
}

function episodesByChild(table: TableRows | undefined): Map<string, EpisodeCells[]> {
  const byChild = new Map<string, EpisodeCells[]>()
  if (table === undefined || table.length === 0) {
    return byChild
  }
  const [header, ...rows] = table as [string[], ...string[][]]
  rows.forEach((row, index) => {
    const cells: Record<string, string> = {}
    header.forEach((column, i) => {
      cells[column] = row[i] ?? ''
    })
    const decom = parseReturnDate(cells.DECOM ?? '')
    const child = cells.CHILD ?? ''
    if (decom === undefined) {
      return
    }
    const list = byChild.get(child) ?? []
    list.push({ child, decom, cells, index })
    byChild.set(child, list)
  })
  for (const list of byChild.values()) {
    list.sort((a, b) => (a.decom < b.decom ? -1 : a.decom > b.decom ? 1 : 0))
  }
  return byChild
}

/**
 * The DfE cross-year checks between this year's Episodes and last year's (validator lac2022_23/rule_502.py,
 * rule_562.py and rule_utils.field_different_from_previous for 503A–503F).
 * @param current - this year's return
 * @param previous - last year's return
 * @param childIds - our child id for each LA child ID, for the failure records
 * @returns the failures
 */
export function validateAgainstPreviousReturn(
  current: BuiltReturn,
  previous: BuiltReturn,
  childIds: ReadonlyMap<string, string> = new Map(),
): ValidationFailure[] {
  const failures: ValidationFailure[] = []
  const start = collectionStart(current.year)
  const now = episodesByChild(current.tables.Episodes)
  const last = episodesByChild(previous.tables.Episodes)
  const add = (rule: string, child: string, field: string, message: string) =>
    failures.push({
      rule,
      childId: childIds.get(child) ?? '',
      laChildId: child,
      table: 'Episodes',
      field,
      message,
      severity: 'error',
    })
  for (const [child, episodes] of now) {
    const first = episodes[0]!
    const previousEpisodes = last.get(child) ?? []
    const lastEpisode = previousEpisodes[previousEpisodes.length - 1]
    if (lastEpisode !== undefined && lastEpisode.cells.DEC === '') {
      if (first.decom !== lastEpisode.decom) {
        add('502', child, 'DECOM', "Last year's open episode does not start on the date of this year's first episode")
      } else {
        const fields: [string, string][] = [
          ['503A', 'RNE'],
          ['503B', 'LS'],
          ['503C', 'CIN'],
          ['503D', 'PLACE'],
          ['503E', 'PLACE_PROVIDER'],
          ['503F', 'URN'],
        ]
        for (const [rule, field] of fields) {
          if ((first.cells[field] ?? '') !== (lastEpisode.cells[field] ?? '')) {
            add(rule, child, field, `${field} of the first episode differs from last year's open episode`)
          }
        }
      }
    }
    const firstBeforeYear = episodes.find(episode => episode.decom < start)
    if (firstBeforeYear !== undefined && (lastEpisode === undefined || lastEpisode.decom !== firstBeforeYear.decom)) {
      add('562', child, 'DECOM', "An episode that started before this year is not last year's last episode")
    }
  }
  return failures
}
