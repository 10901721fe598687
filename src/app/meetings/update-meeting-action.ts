import { insertActionUpdates, listActionUpdates } from '../../db/repositories/meetings-repository.ts'
import { insertDecisionEvents } from '../../db/repositories/plans-repository.ts'
import { updateMeetingAction as update } from '../../domain/meetings/meeting-actions.ts'
import type { ActionUpdateInput } from '../../domain/meetings/meeting-schemas.ts'
import { findPostgresError, SQLSTATE } from '../../db/errors.ts'
import { NotFoundError, StaleVersionError } from '../shared/errors.ts'
import type { Operation } from '../shared/run-operation.ts'
import { afterPlanningChange } from '../plans/after-planning-change.ts'
import { assertRowVersion, orRefuse, planActor, planningContextOf } from '../plans/plan-support.ts'
import { actionVersionOf, authoriseMeetingChildren, loadChildMeeting } from './meeting-support.ts'

/**
 * Marks an action set at a closed meeting done, dropped (with a reason) or open again: an append-only update
 * (docs/adr/0025).
 * @param op - the operation
 * @param childId - the child the request is about
 * @param meetingId - the meeting that set the action
 * @param actionId - the action
 * @param expectedVersion - the action version the user saw
 * @param input - the new status, its date and a note
 * @returns the action's new version
 */
export async function updateMeetingAction(
  op: Operation,
  childId: string,
  meetingId: string,
  actionId: string,
  expectedVersion: number,
  input: ActionUpdateInput,
): Promise<{ version: number; status: ActionUpdateInput['status'] }> {
  const stored = await loadChildMeeting(op, childId, meetingId, 'meeting:record')
  const action = stored.meeting.record.actions.find(candidate => candidate.id === actionId)
  if (!action) {
    throw new NotFoundError('Action')
  }
  const childIds = action.childId === null ? stored.meeting.record.childIds : [action.childId]
  await authoriseMeetingChildren(op, childId, childIds, 'meeting:record')
  const updates = await listActionUpdates(op.tx, [meetingId])
  assertRowVersion(actionVersionOf(updates, actionId), expectedVersion)
  const result = orRefuse(update(stored.meeting, actionId, input, planActor(op), op.today))
  try {
    await insertActionUpdates(op.tx, planningContextOf(op), [
      { ...result.update, childIds, sequence: expectedVersion + 1 },
    ])
  } catch (error) {
    if (findPostgresError(error)?.code === SQLSTATE.uniqueViolation) {
      throw new StaleVersionError(expectedVersion, expectedVersion + 1)
    }
    throw error
  }
  await insertDecisionEvents(op.tx, planningContextOf(op), [result.event])
  await afterPlanningChange(op, childIds)
  op.addAuditDetail('actionStatus', input.status)
  return { version: expectedVersion + 1, status: input.status }
}
