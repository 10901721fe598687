import { buildMyPlanDocument, type MyPlanDocumentData } from './my-plan-document.ts'
import { writeDocx } from './docx-writer.ts'

/**
 * Renders the child's "My plan" as Word (DOCX).
 * @param data - what the document shows
 * @returns the file's bytes
 */
export async function renderMyPlanDocx(data: MyPlanDocumentData): Promise<Buffer> {
  return writeDocx(buildMyPlanDocument(data))
}
