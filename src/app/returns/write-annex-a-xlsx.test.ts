import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { buildAnnexA } from '../../domain/returns/annex-a.ts'
import { d, testFacts } from '../../domain/returns/test-facts.ts'
import { writeAnnexAXlsx } from './write-annex-a-xlsx.ts'

describe('writeAnnexAXlsx', () => {
  test('writes one worksheet per list with Ofsted’s headers, readable by exceljs', async () => {
    const sheets = buildAnnexA([testFacts()], [], { asOf: d('2026-03-31') })
    const bytes = await writeAnnexAXlsx(sheets)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
    expect(workbook.worksheets.map(sheet => sheet.name)).toEqual(['List 8', 'List 10', 'List 11'])
    const list8 = workbook.getWorksheet('List 8')!
    const headerRow = list8.getRow(1).values as unknown[]
    expect(headerRow.slice(1)).toEqual(sheets[0]!.headers)
    expect(list8.getRow(2).getCell(1).value).toBe('TEST001')
    expect(list8.rowCount).toBe(2)
    expect(workbook.getWorksheet('List 11')!.rowCount).toBe(1)
  })

  test('the same lists give the same bytes', async () => {
    const sheets = buildAnnexA([testFacts()], [], { asOf: d('2026-03-31') })
    expect(await writeAnnexAXlsx(sheets)).toEqual(await writeAnnexAXlsx(sheets))
  })
})
