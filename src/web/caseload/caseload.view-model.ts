import {
  caseloadName,
  type CaseloadChild,
  type CaseloadShow,
  type CaseloadSort,
  type CaseloadView,
} from '../../app/children/list-caseload.ts'
import type { ChildSummary } from '../../app/children/types.ts'
import { ageInYears, calendarDay, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import { labels } from '../content/labels.ts'
import { paths } from '../paths.ts'

export interface DueEntry {
  readonly title: string
  readonly dueOn: string
  readonly tag: { text: string; classes: string }
}

export interface CaseloadRow {
  readonly href: string
  readonly name: string
  readonly caseNumber: string
  readonly dateOfBirthOn: string
  readonly age: number
  readonly legalStatus: string
  readonly placement: string
  readonly lookedAfterSince: string | null
  readonly worker: string
  readonly due: readonly DueEntry[]
}

const TAG = {
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  'due-soon': { text: 'Due soon', classes: 'govuk-tag--orange' },
  upcoming: { text: 'Upcoming', classes: 'govuk-tag--blue' },
} as const

/**
 * The caseload page's rows (children found by search have no due items).
 * @param children - the children
 * @param today - today's date
 * @returns rows to print
 */
export function caseloadRows(
  children: readonly (ChildSummary & Partial<Pick<CaseloadChild, 'openItems'>>)[],
  today: CalendarDay,
): CaseloadRow[] {
  return children.map(child => {
    const items = child.openItems ?? []
    const overdue = items.filter(i => i.status === 'overdue')
    const dueSoon = items.filter(i => i.status === 'due-soon')
    const upcoming = items.filter(i => i.status === 'upcoming')
    const shown = [...overdue, ...dueSoon, ...upcoming].slice(0, 3)
    return {
      href: paths.child(child.id),
      name: caseloadName(child),
      caseNumber: child.localCaseNumber,
      dateOfBirthOn: child.dateOfBirthOn,
      age: ageInYears(calendarDay(child.dateOfBirthOn), today),
      legalStatus: labels.legalStatus(child.legalStatus) || 'Not looked after',
      placement: labels.placementType(child.placementType),
      lookedAfterSince: child.lookedAfterSince,
      worker: child.allocatedWorkerName ?? 'Not allocated',
      due: shown.map(i => ({ title: i.title, dueOn: i.dueOn, tag: TAG[i.status] })),
    }
  })
}

/** What the caseload's links keep: the view, the filter and the order (each left out when it is the default). */
export interface CaseloadLinkState {
  readonly view: CaseloadView
  readonly show: CaseloadShow
  readonly sort: CaseloadSort
}

/**
 * The address of a caseload page, keeping the view, filter and order.
 * @param state - the view, filter and order
 * @param page - the page (from 1)
 * @returns the address
 */
export function caseloadHref(state: CaseloadLinkState, page: number): string {
  const query = new URLSearchParams()
  if (state.view === 'team') {
    query.set('view', 'team')
  }
  if (state.show !== 'all') {
    query.set('show', state.show)
  }
  if (state.sort !== 'due') {
    query.set('sort', state.sort)
  }
  if (page > 1) {
    query.set('page', String(page))
  }
  const text = query.toString()
  return text === '' ? paths.home() : `${paths.home()}?${text}`
}

/**
 * GOV.UK pagination for the caseload: previous and next, the first and last pages, the current page and its
 * neighbours, with ellipses between (https://design-system.service.gov.uk/components/pagination/).
 * @param state - the view, filter and order the links keep
 * @param page - the current page
 * @param pageCount - how many pages
 * @returns the govukPagination parameters, or null for a single page
 */
export function caseloadPagination(state: CaseloadLinkState, page: number, pageCount: number) {
  if (pageCount <= 1) {
    return null
  }
  // The first, the last, the current page and its neighbours; a gap of one page shows that page, not an ellipsis.
  const isShown = (n: number) => n === 1 || n === pageCount || Math.abs(n - page) <= 1
  const items: ({ number: string; href: string; current: boolean } | { ellipsis: true })[] = []
  for (let n = 1; n <= pageCount; n += 1) {
    if (isShown(n) || (isShown(n - 1) && isShown(n + 1))) {
      items.push({ number: String(n), href: caseloadHref(state, n), current: n === page })
    } else if (isShown(n - 1)) {
      items.push({ ellipsis: true })
    }
  }
  return {
    previous: page > 1 ? { href: caseloadHref(state, page - 1) } : undefined,
    next: page < pageCount ? { href: caseloadHref(state, page + 1) } : undefined,
    items,
    landmarkLabel: 'Pages of children',
  }
}

const count = new Intl.NumberFormat('en-GB')

/**
 * "Showing 51 to 100 of 1,812 children".
 * @param page - the current page
 * @param pageSize - children per page
 * @param shown - children on this page
 * @param matching - children matching the filter
 * @returns the sentence, or null when nothing matches
 */
export function caseloadRange(page: number, pageSize: number, shown: number, matching: number): string | null {
  if (shown === 0) {
    return null
  }
  const from = (page - 1) * pageSize + 1
  return `Showing ${count.format(from)} to ${count.format(from + shown - 1)} of ${count.format(matching)} ${
    matching === 1 ? 'child' : 'children'
  }`
}
