/**
 * The returns API's inputs: a collection year we export, export options, scorecard thresholds.
 */
import { z } from 'zod'
import { EXPORT_YEARS } from '../../domain/returns/collection-year.ts'
import { TABLE_FILE_NAMES } from '../../domain/returns/tables.ts'
import { daySchema, idSchema, type FieldLabel } from '../../domain/shared/input.ts'

const yearSchema = z.coerce
  .number({ error: 'invalid-option' })
  .int({ error: 'invalid-option' })
  .refine(year => EXPORT_YEARS.includes(year), { params: { code: 'invalid-option' } })

const booleanQuery = z.enum(['true', 'false'], { error: 'invalid-option' }).transform(value => value === 'true')

export const YearParamsSchema = z.strictObject({ year: yearSchema })

export const ReturnFileParamsSchema = z.strictObject({
  year: yearSchema,
  file: z.enum(['failures.csv', ...Object.values(TABLE_FILE_NAMES)], {
    error: 'invalid-option',
  }),
})

export const ExportQuerySchema = z.strictObject({
  withPrevious: booleanQuery.optional(),
  asKnownOn: daySchema.optional(),
})

export const ChildYearQuerySchema = z.strictObject({ year: yearSchema.optional() })

export const ChildParamsSchema = z.strictObject({ childId: idSchema })

export const AnnexAQuerySchema = z.strictObject({
  asOf: daySchema.optional(),
  edition: z.enum(['2024', '2026'], { error: 'invalid-option' }).optional(),
})

export const ScorecardQuerySchema = z.strictObject({
  toYear: z.coerce.number({ error: 'invalid-option' }).int({ error: 'invalid-option' }).min(2010).max(2100).optional(),
})

const days = (max: number) =>
  z
    .number({ error: issue => (issue.input === undefined ? 'required' : 'invalid-type') })
    .int({ error: 'invalid-type' })
    .min(1, { error: 'too-short' })
    .max(max, { error: 'too-long' })

export const ThresholdsBodySchema = z.strictObject({
  a1Days: days(3650),
  a2Days: days(3650),
  a3Months: days(120),
})

export const RETURNS_FIELD_LABELS: Readonly<Record<string, FieldLabel>> = {
  year: { noun: 'a collection year we export (2025, 2026 or 2027)', name: 'Year', isChoice: true },
  file: { noun: 'one of the return’s files', name: 'File', isChoice: true },
  withPrevious: { noun: 'true or false', name: 'With previous', isChoice: true },
  asKnownOn: { noun: 'the day last year’s return is known as at', name: 'As known on' },
  asOf: { noun: 'the reference day', name: 'As of' },
  edition: { noun: 'the edition, 2024 or 2026', name: 'Edition', isChoice: true },
  toYear: { noun: 'the last collection year of the cohort', name: 'To year' },
  a1Days: { noun: 'the A1 and A10 threshold in days', name: 'A1 threshold' },
  a2Days: { noun: 'the A2 threshold in days', name: 'A2 threshold' },
  a3Months: { noun: 'the A3 threshold in months', name: 'A3 threshold' },
}
