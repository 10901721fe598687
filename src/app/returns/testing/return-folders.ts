/**
 * SSDA903 files made from facts, as an authority's earlier system would have sent them: for tests and the
 * benchmark (synthetic data only).
 */
import { buildSsda903Return, toCsv, type ReturnTables } from '../../../domain/returns/build-return.ts'
import type { CollectionYear } from '../../../domain/returns/collection-year.ts'
import type { SourceFile } from '../../../domain/returns/parse-files.ts'
import type { ReturnFacts } from '../../../domain/returns/return-facts.ts'
import { TABLE_FILE_NAMES, type TableName } from '../../../domain/returns/tables.ts'
import type { Ssda903Folder } from '../import-ssda903-returns.ts'

/**
 * A return's tables as CSV files, under the validator's file names.
 * @param tables - the tables
 * @returns the files
 */
export function tableFiles(tables: ReturnTables): SourceFile[] {
  return (Object.entries(tables) as [TableName, string[][]][]).map(([name, rows]) => ({
    name: TABLE_FILE_NAMES[name],
    text: toCsv(rows),
  }))
}

/**
 * One folder per collection year, built from the facts.
 * @param facts - the children
 * @param years - the collection years
 * @returns the folders, labelled `ssda903-YYYY`
 */
export function returnFolders(facts: readonly ReturnFacts[], years: readonly CollectionYear[]): Ssda903Folder[] {
  return years.map(year => ({
    label: `ssda903-${year}`,
    year,
    files: tableFiles(buildSsda903Return(facts, year).tables),
  }))
}
