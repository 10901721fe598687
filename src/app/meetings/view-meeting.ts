import { listActionUpdates } from '../../db/repositories/meetings-repository.ts'
import { loadPlanVersionsForChildren } from '../../db/repositories/plans-repository.ts'
import type { TrackedAction } from '../../domain/meetings/meeting-actions.ts'
import type { Meeting } from '../../domain/meetings/meeting.ts'
import type { PermanencePlan } from '../../domain/plans/permanence-plan.ts'
import type { Operation } from '../shared/run-operation.ts'
import { childNames, loadChildHeader, type ChildHeader } from '../plans/child-header.ts'
import { planningPermissions, planStateOf, type PlanningPermissions } from '../plans/plan-support.ts'
import { actionVersionOf, loadChildMeeting, previousActionsOf, trackedActionsOf } from './meeting-support.ts'

/** An action with the version a status change must name. */
export interface VersionedAction extends TrackedAction {
  readonly version: number
}

export interface MeetingView {
  readonly child: ChildHeader
  readonly meeting: Meeting
  readonly rowVersion: number
  readonly statutoryReviewIds: Readonly<Record<string, string>>
  readonly actions: readonly VersionedAction[]
  /** The previous meeting's actions, for the review of the last meeting's actions. */
  readonly previousActions: readonly TrackedAction[]
  /** Names of the children the meeting covers that the user may see. */
  readonly childNames: Readonly<Record<string, string>>
  /** Each child's latest plan version (to name the plan a PPM considered). */
  readonly plans: Readonly<Record<string, PermanencePlan>>
  readonly permissions: PlanningPermissions
}

/**
 * Opens a meeting about a child: the record, its actions with their current status, the previous meeting's actions,
 * and the plans of the children it covers (audited as a view of the child).
 * @param op - the operation
 * @param childId - the child
 * @param meetingId - the meeting
 * @returns the meeting
 */
export async function viewMeeting(op: Operation, childId: string, meetingId: string): Promise<MeetingView> {
  const stored = await loadChildMeeting(op, childId, meetingId, 'child:view')
  const updates = await listActionUpdates(op.tx, [meetingId])
  const childIds = stored.meeting.record.childIds
  const plans = await loadPlanVersionsForChildren(op.tx, childIds)
  op.addAuditDetail('childIds', childIds)
  return {
    child: await loadChildHeader(op, childId),
    meeting: stored.meeting,
    rowVersion: stored.rowVersion,
    statutoryReviewIds: stored.statutoryReviewIds,
    actions: trackedActionsOf(stored.meeting, updates, op.today).map(tracked => ({
      ...tracked,
      version: actionVersionOf(updates, tracked.action.id),
    })),
    previousActions: await previousActionsOf(op, stored.meeting),
    childNames: await childNames(op, childIds),
    plans: Object.fromEntries(
      childIds.flatMap(id => {
        const latest = planStateOf(plans.get(id) ?? []).latest
        return latest ? [[id, latest.plan]] : []
      }),
    ),
    permissions: await planningPermissions(op, childId),
  }
}
