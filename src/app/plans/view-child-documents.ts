import { listMeetingsForChildren } from '../../db/repositories/meetings-repository.ts'
import { loadMyPlan, type StoredMyPlan } from '../../db/repositories/panels-repository.ts'
import type { Meeting } from '../../domain/meetings/meeting.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { loadChildHeader, type ChildHeader } from './child-header.ts'
import { loadPlanState, planningPermissions, type PlanningPermissions, type PlanState } from './plan-support.ts'

export interface ChildDocuments extends PlanState {
  readonly child: ChildHeader
  /** Meetings with minutes to print (closed ones first, then drafts). */
  readonly meetings: readonly Meeting[]
  readonly myPlan: StoredMyPlan | null
  readonly permissions: PlanningPermissions
}

/**
 * What can be printed for a child: the plan's versions, each meeting's minutes, and "My plan" with whether it has
 * been shared (audited as a view of the child).
 * @param op - the operation
 * @param childId - the child
 * @returns the documents
 */
export async function viewChildDocuments(op: Operation, childId: string): Promise<ChildDocuments> {
  await authoriseChild(op, childId, 'child:view')
  const state = await loadPlanState(op, childId)
  const meetings = (await listMeetingsForChildren(op.tx, [childId]))
    .map(stored => stored.meeting)
    .filter(meeting => meeting.status !== 'cancelled')
    .reverse()
  return {
    ...state,
    child: await loadChildHeader(op, childId),
    meetings,
    myPlan: (await loadMyPlan(op.tx, childId)) ?? null,
    permissions: await planningPermissions(op, childId),
  }
}
