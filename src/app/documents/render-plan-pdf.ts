import { buildPlanDocument, type PlanDocumentData } from './plan-document.ts'
import { writePdf } from './pdf-writer.ts'

/**
 * Renders the permanence plan as PDF.
 * @param data - what the document shows
 * @returns the file's bytes
 */
export async function renderPlanPdf(data: PlanDocumentData): Promise<Buffer> {
  return writePdf(buildPlanDocument(data))
}
