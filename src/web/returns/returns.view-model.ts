import type { Ssda903Export } from '../../app/returns/export-ssda903-return.ts'
import { collectionYearLabel, EXPORT_YEARS } from '../../domain/returns/collection-year.ts'
import { TABLE_FILE_NAMES, type TableName } from '../../domain/returns/tables.ts'
import { failureRow } from './child-return.view-model.ts'

/** How many failures the page lists one by one; the rest are in failures.csv. */
export const FAILURES_LISTED = 200

export const returnsPaths = {
  page: (year?: number) => (year === undefined ? '/returns' : `/returns?year=${year}`),
  file: (year: number, file: string) => `/returns/ssda903/${year}/${file}`,
  zip: (year: number) => `/returns/ssda903/${year}/ssda903-${year}.zip`,
  zipWithPrevious: (year: number) => `/returns/ssda903/${year}/ssda903-${year}-with-previous-year.zip`,
  annexA: () => '/returns/annex-a.xlsx',
} as const

/**
 * What the returns page prints: the year, the tables with their downloads, and the validation summary.
 * @param built - the year's return
 * @returns the page's values
 */
export function returnsPageViewModel(built: Ssda903Export) {
  const failures = built.failures
  const byRule = new Map<string, { rule: string; count: number; where: string; example: string }>()
  for (const failure of failures) {
    const row = failureRow(failure)
    const seen = byRule.get(failure.rule)
    if (seen) {
      seen.count += 1
    } else {
      byRule.set(failure.rule, { rule: failure.rule, count: 1, where: row.where, example: row.message })
    }
  }
  return {
    year: built.year,
    label: built.label,
    years: EXPORT_YEARS.map(year => ({
      value: String(year),
      text: collectionYearLabel(year),
      selected: year === built.year,
    })),
    childCount: built.childCount,
    tables: (Object.entries(built.tables) as [TableName, string[][]][]).map(([name, rows]) => ({
      name,
      file: TABLE_FILE_NAMES[name],
      rows: rows.length - 1,
      href: returnsPaths.file(built.year, TABLE_FILE_NAMES[name]),
    })),
    failureCounts: {
      total: failures.length,
      errors: failures.filter(f => f.severity === 'error').length,
      warnings: failures.filter(f => f.severity === 'warning').length,
    },
    byRule: [...byRule.values()].sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : 1)),
    failures: failures.slice(0, FAILURES_LISTED).map(f => ({ child: f.laChildId, ...failureRow(f) })),
    moreFailures: Math.max(0, failures.length - FAILURES_LISTED),
    downloads: {
      zip: returnsPaths.zip(built.year),
      zipWithPrevious: returnsPaths.zipWithPrevious(built.year),
      failures: returnsPaths.file(built.year, 'failures.csv'),
      annexA: returnsPaths.annexA(),
    },
  }
}
