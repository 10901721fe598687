/**
 * Importer for the gov.uk `bank-holidays.json` feed (https://www.gov.uk/bank-holidays.json, key
 * `england-and-wales`, `events[{ title, date, notes, bunting }]`). Pure: the adapter reads the file, this checks it
 * and turns it into a versioned {@link BankHolidayTable}. Every problem is reported with the path of the bad field,
 * so an operator can fix the file (rules.md §1; §5 T1, T24).
 */
import { parseCalendarDay, type CalendarDay } from '../shared/calendar-day.ts'
import { type DomainError, type Result, domainError, fail, ok } from '../shared/result.ts'
import type { BankHoliday, BankHolidayTable } from './bank-holidays.ts'

/** Why a gov.uk bank-holidays file was refused. */
export type GovUkBankHolidaysErrorCode =
  | 'not-an-object'
  | 'missing-division'
  | 'wrong-division'
  | 'not-a-list'
  | 'empty-list'
  | 'missing-field'
  | 'not-text'
  | 'not-a-boolean'
  | 'not-a-real-date'
  | 'duplicate-date'

const DIVISION = 'england-and-wales'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// FNV-1a (32-bit) over the dates and titles: a short, stable content hash for the version id.
function contentHash(holidays: readonly BankHoliday[]): string {
  let hash = 0x811c9dc5
  for (const h of holidays) {
    const text = `${h.date}|${h.title}|${h.notes};`
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i)
      hash = Math.imul(hash, 0x01000193) >>> 0
    }
  }
  return hash.toString(16).padStart(8, '0')
}

/**
 * Parses the gov.uk bank-holidays JSON (already decoded from text) into a calendar table for England and Wales.
 * The table is confirmed through 31 December of the last year it lists (gov.uk publishes whole years).
 * @param json - the decoded file
 * @returns the table, or every problem found, each naming the bad field
 */
export function parseGovUkBankHolidays(
  json: unknown,
): Result<BankHolidayTable, DomainError<GovUkBankHolidaysErrorCode>> {
  const errors: DomainError<GovUkBankHolidaysErrorCode>[] = []
  if (!isRecord(json)) {
    return fail(domainError('not-an-object', []))
  }
  const division = json[DIVISION]
  if (division === undefined) {
    return fail(domainError('missing-division', [DIVISION]))
  }
  if (!isRecord(division)) {
    return fail(domainError('not-an-object', [DIVISION]))
  }
  if (division.division !== undefined && division.division !== DIVISION) {
    errors.push(domainError('wrong-division', [DIVISION, 'division'], { expected: DIVISION }))
  }
  const events = division.events
  if (!Array.isArray(events)) {
    return fail(...errors, domainError(events === undefined ? 'missing-field' : 'not-a-list', [DIVISION, 'events']))
  }
  if (events.length === 0) {
    return fail(...errors, domainError('empty-list', [DIVISION, 'events']))
  }
  const seen = new Map<string, number>()
  const holidays: BankHoliday[] = []
  events.forEach((event: unknown, index) => {
    const path = [DIVISION, 'events', index]
    if (!isRecord(event)) {
      errors.push(domainError('not-an-object', path))
      return
    }
    let date: CalendarDay | undefined
    if (event.date === undefined) {
      errors.push(domainError('missing-field', [...path, 'date']))
    } else if (typeof event.date !== 'string') {
      errors.push(domainError('not-text', [...path, 'date']))
    } else {
      date = parseCalendarDay(event.date)
      if (date === undefined) {
        errors.push(domainError('not-a-real-date', [...path, 'date'], { value: event.date }))
      } else if (seen.has(date)) {
        errors.push(domainError('duplicate-date', [...path, 'date'], { value: date, firstAt: seen.get(date) ?? 0 }))
      } else {
        seen.set(date, index)
      }
    }
    if (event.title === undefined) {
      errors.push(domainError('missing-field', [...path, 'title']))
    } else if (typeof event.title !== 'string' || event.title.trim() === '') {
      errors.push(domainError('not-text', [...path, 'title']))
    }
    if (event.notes !== undefined && typeof event.notes !== 'string') {
      errors.push(domainError('not-text', [...path, 'notes']))
    }
    if (event.bunting !== undefined && typeof event.bunting !== 'boolean') {
      errors.push(domainError('not-a-boolean', [...path, 'bunting']))
    }
    if (date !== undefined && typeof event.title === 'string') {
      holidays.push({ date, title: event.title, notes: typeof event.notes === 'string' ? event.notes : '' })
    }
  })
  if (errors.length > 0) {
    return fail(...errors)
  }
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const first = holidays[0]
  const last = holidays[holidays.length - 1]
  if (first === undefined || last === undefined) {
    return fail(domainError('empty-list', [DIVISION, 'events']))
  }
  const firstYear = Number(first.date.slice(0, 4))
  const lastYear = Number(last.date.slice(0, 4))
  return ok({
    versionId: `gov-uk-${firstYear}-${lastYear}-${contentHash(holidays)}`,
    division: DIVISION,
    source: 'gov.uk bank-holidays.json (imported)',
    firstYear,
    lastYear,
    confirmedThrough: `${String(lastYear).padStart(4, '0')}-12-31` as CalendarDay,
    holidays,
  })
}
