import { addMonths, differenceInCalendarDays } from 'date-fns'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addCalendarDays,
  addCalendarMonths,
  ageInYears,
  calendarDay,
  daysBetween,
  formatCalendarDay,
  fromDayNumber,
  isoWeekday,
  parseCalendarDay,
  toDayNumber,
} from './calendar-day.ts'

const dayArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map(d => calendarDay(d.toISOString().slice(0, 10)))

// date-fns works in local time (TZ=Europe/London in tests), so the oracle builds local dates and reads local parts.
function asLocalDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const date = new Date(y, m - 1, d)
  date.setFullYear(y)
  return date
}

function localDay(date: Date): string {
  return `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

describe('calendar days', () => {
  it('parses only real dates', () => {
    expect(parseCalendarDay('2024-02-29')).toBe('2024-02-29')
    expect(parseCalendarDay('2025-02-29')).toBeUndefined()
    expect(parseCalendarDay('2025-13-01')).toBeUndefined()
    expect(parseCalendarDay('25-01-01')).toBeUndefined()
  })

  it('round-trips through day numbers (property)', () => {
    fc.assert(
      fc.property(dayArb, day => fromDayNumber(toDayNumber(day)) === day),
      { numRuns: 2000 },
    )
  })

  it('adds calendar days as date-fns does (property)', () => {
    fc.assert(
      fc.property(
        dayArb,
        fc.integer({ min: -4000, max: 4000 }),
        (day, n) =>
          daysBetween(day, addCalendarDays(day, n)) === n &&
          differenceInCalendarDays(asLocalDate(addCalendarDays(day, n)), asLocalDate(day)) === n,
      ),
      { numRuns: 2000 },
    )
  })

  it('adds months by the corresponding-date rule, clamped to month end, as date-fns addMonths (property; Dodds v Walker)', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -120, max: 120 }), (day, n) => {
        const ours = addCalendarMonths(day, n)
        const theirs = localDay(addMonths(asLocalDate(day), n))
        return ours === theirs
      }),
      { numRuns: 2000 },
    )
  })

  it.each([
    ['2025-11-30', 3, '2026-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2024-02-29', 3, '2024-05-29'],
  ])('rules.md T3 month ends and leap years: %s + %i months = %s', (from, months, expectedDay) => {
    expect(addCalendarMonths(calendarDay(from), months)).toBe(expectedDay)
  })

  it('knows the day of the week (1970-01-01 was a Thursday; 19 December 2025 a Friday)', () => {
    expect(isoWeekday(calendarDay('1970-01-01'))).toBe(4)
    expect(isoWeekday(calendarDay('2025-12-19'))).toBe(5)
  })

  it('formats days the GOV.UK way', () => {
    expect(formatCalendarDay(calendarDay('2025-12-19'))).toBe('19 December 2025')
  })

  it.each([
    ['2010-03-10', '2026-03-09', 15],
    ['2010-03-10', '2026-03-10', 16],
    ['2008-02-29', '2025-02-28', 16],
    ['2008-02-29', '2025-03-01', 17],
  ])(
    'age: born %s, on %s is %i (29 February birthdays fall on 1 March in common years by default; rules.md T7)',
    (born, on, age) => {
      expect(ageInYears(calendarDay(born), calendarDay(on))).toBe(age)
    },
  )
})
