import { setChangeReason } from '../../db/client.ts'
import { updateMeeting } from '../../db/repositories/meetings-repository.ts'
import { recordMeeting as record } from '../../domain/meetings/meeting.ts'
import type { MeetingRecordEdit } from '../../domain/meetings/meeting-schemas.ts'
import type { Operation } from '../shared/run-operation.ts'
import { afterPlanningChange } from '../plans/after-planning-change.ts'
import { assertRowVersion, orRefuse, planActor, planningContextOf, rowVersionAfter } from '../plans/plan-support.ts'
import { assertSiblingGroup, authoriseMeetingChildren, loadChildMeeting } from './meeting-support.ts'

/**
 * Records what happened at an open meeting: attendance, people with parental responsibility not invited and how
 * they will be told, the review of the last meeting's actions, each child's outcome, decisions with reasons, actions
 * with owners and dates, minutes and the next date. Each top-level key given replaces that part.
 * @param op - the operation
 * @param childId - the child the request is about
 * @param meetingId - the meeting
 * @param expectedRowVersion - the row version the user saw
 * @param edit - what changed
 * @returns the new row version
 */
export async function recordMeeting(
  op: Operation,
  childId: string,
  meetingId: string,
  expectedRowVersion: number,
  edit: MeetingRecordEdit,
): Promise<{ rowVersion: number }> {
  const stored = await loadChildMeeting(op, childId, meetingId, 'meeting:record')
  const childIds = edit.childIds ?? stored.meeting.record.childIds
  await authoriseMeetingChildren(
    op,
    childId,
    [...new Set([...stored.meeting.record.childIds, ...childIds])],
    'meeting:record',
  )
  if (edit.childIds) {
    await assertSiblingGroup(op, childId, edit.childIds)
  }
  assertRowVersion(stored.rowVersion, expectedRowVersion)
  const meeting = orRefuse(record(stored.meeting, edit, planActor(op), op.today))
  await setChangeReason(op.tx, 'Meeting recorded')
  const rowVersion = rowVersionAfter(
    await updateMeeting(op.tx, planningContextOf(op), meeting, expectedRowVersion),
    expectedRowVersion,
    'Meeting',
  )
  await afterPlanningChange(op, [...new Set([...stored.meeting.record.childIds, ...childIds])])
  op.addAuditDetail('fields', Object.keys(edit))
  return { rowVersion }
}
