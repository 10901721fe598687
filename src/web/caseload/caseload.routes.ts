import { listCaseload, type CaseloadView } from '../../app/children/list-caseload.ts'
import { paths } from '../paths.ts'
import type { WebPage } from '../web-route.ts'
import { caseloadRows, filterAndSortCaseload, type CaseloadShow, type CaseloadSort } from './caseload.view-model.ts'

const SHOW_OPTIONS: readonly { value: CaseloadShow; text: string }[] = [
  { value: 'all', text: 'All children' },
  { value: 'looked-after', text: 'Looked after now' },
  { value: 'due-soon', text: 'Overdue or due soon' },
  { value: 'overdue', text: 'Overdue' },
]

export const caseloadPages: readonly WebPage[] = [
  {
    method: 'GET',
    url: paths.home(),
    policy: 'caseload:view',
    audit: 'CASELOAD_VIEWED',
    handle: async (op, request) => {
      const query = request.query as Record<string, unknown>
      const canViewTeam = op.actor.role === 'team-manager' || op.actor.role === 'social-worker'
      const view: CaseloadView = canViewTeam && query.view === 'team' ? 'team' : 'mine'
      const show: CaseloadShow = SHOW_OPTIONS.some(o => o.value === query.show) ? (query.show as CaseloadShow) : 'all'
      const sort: CaseloadSort = query.sort === 'name' ? 'name' : 'due'
      const children = await listCaseload(op, view)
      const all = caseloadRows(children, op.today)
      const rows = filterAndSortCaseload(all, show, sort)
      return {
        template: 'caseload/caseload.njk',
        context: {
          heading:
            view === 'team' ? "My team's children" : op.actor.role === 'iro' ? 'Children I review' : 'My caseload',
          view,
          canViewTeam,
          show,
          sort,
          showOptions: SHOW_OPTIONS.map(o => ({ ...o, selected: o.value === show })),
          sortOptions: [
            { value: 'due', text: 'Most urgent first', selected: sort === 'due' },
            { value: 'name', text: 'Name', selected: sort === 'name' },
          ],
          totals: {
            children: all.length,
            overdueChildren: all.filter(r => r.overdue > 0).length,
            overdueItems: all.reduce((sum, r) => sum + r.overdue, 0),
          },
          rows,
        },
      }
    },
  },
]
