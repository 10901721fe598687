/**
 * A calendar day: a date with no time and no time zone, written as ISO 8601 `YYYY-MM-DD`.
 *
 * Statutory periods are counted in whole days of the English civil calendar, so a date-only value is never a JS
 * `Date` (midnight UTC is the previous day in British Summer Time; rules.md §5 T21). Internally, arithmetic runs on
 * the day number (days since 1970-01-01), an integer, which is exact and fast enough for the timescale engine to
 * evaluate every looked-after child in England in a couple of seconds (docs/adr/0004-calendar-day-as-day-number.md).
 *
 * Invariants: a CalendarDay string is always a real date between 0001-01-01 and 9999-12-31.
 */

/** A date-only value, `YYYY-MM-DD`. Build one with {@link parseCalendarDay} or {@link calendarDay}. */
export type CalendarDay = string & { readonly __brand: 'CalendarDay' }

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Days from 1970-01-01 to the given civil date (proleptic Gregorian), after Howard Hinnant's `days_from_civil`.
 * @param year - full year
 * @param month - 1 to 12
 * @param day - 1 to 31
 * @returns the day number
 */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/**
 * The civil date of a day number (Hinnant's `civil_from_days`).
 * @param n - days since 1970-01-01
 * @returns year, month (1–12) and day (1–31)
 */
export function partsFromDayNumber(n: number): { year: number; month: number; day: number } {
  const z = n + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  return { year, month, day }
}

/**
 * Whether a year is a leap year in the Gregorian calendar.
 * @param year - full year
 * @returns true for leap years
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/**
 * Number of days in a month.
 * @param year - full year
 * @param month - 1 to 12
 * @returns 28 to 31
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

/**
 * Builds a CalendarDay from its parts, or undefined when the parts are not a real date.
 * @param year - full year, 1 to 9999
 * @param month - 1 to 12
 * @param day - 1 to the length of the month
 * @returns the day, or undefined
 */
export function calendarDayFromParts(year: number, month: number, day: number): CalendarDay | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
    return undefined
  }
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as CalendarDay
}

/**
 * Parses an ISO `YYYY-MM-DD` string; undefined when it is not a real date (e.g. `2025-02-29`).
 * @param value - the text to parse
 * @returns the day, or undefined
 */
export function parseCalendarDay(value: string): CalendarDay | undefined {
  const match = ISO_DAY.exec(value)
  if (!match) {
    return undefined
  }
  return calendarDayFromParts(Number(match[1]), Number(match[2]), Number(match[3]))
}

/**
 * Parses an ISO day that the caller knows to be well formed (literals in code and tests, database values).
 * @param value - `YYYY-MM-DD`
 * @returns the day
 * @throws Error when the value is not a real date
 */
export function calendarDay(value: string): CalendarDay {
  const parsed = parseCalendarDay(value)
  if (parsed === undefined) {
    throw new Error(`Not a calendar day: ${JSON.stringify(value)}`)
  }
  return parsed
}

/**
 * Day number (days since 1970-01-01) of a calendar day.
 * @param day - the calendar day
 * @returns an integer
 */
export function toDayNumber(day: CalendarDay): number {
  return dayNumberFromParts(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)))
}

/**
 * Calendar day of a day number.
 * @param n - days since 1970-01-01
 * @returns the calendar day
 */
export function fromDayNumber(n: number): CalendarDay {
  const { year, month, day } = partsFromDayNumber(n)
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as CalendarDay
}

/**
 * Adds (or with a negative n, subtracts) calendar days.
 * @param day - the start
 * @param n - days to add
 * @returns the day n days later
 */
export function addCalendarDays(day: CalendarDay, n: number): CalendarDay {
  return fromDayNumber(toDayNumber(day) + n)
}

/**
 * Adds calendar months by the corresponding-date rule: the same day number in the later month, or the last day of
 * that month when it has no such day (Dodds v Walker [1981] 1 WLR 1027; rules.md §0.4). Negative n goes back.
 * @param day - the start
 * @param n - months to add
 * @returns the corresponding date, clamped to the month end
 */
export function addCalendarMonths(day: CalendarDay, n: number): CalendarDay {
  const year = Number(day.slice(0, 4))
  const month = Number(day.slice(5, 7))
  const dom = Number(day.slice(8, 10))
  const monthIndex = year * 12 + (month - 1) + n
  const newYear = Math.floor(monthIndex / 12)
  const newMonth = monthIndex - newYear * 12 + 1
  const newDay = Math.min(dom, daysInMonth(newYear, newMonth))
  return `${pad(newYear, 4)}-${pad(newMonth, 2)}-${pad(newDay, 2)}` as CalendarDay
}

/**
 * Whole days from `from` to `to` (positive when `to` is later).
 * @param from - the earlier day
 * @param to - the later day
 * @returns to − from in days
 */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return toDayNumber(to) - toDayNumber(from)
}

/**
 * Orders two calendar days (ISO strings sort as dates).
 * @param a - first day
 * @param b - second day
 * @returns negative, zero or positive
 */
export function compareCalendarDays(a: CalendarDay, b: CalendarDay): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Day of the week, ISO numbering.
 * @param day - the calendar day
 * @returns 1 (Monday) to 7 (Sunday)
 */
