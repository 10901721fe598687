import { listActionUpdates, listMeetingsForChildren } from '../../db/repositories/meetings-repository.ts'
import { loadPlanVersionsForChildren } from '../../db/repositories/plans-repository.ts'
import type { Meeting } from '../../domain/meetings/meeting.ts'
import { actionsForChild, type TrackedAction } from '../../domain/meetings/meeting-actions.ts'
import type { PermanencePlan } from '../../domain/plans/permanence-plan.ts'
import { countChildAccess, listChildAccess, type ChildAccessLogEntry } from '../../db/repositories/audit-repository.ts'
import { listChildSummaries } from '../../db/repositories/caseload-repository.ts'
import { decideChildAccess, relationshipToChild } from '../../domain/access/policies.ts'
import { authoriseChild, filterViewableChildren, type Operation } from '../shared/run-operation.ts'
import type { StoredChildTimescales } from '../../db/repositories/timescales-repository.ts'
import { currentChildTimescales } from '../timescales/view-child-timescales.ts'
import { lifeStoryTimescaleItems } from '../network/life-story-items.ts'
import { loadChildRecordView, type ChildRecordView } from './view-child-record.ts'

export interface ChildPage extends ChildRecordView {
  /** Who has seen the record, newest first, when the user may know (empty otherwise). */
  readonly accessLog: readonly ChildAccessLogEntry[]
  /** How many audit events name the child in all (0 when the user may not know). */
  readonly accessCount: number
  /** Names of brothers and sisters the user may also view. */
  readonly siblingNames: Readonly<Record<string, string>>
  /** Every due date with its reason, the legal routes and drift measures. */
  readonly timescales: StoredChildTimescales
  /** Life story work, shown on the timescale list beside the statutory items (issue 7). */
  readonly lifeStoryItems: StoredChildTimescales['items']
  /** The child's current plan, meetings and the actions set at them, for the page's summary and timeline. */
  readonly planning: {
    readonly plan: PermanencePlan | null
    readonly meetings: readonly Meeting[]
    readonly actions: readonly TrackedAction[]
  }
}

/** The most recent accesses the child's page lists (the page gives the total). */
export const CHILD_PAGE_ACCESS_ENTRIES = 20

/**
 * Everything the child's page shows: the record, who has viewed it (if the user may see that), and the names of
 * brothers and sisters the user may also view. One audited view of the child, authorised once: the access facts
 * read for that decision also decide whether the user may see the access log.
 * @param op - the operation
 * @param childId - the child
 * @returns the page's data
 */
export async function viewChildPage(op: Operation, childId: string): Promise<ChildPage> {
  const { facts } = await authoriseChild(op, childId, 'child:view')
  const view = await loadChildRecordView(op, childId)
  const { actor } = op
  const canSeeAccess =
    decideChildAccess(actor.role, 'audit:view-child-access', {
      relationship: relationshipToChild({
        userId: actor.userId,
        userTeamId: actor.teamId,
        userServiceId: actor.serviceId,
        childAllocatedWorkerId: facts.allocatedWorkerId,
        childAllocatedIroId: facts.allocatedIroId,
        childTeamId: facts.teamId,
        childServiceId: facts.serviceId,
        isOtherwiseAssigned: facts.isOtherwiseAssigned,
      }),
      sensitivity: facts.sensitivity,
      isInPermittedSet: true,
    }) === 'allow'
  const siblingIds = view.record.siblings.map(s => s.siblingChildId)
  const viewable = siblingIds.length === 0 ? new Set<string>() : await filterViewableChildren(op, siblingIds)
  const siblings =
    viewable.size === 0 ? [] : await listChildSummaries(op.tx, { kind: 'ids', ids: [...viewable] }, op.today)
  return {
    ...view,
    accessLog: canSeeAccess ? await listChildAccess(op.tx, childId, CHILD_PAGE_ACCESS_ENTRIES) : [],
    accessCount: canSeeAccess ? await countChildAccess(op.tx, childId) : 0,
    siblingNames: Object.fromEntries(siblings.map(s => [s.id, `${s.givenNames} ${s.familyName}`])),
    timescales: await currentChildTimescales(op, childId, view.record),
    lifeStoryItems: await lifeStoryTimescaleItems(op, childId),
    planning: await loadPlanningSummary(op, childId),
  }
}

/**
 * The child's current plan version, meetings and tracked actions (the summary on the child's page).
 * @param op - the operation
 * @param childId - the child
 * @returns the planning summary
 */
async function loadPlanningSummary(op: Operation, childId: string): Promise<ChildPage['planning']> {
  const versions = (await loadPlanVersionsForChildren(op.tx, [childId])).get(childId) ?? []
  const meetings = (await listMeetingsForChildren(op.tx, [childId])).map(stored => stored.meeting)
  const updates = await listActionUpdates(
    op.tx,
    meetings.map(meeting => meeting.id),
  )
  return {
    plan: versions.at(-1)?.plan ?? null,
    meetings,
    actions: actionsForChild(childId, meetings, updates, op.today),
  }
}
