import { setChangeReason } from '../../db/client.ts'
import { updateMeeting } from '../../db/repositories/meetings-repository.ts'
import { insertDecisionEvents } from '../../db/repositories/plans-repository.ts'
import { cancelMeeting as cancel } from '../../domain/meetings/meeting.ts'
import type { CancelMeeting } from '../../domain/meetings/meeting-schemas.ts'
import type { Operation } from '../shared/run-operation.ts'
import { afterPlanningChange } from '../plans/after-planning-change.ts'
import { assertRowVersion, orRefuse, planActor, planningContextOf, rowVersionAfter } from '../plans/plan-support.ts'
import { authoriseMeetingChildren, loadChildMeeting } from './meeting-support.ts'

/**
 * Cancels an open meeting, with reasons, so a PPM that did not happen shows as drift rather than vanishing.
 * @param op - the operation
 * @param childId - the child the request is about
 * @param meetingId - the meeting
 * @param expectedRowVersion - the row version the user saw
 * @param command - why
 * @returns the new row version
 */
export async function cancelMeeting(
  op: Operation,
  childId: string,
  meetingId: string,
  expectedRowVersion: number,
  command: CancelMeeting,
): Promise<{ rowVersion: number }> {
  const stored = await loadChildMeeting(op, childId, meetingId, 'meeting:record')
  await authoriseMeetingChildren(op, childId, stored.meeting.record.childIds, 'meeting:record')
  assertRowVersion(stored.rowVersion, expectedRowVersion)
  const { meeting, event } = orRefuse(cancel(stored.meeting, command, planActor(op), op.today))
  await setChangeReason(op.tx, command.reasons)
  const rowVersion = rowVersionAfter(
    await updateMeeting(op.tx, planningContextOf(op), meeting, expectedRowVersion),
    expectedRowVersion,
    'Meeting',
  )
  await insertDecisionEvents(op.tx, planningContextOf(op), [event])
  await afterPlanningChange(op, meeting.record.childIds)
  return { rowVersion }
}
