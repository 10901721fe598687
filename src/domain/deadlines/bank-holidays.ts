/**
 * England and Wales bank holidays: the table type, and the rule-based generator used beyond the published table.
 *
 * The statutory bank holidays are in the Banking and Financial Dealings Act 1971 Sch 1 para 1 (Easter Monday, last
 * Monday in May, last Monday in August, 26 December if not a Sunday, 27 December when 25 or 26 December is a
 * Sunday); New Year's Day, the early-May Monday, Saturday substitutes and one-off days are proclaimed each year, and
 * Good Friday and Christmas Day are common-law holidays (rules.md §1). The generator reproduces the usual pattern;
 * it cannot know one-off days (jubilees, funerals, coronations), which is why its dates are provisional until
 * gov.uk publishes the year (rules.md §5 T24; docs/adr/0011-bank-holiday-calendar.md).
 */
import { type CalendarDay, dayNumberFromParts, fromDayNumber, isoWeekdayOfDayNumber } from '../shared/calendar-day.ts'

/** One bank holiday, in the shape of a gov.uk `bank-holidays.json` event. */
export interface BankHoliday {
  readonly date: CalendarDay
  readonly title: string
  readonly notes: string
}

/** Whether a year's dates were published (by proclamation, via gov.uk) or projected from the usual rules. */
export type BankHolidayYearStatus = 'published' | 'projected'

/** A versioned list of bank holidays for a run of whole years. */
export interface BankHolidayTable {
  /** Stable identifier of this version of the data, stored with every due date computed from it. */
  readonly versionId: string
  readonly division: 'england-and-wales'
  /** Where the data came from. */
  readonly source: string
  readonly firstYear: number
  readonly lastYear: number
  /**
   * The last day whose status is published. Later days in the table are projected, so dates that depend on them are
   * provisional.
   */
  readonly confirmedThrough: CalendarDay
  /** Weekday holidays, in date order. */
  readonly holidays: readonly BankHoliday[]
}

/**
 * Easter Sunday of a Gregorian year (the anonymous Gregorian computus, as in Meeus, Astronomical Algorithms).
 * @param year - full year
 * @returns the day number of Easter Sunday
 */
export function easterSundayDayNumber(year: number): number {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return dayNumberFromParts(year, month, day)
}

function firstMonday(year: number, month: number): number {
  const first = dayNumberFromParts(year, month, 1)
  return first + ((8 - isoWeekdayOfDayNumber(first)) % 7)
}

function lastMonday(year: number, month: number): number {
  const last = dayNumberFromParts(year, month + 1, 1) - 1
  return last - ((isoWeekdayOfDayNumber(last) + 6) % 7)
}

/**
 * The England and Wales bank holidays a year would have under the usual rules, with no one-off days: New Year's Day
 * (Monday substitute), Good Friday, Easter Monday, first and last Mondays in May, last Monday in August, Christmas
 * Day and Boxing Day (with substitutes). Only weekdays are returned, as on gov.uk.
 * BFDA 1971 Sch 1 para 1; rules.md §1.
 * @param year - full year
 * @returns the holidays in date order
 */
export function generateEnglandAndWalesBankHolidays(year: number): BankHoliday[] {
  const out: { n: number; title: string; notes: string }[] = []
  const newYear = dayNumberFromParts(year, 1, 1)
  const newYearWeekday = isoWeekdayOfDayNumber(newYear)
  if (newYearWeekday === 6) {
    out.push({ n: newYear + 2, title: 'New Year’s Day', notes: 'Substitute day' })
  } else if (newYearWeekday === 7) {
    out.push({ n: newYear + 1, title: 'New Year’s Day', notes: 'Substitute day' })
  } else {
    out.push({ n: newYear, title: 'New Year’s Day', notes: '' })
  }
  const easter = easterSundayDayNumber(year)
  out.push({ n: easter - 2, title: 'Good Friday', notes: '' })
  out.push({ n: easter + 1, title: 'Easter Monday', notes: '' })
  out.push({ n: firstMonday(year, 5), title: 'Early May bank holiday', notes: '' })
  out.push({ n: lastMonday(year, 5), title: 'Spring bank holiday', notes: '' })
  out.push({ n: lastMonday(year, 8), title: 'Summer bank holiday', notes: '' })
  const christmas = dayNumberFromParts(year, 12, 25)
  switch (isoWeekdayOfDayNumber(christmas)) {
    case 5:
      out.push({ n: christmas, title: 'Christmas Day', notes: '' })
      out.push({ n: christmas + 3, title: 'Boxing Day', notes: 'Substitute day' })
      break
    case 6:
      out.push({ n: christmas + 2, title: 'Christmas Day', notes: 'Substitute day' })
      out.push({ n: christmas + 3, title: 'Boxing Day', notes: 'Substitute day' })
      break
    case 7:
      out.push({ n: christmas + 1, title: 'Boxing Day', notes: '' })
      out.push({ n: christmas + 2, title: 'Christmas Day', notes: 'Substitute day' })
      break
    default:
      out.push({ n: christmas, title: 'Christmas Day', notes: '' })
      out.push({ n: christmas + 1, title: 'Boxing Day', notes: '' })
  }
  return out.map(h => ({ date: fromDayNumber(h.n), title: h.title, notes: h.notes }))
}
