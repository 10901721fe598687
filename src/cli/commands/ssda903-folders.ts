/**
 * Finding the collection year of each folder given to `permanence import ssda903`, and reading its CSV files.
 *
 * A folder's year is, in this order: the `--year` given for it (the n-th `--year` goes with the n-th folder); a
 * `YYYY-YY` (or `YYYY_YY`, `YYYY/YY`, `YYYYYY`) pair in its name, which names the year by both calendar years
 * (`2025-26` is 2025/26); or a single four-digit year in its name, which is the year the collection ends, as the
 * DfE validator names years (`2026` is 2025/26).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Ssda903Folder } from '../../app/returns/import-ssda903-returns.ts'
import { FAILURE_COLUMNS } from '../../app/returns/return-files.ts'
import {
  collectionYearLabel,
  EARLIEST_IMPORT_YEAR,
  LATEST_KNOWN_YEAR,
  type CollectionYear,
} from '../../domain/returns/collection-year.ts'

/** A folder or year the command cannot use; the message says what to do. */
export class FolderProblem extends Error {
  override readonly name = 'FolderProblem'
}

/**
 * A collection year written by a person: `2026`, `2025-26`, `2025/26` or `2025_26`.
 * @param text - what was written
 * @returns the year (named by its end year), or undefined
 */
export function parseCollectionYear(text: string): CollectionYear | undefined {
  const pair = /^(\d{4})[-_/]?(\d{2})$/.exec(text.trim())
  if (pair) {
    const start = Number(pair[1])
    return Number(pair[2]) === (start + 1) % 100 ? start + 1 : undefined
  }
  return /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : undefined
}

/**
 * The collection year a folder's name gives, if it gives one.
 * @param name - the folder's name (its last path segment)
 * @returns the year, or undefined
 */
export function yearFromFolderName(name: string): CollectionYear | undefined {
  const pairs = [...name.matchAll(/(?<!\d)(\d{4})[-_/]?(\d{2})(?!\d)/g)].map(match =>
    parseCollectionYear(`${match[1]}-${match[2]}`),
  )
  if (pairs.length > 0) {
    // One well-formed pair names the year; a pair that is not two consecutive years (2025-27) names none.
    return pairs.length === 1 ? pairs[0] : undefined
  }
  const singles = [...name.matchAll(/(?<!\d)(\d{4})(?!\d)/g)].map(match => Number(match[1]))
  return pairs.length === 0 && singles.length === 1 ? singles[0] : undefined
}

/**
 * Matches folders to years.
 * @param folders - the folders, as given
 * @param years - the `--year` values, as given (none, or one per folder)
 * @returns each folder with its year
 */
export function foldersWithYears(
  folders: readonly string[],
  years: readonly string[],
): { folder: string; year: CollectionYear }[] {
  if (years.length > 0 && years.length !== folders.length) {
    throw new FolderProblem(
      `Give one --year per folder, in the same order (${folders.length} folders, ${years.length} --year)`,
    )
  }
  return folders.map((folder, index) => {
    const given = years[index]
    const year = given === undefined ? yearFromFolderName(basename(folder)) : parseCollectionYear(given)
    if (year === undefined) {
      throw new FolderProblem(
        given === undefined
          ? `Cannot tell which collection year ${folder} holds: name it like 2025-26, or give --year for each folder`
          : `--year ${given} is not a collection year: write it like 2026 or 2025-26`,
      )
    }
    if (year < EARLIEST_IMPORT_YEAR || year > LATEST_KNOWN_YEAR) {
      throw new FolderProblem(
        `${folder} would be ${collectionYearLabel(year)}, but the import reads ${collectionYearLabel(EARLIEST_IMPORT_YEAR)} to ${collectionYearLabel(LATEST_KNOWN_YEAR)}`,
      )
    }
    return { folder, year }
  })
}

/**
 * Reads every `.csv` file in a folder (not its subfolders).
 * @param folder - the folder
 * @param year - its collection year
 * @returns the folder for the import
 */
export function readFolder(folder: string, year: CollectionYear): Ssda903Folder {
  let names: string[]
  try {
    if (!statSync(folder).isDirectory()) {
      throw new FolderProblem(`${folder} is not a folder`)
    }
    names = readdirSync(folder)
      .filter(name => name.toLowerCase().endsWith('.csv'))
      .sort()
  } catch (error) {
    if (error instanceof FolderProblem) {
      throw error
    }
    throw new FolderProblem(`Cannot read the folder ${folder}`)
  }
  if (names.length === 0) {
    throw new FolderProblem(`${folder} has no .csv files`)
  }
  const files = names
    .map(name => ({ name, text: readFileSync(join(folder, name), 'utf8') }))
    // The failures.csv `permanence returns` writes beside the tables is not part of the return.
    .filter(file => !file.text.replace(/^\uFEFF/, '').startsWith(`${FAILURE_COLUMNS.join(',')}\r\n`))
  return { label: folder.replace(/\/+$/, ''), year, files }
}
