/**
 * The working-day calendar: which days are working days, and working-day arithmetic, in O(1).
 *
 * A working day is any day other than a Saturday, Sunday, Christmas Day, Good Friday or a bank holiday in England
 * and Wales (rules.md §0.4 and §1; the usual statutory definition, e.g. SI 2006/940 reg 2; CPPCR reg 2 assumed the
 * same, §7 Q1). Good Friday and Christmas Day are added even when a feed omits them.
 *
 * Design: the calendar precomputes, for every day from 1990 to 2100, whether it is a working day, a prefix sum of
 * working days and the list of working days. "n working days after d" and "working days between a and b" are then
 * array lookups, which the timescale engine needs to evaluate every looked-after child in England in about a
 * second (docs/adr/0011-bank-holiday-calendar.md). Days outside that range fall back to day-by-day stepping.
 *
 * Tables are layered: later tables replace earlier ones for the years they cover, so an imported gov.uk file
 * overrides the built-in table. Years no table covers are generated from the usual rules; days in generated or
 * projected years are provisional (rules.md §5 T24).
 */
import {
  type CalendarDay,
  dayNumberFromParts,
  fromDayNumber,
  isoWeekdayOfDayNumber,
  toDayNumber,
} from '../shared/calendar-day.ts'
import {
  type BankHoliday,
  type BankHolidayTable,
  easterSundayDayNumber,
  generateEnglandAndWalesBankHolidays,
} from './bank-holidays.ts'
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from './england-and-wales-bank-holidays.ts'

/** Working-day predicate and arithmetic over one set of bank-holiday tables. */
export interface Calendar {
  /** Identifies the holiday data used; store it with every due date computed from this calendar. */
  readonly versionId: string
  /** First day of the published run of years. */
  readonly confirmedFrom: CalendarDay
  /** Last day of the published run of years; later dates use projected holidays and are provisional. */
  readonly confirmedThrough: CalendarDay
  /**
   * Whether a day is a working day.
   * @param day - the day
   */
  isWorkingDay(day: CalendarDay): boolean
  /**
   * The n-th working day after a day (the day itself not counted); negative n counts back.
   * @param day - the trigger day
   * @param n - working days to add
   */
  addWorkingDays(day: CalendarDay, n: number): CalendarDay
  /**
   * Working days after `from` up to and including `to` (negative when `to` is earlier).
   * @param from - the first day, not counted
   * @param to - the last day, counted
   */
  workingDaysBetween(from: CalendarDay, to: CalendarDay): number
  /**
   * The last working day strictly before a day.
   * @param day - the day
   */
  lastWorkingDayBefore(day: CalendarDay): CalendarDay
  /**
   * The bank holiday on a day, if any (weekday or not).
   * @param day - the day
   */
  bankHolidayOn(day: CalendarDay): BankHoliday | undefined
  /**
   * Bank holidays that fall on weekdays after `fromExclusive`, up to and including `toInclusive`.
   * @param fromExclusive - first day, not included
   * @param toInclusive - last day, included
   */
  nonWorkingWeekdaysBetween(fromExclusive: CalendarDay, toInclusive: CalendarDay): readonly BankHoliday[]
  /**
   * Whether the holidays for a day are projected rather than published.
   * @param day - the day
   */
  isProvisional(day: CalendarDay): boolean

  /** Day-number forms of the same operations, for the engine's hot path. */
  isWorkingDayNumber(n: number): boolean
  addWorkingDaysToDayNumber(n: number, count: number): number
  workingDaysBetweenDayNumbers(from: number, to: number): number
  lastWorkingDayBeforeDayNumber(n: number): number
  bankHolidayOnDayNumber(n: number): BankHoliday | undefined
  nonWorkingWeekdaysBetweenDayNumbers(fromExclusive: number, toInclusive: number): readonly BankHoliday[]
  isProvisionalDayNumber(n: number): boolean
  /** Whether any day after `fromExclusive` up to and including `toInclusive` is provisional. */
  isSpanProvisional(fromExclusive: number, toInclusive: number): boolean
}

