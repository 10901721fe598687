/**
 * The team dashboard as it was computed before ADR 0093: every child's items, plans, meetings and action updates
 * loaded into Node and counted there. Kept as the test oracle for the database's aggregate queries
 * (src/db/repositories/team-dashboard-repository.ts); not used by the application.
 */
import { loadCurrentPlans, loadDriftSources, type DriftSource } from '../../../db/repositories/dashboard-repository.ts'
import { listActionUpdates, listMeetingsForChildren } from '../../../db/repositories/meetings-repository.ts'
import { actionsForChild } from '../../../domain/meetings/meeting-actions.ts'
import { loadStaleChildIds } from '../../../db/repositories/timescales-freshness.ts'
import { aggregateDrift, type DriftAggregate, type DriftMeasures } from '../../../domain/timescales/drift.ts'
import type { ItemStatus } from '../../../domain/timescales/item.ts'
import type { RuleId } from '../../../domain/timescales/rule-ids.ts'
import { ForbiddenError } from '../../shared/errors.ts'
import { authoriseAuthority, type Operation } from '../../shared/run-operation.ts'
import { evaluateAndStore } from '../../timescales/evaluate-and-store.ts'
import type { ChildOfConcern } from '../view-team-dashboard.ts'

export interface WorkerRow {
  readonly workerId: string
  readonly workerName: string
  readonly aggregate: DriftAggregate
  /** Children with an action from a meeting past its due date. */
  readonly childrenWithActionsOverdue: number
  /** Children whose plan (permanence not yet achieved) records no viable contingency. */
  readonly plansWithoutViableContingency: number
}

/** What plans and meetings add for each child. */
interface PlanningConcerns {
  readonly overdueActions: number
  readonly noViableContingency: boolean
}

export interface TeamDashboard {
  readonly team: DriftAggregate
  readonly byWorker: readonly WorkerRow[]
  readonly childrenOfConcern: readonly ChildOfConcern[]
}

const MEETING_RULES = new Set(['PP-02', 'PP-04', 'PP-05', 'PP-06'])

function concerns(source: DriftSource, planning: PlanningConcerns | undefined): string[] {
  const reasons: string[] = []
  const overdue = new Set(source.items.filter(i => i.status === 'overdue').map(i => i.rule))
  if (overdue.has('PP-01')) {
    reasons.push('No permanence plan by the second review')
  }
  if ([...overdue].some(rule => MEETING_RULES.has(rule))) {
    reasons.push('Permanence planning meeting overdue')
  }
  const drift = source.drift as unknown as DriftMeasures | null
  if (drift?.proceedings.some(p => p.isPast26Weeks && p.concludedOn === null)) {
    reasons.push('Care proceedings past 26 weeks')
  }
  if (planning && planning.overdueActions > 0) {
    reasons.push(planning.overdueActions === 1 ? '1 action overdue' : `${planning.overdueActions} actions overdue`)
  }
  if (planning?.noViableContingency) {
    reasons.push('Plan has no viable contingency')
  }
  const others = [...overdue].filter(rule => rule !== 'PP-01' && !MEETING_RULES.has(rule))
  if (others.length > 0) {
    reasons.push(`Other overdue: ${others.sort().join(', ')}`)
  }
  return reasons
}

/**
 * The team manager's view of drift in their team: counts by worker (children without a plan by their second review,
 * planning meetings overdue, proceedings past 26 weeks, everything overdue) and the children behind them.
 * @param op - the operation
 * @returns the dashboard
 */
