import { setChangeReason } from '../../db/client.ts'
import { insertActionUpdates, listActionUpdates, updateMeeting } from '../../db/repositories/meetings-repository.ts'
import { insertDecisionEvents, loadPlanVersionsForChildren } from '../../db/repositories/plans-repository.ts'
import { closeMeeting as close, meetingReference, type Meeting } from '../../domain/meetings/meeting.ts'
import { recordPlanConsideredAtPpm } from '../../domain/plans/plan-lifecycle.ts'
import type { Operation } from '../shared/run-operation.ts'
import { afterPlanningChange } from '../plans/after-planning-change.ts'
import {
  assertRowVersion,
  orRefuse,
  planActor,
  planningContextOf,
  rowVersionAfter,
  savePlanVersion,
} from '../plans/plan-support.ts'
import {
  actionVersionOf,
  authoriseMeetingChildren,
  closeContextOf,
  loadChildMeeting,
  recordReviewsInCareRecord,
} from './meeting-support.ts'

/**
 * Closes (finalises) a meeting, by its chair. Refused for a PPM without the next one booked ([DOR]; rules.md
 * PP-07), attendance unrecorded, a child without an outcome, an action from the last meeting not reviewed, or no
 * minutes (meeting-rules.ts). In the same transaction: the review's findings about earlier actions become action
 * updates; a child in care review is recorded in each child's care record; and a PPM that names a plan sent to the
 * team manager in a child's outcome records that plan as considered at the PPM.
 * @param op - the operation
 * @param childId - the child the request is about
 * @param meetingId - the meeting
 * @param expectedRowVersion - the row version the user saw
 * @returns the new row version
 */
export async function closeMeeting(
  op: Operation,
  childId: string,
  meetingId: string,
  expectedRowVersion: number,
): Promise<{ rowVersion: number }> {
  const stored = await loadChildMeeting(op, childId, meetingId, 'meeting:record')
  const childIds = stored.meeting.record.childIds
  await authoriseMeetingChildren(op, childId, childIds, 'meeting:record')
  assertRowVersion(stored.rowVersion, expectedRowVersion)
  const actor = planActor(op)
  const context = await closeContextOf(op, stored.meeting)
  const { meeting, event, actionUpdates } = orRefuse(close(stored.meeting, actor, op.today, context))
  const reviews =
    meeting.kind === 'statutory-review'
      ? await recordReviewsInCareRecord(op, meeting, stored.statutoryReviewIds)
      : undefined
  await setChangeReason(op.tx, 'Meeting closed')
  const rowVersion = rowVersionAfter(
    await updateMeeting(op.tx, planningContextOf(op), meeting, expectedRowVersion, reviews),
    expectedRowVersion,
    'Meeting',
  )
  await insertDecisionEvents(op.tx, planningContextOf(op), [event])
  const earlier = await listActionUpdates(op.tx, [...new Set(actionUpdates.map(update => update.meetingId))])
  await insertActionUpdates(
    op.tx,
    planningContextOf(op),
    actionUpdates.map(update => ({
      ...update,
      childIds,
      sequence:
        actionVersionOf(
          earlier.filter(candidate => candidate.meetingId === update.meetingId),
          update.actionId,
        ) + 1,
    })),
  )
  if (meeting.kind === 'permanence-planning-meeting') {
    await recordPlansConsidered(op, meeting)
  }
  await afterPlanningChange(op, childIds)
  op.addAuditDetail('meetingKind', meeting.kind)
  return { rowVersion }
}

/** The plans a closed PPM considered (named in a child's outcome) move from sent-to-manager to considered. */
async function recordPlansConsidered(op: Operation, meeting: Meeting): Promise<void> {
  const plans = await loadPlanVersionsForChildren(op.tx, meeting.record.childIds)
  for (const outcome of meeting.record.childOutcomes) {
    if (outcome.planId === null || outcome.planVersion === null) {
      continue
    }
    const stored = (plans.get(outcome.childId) ?? []).find(
      candidate => candidate.plan.id === outcome.planId && candidate.plan.version === outcome.planVersion,
    )
    if (!stored || stored.plan.status !== 'sent-to-manager') {
      continue
    }
    const { plan, event } = orRefuse(
      recordPlanConsideredAtPpm(stored.plan, { meetingId: meeting.id }, planActor(op), op.today, {
        meeting: meetingReference(meeting),
      }),
    )
    await savePlanVersion(op, stored, plan, stored.rowVersion, [event], 'Plan considered at a PPM')
  }
}
