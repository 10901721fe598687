import { addMonths } from 'date-fns'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  addMonthsToDayNumber,
  calendarDay,
  dayNumberFromParts,
  fromDayNumber,
  partsFromDayNumber,
  toDayNumber,
} from '../shared/calendar-day.ts'
import { createCalendar } from './calendar.ts'
import {
  type Period,
  addPeriod,
  addWeeks,
  describePeriod,
  earliestDayMonthsAfter,
  lastDayOfWeeksBeginningWith,
  startOfMonthsEndingWith,
  subtractPeriodFromDayNumber,
} from './period.ts'

const calendar = createCalendar()
const d = calendarDay
const n = (s: string): number => toDayNumber(d(s))

describe('month arithmetic, corresponding-date rule (Dodds v Walker; rules.md §0.4, §5 T3, T7, T8)', () => {
  test.each([
    ['2025-11-30', 3, '2026-02-28', 'T3 first review 30 Nov 2025 → second by 28 Feb 2026'],
    ['2027-11-30', 3, '2028-02-29', 'T3 leap year 2028'],
    ['2025-08-31', 6, '2026-02-28', 'T3 review 31 Aug 2025 + 6 M'],
    ['2027-08-31', 6, '2028-02-29', 'T3 review 31 Aug 2027 + 6 M'],
    ['2024-02-29', 3, '2024-05-29', 'T3 review 29 Feb 2024 + 3 M'],
    ['2025-11-30', 3, '2026-02-28', 'T8 16th birthday 30 Nov 2025 → CL-01 28 Feb 2026'],
    ['2026-05-31', 3, '2026-08-31', 'T8 16th birthday 31 May 2026 → CL-01 31 Aug 2026 (a bank holiday; no roll)'],
  ])('REV-02/REV-03/CL-01 %s + %i M = %s: %s (CPPCR reg 33(2), 42(1))', (from, months, expected) => {
    expect(addPeriod(calendar, d(from), { n: months, unit: 'months' })).toBe(expected)
  })

  test('T3 chained vs anchored 3-monthly cadence from 30 Nov 2025 (rules.md §5 T3)', () => {
    const chained: string[] = []
    let day = n('2025-11-30')
    for (let i = 0; i < 3; i++) {
      day = addMonthsToDayNumber(day, 3)
      chained.push(fromDayNumber(day))
    }
    const anchored = [1, 2, 3].map(k => fromDayNumber(addMonthsToDayNumber(n('2025-11-30'), 3 * k)))
    expect(chained).toEqual(['2026-02-28', '2026-05-28', '2026-08-28'])
    expect(anchored).toEqual(['2026-02-28', '2026-05-30', '2026-08-30'])
  })

  test('agrees with date-fns addMonths for every day 1900–2100 and -240…240 months (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumberFromParts(1900, 1, 1), max: dayNumberFromParts(2100, 12, 31) }),
        fc.integer({ min: -240, max: 240 }),
        (day, months) => {
          const { year, month, day: dom } = partsFromDayNumber(day)
          const local = addMonths(new Date(year, month - 1, dom), months)
          const expected = dayNumberFromParts(local.getFullYear(), local.getMonth() + 1, local.getDate())
          expect(addMonthsToDayNumber(day, months)).toBe(expected)
        },
      ),
    )
  })

  test('day number ↔ calendar day round trip (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumberFromParts(1, 1, 1), max: dayNumberFromParts(9999, 12, 31) }), day => {
        expect(toDayNumber(fromDayNumber(day))).toBe(day)
      }),
    )
  })

  test('going forward n months then back n months never passes the start (property; T16)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: n('1950-01-01'), max: n('2080-12-31') }),
        fc.integer({ min: 1, max: 60 }),
        (day, months) => {
          const back = addMonthsToDayNumber(addMonthsToDayNumber(day, months), -months)
          expect(back).toBeLessThanOrEqual(day)
          expect(day - back).toBeLessThanOrEqual(3)
        },
      ),
    )
  })
})

