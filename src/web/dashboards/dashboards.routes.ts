import {
  CHILDREN_PER_PAGE,
  TEAM_MEASURES,
  viewTeamChildren,
  viewTeamDashboard,
  type TeamMeasure,
} from '../../app/dashboards/view-team-dashboard.ts'
import { NotFoundError } from '../../app/shared/errors.ts'
import type { WebPage } from '../web-route.ts'

/** What each count is, in words: the card's label, the table's column and the list's title. */
const MEASURE_LABELS: Record<TeamMeasure, { card: string; column: string; list: string }> = {
  children: { card: 'children in the team', column: 'Children', list: 'Children in the team' },
  any: { card: 'to look at', column: 'To look at', list: 'Children to look at' },
  overdue: {
    card: 'with something overdue',
    column: 'With something overdue',
    list: 'Children with something overdue',
  },
  'no-plan': {
    card: 'without a permanence plan by their second review',
    column: 'No plan by 2nd review',
    list: 'Children without a permanence plan by their second review',
  },
  proceedings: {
    card: 'in care proceedings past 26 weeks',
    column: 'Proceedings past 26 weeks',
    list: 'Children in care proceedings past 26 weeks',
  },
  meetings: {
    card: 'with a permanence planning meeting overdue',
    column: 'Planning meeting overdue',
    list: 'Children with a permanence planning meeting overdue',
  },
  actions: { card: 'with an action overdue', column: 'Actions overdue', list: 'Children with an action overdue' },
  contingency: {
    card: 'with a plan that has no viable contingency',
    column: 'No viable contingency',
    list: 'Children whose plan has no viable contingency',
  },
}

/** The summary table's columns after the worker's name, in order. */
const COLUMNS: readonly TeamMeasure[] = TEAM_MEASURES.filter(measure => measure !== 'any')

/**
 * The address of the list behind a count.
 * @param measure - the count
 * @param workerId - one worker's children, or the team's
 * @param page - the page
 * @returns the path
 */
function listHref(measure: TeamMeasure, workerId?: string, page = 1): string {
  const query = new URLSearchParams({ measure })
  if (workerId !== undefined) {
    query.set('worker', workerId)
  }
  if (page > 1) {
    query.set('page', String(page))
  }
  return `/dashboards/team/children?${query.toString()}`
}

/**
 * GOV.UK pagination: the first and last pages, the current one and its neighbours, gaps as ellipses.
 * @param page - the current page
 * @param pages - how many pages
 * @param href - each page's address
 * @returns the macro's parameters, or null for a single page
 */
function pagination(page: number, pages: number, href: (page: number) => string) {
  if (pages <= 1) {
    return null
  }
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = []
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 1) {
      items.push({ number: n, href: href(n), current: n === page })
    } else if (!('ellipsis' in (items.at(-1) ?? {}))) {
      items.push({ ellipsis: true })
    }
  }
  return {
    previous: page > 1 ? { href: href(page - 1) } : undefined,
    next: page < pages ? { href: href(page + 1) } : undefined,
    items,
  }
}

const WORKER_ID = /^(none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i

export const dashboardPages: readonly WebPage[] = [
  {
    method: 'GET',
    url: '/dashboards/team',
    policy: 'dashboard:team',
    audit: 'TEAM_DASHBOARD_VIEWED',
    handle: async op => {
      const dashboard = await viewTeamDashboard(op)
      const team = dashboard.team
      const value: Record<TeamMeasure, (row: typeof team) => number> = {
        children: row => row.children,
        any: row => row.childrenToLookAt,
        overdue: row => row.childrenWithOverdueItems,
        'no-plan': row => row.childrenWithNoPlanBySecondReview,
        meetings: row => row.childrenWithPlanningMeetingOverdue,
        proceedings: row => row.proceedingsPast26Weeks,
        actions: row => row.childrenWithActionsOverdue,
        contingency: row => row.plansWithoutViableContingency,
      }
      return {
        template: 'dashboards/team-dashboard.njk',
        context: {
          today: op.today,
          cards: COLUMNS.map(measure => ({
            id: measure,
            value: value[measure](team),
            label: MEASURE_LABELS[measure].card,
            href: listHref(measure),
          })),
          columns: COLUMNS.map(measure => MEASURE_LABELS[measure].column),
          rows: dashboard.byWorker.map(w => ({
            workerName: w.workerName,
            cells: COLUMNS.map(measure => ({
              value: value[measure](w),
              href: listHref(measure, w.workerId),
            })),
          })),
          concerns: dashboard.childrenOfConcern,
          concernsTotal: dashboard.childrenOfConcernTotal,
          allConcernsHref: listHref('any'),
        },
      }
    },
  },
  {
    method: 'GET',
    url: '/dashboards/team/children',
    policy: 'dashboard:team',
    audit: 'TEAM_DASHBOARD_CHILDREN_LISTED',
    handle: async (op, request) => {
      const query = request.query as Record<string, unknown>
      const measure = TEAM_MEASURES.find(m => m === query.measure)
      const worker = typeof query.worker === 'string' && query.worker !== '' ? query.worker : undefined
      const page = query.page === undefined ? 1 : Number(query.page)
      if (measure === undefined || (worker !== undefined && !WORKER_ID.test(worker)) || !Number.isInteger(page)) {
        throw new NotFoundError('team dashboard list')
      }
      const listed = await viewTeamChildren(op, { measure, workerId: worker?.toLowerCase(), page })
      const title = MEASURE_LABELS[measure].list
      return {
        template: 'dashboards/team-children.njk',
        context: {
          today: op.today,
          title,
          workerName: listed.workerName ?? (worker === undefined ? undefined : 'this social worker'),
          total: listed.total,
          children: listed.children,
          from: (listed.page - 1) * CHILDREN_PER_PAGE + 1,
          dashboardHref: '/dashboards/team',
          firstPageHref: listHref(measure, listed.workerId),
          pagination: pagination(listed.page, listed.pages, page => listHref(measure, listed.workerId, page)),
        },
      }
    },
  },
]
