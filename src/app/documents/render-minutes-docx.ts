import { buildMinutesDocument, type MinutesDocumentData } from './minutes-document.ts'
import { writeDocx } from './docx-writer.ts'

/**
 * Renders the minutes of a meeting as Word (DOCX).
 * @param data - what the document shows
 * @returns the file's bytes
 */
export async function renderMinutesDocx(data: MinutesDocumentData): Promise<Buffer> {
  return writeDocx(buildMinutesDocument(data))
}
