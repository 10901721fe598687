/**
 * The returns API (issue 8): the SSDA903 return of a collection year as JSON (every table and the failures left), one
 * table or `failures.csv` as CSV, Ofsted Annex A as XLSX, the adoption scorecard and its thresholds, and a child's
 * return failures and scorecard. Exports are audited as exports of every child in them.
 */
import { exportAnnexA } from '../../app/returns/export-annex-a.ts'
import { exportSsda903Return, type BuiltYear } from '../../app/returns/export-ssda903-return.ts'
import { failuresCsv, tableForFileName } from '../../app/returns/return-files.ts'
import { setScorecardThresholds } from '../../app/returns/set-scorecard-thresholds.ts'
import { viewAdoptionScorecard } from '../../app/returns/view-adoption-scorecard.ts'
import { viewChildReturnFailures } from '../../app/returns/view-child-return-failures.ts'
import { viewChildScorecard } from '../../app/returns/view-child-scorecard.ts'
import { toCsv } from '../../domain/returns/build-return.ts'
import { TABLE_FILE_NAMES, type TableName } from '../../domain/returns/tables.ts'
import type { ValidationFailure } from '../../domain/returns/validation-failure.ts'
import { apiRoute, type ApiRoute } from '../../http/api-route.ts'
import {
  AnnexAQuerySchema,
  ChildParamsSchema,
  ChildYearQuerySchema,
  ExportQuerySchema,
  RETURNS_FIELD_LABELS,
  ReturnFileParamsSchema,
  ScorecardQuerySchema,
  ThresholdsBodySchema,
  YearParamsSchema,
} from './returns.schema.ts'

const BASE = '/api/v1/returns'
const labels = RETURNS_FIELD_LABELS

function presentTables(built: BuiltYear) {
  return Object.fromEntries(
    (Object.entries(built.tables) as [TableName, string[][]][]).map(([name, [columns, ...rows]]) => [
      name,
      { file: TABLE_FILE_NAMES[name], columns, rows },
    ]),
  )
}

const presentFailure = (f: ValidationFailure) => ({
  rule: f.rule,
  severity: f.severity,
  childId: f.childId,
  laChildId: f.laChildId,
  table: f.table,
  field: f.field,
  message: f.message,
})

