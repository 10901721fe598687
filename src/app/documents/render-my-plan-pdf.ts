import { buildMyPlanDocument, type MyPlanDocumentData } from './my-plan-document.ts'
import { writePdf } from './pdf-writer.ts'

/**
 * Renders the child's "My plan" as PDF.
 * @param data - what the document shows
 * @returns the file's bytes
 */
export async function renderMyPlanPdf(data: MyPlanDocumentData): Promise<Buffer> {
  return writePdf(buildMyPlanDocument(data))
}
