import { loadMeeting } from '../../db/repositories/meetings-repository.ts'
import { listChildSummaries } from '../../db/repositories/caseload-repository.ts'
import { NotFoundError } from '../shared/errors.ts'
import { authoriseChild, filterViewableChildren, type Operation } from '../shared/run-operation.ts'
import { previousActionsOf } from '../meetings/meeting-support.ts'
import { documentFile, type DocumentFile, type DocumentFormat } from './document-file.ts'
import { renderMinutesDocx } from './render-minutes-docx.ts'
import { renderMinutesPdf } from './render-minutes-pdf.ts'

/**
 * Prints (downloads) the minutes of a meeting about a child as PDF or DOCX, headed with the authority's name.
 * Children in a sibling group's meeting that the user may not see are named "Name not available". Audited as an
 * export of the child's record.
 * @param op - the operation
 * @param childIdGiven - the child (null: the meeting's first child)
 * @param meetingId - the meeting
 * @param format - PDF or DOCX
 * @returns the file
 */
export async function exportMinutesDocument(
  op: Operation,
  childIdGiven: string | null,
  meetingId: string,
  format: DocumentFormat,
): Promise<DocumentFile> {
  const stored = await loadMeeting(op.tx, meetingId)
  // Without a child named, the minutes are printed through the first child the meeting covers.
  const childId = childIdGiven ?? stored?.meeting.record.childIds[0] ?? meetingId
  await authoriseChild(op, childId, 'child:view')
  if (!stored || !stored.meeting.record.childIds.includes(childId)) {
    throw new NotFoundError('Meeting')
  }
  const viewable = await filterViewableChildren(op, stored.meeting.record.childIds)
  viewable.add(childId)
  const children = await listChildSummaries(op.tx, { kind: 'ids', ids: [...viewable] }, op.today)
  const data = {
    authorityName: op.actor.authorityName,
    generatedOn: op.today,
    meeting: stored.meeting,
    children: children.map(child => ({
      id: child.id,
      name: `${child.givenNames} ${child.familyName}`,
      caseNumber: child.localCaseNumber,
    })),
    previousActions: await previousActionsOf(op, stored.meeting),
  }
  op.addAuditDetail('document', 'minutes')
  op.addAuditDetail('format', format)
  op.addAuditDetail('meetingId', meetingId)
  op.addAuditDetail('childIds', stored.meeting.record.childIds)
  const body = format === 'pdf' ? await renderMinutesPdf(data) : await renderMinutesDocx(data)
  const caseNumber = children.find(child => child.id === childId)?.localCaseNumber ?? 'child'
  return documentFile(body, format, `minutes-${stored.meeting.kind}-${stored.meeting.record.heldOn}-${caseNumber}`)
}
