/**
 * Reads SSDA903 CSV files for import (issue 8). Each file is identified by its exact set of column names, not its
 * name or column order (validator `ingress.py:_get_file_type`); values are trimmed and upper-cased, empty cells are
 * null. A file with any malformed cell is refused whole, and every problem names the file, row and column: bad
 * dates, codes not valid in the file's collection year, blanks where the return requires a value, and missing or
 * unexpected columns. Row numbers count the header as row 1, as a spreadsheet shows them.
 */
import { parse } from 'csv-parse/sync'
import { EARLIEST_IMPORT_YEAR, LATEST_KNOWN_YEAR, collectionYearLabel, type CollectionYear } from './collection-year.ts'
import { accommodationFromCode, codesIn } from './code-maps.ts'
import { parsePartialReturnDate, parseReturnDate } from './return-dates.ts'
import {
  CODE_COLUMNS,
  DATE_COLUMNS,
  FLAG_COLUMNS,
  REQUIRED_COLUMNS,
  TABLE_COLUMNS,
  TABLE_NAMES,
  tablesForYear,
  type TableName,
} from './tables.ts'

export interface SourceFile {
  readonly name: string
  readonly text: string
}

/** One data row: its row number in the file and its values by column (null for empty). */
export interface ParsedRow {
  readonly row: number
  readonly values: Readonly<Record<string, string | null>>
}

/** A collection year's tables, as read. */
export type ParsedTables = { [T in TableName]?: readonly ParsedRow[] }

export type ParseErrorCode =
  | 'malformed-csv'
  | 'unknown-table'
  | 'missing-column'
  | 'unexpected-column'
  | 'duplicate-table'
  | 'table-not-in-year'
  | 'blank-required'
  | 'bad-date'
  | 'unknown-code'
  | 'bad-flag'
  | 'bad-number'

export interface ParseError {
  readonly code: ParseErrorCode
  readonly file: string
  readonly table: TableName | null
  /** The row in the file (header = 1), or null for a whole-file problem. */
  readonly row: number | null
  readonly column: string | null
  readonly value: string | null
  readonly message: string
}

export interface ParseOptions {
  /** The collection year of these files; codes are checked against that year's lists. */
  readonly year?: CollectionYear
}

export interface ParsedFiles {
  readonly tables: ParsedTables
  readonly errors: ParseError[]
}

const ALL_YEARS = Array.from(
  { length: LATEST_KNOWN_YEAR - EARLIEST_IMPORT_YEAR + 1 },
  (_, i) => EARLIEST_IMPORT_YEAR + i,
)

// Every cell of every file is checked against these, so each list is built once per column and year.
const codeSets = new Map<string, ReadonlySet<string>>()

function validCodes(column: string, year: CollectionYear | undefined): ReadonlySet<string> | undefined {
  const list = CODE_COLUMNS[column]
  if (list === undefined) {
    return undefined
  }
  const key = `${column}|${year ?? 'any'}`
  let codes = codeSets.get(key)
  if (codes === undefined) {
    codes = new Set(year === undefined ? ALL_YEARS.flatMap(y => codesIn(list, y)) : codesIn(list, year))
    codeSets.set(key, codes)
  }
  return codes
}

function identify(columns: readonly string[]): { table: TableName | null; missing: string[]; extra: string[] } {
  const set = new Set(columns)
  let best: { table: TableName; missing: string[]; extra: string[]; score: number } | null = null
  for (const table of TABLE_NAMES) {
    const expected = TABLE_COLUMNS[table]
    const missing = expected.filter(column => !set.has(column))
    const extra = columns.filter(column => !expected.includes(column))
    if (missing.length === 0 && extra.length === 0) {
      return { table, missing, extra }
    }
    const score = expected.length - missing.length - extra.length
    if (best === null || score > best.score) {
      best = { table, missing, extra, score }
    }
  }
  return best !== null && best.score > 0
    ? { table: null, missing: best.missing, extra: best.extra }
    : { table: null, missing: [], extra: [] }
}

function closestTable(columns: readonly string[]): TableName | null {
  const set = new Set(columns)
  let best: TableName | null = null
  let bestScore = 0
  for (const table of TABLE_NAMES) {
    const expected = TABLE_COLUMNS[table]
    const score = expected.filter(column => set.has(column)).length - columns.filter(c => !expected.includes(c)).length
    if (score > bestScore) {
      best = table
      bestScore = score
    }
  }
  return best
}

