/**
 * The files of an SSDA903 export: one CSV per table under the validator's file names, `failures.csv` listing what
 * still fails, and last year's return as known at the time under `previous-year/` when it was built.
 */
import { toCsv } from '../../domain/returns/build-return.ts'
import { TABLE_FILE_NAMES, type TableName } from '../../domain/returns/tables.ts'
import type { ValidationFailure } from '../../domain/returns/validation-failure.ts'
import type { Ssda903Export } from './export-ssda903-return.ts'

export interface ReturnFile {
  readonly name: string
  readonly text: string
}

/** The columns of `failures.csv`. */
export const FAILURE_COLUMNS = ['RULE', 'SEVERITY', 'CHILD', 'TABLE', 'FIELD', 'MESSAGE'] as const

/**
 * The failures as CSV text.
 * @param failures - the failures
 * @returns the CSV
 */
export function failuresCsv(failures: readonly ValidationFailure[]): string {
  return toCsv([
    [...FAILURE_COLUMNS],
    ...failures.map(f => [f.rule, f.severity, f.laChildId, f.table, f.field, f.message]),
  ])
}

/**
 * Every file of the export, in a stable order.
 * @param built - the export
 * @returns the files
 */
export function returnFiles(built: Ssda903Export): ReturnFile[] {
  const tables = (year: Ssda903Export['tables'], prefix: string): ReturnFile[] =>
    (Object.entries(year) as [TableName, string[][]][]).map(([name, rows]) => ({
      name: `${prefix}${TABLE_FILE_NAMES[name]}`,
      text: toCsv(rows),
    }))
  return [
    ...tables(built.tables, ''),
    { name: 'failures.csv', text: failuresCsv(built.failures) },
    ...(built.previous === undefined ? [] : tables(built.previous.tables, 'previous-year/')),
  ]
}

/**
 * The file name of a table, and back.
 * @param fileName - e.g. `episodes.csv`
 * @returns the table, or undefined
 */
export function tableForFileName(fileName: string): TableName | undefined {
  return (Object.entries(TABLE_FILE_NAMES) as [TableName, string][]).find(([, name]) => name === fileName)?.[0]
}
