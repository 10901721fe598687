/**
 * The team manager's view of drift in their team (ADR 0090, 0093): counts by worker, worked out in the database from
 * the stored timescale items, current plans and meetings' actions, and the children behind each count a page at a
 * time. Always current: nothing is cached, and any child whose due dates are from an earlier day is re-evaluated
 * first.
 */
import {
  listTeamChildren,
  loadTeamDashboard,
  type TeamChildRow,
  type TeamMeasure,
  type WorkerCounts,
} from '../../db/repositories/team-dashboard-repository.ts'
import { loadStaleTeamChildIds } from '../../db/repositories/timescales-freshness.ts'
import { ForbiddenError } from '../shared/errors.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { evaluateAndStore } from '../timescales/evaluate-and-store.ts'

export { TEAM_MEASURES, type TeamMeasure, type WorkerCounts } from '../../db/repositories/team-dashboard-repository.ts'

/** How many children the dashboard itself lists; the rest are a link away, a page at a time. */
export const CHILDREN_ON_DASHBOARD = 20
/** Children per page of a list. */
export const CHILDREN_PER_PAGE = 50

export interface ChildOfConcern {
  readonly childId: string
  readonly name: string
  readonly workerName: string
  readonly reasons: readonly string[]
}

export interface TeamDashboard {
  /** The whole team's counts (the workers' added up). */
  readonly team: Omit<WorkerCounts, 'workerId' | 'workerName'>
  readonly byWorker: readonly WorkerCounts[]
  /** The first of the children to look at, and how many there are. */
  readonly childrenOfConcern: readonly ChildOfConcern[]
  readonly childrenOfConcernTotal: number
}

export interface TeamChildrenPage {
  readonly measure: TeamMeasure
  readonly workerId: string | undefined
  readonly workerName: string | undefined
  readonly page: number
  readonly pages: number
  readonly total: number
  readonly children: readonly ChildOfConcern[]
}

const MEETING_RULES = new Set(['PP-02', 'PP-04', 'PP-05', 'PP-06'])

/**
 * Why a child counts, in words.
 * @param row - the child
 * @returns the reasons, most serious first
 */
function reasonsFor(row: TeamChildRow): string[] {
  const reasons: string[] = []
  if (row.permanencePlanLate === 'overdue') {
    reasons.push('No permanence plan by the second review')
  } else if (row.permanencePlanLate === 'met-late') {
    reasons.push('Permanence plan made after the second review')
  }
  if (row.overdueRules.some(rule => MEETING_RULES.has(rule))) {
    reasons.push('Permanence planning meeting overdue')
  }
  if (row.proceedingsPast26Weeks > 0) {
    reasons.push('Care proceedings past 26 weeks')
  }
  if (row.overdueActions > 0) {
    reasons.push(row.overdueActions === 1 ? '1 action overdue' : `${row.overdueActions} actions overdue`)
  }
  if (row.noViableContingency) {
    reasons.push('Plan has no viable contingency')
  }
  const others = row.overdueRules.filter(rule => rule !== 'PP-01' && !MEETING_RULES.has(rule))
  if (others.length > 0) {
    reasons.push(`Other overdue: ${others.join(', ')}`)
  }
  return reasons
}

function childOfConcern(row: TeamChildRow): ChildOfConcern {
  return {
    childId: row.childId,
    name: `${row.givenNames} ${row.familyName}`,
    workerName: row.workerName,
    reasons: reasonsFor(row),
  }
}

/**
 * The team the manager leads, with every child's due dates brought up to today.
 * @param op - the operation
 * @returns the team's id
 */
async function currentTeam(op: Operation): Promise<string> {
  authoriseAuthority(op, 'dashboard:team')
  const teamId = op.actor.teamId
  if (!teamId) {
    throw new ForbiddenError('dashboard:team')
  }
  const stale = await loadStaleTeamChildIds(op.tx, teamId, op.today)
  if (stale.length > 0) {
    await evaluateAndStore(op.tx, op.actor.authorityId, op.today, stale)
  }
  return teamId
}

/**
 * The team dashboard: counts by worker and the first children to look at. The children listed are recorded in the
 * audit event.
 * @param op - the operation
 * @returns the dashboard
 */
export async function viewTeamDashboard(op: Operation): Promise<TeamDashboard> {
  const teamId = await currentTeam(op)
  const { byWorker, children, childrenToLookAt } = await loadTeamDashboard(op.tx, teamId, CHILDREN_ON_DASHBOARD)
  const childrenOfConcern = children.map(childOfConcern)
  op.addAuditDetail(
    'childIds',
    childrenOfConcern.map(c => c.childId),
  )
  const sum = (pick: (row: WorkerCounts) => number) => byWorker.reduce((total, row) => total + pick(row), 0)
  return {
    team: {
      children: sum(w => w.children),
      childrenWithOverdueItems: sum(w => w.childrenWithOverdueItems),
      childrenWithNoPlanBySecondReview: sum(w => w.childrenWithNoPlanBySecondReview),
      childrenWithPlanningMeetingOverdue: sum(w => w.childrenWithPlanningMeetingOverdue),
      proceedingsPast26Weeks: sum(w => w.proceedingsPast26Weeks),
      childrenWithActionsOverdue: sum(w => w.childrenWithActionsOverdue),
      plansWithoutViableContingency: sum(w => w.plansWithoutViableContingency),
      childrenToLookAt: sum(w => w.childrenToLookAt),
    },
    byWorker,
    childrenOfConcern,
    childrenOfConcernTotal: childrenToLookAt,
  }
}

/**
 * A page of the children behind one of the dashboard's counts, for the team or one worker. The children listed, the
 * measure, the worker and the page are recorded in the audit event.
 * @param op - the operation
 * @param query - which count, whose children and which page
 * @param query.measure - the count
 * @param query.workerId - one worker ('none': not allocated), or the whole team
 * @param query.page - the page, from 1
 * @returns the page
 */
export async function viewTeamChildren(
  op: Operation,
  query: { measure: TeamMeasure; workerId: string | undefined; page: number },
): Promise<TeamChildrenPage> {
  const teamId = await currentTeam(op)
  const page = Math.max(1, Math.floor(query.page))
  const listed = await listTeamChildren(op.tx, {
    teamId,
    measure: query.measure,
    workerId: query.workerId,
    limit: CHILDREN_PER_PAGE,
    offset: (page - 1) * CHILDREN_PER_PAGE,
  })
  const children = listed.rows.map(childOfConcern)
  op.addAuditDetail('measure', query.measure)
  if (query.workerId !== undefined) {
    op.addAuditDetail('workerId', query.workerId)
  }
  op.addAuditDetail('page', page)
  op.addAuditDetail(
    'childIds',
    children.map(c => c.childId),
  )
  return {
    measure: query.measure,
    workerId: query.workerId,
    // The worker's name as the list gives it (none when the list is empty).
    workerName: query.workerId === undefined ? undefined : listed.rows[0]?.workerName,
    page,
    pages: Math.max(1, Math.ceil(listed.total / CHILDREN_PER_PAGE)),
    total: listed.total,
    children,
  }
}
