/**
 * The national returns page for performance analysts (issue 8): a collection year's SSDA903 return built from the
 * stored facts, its validation summary, and downloads — each table or failures.csv as CSV, all of them as one ZIP
 * (with last year's return as known at the time, if wanted), and Ofsted Annex A as XLSX. Every download is audited
 * as an export.
 */
import type { FastifyRequest } from 'fastify'
import { exportAnnexA } from '../../app/returns/export-annex-a.ts'
import { exportSsda903Return } from '../../app/returns/export-ssda903-return.ts'
import { failuresCsv, returnFiles, tableForFileName } from '../../app/returns/return-files.ts'
import { currentCollectionYear } from '../../app/returns/return-support.ts'
import { zipFiles } from '../../app/returns/zip-files.ts'
import { NotFoundError } from '../../app/shared/errors.ts'
import { toCsv } from '../../domain/returns/build-return.ts'
import { EXPORT_YEARS, type CollectionYear } from '../../domain/returns/collection-year.ts'
import type { WebPage } from '../web-route.ts'
import { returnsPageViewModel } from './returns.view-model.ts'

function yearOf(value: unknown): CollectionYear | undefined {
  const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : undefined
  return year !== undefined && EXPORT_YEARS.includes(year) ? year : undefined
}

const query = (request: FastifyRequest) => request.query as Record<string, unknown>
const params = (request: FastifyRequest) => request.params as Record<string, unknown>

export const returnsPages: readonly WebPage[] = [
  {
    method: 'GET',
    url: '/returns',
    policy: 'returns:export',
    audit: 'SSDA903_RETURN_VIEWED',
    handle: async (op, request) => {
      const asked = query(request).year
      const year = yearOf(asked)
      const built = await exportSsda903Return(op, { year: year ?? currentCollectionYear(op.today) })
      return {
        template: 'returns/returns.njk',
        context: {
          page: returnsPageViewModel(built),
          errors:
            asked !== undefined && year === undefined
              ? [{ text: 'Select a collection year from the list', href: '#year' }]
              : [],
        },
      }
    },
  },
  {
    method: 'GET',
    url: '/returns/ssda903/:year/:file',
    policy: 'returns:export',
    audit: 'SSDA903_RETURN_EXPORTED',
    handle: async (op, request) => {
      const year = yearOf(params(request).year)
      const file = String(params(request).file)
      const table = tableForFileName(file)
      const isZip = file === `ssda903-${year}.zip`
      const isZipWithPrevious = file === `ssda903-${year}-with-previous-year.zip`
      if (year === undefined || (table === undefined && file !== 'failures.csv' && !isZip && !isZipWithPrevious)) {
        throw new NotFoundError('File')
      }
      const built = await exportSsda903Return(op, { year, withPrevious: isZipWithPrevious })
      op.addAuditDetail('file', file)
      if (isZip || isZipWithPrevious) {
        const bytes = zipFiles(returnFiles(built).map(f => ({ name: f.name, data: f.text })))
        return { file: { contentType: 'application/zip', name: file, body: bytes } }
      }
      const text = table === undefined ? failuresCsv(built.failures) : toCsv(built.tables[table] ?? [[]])
      return { file: { contentType: 'text/csv; charset=utf-8', name: `${year}-${file}`, body: text } }
    },
  },
  {
    method: 'GET',
    url: '/returns/annex-a.xlsx',
    policy: 'returns:export',
    audit: 'ANNEX_A_EXPORTED',
    handle: async op => {
      const annex = await exportAnnexA(op)
      return {
        file: {
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          name: `annex-a-${annex.asOf}.xlsx`,
          body: annex.workbook,
        },
      }
    },
  },
]
