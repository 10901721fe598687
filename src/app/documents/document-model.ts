/**
 * A format-neutral document: the content of a plan, minutes or "My plan" built once, then written as PDF (pdfmake)
 * and DOCX (docx) by two small writers, so both formats always say the same thing (docs/adr/0026).
 *
 * Blocks are deliberately few (headings, paragraphs, label–value fields, bullet lists, tables): enough for a plain,
 * readable layout that prints well and that the adult the child becomes can follow.
 */
import { formatCalendarDay, type CalendarDay } from '../../domain/shared/calendar-day.ts'

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly emphasis?: 'none' | 'quiet' }
  | { readonly kind: 'fields'; readonly rows: readonly { readonly label: string; readonly value: string }[] }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'table'
      readonly headers: readonly string[]
      readonly rows: readonly (readonly string[])[]
      /** Relative column widths; equal when absent. */
      readonly widths?: readonly number[]
      /** Whether the first column labels its row (shown in bold, as in a balance sheet). */
      readonly firstColumnIsLabel?: boolean
    }

export interface DocumentModel {
  /** e.g. "Permanence plan". */
  readonly title: string
  readonly authorityName: string
  /** Who the document is about, for the running header: e.g. "Amy Jones (case 12345)". */
  readonly subjectLine: string
  readonly generatedOn: CalendarDay
  /** Larger type for a child reader. */
  readonly readerIsChild: boolean
  readonly blocks: readonly Block[]
}

/** Shown for a field with nothing in it, so a blank is visibly blank rather than missing. */
export const NOT_RECORDED = 'Not recorded'

/**
 * A value or "Not recorded".
 * @param value - the text
 * @returns the trimmed text, or {@link NOT_RECORDED}
 */
export function orNotRecorded(value: string | null | undefined): string {
  const trimmed = value?.trim() ?? ''
  return trimmed === '' ? NOT_RECORDED : trimmed
}

/**
 * A date the GOV.UK way, or "Not recorded".
 * @param day - the date
 * @returns e.g. "5 January 2026"
 */
export function dateOrNotRecorded(day: CalendarDay | null | undefined): string {
  return day === null || day === undefined ? NOT_RECORDED : formatCalendarDay(day)
}

/**
 * A heading block.
 * @param level - 1 to 3
 * @param text - the heading
 * @returns the block
 */
export function heading(level: 1 | 2 | 3, text: string): Block {
  return { kind: 'heading', level, text }
}

/**
 * A paragraph block.
 * @param text - the text (line breaks are kept)
 * @param emphasis - quiet for notes
 * @returns the block
 */
export function paragraph(text: string, emphasis: 'none' | 'quiet' = 'none'): Block {
  return { kind: 'paragraph', text, emphasis }
}

/**
 * A section: a heading and the text under it, "Not recorded" when blank.
 * @param title - the heading
 * @param text - the text
 * @param level - heading level
 * @returns the blocks
 */
export function section(title: string, text: string, level: 2 | 3 = 2): Block[] {
  return [heading(level, title), paragraph(orNotRecorded(text))]
}
