import { buildMinutesDocument, type MinutesDocumentData } from './minutes-document.ts'
import { writePdf } from './pdf-writer.ts'

/**
 * Renders the minutes of a meeting as PDF.
 * @param data - what the document shows
 * @returns the file's bytes
 */
export async function renderMinutesPdf(data: MinutesDocumentData): Promise<Buffer> {
  return writePdf(buildMinutesDocument(data))
}
