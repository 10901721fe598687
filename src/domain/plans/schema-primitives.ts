/**
 * Building blocks for the input schemas of plans, meetings and panels.
 *
 * The schemas check shape only: types, known values, real dates, lengths. Business rules ("a ruled-out option needs a
 * reason") are domain rules that return coded errors with a field path, so that a form keeps what was typed and the
 * rule has one home. Schema issues carry our codes as their message (e.g. `date-not-real`), which the adapters map to
 * text through the message maps.
 */
import { z } from 'zod'
import { parseCalendarDay, type CalendarDay } from '../shared/calendar-day.ts'

/** An ISO `YYYY-MM-DD` date that exists (not 2025-02-29). */
export const CalendarDaySchema = z
  .string({ error: 'date-required' })
  .refine(value => parseCalendarDay(value) !== undefined, { error: 'date-not-real' })
  .transform(value => value as CalendarDay)

/** An identifier chosen by the adapter (a UUID in practice). */
export const IdSchema = z.string({ error: 'id-required' }).trim().min(1, { error: 'id-required' }).max(64)

/** Free text up to a long page; may be empty while a draft is being written. */
export const LongTextSchema = z.string().trim().max(20_000, { error: 'text-too-long' })

/** A short line of text (a name, a role). */
export const ShortTextSchema = z.string().trim().max(200, { error: 'short-text-too-long' })

/** A whole number of pence, so that money never meets floating point. */
export const PenceSchema = z.number().int({ error: 'money-not-whole-pence' }).min(0, { error: 'money-negative' })
