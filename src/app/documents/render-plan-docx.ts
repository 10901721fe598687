import { buildPlanDocument, type PlanDocumentData } from './plan-document.ts'
import { writeDocx } from './docx-writer.ts'

/**
 * Renders the permanence plan as Word (DOCX).
 * @param data - what the document shows
 * @returns the file's bytes
 */
export async function renderPlanDocx(data: PlanDocumentData): Promise<Buffer> {
  return writeDocx(buildPlanDocument(data))
}
