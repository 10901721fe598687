/**
 * Writes Ofsted Annex A lists as an XLSX workbook, one worksheet per list, Ofsted's headers in the first row
 * (issue 8). The lists themselves are built in the domain (`src/domain/returns/annex-a.ts`).
 */
import ExcelJS from 'exceljs'
import type { AnnexASheet } from '../../domain/returns/annex-a.ts'

/**
 * Writes the lists as an XLSX workbook.
 * @param sheets - the lists, e.g. from `buildAnnexA`
 * @returns the workbook bytes
 */
export async function writeAnnexAXlsx(sheets: readonly AnnexASheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Permanence Planner'
  // A fixed date keeps the file identical for identical lists.
  workbook.created = new Date(Date.UTC(2000, 0, 1))
  workbook.modified = workbook.created
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.sheet)
    worksheet.addRow([...sheet.headers])
    worksheet.getRow(1).font = { bold: true }
    worksheet.views = [{ state: 'frozen', ySplit: 1 }]
    for (const row of sheet.rows) {
      worksheet.addRow([...row])
    }
    worksheet.columns.forEach(column => {
      column.width = 20
    })
  }
  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer)
}
