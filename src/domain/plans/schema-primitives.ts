/**
 * Building blocks for the input schemas of plans, meetings and panels.
 *
 * The schemas check shape only: types, known values, real dates, lengths. Business rules ("a ruled-out option needs a
 * reason") are domain rules that return coded errors with a field path, so that a form keeps what was typed and the
 * rule has one home. Schema issues carry the codes of the shared input helpers (`required`, `invalid-date`,
 * `too-long`, `invalid-type`; domain/shared/input.ts on main) as their message, so the adapters' issue mapper reads them
 * as it does everywhere else; the two money codes are ours.
 */
import { z } from 'zod'
import { parseCalendarDay, type CalendarDay } from '../shared/calendar-day.ts'

/** An ISO `YYYY-MM-DD` date that exists (not 2025-02-29). */
export const CalendarDaySchema = z
  .string({ error: 'required' })
  .refine(value => parseCalendarDay(value) !== undefined, { error: 'invalid-date', params: { code: 'invalid-date' } })
  .transform(value => value as CalendarDay)

/** An identifier chosen by the adapter (a UUID in practice). */
export const IdSchema = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .max(64, { error: 'too-long' })

/** Free text up to a long page; may be empty while a draft is being written. */
export const LongTextSchema = z.string({ error: 'invalid-type' }).trim().max(20_000, { error: 'too-long' })

/** A short line of text (a name, a role). */
export const ShortTextSchema = z.string({ error: 'invalid-type' }).trim().max(200, { error: 'too-long' })

/** A whole number of pence, so that money never meets floating point. */
export const PenceSchema = z.number().int({ error: 'money-not-whole-pence' }).min(0, { error: 'money-negative' })
