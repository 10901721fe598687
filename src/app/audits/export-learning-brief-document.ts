import { documentFile, type DocumentFile, type DocumentFormat } from '../documents/document-file.ts'
import { writeDocx } from '../documents/docx-writer.ts'
import { writePdf } from '../documents/pdf-writer.ts'
import { NotFoundError } from '../shared/errors.ts'
import type { Operation } from '../shared/run-operation.ts'
import { buildLearningBriefDocument } from './learning-brief-document.ts'
import { viewLearningBrief } from './view-learning-brief.ts'

/**
 * Prints a round's learning brief as PDF or DOCX (it names no child). Audited as an export.
 * @param op - the operation
 * @param roundId - the round
 * @param format - PDF or DOCX
 * @returns the file
 */
export async function exportLearningBriefDocument(
  op: Operation,
  roundId: string,
  format: DocumentFormat,
): Promise<DocumentFile> {
  const view = await viewLearningBrief(op, roundId)
  if (!view) {
    throw new NotFoundError('Audit round')
  }
  const model = buildLearningBriefDocument(view, op.actor.authorityName, op.today)
  op.addAuditDetail('document', 'learning-brief')
  op.addAuditDetail('format', format)
  const body = format === 'pdf' ? await writePdf(model) : await writeDocx(model)
  return documentFile(body, format, `learning-brief-${view.round.createdOn}`)
}