/** Options for {@link createCalendar}. */
export interface CalendarOptions {
  /** Tables in order of precedence (later wins for the years it covers). Defaults to the built-in table. */
  readonly tables?: readonly BankHolidayTable[]
  /** First year of the precomputed range (default 1990). */
  readonly firstYear?: number
  /** Last year of the precomputed range (default 2100). */
  readonly lastYear?: number
}

interface YearData {
  readonly holidays: readonly BankHoliday[]
  readonly published: boolean
}

// The answer for a span with no weekday holidays, shared (frozen, so no caller can change it).
const NO_HOLIDAYS: readonly BankHoliday[] = Object.freeze([])

function withCommonLawHolidays(year: number, holidays: readonly BankHoliday[]): BankHoliday[] {
  // Good Friday and Christmas Day are not working days whatever a feed says (rules.md §1).
  const out = [...holidays]
  const dates = new Set(out.map(h => h.date))
  const goodFriday = fromDayNumber(easterSundayDayNumber(year) - 2)
  if (!dates.has(goodFriday)) {
    out.push({ date: goodFriday, title: 'Good Friday', notes: 'Common-law holiday' })
  }
  const christmas = dayNumberFromParts(year, 12, 25)
  const christmasDay = fromDayNumber(christmas)
  if (isoWeekdayOfDayNumber(christmas) <= 5 && !dates.has(christmasDay)) {
    out.push({ date: christmasDay, title: 'Christmas Day', notes: 'Common-law holiday' })
  }
  return out
}

function buildYears(tables: readonly BankHolidayTable[]): Map<number, YearData> {
  const years = new Map<number, YearData>()
  for (const table of tables) {
    const confirmedThrough = toDayNumber(table.confirmedThrough)
    for (let year = table.firstYear; year <= table.lastYear; year++) {
      const prefix = `${String(year).padStart(4, '0')}-`
      years.set(year, {
        holidays: table.holidays.filter(h => h.date.startsWith(prefix)),
        published: dayNumberFromParts(year, 12, 31) <= confirmedThrough,
      })
    }
  }
  return years
}

/**
 * Builds a calendar from bank-holiday tables (the built-in England and Wales table by default, optionally followed
 * by imported gov.uk tables), with rule-generated holidays for years no table covers.
 * @param options - tables and precomputed range
 * @returns the calendar
 */
