/**
 * Writes a {@link DocumentModel} as a PDF with pdfmake 0.3 on the server, using the PDF standard Helvetica fonts
 * (no font files to ship or load; docs/adr/0026).
 *
 * pdfmake's server build is a process-wide singleton. This module configures it once: the Helvetica family, no URL
 * fetching, and local-file access only for the four standard font names (which PDFKit resolves to its built-in
 * metrics, never to a file). Other code that makes PDFs should call {@link writePdf} rather than configure pdfmake
 * again.
 *
 * Known limit: the standard fonts encode Windows-1252 only. Text outside it is transliterated (é stays é; ł becomes l)
 * and anything left becomes "?", so names in other scripts print wrongly in the PDF; the DOCX keeps every character.
 * Embedding a Unicode font (e.g. Noto Sans) is the fix when an authority needs it.
 */
import pdfmake from 'pdfmake'
import type { Content, CustomTableLayout, TableCell } from 'pdfmake'
import { formatCalendarDay } from '../../domain/shared/calendar-day.ts'
import type { Block, DocumentModel } from './document-model.ts'

type DocumentDefinition = Parameters<typeof pdfmake.createPdf>[0]

const STANDARD_FONT_FILES = new Set(['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique'])

let isConfigured = false

function configure(): void {
  if (isConfigured) {
    return
  }
  pdfmake.addFonts({
    Helvetica: {
      normal: 'Helvetica',
      bold: 'Helvetica-Bold',
      italics: 'Helvetica-Oblique',
      bolditalics: 'Helvetica-BoldOblique',
    },
  })
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy(path => STANDARD_FONT_FILES.has(path))
  isConfigured = true
}

// Windows-1252 characters above 0x7F that are not in Latin-1 (the standard fonts' WinAnsiEncoding).
const CP1252_EXTRAS = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'])

// Latin letters with no Unicode decomposition, mapped to their nearest plain letter.
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
  Ə: 'E',
  ə: 'e',
}

function isWinAnsi(character: string): boolean {
  const code = character.codePointAt(0) ?? 0
  return (
    code === 0x0a || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRAS.has(character)
  )
}

/**
 * Makes text printable in the standard fonts: keeps Windows-1252 characters, strips accents the encoding lacks, and
 * replaces anything else with "?".
 * @param text - any text
 * @returns text the standard fonts can show
 */
export function toWinAnsi(text: string): string {
  return Array.from(text.replace(/\r\n?/g, '\n').replace(/\t/g, ' '))
    .map(character => {
      if (isWinAnsi(character)) {
        return character
      }
      const mapped = UNDECOMPOSABLE[character]
      if (mapped !== undefined) {
        return mapped
      }
      const stripped = character.normalize('NFKD').replace(/\p{M}/gu, '')
      return stripped !== '' && Array.from(stripped).every(isWinAnsi) ? stripped : '?'
    })
    .join('')
}

const GRID: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#6f777b',
  vLineColor: () => '#6f777b',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
}

const NO_LINES: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 8,
  paddingTop: () => 2,
  paddingBottom: () => 2,
}

function percentages(widths: readonly number[]): string[] {
  const total = widths.reduce((sum, width) => sum + width, 0)
  return widths.map(width => `${((width / total) * 100).toFixed(2)}%`)
}

function blockContent(block: Block): Content {
  switch (block.kind) {
    case 'heading':
      return { text: toWinAnsi(block.text), style: `h${block.level}`, headlineLevel: block.level }
    case 'paragraph':
      return { text: toWinAnsi(block.text), style: block.emphasis === 'quiet' ? 'quiet' : 'body' }
    case 'fields':
      return {
        table: {
          widths: ['30%', '70%'],
          body: block.rows.map(row => [{ text: toWinAnsi(row.label), bold: true }, { text: toWinAnsi(row.value) }]),
        },
        layout: NO_LINES,
        style: 'block',
      }
    case 'list':
      return { ul: block.items.map(item => toWinAnsi(item)), style: 'block' }
    case 'table': {
      const header: TableCell[] = block.headers.map(text => ({
        text: toWinAnsi(text),
        bold: true,
        fillColor: '#e8e8e8',
      }))
      const body: TableCell[][] = block.rows.map(row =>
        row.map((text, index) => ({ text: toWinAnsi(text), bold: block.firstColumnIsLabel === true && index === 0 })),
      )
      return {
        table: {
          headerRows: 1,
          // Never leave a header row alone at the foot of a page.
          keepWithHeaderRows: 1,
          widths: percentages(block.widths ?? block.headers.map(() => 1)),
          body: [header, ...body],
        },
        layout: GRID,
        style: 'table',
      }
    }
  }
}

/**
 * Writes a document as PDF.
 * @param model - the document
 * @returns the PDF bytes
 */
export async function writePdf(model: DocumentModel): Promise<Buffer> {
  configure()
  const scale = model.readerIsChild ? 1.35 : 1
  const made = formatCalendarDay(model.generatedOn)
  const definition: DocumentDefinition = {
    pageSize: 'A4',
    pageMargins: [56, 64, 56, 56],
    language: 'en-GB',
    displayTitle: true,
    info: {
      title: toWinAnsi(`${model.title}: ${model.subjectLine}`),
      author: toWinAnsi(model.authorityName),
      subject: toWinAnsi(model.title),
      creator: 'Permanence Planner',
      producer: 'Permanence Planner (pdfmake)',
      // The document's own date, so the same record always gives the same file.
      creationDate: new Date(`${model.generatedOn}T00:00:00Z`),
    },
    header: () => ({
      columns: [
        { text: toWinAnsi(model.authorityName), bold: true },
        { text: toWinAnsi(model.subjectLine), alignment: 'right' },
      ],
      margin: [56, 28, 56, 0],
      fontSize: 9,
    }),
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: toWinAnsi(`${model.title}. Made on ${made}. Confidential.`), width: '*' },
        { text: `Page ${currentPage} of ${pageCount}`, alignment: 'right', width: 'auto' },
      ],
      margin: [56, 16, 56, 0],
      fontSize: 9,
    }),
    // Never leave a heading alone at the bottom of a page: move it on when nothing follows it on the page, or when it
    // starts in the last eighth of the page (a table after it would start on the next page anyway).
    pageBreakBefore: (node, queries) =>
      node.headlineLevel !== undefined &&
      (queries.getFollowingNodesOnPage().length === 0 || node.startPosition.verticalRatio > 0.875),
    defaultStyle: { font: 'Helvetica', fontSize: 10.5 * scale, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 18 * scale, bold: true, margin: [0, 0, 0, 10] },
      h2: { fontSize: 14 * scale, bold: true, margin: [0, 14, 0, 6] },
      h3: { fontSize: 12 * scale, bold: true, margin: [0, 10, 0, 4] },
      body: { margin: [0, 0, 0, 6] },
      quiet: { italics: true, color: '#505a5f', fontSize: 9.5 * scale, margin: [0, 0, 0, 6] },
      block: { margin: [0, 0, 0, 8] },
      table: { fontSize: 9 * scale, margin: [0, 2, 0, 10] },
    },
    content: model.blocks.map(blockContent),
  }
  return pdfmake.createPdf(definition).getBuffer()
}
