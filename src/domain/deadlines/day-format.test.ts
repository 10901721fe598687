import fc from 'fast-check'
import { expect, test } from 'vitest'
import {
  addMonthsToDayNumber,
  ageInYears,
  dayNumberFromParts,
  formatDayNumber,
  fromDayNumber,
  nthBirthday,
  toDayNumber,
} from '../shared/calendar-day.ts'
import { addMonthsFast, ageOnDayNumber, dayNumberOf, isoDay, longDay, nthBirthdayDayNumber } from './day-format.ts'

test('fast day conversions agree with shared/calendar-day.ts for years 1–9999 (property; rules.md §5 T21)', () => {
  fc.assert(
    fc.property(fc.integer({ min: dayNumberFromParts(1, 1, 1), max: dayNumberFromParts(9999, 12, 31) }), n => {
      const iso = fromDayNumber(n)
      expect(isoDay(n)).toBe(iso)
      expect(longDay(n)).toBe(formatDayNumber(n))
      if (n >= dayNumberFromParts(1000, 1, 1)) {
        expect(dayNumberOf(iso)).toBe(toDayNumber(iso))
      }
    }),
  )
})

test('fast month arithmetic agrees with addMonthsToDayNumber (property; Dodds v Walker, rules.md §0.4)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: dayNumberFromParts(1600, 1, 1), max: dayNumberFromParts(2400, 12, 31) }),
      fc.integer({ min: -1200, max: 1200 }),
      (n, months) => {
        expect(addMonthsFast(n, months)).toBe(addMonthsToDayNumber(n, months))
      },
    ),
  )
})

test('the tables for 1900–2199 and the memoised text agree with shared/calendar-day.ts at and beyond their edges (property)', () => {
  const around = fc.integer({ min: dayNumberFromParts(1890, 1, 1), max: dayNumberFromParts(2210, 12, 31) })
  fc.assert(
    fc.property(around, fc.integer({ min: -3700, max: 3700 }), (n, months) => {
      for (let twice = 0; twice < 2; twice++) {
        expect(isoDay(n)).toBe(fromDayNumber(n))
        expect(longDay(n)).toBe(formatDayNumber(n))
      }
      expect(addMonthsFast(n, months)).toBe(addMonthsToDayNumber(n, months))
    }),
    { numRuns: 5000 },
  )
  for (const day of ['1900-01-01', '1899-12-31', '2199-12-31', '2200-01-01', '2024-02-29', '2100-02-28'] as const) {
    const n = toDayNumber(day as Parameters<typeof toDayNumber>[0])
    expect(isoDay(n)).toBe(day)
    expect(addMonthsFast(n, 12)).toBe(addMonthsToDayNumber(n, 12))
    expect(addMonthsFast(n, -1)).toBe(addMonthsToDayNumber(n, -1))
  }
})

test('nthBirthdayDayNumber agrees with nthBirthday for both leap-day readings (property; rules.md §5 T7)', () => {
  const born = fc.integer({ min: dayNumberFromParts(1880, 1, 1), max: dayNumberFromParts(2220, 12, 31) })
  const leapDays = fc.constantFrom(
    ...['2000-02-29', '2008-02-29', '2012-02-29', '2096-02-29', '2196-02-29'].map(d =>
      toDayNumber(d as Parameters<typeof toDayNumber>[0]),
    ),
  )
  fc.assert(
    fc.property(
      fc.oneof(born, leapDays),
      fc.integer({ min: 0, max: 30 }),
      fc.constantFrom('02-28' as const, '03-01' as const),
      (n, years, leap) => {
        expect(nthBirthdayDayNumber(n, years, leap)).toBe(toDayNumber(nthBirthday(fromDayNumber(n), years, leap)))
      },
    ),
    { numRuns: 5000 },
  )
})

test('dayNumberOf agrees with toDayNumber inside and around the table range (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: dayNumberFromParts(1880, 1, 1), max: dayNumberFromParts(2220, 12, 31) }), n => {
      const iso = fromDayNumber(n)
      expect(dayNumberOf(iso)).toBe(toDayNumber(iso))
    }),
    { numRuns: 5000 },
  )
})

test('ageOnDayNumber agrees with ageInYears for both leap-day readings (property; rules.md §5 T7)', () => {
  const day = fc.integer({ min: dayNumberFromParts(1880, 1, 1), max: dayNumberFromParts(2220, 12, 31) })
  const leapBirth = fc.constantFrom(
    ...['2000-02-29', '2008-02-29', '2012-02-29'].map(d => toDayNumber(d as Parameters<typeof toDayNumber>[0])),
  )
  fc.assert(
    fc.property(
      fc.oneof(day, leapBirth),
      day,
      fc.constantFrom('02-28' as const, '03-01' as const),
      (born, on, leap) => {
        expect(ageOnDayNumber(born, on, leap)).toBe(ageInYears(fromDayNumber(born), fromDayNumber(on), leap))
      },
    ),
    { numRuns: 5000 },
  )
})