export function createCalendar(options: CalendarOptions = {}): Calendar {
  const tables = options.tables ?? [ENGLAND_AND_WALES_BANK_HOLIDAYS]
  const firstYear = options.firstYear ?? 1990
  const lastYear = options.lastYear ?? 2100
  const years = buildYears(tables)

  const yearCache = new Map<number, YearData>()
  const yearData = (year: number): YearData => {
    let data = yearCache.get(year)
    if (data === undefined) {
      const known = years.get(year)
      data = {
        holidays: withCommonLawHolidays(year, known?.holidays ?? generateEnglandAndWalesBankHolidays(year)),
        published: known?.published ?? false,
      }
      yearCache.set(year, data)
    }
    return data
  }

  const lo = dayNumberFromParts(firstYear, 1, 1)
  const hi = dayNumberFromParts(lastYear + 1, 1, 1)
  const length = hi - lo
  const working = new Uint8Array(length)
  const provisional = new Uint8Array(length)
  const cumulativeWorking = new Int32Array(length + 1)
  const cumulativeProvisional = new Int32Array(length + 1)
  const holidayByDay = new Map<number, BankHoliday>()
  const weekdayHolidayDays: number[] = []
  const weekdayHolidays: BankHoliday[] = []

  for (let year = firstYear; year <= lastYear; year++) {
    const data = yearData(year)
    const start = dayNumberFromParts(year, 1, 1) - lo
    const end = dayNumberFromParts(year + 1, 1, 1) - lo
    provisional.fill(data.published ? 0 : 1, start, end)
    for (const h of data.holidays) {
      holidayByDay.set(toDayNumber(h.date), h)
    }
  }
  const sortedHolidayDays = [...holidayByDay.keys()].sort((a, b) => a - b)
  for (const n of sortedHolidayDays) {
    if (isoWeekdayOfDayNumber(n) <= 5) {
      weekdayHolidayDays.push(n)
      weekdayHolidays.push(holidayByDay.get(n) as BankHoliday)
    }
  }
  let total = 0
  for (let i = 0; i < length; i++) {
    const n = lo + i
    const isWorking = isoWeekdayOfDayNumber(n) <= 5 && !holidayByDay.has(n)
    working[i] = isWorking ? 1 : 0
    cumulativeWorking[i] = total
    cumulativeProvisional[i + 1] = (cumulativeProvisional[i] ?? 0) + (provisional[i] ?? 0)
    if (isWorking) {
      total++
    }
  }
  cumulativeWorking[length] = total
  // The holiday on each day of the range, by index (an array read instead of a Map lookup on the hot path).
  const holidayOn: (BankHoliday | undefined)[] = Array.from({ length }, () => undefined)
  for (const [n, h] of holidayByDay) {
    holidayOn[n - lo] = h
  }
  const workingDays = new Int32Array(total)
  for (let i = 0, w = 0; i < length; i++) {
    if (working[i] === 1) {
      workingDays[w++] = i
    }
  }

  const yearOf = (n: number): number => Number(fromDayNumber(n).slice(0, 4))

  const isWorkingDayNumber = (n: number): boolean => {
    const i = n - lo
    if (i >= 0 && i < length) {
      return working[i] === 1
    }
    if (isoWeekdayOfDayNumber(n) > 5) {
      return false
    }
    const date = fromDayNumber(n)
    return !yearData(yearOf(n)).holidays.some(h => h.date === date)
  }

  const addWorkingDaysToDayNumber = (n: number, count: number): number => {
    if (count === 0) {
      return n
    }
    const i = n - lo
    if (i >= 0 && i < length) {
      const index = count > 0 ? (cumulativeWorking[i + 1] ?? 0) + count - 1 : (cumulativeWorking[i] ?? 0) + count
      if (index >= 0 && index < total) {
        return lo + (workingDays[index] ?? 0)
      }
    }
    // Outside the precomputed range: step day by day.
    const step = count > 0 ? 1 : -1
    let remaining = Math.abs(count)
    let day = n
    while (remaining > 0) {
      day += step
      if (isWorkingDayNumber(day)) {
        remaining--
      }
    }
    return day
  }

  const workingDaysBetweenDayNumbers = (from: number, to: number): number => {
    const a = from - lo
    const b = to - lo
    if (a >= 0 && a < length && b >= 0 && b < length) {
      return (cumulativeWorking[b + 1] ?? 0) - (cumulativeWorking[a + 1] ?? 0)
    }
    const sign = to >= from ? 1 : -1
    let count = 0
    for (let day = Math.min(from, to) + 1; day <= Math.max(from, to); day++) {
      if (isWorkingDayNumber(day)) {
        count++
      }
    }
    return count === 0 ? 0 : sign * count
  }

  const isProvisionalDayNumber = (n: number): boolean => {
    const i = n - lo
    if (i >= 0 && i < length) {
      return provisional[i] === 1
    }
    return !yearData(yearOf(n)).published
  }

  const isSpanProvisional = (fromExclusive: number, toInclusive: number): boolean => {
    const a = Math.min(fromExclusive, toInclusive) - lo
    const b = Math.max(fromExclusive, toInclusive) - lo
    if (a >= 0 && b < length) {
      return (cumulativeProvisional[b + 1] ?? 0) - (cumulativeProvisional[a + 1] ?? 0) > 0
    }
    return true
  }

  const nonWorkingWeekdaysBetweenDayNumbers = (fromExclusive: number, toInclusive: number): readonly BankHoliday[] => {
    if (toInclusive <= fromExclusive) {
      return NO_HOLIDAYS
    }
    let low = 0
    let high = weekdayHolidayDays.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if ((weekdayHolidayDays[mid] ?? 0) <= fromExclusive) {
        low = mid + 1
      } else {
        high = mid
      }
    }
    const inRange = fromExclusive >= lo - 1 && toInclusive < hi
    if (inRange && (low >= weekdayHolidayDays.length || (weekdayHolidayDays[low] ?? 0) > toInclusive)) {
      return NO_HOLIDAYS // most spans have none: no list to allocate
    }
    const out: BankHoliday[] = []
    for (let k = low; k < weekdayHolidayDays.length && (weekdayHolidayDays[k] ?? 0) <= toInclusive; k++) {
      out.push(weekdayHolidays[k] as BankHoliday)
    }
    if (!inRange) {
      // Outside the range: fall back to generated data (rare; dates before 1990 or after 2100).
      for (let day = fromExclusive + 1; day <= toInclusive; day++) {
        if ((day < lo || day >= hi) && isoWeekdayOfDayNumber(day) <= 5 && !isWorkingDayNumber(day)) {
          const date = fromDayNumber(day)
          const h = yearData(yearOf(day)).holidays.find(x => x.date === date)
          if (h !== undefined) {
            out.push(h)
          }
        }
      }
      out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))
    }
    return out
  }

  const lastWorkingDayBeforeDayNumber = (n: number): number => addWorkingDaysToDayNumber(n, -1)

  const bankHolidayOnDayNumber = (n: number): BankHoliday | undefined => {
    if (n >= lo && n < hi) {
      return holidayOn[n - lo]
    }
    const date = fromDayNumber(n)
    return yearData(yearOf(n)).holidays.find(h => h.date === date)
  }

  // The published run: from the earliest published year to the end of the contiguous published years after it.
  const publishedYears = [...years.entries()].filter(([, d]) => d.published).map(([y]) => y)
  const startYear = publishedYears.length > 0 ? Math.min(...publishedYears) : firstYear
  let endYear = startYear - 1
  while (years.get(endYear + 1)?.published === true) {
    endYear++
  }
  const confirmedFrom = fromDayNumber(dayNumberFromParts(startYear, 1, 1))
  const confirmedThrough = fromDayNumber(dayNumberFromParts(endYear + 1, 1, 1) - 1)

  return {
    versionId: tables.map(t => t.versionId).join('+'),
    confirmedFrom,
    confirmedThrough,
    isWorkingDay: day => isWorkingDayNumber(toDayNumber(day)),
    addWorkingDays: (day, n) => fromDayNumber(addWorkingDaysToDayNumber(toDayNumber(day), n)),
    workingDaysBetween: (from, to) => workingDaysBetweenDayNumbers(toDayNumber(from), toDayNumber(to)),
    lastWorkingDayBefore: day => fromDayNumber(lastWorkingDayBeforeDayNumber(toDayNumber(day))),
    bankHolidayOn: day => bankHolidayOnDayNumber(toDayNumber(day)),
    nonWorkingWeekdaysBetween: (from, to) => nonWorkingWeekdaysBetweenDayNumbers(toDayNumber(from), toDayNumber(to)),
    isProvisional: day => isProvisionalDayNumber(toDayNumber(day)),
    isWorkingDayNumber,
    addWorkingDaysToDayNumber,
    workingDaysBetweenDayNumbers,
    lastWorkingDayBeforeDayNumber,
    bankHolidayOnDayNumber,
    nonWorkingWeekdaysBetweenDayNumbers,
    isProvisionalDayNumber,
    isSpanProvisional,
  }
}
