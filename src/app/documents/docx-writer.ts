/**
 * Writes a {@link DocumentModel} as a Word document with docx 9: real heading styles (so screen readers and Word's
 * navigation pane see the structure), tables with repeating header rows, the authority and child in the page header,
 * page numbers in the footer. DOCX is the format to edit or to read with assistive technology (docs/adr/0026).
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx'
import { formatCalendarDay } from '../../domain/shared/calendar-day.ts'
import type { Block, DocumentModel } from './document-model.ts'

const HEADING_LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const

/** Text with its line breaks kept as separate paragraphs. */
function paragraphs(text: string, options: { bold?: boolean; italics?: boolean; color?: string } = {}): Paragraph[] {
  const lines = text.split(/\r?\n/)
  return lines.map(
    line => new Paragraph({ children: [new TextRun({ text: line, ...options })], spacing: { after: 80 } }),
  )
}

function cell(text: string, options: { bold?: boolean; shaded?: boolean; widthPercent: number }): TableCell {
  return new TableCell({
    children: paragraphs(text, { bold: options.bold ?? false }),
    width: { size: options.widthPercent, type: WidthType.PERCENTAGE },
    shading: options.shaded ? { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' } : undefined,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
  })
}

function percentages(widths: readonly number[]): number[] {
  const total = widths.reduce((sum, width) => sum + width, 0)
  return widths.map(width => Math.round((width / total) * 100))
}

function blockChildren(block: Block): FileChild[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ text: block.text, heading: HEADING_LEVELS[block.level], keepNext: true })]
    case 'paragraph':
      return paragraphs(block.text, block.emphasis === 'quiet' ? { italics: true, color: '505A5F' } : {})
    case 'fields':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: block.rows.map(
            row =>
              new TableRow({
                children: [cell(row.label, { bold: true, widthPercent: 30 }), cell(row.value, { widthPercent: 70 })],
              }),
          ),
        }),
        new Paragraph({ text: '' }),
      ]
    case 'list':
      return block.items.map(item => new Paragraph({ text: item, bullet: { level: 0 } }))
    case 'table': {
      const widths = percentages(block.widths ?? block.headers.map(() => 1))
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              tableHeader: true,
              cantSplit: true,
              children: block.headers.map((text, index) =>
                cell(text, { bold: true, shaded: true, widthPercent: widths[index] ?? 10 }),
              ),
            }),
            ...block.rows.map(
              row =>
                new TableRow({
                  children: row.map((text, index) =>
                    cell(text, {
                      bold: block.firstColumnIsLabel === true && index === 0,
                      widthPercent: widths[index] ?? 10,
                    }),
                  ),
                }),
            ),
          ],
        }),
        new Paragraph({ text: '' }),
      ]
    }
  }
}

/**
 * Writes a document as DOCX.
 * @param model - the document
 * @returns the DOCX bytes
 */
export async function writeDocx(model: DocumentModel): Promise<Buffer> {
  // Sizes are in half-points: 11pt for adults, 14pt for a child reader.
  const bodySize = model.readerIsChild ? 28 : 22
  const document = new Document({
    title: `${model.title}: ${model.subjectLine}`,
    subject: model.title,
    creator: model.authorityName,
    description: `${model.title} made on ${formatCalendarDay(model.generatedOn)}`,
    styles: {
      default: {
        document: { run: { font: 'Arial', size: bodySize } },
        heading1: { run: { font: 'Arial', size: bodySize + 14, bold: true, color: '000000' } },
        heading2: { run: { font: 'Arial', size: bodySize + 6, bold: true, color: '000000' } },
        heading3: { run: { font: 'Arial', size: bodySize + 2, bold: true, color: '000000' } },
      },
    },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        headers: {
          default: new Header({
            children: [
              new Paragraph({ children: [new TextRun({ text: model.authorityName, bold: true, size: 18 })] }),
              new Paragraph({ children: [new TextRun({ text: model.subjectLine, size: 18 })] }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    text: `${model.title}. Made on ${formatCalendarDay(model.generatedOn)}. Confidential. Page `,
                    size: 18,
                  }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 18 }),
                  new TextRun({ text: ' of ', size: 18 }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 18 }),
                ],
              }),
            ],
          }),
        },
        children: model.blocks.flatMap(blockChildren),
      },
    ],
  })
  return Packer.toBuffer(document)
}
