import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { Clock, Instant } from '../../domain/shared/clock.ts'

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/**
 * The civil date in Europe/London at an instant.
 * @param at - the instant
 * @returns the London calendar day
 */
export function londonDayOf(at: Date): CalendarDay {
  return LONDON_DAY.format(at) as CalendarDay
}

/** The wall clock, in Europe/London. */
export const systemClock: Clock = {
  now: () => new Date().toISOString() as Instant,
  today: () => londonDayOf(new Date()),
}

/**
 * A clock fixed at one instant, for tests and for demo data built "as of" a date.
 * @param instant - ISO instant
 * @returns the clock
 */
export function fixedClock(instant: string): Clock {
  const at = new Date(instant)
  return { now: () => at.toISOString() as Instant, today: () => londonDayOf(at) }
}