export async function teamDashboardInNode(op: Operation): Promise<TeamDashboard> {
  authoriseAuthority(op, 'dashboard:team')
  const teamId = op.actor.teamId
  if (!teamId) {
    throw new ForbiddenError('dashboard:team')
  }
  let sources = await loadDriftSources(op.tx, teamId)
  const stale = await loadStaleChildIds(
    op.tx,
    sources.map(s => s.childId),
    op.today,
  )
  if (stale.length > 0) {
    await evaluateAndStore(op.tx, op.actor.authorityId, op.today, stale)
    sources = await loadDriftSources(op.tx, teamId)
  }
  const planning = await loadPlanningConcerns(
    op,
    sources.map(s => s.childId),
  )
  const withDrift = sources.filter(s => s.drift !== null)
  const report = aggregateDrift(
    withDrift.map(s => ({
      childId: s.childId,
      teamId: s.teamId ?? 'none',
      workerId: s.workerId ?? 'none',
      drift: s.drift as unknown as DriftMeasures,
      items: s.items.map(i => ({ rule: i.rule as RuleId, status: i.status as ItemStatus })),
    })),
  )
  const names = new Map(sources.map(s => [s.workerId ?? 'none', s.workerName ?? 'Not allocated']))
  const byWorker = groupBy(sources, s => s.workerId ?? 'none')
  const childrenOfConcern = sources
    .map(s => ({
      childId: s.childId,
      name: `${s.givenNames} ${s.familyName}`,
      workerName: s.workerName ?? 'Not allocated',
      reasons: concerns(s, planning.get(s.childId)),
    }))
    .filter(c => c.reasons.length > 0)
    .sort((a, b) => a.workerName.localeCompare(b.workerName) || a.name.localeCompare(b.name))
  op.addAuditDetail(
    'childIds',
    childrenOfConcern.map(c => c.childId),
  )
  return {
    team: report.authority,
    byWorker: Object.entries(report.byWorker)
      .map(([workerId, aggregate]) => {
        const theirs = (byWorker.get(workerId) ?? []).map(s => planning.get(s.childId))
        return {
          workerId,
          workerName: names.get(workerId) ?? 'Unknown',
          aggregate,
          childrenWithActionsOverdue: theirs.filter(p => p && p.overdueActions > 0).length,
          plansWithoutViableContingency: theirs.filter(p => p?.noViableContingency).length,
        }
      })
      .sort((a, b) => a.workerName.localeCompare(b.workerName)),
    childrenOfConcern,
  }
}

/**
 * Overdue actions and plans with no viable contingency, per child.
 * @param op - the operation
 * @param childIds - the team's children
 * @returns what each child's plan and meetings add to the dashboard
 */
async function loadPlanningConcerns(
  op: Operation,
  childIds: readonly string[],
): Promise<Map<string, PlanningConcerns>> {
  const plans = await loadCurrentPlans(op.tx, childIds)
  const meetings = (await listMeetingsForChildren(op.tx, childIds)).map(stored => stored.meeting)
  const updates = await listActionUpdates(
    op.tx,
    meetings.map(meeting => meeting.id),
  )
  const noContingency = new Set(
    plans.filter(plan => plan.permanenceAchievedOn === null && !plan.hasViableContingency).map(plan => plan.childId),
  )
  // Each child's own meetings and their actions' updates, grouped once (linear in the team's size).
  const meetingsByChild = new Map<string, typeof meetings>()
  for (const meeting of meetings) {
    for (const childId of meeting.record.childIds) {
      const list = meetingsByChild.get(childId)
      if (list) {
        list.push(meeting)
      } else {
        meetingsByChild.set(childId, [meeting])
      }
    }
  }
  const updatesByMeeting = groupBy(updates, update => update.meetingId)
  return new Map(
    childIds.map(childId => {
      const own = meetingsByChild.get(childId) ?? []
      const ownUpdates = own.flatMap(meeting => updatesByMeeting.get(meeting.id) ?? [])
      return [
        childId,
        {
          overdueActions: actionsForChild(childId, own, ownUpdates, op.today).filter(a => a.isOverdue).length,
          noViableContingency: noContingency.has(childId),
        },
      ]
    }),
  )
}

/**
 * Groups items by a key (Map.groupBy needs Node 21).
 * @param items - the items
 * @param keyOf - each item's key
 * @returns the groups, in first-seen order
 */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const group = groups.get(key)
    if (group) {
      group.push(item)
    } else {
      groups.set(key, [item])
    }
  }
  return groups
}
