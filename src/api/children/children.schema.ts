/**
 * Shapes of the children API: path parameters and response documents. Request bodies use the shared input schemas
 * in src/domain/children/care-record-inputs.ts so forms, API and CLI agree.
 */
import { z } from 'zod'
import type { FactKind } from '../../domain/children/care-record.ts'
import { idSchema, reasonSchema } from '../../domain/shared/input.ts'

export const ChildParamsSchema = z.strictObject({ childId: idSchema })
export const FactParamsSchema = z.strictObject({ childId: idSchema, factId: idSchema })

export const FACT_KINDS: readonly FactKind[] = [
  'periods-of-care',
  'legal-statuses',
  'placements',
  'reviews',
  'proceedings',
  'orders',
  'relationships',
  'siblings',
  'allocations',
  'living-arrangements',
  'events',
]

export const SearchQuerySchema = z.strictObject({
  q: z.string({ error: 'required' }).trim().min(2, { error: 'too-short' }).max(100, { error: 'too-long' }),
})

/** The most children one caseload page may list. */
export const CASELOAD_LIMIT_MAX = 200

export const CaseloadQuerySchema = z.strictObject({
  view: z.enum(['mine', 'team'], { error: 'invalid-option' }).default('mine'),
  show: z
    .enum(['all', 'looked-after', 'due-soon', 'overdue'], { error: 'invalid-option' })
    .default('all')
    .describe('Which children: all, looked after now, with something overdue or due soon, with something overdue'),
  sort: z
    .enum(['due', 'name', 'age'], { error: 'invalid-option' })
    .default('due')
    .describe('Most urgent first (overdue, then due soon, then the soonest due date), by name, or youngest first'),
  page: z.coerce
    .number({ error: 'invalid-option' })
    .int({ error: 'invalid-option' })
    .min(1)
    .max(1_000_000)
    .default(1)
    .describe('The page, from 1; a page after the last lists no children'),
  limit: z.coerce
    .number({ error: 'invalid-option' })
    .int({ error: 'invalid-option' })
    .min(1)
    .max(CASELOAD_LIMIT_MAX)
    .default(50)
    .describe(`Children per page (at most ${CASELOAD_LIMIT_MAX})`),
})

export const SearchBodySchema = SearchQuerySchema

export const VoidBodySchema = z.strictObject({ reason: reasonSchema })

export const ChildSummaryResponseSchema = z.object({
  id: z.string(),
  givenNames: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirthOn: z.string(),
  localCaseNumber: z.string(),
  allocatedWorkerName: z.string().nullable(),
  lookedAfterSince: z.string().nullable(),
  legalStatus: z.string().nullable(),
  placementType: z.string().nullable(),
})

export const ChildrenListResponseSchema = z.object({ children: z.array(ChildSummaryResponseSchema) })

export const CaseloadResponseSchema = z.object({
  children: z.array(ChildSummaryResponseSchema),
  page: z.number().describe('This page, from 1'),
  limit: z.number().describe('Children per page'),
  total: z.number().describe('Children matching `show` on every page'),
  pageCount: z.number().describe('Pages of children matching `show` (at least 1)'),
})

export const CreatedResponseSchema = z.object({ id: z.string(), version: z.number() })

export const VersionsResponseSchema = z.object({
  versions: z.array(
    z.object({
      version: z.number(),
      operation: z.string(),
      changedAt: z.string(),
      changedBy: z.string().nullable(),
      changeReason: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
})

export const CareRecordResponseSchema = z.object({
  child: z.record(z.string(), z.unknown()),
  periodsOfCare: z.array(z.record(z.string(), z.unknown())),
  legalStatuses: z.array(z.record(z.string(), z.unknown())),
  placements: z.array(z.record(z.string(), z.unknown())),
  reviews: z.array(z.record(z.string(), z.unknown())),
  proceedings: z.array(z.record(z.string(), z.unknown())),
  orders: z.array(z.record(z.string(), z.unknown())),
  relationships: z.array(z.record(z.string(), z.unknown())),
  people: z.array(z.record(z.string(), z.unknown())),
  siblings: z.array(z.record(z.string(), z.unknown())),
  allocations: z.array(z.record(z.string(), z.unknown())),
  livingArrangements: z.array(z.record(z.string(), z.unknown())),
  events: z.array(z.record(z.string(), z.unknown())),
  warnings: z.array(z.object({ code: z.string(), path: z.string() })),
})
