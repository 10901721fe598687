/**
 * Fast conversions between day numbers and text for the timescale engine's hot path (every item carries two or three
 * ISO dates and an explanation with several long dates). Same results as `fromDayNumber`, `toDayNumber`,
 * `formatDayNumber` and `addMonthsToDayNumber` in shared/calendar-day.ts (property tests check this).
 *
 * Days from 1900 to 2199 — every day the engine meets in practice — go through tables built once when the module
 * loads: the month (as year × 12 + month − 1) and day of the month of every day, and the first day of every month,
 * so month arithmetic is three array reads. Their ISO and long forms are memoised per day the first time they are
 * asked for (a pure function of the day number, shared by every child: the set of distinct days is small). Days
 * outside the range are computed the long way.
 */
import { type CalendarDay, ageInYears, dayNumberFromParts, fromDayNumber, nthBirthday } from '../shared/calendar-day.ts'

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)))
const MONTHS = [
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

const FIRST_YEAR = 1900
const YEARS = 300
/** Day number of 1 January 1900: index 0 of the day tables. */
const TABLE_START = dayNumberFromParts(FIRST_YEAR, 1, 1)
/** Number of days in the tables (1900-01-01 to 2199-12-31). */
const TABLE_DAYS = dayNumberFromParts(FIRST_YEAR + YEARS, 1, 1) - TABLE_START
/** For each day: its month, counted from January 1900 (0). */
const MONTH_OF_DAY = new Int16Array(TABLE_DAYS)
/** For each day: its day of the month, 1–31. */
const DAY_OF_MONTH = new Uint8Array(TABLE_DAYS)
/** For each month counted from January 1900, the day number of its first day; one extra entry closes the last month. */
const MONTH_START = new Int32Array(YEARS * 12 + 1)
for (let m = 0; m <= YEARS * 12; m++) {
  const year = FIRST_YEAR + Math.floor(m / 12)
  MONTH_START[m] = dayNumberFromParts(year, (m % 12) + 1, 1)
}
for (let m = 0; m < YEARS * 12; m++) {
  const from = (MONTH_START[m] as number) - TABLE_START
  const to = (MONTH_START[m + 1] as number) - TABLE_START
  MONTH_OF_DAY.fill(m, from, to)
  for (let i = from; i < to; i++) {
    DAY_OF_MONTH[i] = i - from + 1
  }
}

// Memoised text per day of the table range, filled on first use (Array.from: a packed array, not a sparse one).
const ISO_TEXT: (CalendarDay | undefined)[] = Array.from({ length: TABLE_DAYS }, () => undefined)
const LONG_TEXT: (string | undefined)[] = Array.from({ length: TABLE_DAYS }, () => undefined)

/**
 * The ISO date of a day number (as `fromDayNumber`).
 * @param n - days since 1970-01-01
 * @returns `YYYY-MM-DD`
 */
export function isoDay(n: number): CalendarDay {
  const i = n - TABLE_START
  if (i >= 0 && i < TABLE_DAYS) {
    const known = ISO_TEXT[i]
    if (known !== undefined) {
      return known
    }
    const m = MONTH_OF_DAY[i] as number
    const text =
      `${FIRST_YEAR + Math.floor(m / 12)}-${TWO_DIGITS[(m % 12) + 1] ?? ''}-${TWO_DIGITS[DAY_OF_MONTH[i] as number] ?? ''}` as CalendarDay
    ISO_TEXT[i] = text
    return text
  }
  return fromDayNumber(n)
}

/**
 * The day number of an ISO date (as `toDayNumber`), reading the digits directly.
 * @param day - a real `YYYY-MM-DD` date
 * @returns days since 1970-01-01
 */
export function dayNumberOf(day: string): number {
  const year =
    (day.charCodeAt(0) - 48) * 1000 +
    (day.charCodeAt(1) - 48) * 100 +
    (day.charCodeAt(2) - 48) * 10 +
    (day.charCodeAt(3) - 48)
  const month = (day.charCodeAt(5) - 48) * 10 + (day.charCodeAt(6) - 48)
  const dom = (day.charCodeAt(8) - 48) * 10 + (day.charCodeAt(9) - 48)
  const m = (year - FIRST_YEAR) * 12 + month - 1
  if (m >= 0 && m < YEARS * 12) {
    return (MONTH_START[m] as number) + dom - 1
  }
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + dom - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/**
 * A day number the GOV.UK way, `19 December 2025` (as `formatDayNumber`).
 * @param n - days since 1970-01-01
 * @returns the long form
 */
export function longDay(n: number): string {
  const i = n - TABLE_START
  if (i >= 0 && i < TABLE_DAYS) {
    const known = LONG_TEXT[i]
    if (known !== undefined) {
      return known
    }
    const m = MONTH_OF_DAY[i] as number
    const text = `${DAY_OF_MONTH[i] as number} ${MONTHS[m % 12] ?? ''} ${FIRST_YEAR + Math.floor(m / 12)}`
    LONG_TEXT[i] = text
    return text
  }
  return longDayComputed(n)
}

function longDayComputed(n: number): string {
  const z = n + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  return `${day} ${MONTHS[month - 1] ?? ''} ${year}`
}

/**
 * Adds calendar months to a day number by the corresponding-date rule, clamped to the month end (as
 * `addMonthsToDayNumber`): the legal-route predicates call this hundreds of times per child.
 * @param n - days since 1970-01-01
 * @param months - months to add (negative goes back)
 * @returns the day number of the corresponding date
 */
export function addMonthsFast(n: number, months: number): number {
  const i = n - TABLE_START
  if (i >= 0 && i < TABLE_DAYS) {
    const m = (MONTH_OF_DAY[i] as number) + months
    if (m >= 0 && m < YEARS * 12) {
      const start = MONTH_START[m] as number
      const length = (MONTH_START[m + 1] as number) - start
      const day = DAY_OF_MONTH[i] as number
      return start + (day < length ? day : length) - 1
    }
  }
  return addMonthsComputed(n, months)
}

function addMonthsComputed(n: number, months: number): number {
  // civil_from_days (Hinnant)
  const z = n + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  // add months and clamp
  const index = year * 12 + (month - 1) + months
  const newYear = Math.floor(index / 12)
  const newMonth = index - newYear * 12 + 1
  const leap = (newYear % 4 === 0 && newYear % 100 !== 0) || newYear % 400 === 0
  const length =
    newMonth === 2 ? (leap ? 29 : 28) : newMonth === 4 || newMonth === 6 || newMonth === 9 || newMonth === 11 ? 30 : 31
  return dayNumberFromParts(newYear, newMonth, day < length ? day : length)
}

/**
 * The day number of the n-th birthday of someone born on a day (as `toDayNumber(nthBirthday(…))` in
 * shared/calendar-day.ts): the same day and month `years` later, where a 29 February birthday falls on 28 February
 * or 1 March in a common year, as the policy says (rules.md §5 T7).
 * @param dateOfBirth - the date of birth, as a day number
 * @param years - which birthday (16 for the sixteenth)
 * @param leapDayBirthdaysOn - where a 29 February birthday falls in a common year
 * @returns the day number of that birthday
 */
export function nthBirthdayDayNumber(
  dateOfBirth: number,
  years: number,
  leapDayBirthdaysOn: '02-28' | '03-01',
): number {
  const i = dateOfBirth - TABLE_START
  if (i >= 0 && i < TABLE_DAYS) {
    const born = MONTH_OF_DAY[i] as number
    const m = born + 12 * years
    if (m >= 0 && m < YEARS * 12) {
      const day = DAY_OF_MONTH[i] as number
      const start = MONTH_START[m] as number
      if (day === 29 && born % 12 === 1 && (MONTH_START[m + 1] as number) - start === 28) {
        // 29 February in a common year.
        return leapDayBirthdaysOn === '02-28' ? start + 27 : start + 28
      }
      return start + day - 1
    }
  }
  return dayNumberOf(nthBirthday(fromDayNumber(dateOfBirth), years, leapDayBirthdaysOn))
}

/**
 * Age in whole years on a day (as `ageInYears` in shared/calendar-day.ts, on day numbers): the birthdays passed, a
 * 29 February birthday falling where the policy says in a common year.
 * @param dateOfBirth - the date of birth, as a day number
 * @param on - the day, as a day number
 * @param leapDayBirthdaysOn - where a 29 February birthday falls in a common year
 * @returns completed years
 */
export function ageOnDayNumber(dateOfBirth: number, on: number, leapDayBirthdaysOn: '02-28' | '03-01'): number {
  const i = dateOfBirth - TABLE_START
  const j = on - TABLE_START
  if (i >= 0 && i < TABLE_DAYS && j >= 0 && j < TABLE_DAYS) {
    const years = Math.floor((MONTH_OF_DAY[j] as number) / 12) - Math.floor((MONTH_OF_DAY[i] as number) / 12)
    return on < nthBirthdayDayNumber(dateOfBirth, years, leapDayBirthdaysOn) ? years - 1 : years
  }
  return ageInYears(fromDayNumber(dateOfBirth), fromDayNumber(on), leapDayBirthdaysOn)
}