describe('"beginning with" counting (CA89 s.32(1)(a)(ii); rules.md §5 T4)', () => {
  test.each([
    ['2025-01-06', 26, '2025-07-06', 'PRC-01 issue Mon 6 Jan 2025 → Sun 6 Jul 2025, not 7 Jul'],
    ['2025-01-01', 1, '2025-01-07', 'one week beginning with 1 Jan ends 7 Jan'],
  ])('%s, %i weeks beginning with it, ends %s: %s', (from, weeks, expected) => {
    expect(lastDayOfWeeksBeginningWith(d(from), weeks)).toBe(expected)
    expect(addPeriod(calendar, d(from), { n: weeks, unit: 'weeks', countTriggerDay: true })).toBe(expected)
  })

  test('PRC-02 an 8-week extension of the period ending Sun 6 Jul 2025 ends Sun 31 Aug 2025 (s.32(5),(8); T4)', () => {
    expect(addWeeks(d('2025-07-06'), 8)).toBe('2025-08-31')
  })

  test.each<[string, Period, string]>([
    ['2026-01-05', { n: 3, unit: 'workingDays', countTriggerDay: true }, '2026-01-07'],
    ['2026-01-03', { n: 3, unit: 'workingDays', countTriggerDay: true }, '2026-01-07'],
    ['2026-01-05', { n: 1, unit: 'months', countTriggerDay: true }, '2026-02-04'],
    ['2026-01-05', { n: 1, unit: 'years' }, '2027-01-05'],
    ['2026-01-05', { n: 7, unit: 'calendarDays', countTriggerDay: true }, '2026-01-11'],
  ])('period from %s: %o ends %s', (from, period, expected) => {
    expect(addPeriod(calendar, d(from), period)).toBe(expected)
  })
})

describe('backward month arithmetic for notice periods (CA89 s.14A(7); rules.md §5 T14, T16)', () => {
  test.each([
    ['2025-03-15', 3, '2025-06-15', 'T16 notice 15 Mar 2025'],
    ['2025-11-30', 3, '2026-03-01', 'T16 notice 30 Nov 2025: not 28 Feb 2026'],
    ['2025-08-31', 3, '2025-12-01', 'T16 notice 31 Aug 2025: not 30 Nov'],
    ['2024-02-15', 12, '2025-02-15', 'T14 foster placement from 15 Feb 2024: 366 days, not 365'],
    ['2024-02-29', 12, '2025-03-01', 'continuous from 29 Feb 2024: a year is complete on 1 Mar 2025'],
  ])('E-SGO %s + %i months elapsed → earliest %s: %s', (since, months, expected) => {
    expect(fromDayNumber(earliestDayMonthsAfter(n(since), months))).toBe(expected)
  })

  test('the 3-month period ending with 28 Feb 2026 begins on 29 Nov 2025 (T16)', () => {
    expect(fromDayNumber(startOfMonthsEndingWith(n('2026-02-28'), 3))).toBe('2025-11-29')
  })

  test('the earliest day is the first whose look-back reaches the start (property; T16)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: n('1990-01-01'), max: n('2080-12-31') }),
        fc.integer({ min: 1, max: 60 }),
        (since, months) => {
          const earliest = earliestDayMonthsAfter(since, months)
          expect(addMonthsToDayNumber(earliest, -months)).toBeGreaterThanOrEqual(since)
          expect(addMonthsToDayNumber(earliest - 1, -months)).toBeLessThan(since)
        },
      ),
    )
  })

  test.each<[string, Period, string]>([
    ['2026-01-05', { n: 3, unit: 'calendarDays' }, '2026-01-02'],
    ['2026-01-05', { n: 3, unit: 'workingDays' }, '2025-12-30'],
    ['2026-04-07', { n: 3, unit: 'calendarDays' }, '2026-04-04'],
    ['2026-04-07', { n: 3, unit: 'workingDays' }, '2026-03-31'],
    ['2025-05-30', { n: 6, unit: 'weeks' }, '2025-04-18'],
    ['2026-05-31', { n: 3, unit: 'months' }, '2026-02-28'],
    ['2026-05-31', { n: 1, unit: 'years' }, '2025-05-31'],
  ])('DOR PP-03 / TAM PP-06(d): %s minus %o is %s (rules.md §5 T5, T6)', (from, period, expected) => {
    expect(fromDayNumber(subtractPeriodFromDayNumber(calendar, n(from), period))).toBe(expected)
  })
})

test.each<[Period, string]>([
  [{ n: 20, unit: 'workingDays' }, '20 working days'],
  [{ n: 1, unit: 'weeks' }, '1 week'],
  [{ n: 3, unit: 'months' }, '3 months'],
  [{ n: 1, unit: 'years' }, '1 year'],
  [{ n: 7, unit: 'calendarDays' }, '7 days'],
])('describePeriod %o → %s', (period, expected) => {
  expect(describePeriod(period)).toBe(expected)
})
