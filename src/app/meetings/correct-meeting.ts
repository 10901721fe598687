import { setChangeReason } from '../../db/client.ts'
import { updateMeeting } from '../../db/repositories/meetings-repository.ts'
import { insertDecisionEvents } from '../../db/repositories/plans-repository.ts'
import { correctClosedMeeting } from '../../domain/meetings/meeting.ts'
import type { CorrectMeeting } from '../../domain/meetings/meeting-schemas.ts'
import type { Operation } from '../shared/run-operation.ts'
import { afterPlanningChange } from '../plans/after-planning-change.ts'
import { assertRowVersion, orRefuse, planActor, planningContextOf, rowVersionAfter } from '../plans/plan-support.ts'
import {
  assertSiblingGroup,
  authoriseMeetingChildren,
  closeContextOf,
  loadChildMeeting,
  recordReviewsInCareRecord,
} from './meeting-support.ts'

/**
 * Corrects a closed meeting: a new version with the reason, by its chair; the closed version stays in the history
 * (security D4). A corrected child in care review corrects the review in each child's care record too.
 * @param op - the operation
 * @param childId - the child the request is about
 * @param meetingId - the meeting
 * @param expectedRowVersion - the row version the user saw
 * @param command - what changes and why
 * @returns the new row version and meeting version
 */
export async function correctMeeting(
  op: Operation,
  childId: string,
  meetingId: string,
  expectedRowVersion: number,
  command: CorrectMeeting,
): Promise<{ rowVersion: number; meetingVersion: number }> {
  const stored = await loadChildMeeting(op, childId, meetingId, 'meeting:record')
  const childIds = command.edit.childIds ?? stored.meeting.record.childIds
  await authoriseMeetingChildren(
    op,
    childId,
    [...new Set([...stored.meeting.record.childIds, ...childIds])],
    'meeting:record',
  )
  if (command.edit.childIds) {
    await assertSiblingGroup(op, childId, command.edit.childIds)
  }
  assertRowVersion(stored.rowVersion, expectedRowVersion)
  const context = await closeContextOf(op, stored.meeting)
  const { meeting, event } = orRefuse(correctClosedMeeting(stored.meeting, command, planActor(op), op.today, context))
  const reviews =
    meeting.kind === 'statutory-review'
      ? await recordReviewsInCareRecord(op, meeting, stored.statutoryReviewIds)
      : undefined
  await setChangeReason(op.tx, command.reason)
  const rowVersion = rowVersionAfter(
    await updateMeeting(op.tx, planningContextOf(op), meeting, expectedRowVersion, reviews),
    expectedRowVersion,
    'Meeting',
  )
  await insertDecisionEvents(op.tx, planningContextOf(op), [event])
  await afterPlanningChange(op, [...new Set([...stored.meeting.record.childIds, ...childIds])])
  return { rowVersion, meetingVersion: meeting.version }
}
