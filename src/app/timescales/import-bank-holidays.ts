import type { Database } from '../../db/client.ts'
import { insertBankHolidayImport } from '../../db/repositories/timescales-repository.ts'
import { parseGovUkBankHolidays } from '../../domain/deadlines/gov-uk-bank-holidays.ts'
import type { DomainError } from '../../domain/shared/result.ts'

/**
 * Imports a gov.uk `bank-holidays.json` file: checked, stored, and layered over the built-in calendar for every
 * later evaluation (dates that were provisional become confirmed; rules.md §1, T24).
 * @param db - the database
 * @param source - the file's name
 * @param json - its decoded content
 * @returns the import id and the years it covers, or the errors
 */
export async function importBankHolidays(
  db: Database,
  source: string,
  json: unknown,
): Promise<{ ok: true; id: number; years: number[] } | { ok: false; errors: readonly DomainError[] }> {
  const parsed = parseGovUkBankHolidays(json)
  if (!parsed.ok) {
    return { ok: false, errors: parsed.errors }
  }
  const id = await insertBankHolidayImport(db, source, json)
  const years: number[] = []
  for (let year = parsed.value.firstYear; year <= parsed.value.lastYear; year += 1) {
    years.push(year)
  }
  return { ok: true, id, years }
}
