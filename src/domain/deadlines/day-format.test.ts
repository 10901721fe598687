import fc from 'fast-check'
import { expect, test } from 'vitest'
import {
  addMonthsToDayNumber,
  dayNumberFromParts,
  formatDayNumber,
  fromDayNumber,
  toDayNumber,
} from '../shared/calendar-day.ts'
import { addMonthsFast, dayNumberOf, isoDay, longDay } from './day-format.ts'

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
