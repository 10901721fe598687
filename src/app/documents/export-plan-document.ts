import { listActionUpdates, listMeetingsForChildren } from '../../db/repositories/meetings-repository.ts'
import { actionsForChild } from '../../domain/meetings/meeting-actions.ts'
import { ACTION_STATUSES } from '../../domain/meetings/meeting-kinds.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { childNames, loadChildHeader } from '../plans/child-header.ts'
import { loadPlanState, planVersionOf } from '../plans/plan-support.ts'
import { planningSettingsFor } from '../plans/planning-settings.ts'
import { loadSiblingIds } from '../../db/repositories/plans-repository.ts'
import { domainError } from '../../domain/shared/result.ts'
import { RuleViolationError } from '../shared/errors.ts'
import { documentFile, type DocumentFile, type DocumentFormat } from './document-file.ts'
import { renderPlanDocx } from './render-plan-docx.ts'
import { renderPlanPdf } from './render-plan-pdf.ts'

/**
 * Prints (downloads) a child's permanence plan as PDF or DOCX, headed with the authority's name: the version in force
 * unless another is asked for, with the child's open actions. Audited as an export of the child's record (issue 6:
 * every print and export is audited).
 * @param op - the operation
 * @param childId - the child
 * @param format - PDF or DOCX
 * @param planVersion - a version other than the one in force
 * @returns the file
 */
export async function exportPlanDocument(
  op: Operation,
  childId: string,
  format: DocumentFormat,
  planVersion?: number,
): Promise<DocumentFile> {
  await authoriseChild(op, childId, 'child:view')
  const state = await loadPlanState(op, childId)
  const stored = planVersion === undefined ? state.inForce : planVersionOf(state, planVersion)
  if (!stored) {
    throw new RuleViolationError([domainError('plan-not-started', [])])
  }
  const child = await loadChildHeader(op, childId)
  const settings = await planningSettingsFor(op)
  const meetings = (await listMeetingsForChildren(op.tx, [childId])).map(item => item.meeting)
  const updates = await listActionUpdates(
    op.tx,
    meetings.map(meeting => meeting.id),
  )
  const data = {
    authorityName: op.actor.authorityName,
    generatedOn: op.today,
    child: {
      id: child.id,
      name: `${child.givenNames} ${child.familyName}`,
      caseNumber: child.caseNumber,
      dateOfBirthOn: child.dateOfBirthOn as never,
    },
    plan: stored.plan,
    vocabulary: settings.plan.vocabulary,
    siblingNames: await childNames(op, await loadSiblingIds(op.tx, childId)),
    actions: actionsForChild(childId, meetings, updates, op.today)
      .filter(tracked => tracked.status === 'open')
      .map(tracked => ({
        description: tracked.action.description,
        owner: tracked.action.owner,
        dueOn: tracked.action.dueOn,
        status: tracked.isOverdue ? 'Overdue' : ACTION_STATUSES[tracked.status],
      })),
  }
  op.addAuditDetail('document', 'permanence-plan')
  op.addAuditDetail('format', format)
  op.addAuditDetail('planVersion', stored.plan.version)
  const body = format === 'pdf' ? await renderPlanPdf(data) : await renderPlanDocx(data)
  return documentFile(body, format, `permanence-plan-${child.caseNumber}-v${stored.plan.version}`)
}
