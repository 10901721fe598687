import { loadMyPlan } from '../../db/repositories/panels-repository.ts'
import { domainError } from '../../domain/shared/result.ts'
import { RuleViolationError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { loadChildHeader } from '../plans/child-header.ts'
import { documentFile, type DocumentFile, type DocumentFormat } from './document-file.ts'
import { renderMyPlanDocx } from './render-my-plan-docx.ts'
import { renderMyPlanPdf } from './render-my-plan-pdf.ts'

/**
 * Prints (downloads) the child's "My plan" — the social worker's edited copy — as PDF or DOCX. Audited as an export.
 * @param op - the operation
 * @param childId - the child
 * @param format - PDF or DOCX
 * @returns the file
 */
export async function exportMyPlanDocument(
  op: Operation,
  childId: string,
  format: DocumentFormat,
): Promise<DocumentFile> {
  await authoriseChild(op, childId, 'child:view')
  const stored = await loadMyPlan(op.tx, childId)
  if (!stored) {
    throw new RuleViolationError([domainError('my-plan-not-composed', [])])
  }
  const child = await loadChildHeader(op, childId)
  const data = {
    authorityName: op.actor.authorityName,
    generatedOn: op.today,
    child: {
      id: child.id,
      name: `${child.preferredName ?? child.givenNames} ${child.familyName}`,
      caseNumber: child.caseNumber,
    },
    myPlan: stored.myPlan,
  }
  op.addAuditDetail('document', 'my-plan')
  op.addAuditDetail('format', format)
  const body = format === 'pdf' ? await renderMyPlanPdf(data) : await renderMyPlanDocx(data)
  return documentFile(body, format, `my-plan-${child.caseNumber}`)
}