export const returnsRoutes: readonly ApiRoute<never, never, never>[] = [
  apiRoute({
    method: 'GET',
    url: `${BASE}/ssda903/:year`,
    summary:
      "A collection year's SSDA903 return from the stored facts: every table (columns and rows, as the CSV files " +
      'have them) and the validation failures left; withPrevious=true adds last year’s return as known at the time',
    tags: ['Returns'],
    policy: 'returns:export',
    audit: 'SSDA903_RETURN_EXPORTED',
    params: YearParamsSchema,
    query: ExportQuerySchema,
    labels,
    handle: async (op, { params, query }) => {
      const built = await exportSsda903Return(op, {
        year: params.year,
        withPrevious: query.withPrevious === true,
        ...(query.asKnownOn === undefined ? {} : { asKnownOn: query.asKnownOn }),
      })
      return {
        body: {
          year: built.year,
          label: built.label,
          childCount: built.childCount,
          tables: presentTables(built),
          failures: built.failures.map(presentFailure),
          ...(built.previous === undefined
            ? {}
            : {
                previous: {
                  year: built.previous.year,
                  label: built.previous.label,
                  asKnownOn: built.previous.asKnownOn,
                  tables: presentTables(built.previous),
                },
              }),
        },
      }
    },
  }),
  apiRoute({
    method: 'GET',
    url: `${BASE}/ssda903/:year/:file`,
    summary: 'One table of the return as CSV (episodes.csv, header.csv …), or failures.csv',
    tags: ['Returns'],
    policy: 'returns:export',
    audit: 'SSDA903_RETURN_EXPORTED',
    params: ReturnFileParamsSchema,
    labels,
    handle: async (op, { params }) => {
      const built = await exportSsda903Return(op, { year: params.year })
      op.addAuditDetail('file', params.file)
      const table = tableForFileName(params.file)
      const rows = table === undefined ? undefined : built.tables[table]
      const text = params.file === 'failures.csv' ? failuresCsv(built.failures) : toCsv(rows ?? [[]])
      return { body: text, file: { contentType: 'text/csv; charset=utf-8', name: `${params.year}-${params.file}` } }
    },
  }),
  apiRoute({
    method: 'GET',
    url: `${BASE}/annex-a`,
    summary: 'Ofsted Annex A lists 8, 10 and 11 as an XLSX workbook (asOf: the reference day, default today)',
    tags: ['Returns'],
    policy: 'returns:export',
    audit: 'ANNEX_A_EXPORTED',
    query: AnnexAQuerySchema,
    labels,
    handle: async (op, { query }) => {
      const annex = await exportAnnexA(op, {
        ...(query.asOf === undefined ? {} : { asOf: query.asOf }),
        ...(query.edition === undefined ? {} : { edition: Number(query.edition) as 2024 | 2026 }),
      })
      return {
        body: Buffer.from(annex.workbook),
        file: {
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          name: `annex-a-${annex.asOf}.xlsx`,
        },
      }
    },
  }),
  apiRoute({
    method: 'GET',
    url: `${BASE}/scorecard`,
    summary:
      'The adoption scorecard (A1, A2, A3, A10) for the three collection years ending with toYear, each adopted ' +
      'child’s measures, and the thresholds used',
    tags: ['Returns'],
    policy: 'dashboard:authority',
    audit: 'ADOPTION_SCORECARD_VIEWED',
    query: ScorecardQuerySchema,
    labels,
    handle: async (op, { query }) => {
      const view = await viewAdoptionScorecard(op, query.toYear)
      return {
        body: {
          thresholds: view.thresholds,
          isDefaultThresholds: view.isDefaultThresholds,
          cohort: view.cohort,
        },
        version: view.thresholdsVersion,
      }
    },
  }),
  apiRoute({
    method: 'PUT',
    url: `${BASE}/scorecard/thresholds`,
    summary: 'Set the authority\'s scorecard thresholds (If-Match: the version from GET scorecard, W/"0" at first)',
    tags: ['Returns'],
    policy: 'scorecard:configure',
    audit: 'SCORECARD_THRESHOLDS_CHANGED',
    body: ThresholdsBodySchema,
    labels,
    needsVersion: true,
    handle: async (op, { body, version }) => {
      const saved = await setScorecardThresholds(op, body, version)
      return { body: { thresholds: body, version: saved.version }, version: saved.version }
    },
  }),
  apiRoute({
    method: 'GET',
    url: '/api/v1/children/:childId/return-failures',
    summary:
      'What would fail in the SSDA903 return for this child (data-quality warnings, not refusals); year: 2025–2027, default the current one',
    tags: ['Returns'],
    policy: 'child:view',
    audit: 'CHILD_RETURN_FAILURES_VIEWED',
    params: ChildParamsSchema,
    query: ChildYearQuerySchema,
    labels,
    handle: async (op, { params, query }) => {
      const check = await viewChildReturnFailures(op, params.childId, query.year)
      return { body: { year: check.year, label: check.label, failures: check.failures.map(presentFailure) } }
    },
  }),
  apiRoute({
    method: 'GET',
    url: '/api/v1/children/:childId/scorecard',
    summary:
      "The child's adoption scorecard measures (A1, A2, A3, A10), one per adoption order, with how they were reached",
    tags: ['Returns'],
    policy: 'child:view',
    audit: 'CHILD_SCORECARD_VIEWED',
    params: ChildParamsSchema,
    handle: async (op, { params }) => ({ body: { adoptions: await viewChildScorecard(op, params.childId) } }),
  }),
] as unknown as ApiRoute<never, never, never>[]
