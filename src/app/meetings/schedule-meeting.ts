import { randomUUID } from 'node:crypto'
import { setChangeReason } from '../../db/client.ts'
import { insertMeetings } from '../../db/repositories/meetings-repository.ts'
import { scheduleMeeting as schedule } from '../../domain/meetings/meeting.ts'
import type { ScheduleMeeting } from '../../domain/meetings/meeting-schemas.ts'
import type { Operation } from '../shared/run-operation.ts'
import { afterPlanningChange } from '../plans/after-planning-change.ts'
import { orRefuse, planActor, planningContextOf } from '../plans/plan-support.ts'
import { assertSiblingGroup, authoriseChildFirst, latestClosedMeetingId } from './meeting-support.ts'

/**
 * Books (or starts recording) a meeting about a child or a sibling group: its kind, date, chair and children
 * ([DOR] "Book a review before closing the meeting"). Unless told otherwise it follows the child's latest closed
 * meeting of the same kind, whose actions it will review.
 * @param op - the operation
 * @param childId - the child the request is about
 * @param input - the meeting
 * @returns the new meeting's id and row version
 */
export async function scheduleMeeting(
  op: Operation,
  childId: string,
  input: ScheduleMeeting,
): Promise<{ meetingId: string; rowVersion: number }> {
  await authoriseChildFirst(op, childId, input.childIds, 'meeting:record')
  await assertSiblingGroup(op, childId, input.childIds)
  const previousMeetingId = input.previousMeetingId ?? (await latestClosedMeetingId(op, childId, input.kind))
  const meeting = orRefuse(schedule({ ...input, previousMeetingId, id: randomUUID() }, planActor(op), op.today))
  await setChangeReason(op.tx, 'Meeting booked')
  await insertMeetings(op.tx, planningContextOf(op), [{ meeting }])
  await afterPlanningChange(op, meeting.record.childIds)
  op.addAuditDetail('meetingKind', meeting.kind)
  return { meetingId: meeting.id, rowVersion: 1 }
}
