import Holidays from 'date-holidays'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { type CalendarDay, calendarDay, fromDayNumber, isoWeekday, toDayNumber } from '../shared/calendar-day.ts'
import { type BankHolidayTable, easterSundayDayNumber, generateEnglandAndWalesBankHolidays } from './bank-holidays.ts'
import { createCalendar } from './calendar.ts'
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from './england-and-wales-bank-holidays.ts'
import { describeNonWorkingDays } from './non-working-days.ts'

const calendar = createCalendar()
const d = calendarDay

describe('working-day arithmetic (rules.md §0.4, §1)', () => {
  test.each([
    ['2025-12-19', 20, '2026-01-21', 'REV-01 LAC Fri 19 Dec 2025 skips 25, 26 Dec and 1 Jan'],
    ['2026-04-02', 20, '2026-05-05', 'REV-01 LAC Thu 2 Apr 2026 skips Good Friday, Easter Monday and early May'],
    ['2022-09-09', 20, '2022-10-10', 'REV-01 LAC Fri 9 Sep 2022 skips the State Funeral on 19 Sep 2022'],
    ['2026-04-02', 10, '2026-04-20', 'CP-01 care plan +10 WD over Easter (T2)'],
    ['2026-04-02', 5, '2026-04-13', 'CP-03 placement plan +5 WD over Easter (T2)'],
    ['2025-12-20', 1, '2025-12-22', 'a Saturday trigger: the next working day is Monday'],
    ['2026-01-05', -3, '2025-12-30', 'DOR PP-03 3 WD before PPM Mon 5 Jan 2026 (T6)'],
    ['2026-04-07', -3, '2026-03-31', 'DOR PP-03 3 WD before PPM Tue 7 Apr 2026 (T6)'],
  ])('T1/T2/T6 %s + %i WD = %s: %s (CPPCR reg 33(1), 4(2), 9(1); rules.md §5)', (from, n, expected) => {
    expect(calendar.addWorkingDays(d(from), n)).toBe(expected)
  })

  test('T1 without the proclaimed State Funeral day, 20 WD from 9 Sep 2022 ends on Fri 7 Oct 2022 (rules.md §5 T1)', () => {
    const withoutFuneral: BankHolidayTable = {
      ...ENGLAND_AND_WALES_BANK_HOLIDAYS,
      versionId: 'test-without-funeral',
      holidays: ENGLAND_AND_WALES_BANK_HOLIDAYS.holidays.filter(h => h.date !== '2022-09-19'),
    }
    expect(createCalendar({ tables: [withoutFuneral] }).addWorkingDays(d('2022-09-09'), 20)).toBe('2022-10-07')
  })

  test.each([
    ['2025-12-19', '2026-01-21', 20],
    ['2026-01-21', '2025-12-19', -20],
    ['2025-04-17', '2025-04-22', 1],
    ['2025-04-18', '2025-04-18', 0],
  ])('working days after %s up to and including %s = %i (rules.md §0.4 +n WD)', (from, to, expected) => {
    expect(calendar.workingDaysBetween(d(from), d(to))).toBe(expected)
  })

  test.each([
    ['2025-04-18', '2025-04-17', 'Good Friday 2025 → Maundy Thursday (T5)'],
    ['2026-08-31', '2026-08-28', 'summer bank holiday 2026 → Friday (T8)'],
    ['2025-07-06', '2025-07-04', 'Sunday → Friday (T4)'],
    ['2025-12-29', '2025-12-24', 'after Christmas → Christmas Eve'],
  ])('last working day before %s is %s: %s (rules.md §0.4)', (day, expected) => {
    expect(calendar.lastWorkingDayBefore(d(day))).toBe(expected)
  })

  test.each([
    ['2025-12-19', '2026-01-21', '25 and 26 December and 1 January are not working days'],
    ['2026-04-02', '2026-05-05', '3 and 6 April and 4 May are not working days'],
    ['2026-01-02', '2026-01-21', ''],
    ['2022-09-09', '2022-10-10', '19 September is not a working day'],
  ])('naming the bank holidays between %s and %s (rules.md §5 T1)', (from, to, expected) => {
    expect(describeNonWorkingDays(calendar.nonWorkingWeekdaysBetween(d(from), d(to)))).toBe(expected)
  })

  test('Christmas Day and Good Friday are never working days, even when a table omits them (rules.md §1)', () => {
    const bare: BankHolidayTable = { ...ENGLAND_AND_WALES_BANK_HOLIDAYS, versionId: 'bare', holidays: [] }
    const c = createCalendar({ tables: [bare] })
    expect(c.isWorkingDay(d('2025-12-25'))).toBe(false)
    expect(c.isWorkingDay(d('2025-04-18'))).toBe(false)
    expect(c.isWorkingDay(d('2025-04-21'))).toBe(true)
  })
})