export function isoWeekday(day: CalendarDay): number {
  // 1970-01-01 was a Thursday (4).
  const n = toDayNumber(day)
  return ((((n + 3) % 7) + 7) % 7) + 1
}

/**
 * Age in whole years on a day: the number of birthdays that have passed, where a 29 February birthday falls on
 * 28 February in a common year unless the policy says 1 March (rules.md §5 T7 and §6 D7; a national setting).
 * @param dateOfBirth - the date of birth
 * @param on - the day to measure on
 * @param leapDayBirthdaysOn - which day a 29 February birthday is taken to fall on in a common year
 * @returns completed years
 */
export function ageInYears(
  dateOfBirth: CalendarDay,
  on: CalendarDay,
  leapDayBirthdaysOn: '02-28' | '03-01' = '03-01',
): number {
  const birthYear = Number(dateOfBirth.slice(0, 4))
  const onYear = Number(on.slice(0, 4))
  let age = onYear - birthYear
  if (on < birthdayInYear(dateOfBirth, onYear, leapDayBirthdaysOn)) {
    age -= 1
  }
  return age
}

/**
 * The date of a birthday in a given year.
 * @param dateOfBirth - the date of birth
 * @param year - the year of the birthday
 * @param leapDayBirthdaysOn - where a 29 February birthday falls in a common year
 * @returns the birthday
 */
export function birthdayInYear(
  dateOfBirth: CalendarDay,
  year: number,
  leapDayBirthdaysOn: '02-28' | '03-01' = '03-01',
): CalendarDay {
  const monthDay = dateOfBirth.slice(5)
  if (monthDay === '02-29' && !isLeapYear(year)) {
    return `${pad(year, 4)}-${leapDayBirthdaysOn}` as CalendarDay
  }
  return `${pad(year, 4)}-${monthDay}` as CalendarDay
}

/**
 * The n-th birthday of a person born on a day.
 * @param dateOfBirth - the date of birth
 * @param years - which birthday (16 for the sixteenth)
 * @param leapDayBirthdaysOn - where a 29 February birthday falls in a common year
 * @returns the date of that birthday
 */
export function nthBirthday(
  dateOfBirth: CalendarDay,
  years: number,
  leapDayBirthdaysOn: '02-28' | '03-01' = '03-01',
): CalendarDay {
  return birthdayInYear(dateOfBirth, Number(dateOfBirth.slice(0, 4)) + years, leapDayBirthdaysOn)
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

/**
 * Formats a day the GOV.UK way: `19 December 2025`.
 * @param day - the calendar day
 * @returns the long form
 */
export function formatCalendarDay(day: CalendarDay): string {
  const month = MONTH_NAMES[Number(day.slice(5, 7)) - 1] ?? ''
  return `${Number(day.slice(8, 10))} ${month} ${Number(day.slice(0, 4))}`
}

/**
 * The earlier of two days.
 * @param a - a day
 * @param b - another day
 * @returns the earlier
 */
export function minCalendarDay(a: CalendarDay, b: CalendarDay): CalendarDay {
  return a <= b ? a : b
}

/**
 * The later of two days.
 * @param a - a day
 * @param b - another day
 * @returns the later
 */
export function maxCalendarDay(a: CalendarDay, b: CalendarDay): CalendarDay {
  return a >= b ? a : b
}

/**
 * Adds calendar months to a day number by the corresponding-date rule (clamped to the month end), without building
 * strings: the timescale engine's hot path works on day numbers (rules.md §0.4; Dodds v Walker).
 * @param n - days since 1970-01-01
 * @param months - months to add (negative goes back)
 * @returns the day number of the corresponding date
 */
export function addMonthsToDayNumber(n: number, months: number): number {
  const { year, month, day } = partsFromDayNumber(n)
  const monthIndex = year * 12 + (month - 1) + months
  const newYear = Math.floor(monthIndex / 12)
  const newMonth = monthIndex - newYear * 12 + 1
  return dayNumberFromParts(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)))
}

/**
 * Day of the week of a day number, ISO numbering.
 * @param n - days since 1970-01-01
 * @returns 1 (Monday) to 7 (Sunday)
 */
export function isoWeekdayOfDayNumber(n: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((n + 3) % 7) + 7) % 7) + 1
}

/**
 * The English name of a month.
 * @param month - 1 to 12
 * @returns e.g. `December`
 */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? ''
}

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const

/**
 * The English name of an ISO weekday.
 * @param isoWeekdayNumber - 1 (Monday) to 7 (Sunday)
 * @returns e.g. `Friday`
 */
export function weekdayName(isoWeekdayNumber: number): string {
  return WEEKDAY_NAMES[isoWeekdayNumber - 1] ?? ''
}

/**
 * Formats a day number the GOV.UK way (`19 December 2025`) without building the ISO string first.
 * @param n - days since 1970-01-01
 * @returns the long form
 */
export function formatDayNumber(n: number): string {
  const { year, month, day } = partsFromDayNumber(n)
  return `${day} ${MONTH_NAMES[month - 1] ?? ''} ${year}`
}
