import { listActionUpdates, listMeetingsForChildren } from '../../db/repositories/meetings-repository.ts'
import { loadSiblingIds } from '../../db/repositories/plans-repository.ts'
import {
  listAdmDecisions,
  listPanelRequests,
  type StoredPanelRequest,
} from '../../db/repositories/panels-repository.ts'
import { actionsForChild } from '../../domain/meetings/meeting-actions.ts'
import type { Meeting } from '../../domain/meetings/meeting.ts'
import type { AdmDecision } from '../../domain/panels/adm-decision.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { childNames, loadChildHeader, type ChildHeader } from '../plans/child-header.ts'
import { planningPermissions, type PlanningPermissions } from '../plans/plan-support.ts'
import { planningSettingsFor } from '../plans/planning-settings.ts'
import type { PlanningSettings } from '../../domain/plans/planning-settings.ts'
import { actionVersionOf } from './meeting-support.ts'
import type { VersionedAction } from './view-meeting.ts'

export interface ChildMeetings {
  readonly child: ChildHeader
  readonly meetings: readonly { readonly meeting: Meeting; readonly rowVersion: number }[]
  /** Actions set at the child's closed meetings, earliest due first, with their current status. */
  readonly actions: readonly VersionedAction[]
  readonly panelRequests: readonly StoredPanelRequest[]
  readonly admDecisions: readonly AdmDecision[]
  readonly childNames: Readonly<Record<string, string>>
  /** The child's brothers and sisters the user may see, for a sibling group's meeting. */
  readonly siblings: readonly { readonly childId: string; readonly name: string }[]
  readonly permissions: PlanningPermissions
  readonly settings: PlanningSettings
}

/**
 * A child's meetings and decision points, their actions (overdue ones marked), panel requests and agency decisions
 * (audited as a view of the child).
 * @param op - the operation
 * @param childId - the child
 * @returns the lists
 */
export async function listChildMeetings(op: Operation, childId: string): Promise<ChildMeetings> {
  await authoriseChild(op, childId, 'child:view')
  const stored = await listMeetingsForChildren(op.tx, [childId])
  const meetings = stored.map(item => item.meeting)
  const updates = await listActionUpdates(
    op.tx,
    meetings.map(meeting => meeting.id),
  )
  const siblingIds = await loadSiblingIds(op.tx, childId)
  const others = [...new Set([...meetings.flatMap(meeting => meeting.record.childIds), ...siblingIds])]
  const names = await childNames(op, others)
  return {
    child: await loadChildHeader(op, childId),
    meetings: stored.map(item => ({ meeting: item.meeting, rowVersion: item.rowVersion })),
    actions: actionsForChild(childId, meetings, updates, op.today).map(tracked => ({
      ...tracked,
      version: actionVersionOf(
        updates.filter(update => update.meetingId === tracked.meetingId),
        tracked.action.id,
      ),
    })),
    panelRequests: await listPanelRequests(op.tx, childId),
    admDecisions: await listAdmDecisions(op.tx, childId),
    childNames: names,
    siblings: siblingIds.filter(id => names[id] !== undefined).map(id => ({ childId: id, name: names[id]! })),
    permissions: await planningPermissions(op, childId),
    settings: await planningSettingsFor(op),
  }
}