function checkCell(
  table: TableName,
  column: string,
  value: string | null,
  year: CollectionYear | undefined,
): { code: ParseErrorCode; message: string } | null {
  if (value === null) {
    return REQUIRED_COLUMNS[table].includes(column)
      ? { code: 'blank-required', message: `${column} must not be blank` }
      : null
  }
  if (DATE_COLUMNS.has(column) && parseReturnDate(value) === undefined) {
    return { code: 'bad-date', message: `${column} "${value}" is not a date in the form dd/mm/yyyy` }
  }
  if (column === 'DATE_PERM' && parsePartialReturnDate(value) === undefined) {
    return {
      code: 'bad-date',
      message: `DATE_PERM "${value}" is not a date in the form dd/mm/yyyy (ZZ for unknown parts)`,
    }
  }
  if (FLAG_COLUMNS.has(column) && value !== '0' && value !== '1') {
    return { code: 'bad-flag', message: `${column} "${value}" must be 0 or 1` }
  }
  if (column === 'NB_ADOPTR' && value !== '1' && value !== '2') {
    return { code: 'bad-number', message: `NB_ADOPTR "${value}" must be 1 or 2` }
  }
  if (column === 'SDQ_SCORE' && !(/^\d{1,2}$/.test(value) && Number(value) <= 40)) {
    return { code: 'bad-number', message: `SDQ_SCORE "${value}" must be a whole number from 0 to 40` }
  }
  if (column === 'ACCOM' && accommodationFromCode(value) === undefined) {
    return { code: 'unknown-code', message: `ACCOM "${value}" is not an OC3 accommodation code` }
  }
  const codes = validCodes(column, year)
  if (codes !== undefined && !codes.has(value)) {
    const when = year === undefined ? 'any collection year' : collectionYearLabel(year)
    return { code: 'unknown-code', message: `${column} "${value}" is not a valid code in ${when}` }
  }
  return null
}

/**
 * Reads and checks one collection year's SSDA903 CSV files.
 * @param files - the files, by name and text
 * @param options - the collection year, to check codes against its lists
 * @returns the tables of files that passed, and every problem found
 */
export function parseSsda903Files(files: readonly SourceFile[], options: ParseOptions = {}): ParsedFiles {
  const tables: ParsedTables = {}
  const errors: ParseError[] = []
  const seen = new Map<TableName, string>()
  const year = options.year
  for (const file of files) {
    const fileErrors: ParseError[] = []
    const error = (
      code: ParseErrorCode,
      table: TableName | null,
      row: number | null,
      column: string | null,
      value: string | null,
      message: string,
    ) => fileErrors.push({ code, file: file.name, table, row, column, value, message })
    let records: string[][]
    try {
      // No per-record info: row numbers are counted below, and the parser's info objects cost a second per 100,000
      // rows.
      records = parse(file.text, {
        bom: true,
        skip_empty_lines: true,
        relax_column_count: false,
      })
    } catch (cause) {
      const lines = (cause as { lines?: number }).lines
      error(
        'malformed-csv',
        null,
        lines ?? null,
        null,
        null,
        `The file is not well-formed CSV: ${(cause as Error).message}`,
      )
      errors.push(...fileErrors)
      continue
    }
    const [head, ...body] = records
    if (head === undefined) {
      error('unknown-table', null, 1, null, null, 'The file is empty')
      errors.push(...fileErrors)
      continue
    }
    const columns = head.map(column => column.trim().toUpperCase())
    const { table, missing, extra } = identify(columns)
    if (table === null) {
      const near = closestTable(columns)
      if (near === null || (missing.length === 0 && extra.length === 0)) {
        error('unknown-table', null, 1, null, null, `The columns match no SSDA903 table: ${columns.join(', ')}`)
      }
      for (const column of missing) {
        error(
          'missing-column',
          near,
          1,
          column,
          null,
          `Column ${column} is missing (the ${near ?? 'closest'} table needs it)`,
        )
      }
      for (const column of extra) {
        error('unexpected-column', near, 1, column, null, `Column ${column} is not in the ${near ?? 'closest'} table`)
      }
      errors.push(...fileErrors)
      continue
    }
    if (year !== undefined && !tablesForYear(year).includes(table)) {
      error(
        'table-not-in-year',
        table,
        1,
        null,
        null,
        `The ${table} table is not part of the ${collectionYearLabel(year)} return`,
      )
    }
    const earlier = seen.get(table)
    if (earlier !== undefined) {
      error('duplicate-table', table, null, null, null, `This is a second ${table} file; ${earlier} is already one`)
    }
    const rows: ParsedRow[] = []
    body.forEach((entry, index) => {
      const rowNumber = index + 2
      const values: { [column: string]: string | null } = {}
      columns.forEach((column, i) => {
        const raw = (entry[i] ?? '').trim().toUpperCase()
        const value = raw === '' ? null : raw
        values[column] = value
        const problem = checkCell(table, column, value, year)
        if (problem !== null) {
          error(problem.code, table, rowNumber, column, value, `Row ${rowNumber}, column ${column}: ${problem.message}`)
        }
      })
      rows.push({ row: rowNumber, values })
    })
    if (fileErrors.length > 0) {
      errors.push(...fileErrors)
      continue
    }
    seen.set(table, file.name)
    tables[table] = rows
  }
  return { tables, errors }
}
