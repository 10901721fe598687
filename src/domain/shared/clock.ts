import type { CalendarDay } from './calendar-day.ts'

/** An instant: ISO 8601 date-time in UTC with `Z`, e.g. `2026-01-06T09:30:00.000Z`. */
export type Instant = string & { readonly __brand: 'Instant' }

/**
 * The source of "now" and "today". The domain never reads the wall clock; adapters pass a Clock (or a day) in, so
 * tests can fix the date. `today()` is the civil day in Europe/London.
 */
export interface Clock {
  /** The current instant. */
  now(): Instant
  /** Today's date in Europe/London. */
  today(): CalendarDay
}