describe('England and Wales bank-holiday table (BFDA 1971 Sch 1; rules.md §1)', () => {
  // rules.md §1 table, copied from the gov.uk feed (2020–2025 ✔, 2026 ◐, 2027–2028 computed).
  test.each([
    [2020, '01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28'],
    [2021, '01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28'],
    [2022, '01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27'],
    [2023, '01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26'],
    [2024, '01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26'],
    [2025, '01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26'],
    [2026, '01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28'],
    [2027, '01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28'],
    [2028, '01-03 04-14 04-17 05-01 05-29 08-28 12-25 12-26'],
  ])('%i matches rules.md §1', (year, monthDays) => {
    const table = ENGLAND_AND_WALES_BANK_HOLIDAYS.holidays
      .filter(h => h.date.startsWith(`${year}-`))
      .map(h => h.date.slice(5))
    expect(table.join(' ')).toBe(monthDays)
  })

  // date-holidays' known differences from the gov.uk feed: it lacks the 2011 royal wedding, and in 2012 it keeps the
  // spring bank holiday on 28 May although it was moved to 4 June for the Diamond Jubilee.
  const KNOWN_DIFFERENCES = {
    onlyInOurTable: ['2011-04-29', '2012-06-04'],
    onlyInDateHolidays: ['2012-05-28'],
  }

  test('2010–2030 agree with the date-holidays package except the documented one-off days (rules.md §1)', () => {
    const hd = new Holidays('GB', 'ENG')
    const theirs = new Set<string>()
    for (let year = 2010; year <= 2030; year++) {
      for (const h of hd.getHolidays(year)) {
        const date = h.date.slice(0, 10)
        if (h.type === 'public' && isoWeekday(d(date)) <= 5) {
          theirs.add(date)
        }
      }
    }
    const ours = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.holidays.map(h => h.date as string))
    expect([...ours].filter(x => !theirs.has(x)).sort()).toEqual(KNOWN_DIFFERENCES.onlyInOurTable)
    expect([...theirs].filter(x => !ours.has(x)).sort()).toEqual(KNOWN_DIFFERENCES.onlyInDateHolidays)
  })

  test.each([2010, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2021, 2024, 2025, 2026, 2027, 2028, 2029, 2030])(
    'the rule-based generator reproduces %i, a year with no one-off days (rules.md §1)',
    year => {
      const table = ENGLAND_AND_WALES_BANK_HOLIDAYS.holidays.filter(h => h.date.startsWith(`${year}-`))
      expect(generateEnglandAndWalesBankHolidays(year)).toEqual(table)
    },
  )

  test.each([
    [1818, '1818-03-22'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter Sunday %i is %s (Gregorian computus)', (year, expected) => {
    expect(fromDayNumber(easterSundayDayNumber(year))).toBe(expected)
  })

  test('the table has a version id and is confirmed through 2026; later dates are provisional (rules.md §5 T24)', () => {
    expect(calendar.versionId).toBe('ew-2010-2030.v1')
    expect(calendar.confirmedThrough).toBe('2026-12-31')
    expect(calendar.isProvisional(d('2026-12-31'))).toBe(false)
    expect(calendar.isProvisional(d('2027-01-01'))).toBe(true)
    expect(calendar.isProvisional(d('2031-05-05'))).toBe(true)
    expect(calendar.isProvisional(d('2009-12-31'))).toBe(true)
  })

  test('beyond the table, holidays come from the rules: 2031 Easter Monday is not a working day (T24)', () => {
    expect(calendar.isWorkingDay(d('2031-04-14'))).toBe(false)
    expect(calendar.isWorkingDay(d('2031-04-15'))).toBe(true)
  })
})

describe('properties of working-day arithmetic', () => {
  const dayArb = fc.integer({ min: toDayNumber(d('1995-01-01')), max: toDayNumber(d('2095-12-31')) })

  function naiveAdd(start: number, n: number): number {
    let day = start
    let remaining = Math.abs(n)
    while (remaining > 0) {
      day += n > 0 ? 1 : -1
      if (calendar.isWorkingDayNumber(day)) {
        remaining--
      }
    }
    return day
  }

  test('adding n working days equals a day-by-day loop (rules.md §0.4 +n WD)', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -60, max: 60 }), (start, n) => {
        expect(calendar.addWorkingDaysToDayNumber(start, n)).toBe(naiveAdd(start, n))
      }),
    )
  })

  test('working days between a day and n working days later is n (round trip)', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 300 }), (start, n) => {
        const end = calendar.addWorkingDaysToDayNumber(start, n)
        expect(calendar.workingDaysBetweenDayNumbers(start, end)).toBe(n)
        expect(calendar.isWorkingDayNumber(end) || n === 0).toBe(true)
      }),
    )
  })

  test('from a working day, adding then subtracting n working days returns to it', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 300 }), (start, n) => {
        fc.pre(calendar.isWorkingDayNumber(start))
        expect(calendar.addWorkingDaysToDayNumber(calendar.addWorkingDaysToDayNumber(start, n), -n)).toBe(start)
      }),
    )
  })

  test('outside the precomputed range the slow path agrees with the fast one', () => {
    const narrow = createCalendar({ firstYear: 2020, lastYear: 2021 })
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber(d('2015-01-01')), max: toDayNumber(d('2026-12-31')) }),
        fc.integer({ min: -40, max: 40 }),
        (start, n) => {
          expect(narrow.addWorkingDaysToDayNumber(start, n)).toBe(calendar.addWorkingDaysToDayNumber(start, n))
          const end = start + n
          expect(narrow.workingDaysBetweenDayNumbers(start, end)).toBe(
            calendar.workingDaysBetweenDayNumbers(start, end),
          )
          expect(narrow.isProvisionalDayNumber(start)).toBe(calendar.isProvisionalDayNumber(start))
        },
      ),
    )
  })

  test('CalendarDay and day-number forms agree', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -30, max: 30 }), (start, n) => {
        const day: CalendarDay = fromDayNumber(start)
        expect(toDayNumber(calendar.addWorkingDays(day, n))).toBe(calendar.addWorkingDaysToDayNumber(start, n))
      }),
    )
  })
})
