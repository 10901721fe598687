import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addCalendarDays, fromDayNumber, toDayNumber, type CalendarDay } from '../shared/calendar-day.ts'
import { assessSubmission, isWorkingDay, latestSubmissionOn, workingDaysBefore } from './plan-submission.ts'
import { d } from './testing/fixtures.ts'

// England and Wales bank holidays around the worked examples (rules.md §1).
const HOLIDAYS = new Set<CalendarDay>(
  ['2025-12-25', '2025-12-26', '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04'].map(d),
)

describe('PP-03: the last day a plan can reach the team manager ([DOR] Golden Rules "3 days in advance"; rules.md §5 T6)', () => {
  it.each([
    ['PPM Mon 5 Jan 2026, 3 calendar days → Fri 2 Jan 2026', '2026-01-05', 'calendar-days', '2026-01-02'],
    [
      'PPM Mon 5 Jan 2026, 3 working days → Tue 30 Dec 2025 (1 Jan and the weekend skipped)',
      '2026-01-05',
      'working-days',
      '2025-12-30',
    ],
    ['PPM Tue 7 Apr 2026, 3 calendar days → Sat 4 Apr 2026', '2026-04-07', 'calendar-days', '2026-04-04'],
    [
      'PPM Tue 7 Apr 2026, 3 working days → Tue 31 Mar 2026 (Good Friday and Easter Monday skipped)',
      '2026-04-07',
      'working-days',
      '2026-03-31',
    ],
  ] as const)('%s', (_name, ppmOn, unit, expected) => {
    expect(latestSubmissionOn(d(ppmOn), { days: 3, unit }, HOLIDAYS)).toBe(expected)
  })
})

describe('PP-03: lateness is flagged against the PPM the plan was sent for (docs/adr/0024)', () => {
  it.each([
    ['sent on the last day is on time', '2026-01-02', false, 0],
    ['sent earlier is on time', '2025-12-20', false, 0],
    ['sent a day after the last day is 1 day late', '2026-01-03', true, 1],
    ['sent on the day of the PPM is 3 days late', '2026-01-05', true, 3],
    ['sent after the PPM is still recorded, and late', '2026-01-07', true, 5],
  ] as const)('%s', (_name, sentOn, isLate, daysLate) => {
    const result = assessSubmission(d(sentOn), d('2026-01-05'), { days: 3, unit: 'calendar-days' }, HOLIDAYS)
    expect(result).toEqual({ latestOn: '2026-01-02', isLate, daysLate })
  })

  it('an authority with no rule (Devon, Tameside) has nothing to be late against', () => {
    expect(assessSubmission(d('2026-01-05'), d('2026-01-05'), null, HOLIDAYS)).toEqual({
      latestOn: null,
      isLate: null,
      daysLate: null,
    })
  })
})

describe('working days exclude weekends and bank holidays (rules.md §1)', () => {
  it.each([
    ['Monday 5 January 2026', '2026-01-05', true],
    ['Saturday 3 January 2026', '2026-01-03', false],
    ['New Year’s Day 2026 (Thursday)', '2026-01-01', false],
    ['Good Friday 2026', '2026-04-03', false],
  ] as const)('%s', (_name, day, expected) => {
    expect(isWorkingDay(d(day), HOLIDAYS)).toBe(expected)
  })

  it('zero working days before a day is the day itself', () => {
    expect(workingDaysBefore(d('2026-01-04'), 0, HOLIDAYS)).toBe('2026-01-04')
  })

  it('n working days before any day lands on a working day strictly earlier, with n working days from it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber(d('2020-01-01')), max: toDayNumber(d('2030-12-31')) }),
        fc.integer({ min: 1, max: 15 }),
        (n, days) => {
          const anchor = fromDayNumber(n)
          const result = workingDaysBefore(anchor, days, HOLIDAYS)
          expect(result < anchor).toBe(true)
          expect(isWorkingDay(result, HOLIDAYS)).toBe(true)
          let count = 0
          for (let day = result; day < anchor; day = addCalendarDays(day, 1)) {
            if (isWorkingDay(day, HOLIDAYS)) {
              count += 1
            }
          }
          // result itself is counted, the anchor is not: exactly `days` working days in [result, anchor).
          expect(count).toBe(days)
        },
      ),
    )
  })
})
