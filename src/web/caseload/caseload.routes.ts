import {
  listCaseload,
  type CaseloadShow,
  type CaseloadSort,
  type CaseloadView,
} from '../../app/children/list-caseload.ts'
import { paths } from '../paths.ts'
import type { WebPage } from '../web-route.ts'
import { caseloadPagination, caseloadRange, caseloadRows, type CaseloadLinkState } from './caseload.view-model.ts'

const SHOW_OPTIONS: readonly { value: CaseloadShow; text: string }[] = [
  { value: 'all', text: 'All children' },
  { value: 'looked-after', text: 'Looked after now' },
  { value: 'due-soon', text: 'Overdue or due soon' },
  { value: 'overdue', text: 'Overdue' },
]

const SORT_OPTIONS: readonly { value: CaseloadSort; text: string; caption: string }[] = [
  { value: 'due', text: 'Most urgent first', caption: 'most urgent first' },
  { value: 'name', text: 'Name', caption: 'by name' },
  { value: 'age', text: 'Youngest first', caption: 'youngest first' },
]

/** A page number as typed in the address: a whole number from 1, without signs, spaces or leading zeros. */
const PAGE_NUMBER = /^[1-9][0-9]{0,5}$/

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
      const sort: CaseloadSort = SORT_OPTIONS.some(o => o.value === query.sort) ? (query.sort as CaseloadSort) : 'due'
      // Paged on the server, so it works without JavaScript and every order covers the whole caseload. A page
      // number that is not one, or is after the last page, shows the first page with a message (status 400).
      const pageText = typeof query.page === 'string' ? query.page : query.page === undefined ? '1' : ''
      const isPageNumber = PAGE_NUMBER.test(pageText)
      const result = await listCaseload(op, {
        view,
        show,
        sort,
        page: isPageNumber ? Number(pageText) : 1,
        beyondLastPage: 'first',
      })
      const isBadPage = !isPageNumber || result.wasBeyondLastPage
      const state: CaseloadLinkState = { view, show, sort }
      const heading =
        view === 'team' ? "My team's children" : op.actor.role === 'iro' ? 'Children I review' : 'My caseload'
      return {
        status: isBadPage ? 400 : 200,
        template: 'caseload/caseload.njk',
        context: {
          heading,
          view,
          canViewTeam,
          show,
          sort,
          badPage: isBadPage
            ? `There is no page ${isPageNumber ? pageText : 'with that number'} of this list. ` +
              `It has ${result.pageCount} ${result.pageCount === 1 ? 'page' : 'pages'}; this is the first.`
            : null,
          showOptions: SHOW_OPTIONS.map(o => ({ value: o.value, text: o.text, selected: o.value === show })),
          sortOptions: SORT_OPTIONS.map(o => ({ value: o.value, text: o.text, selected: o.value === sort })),
          caption: `${heading}, ${SORT_OPTIONS.find(o => o.value === sort)!.caption}`,
          totals: result.totals,
          range: caseloadRange(result.page, result.pageSize, result.children.length, result.matching),
          pagination: caseloadPagination(state, result.page, result.pageCount),
          rows: caseloadRows(result.children, op.today),
        },
      }
    },
  },
]
