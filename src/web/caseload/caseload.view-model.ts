import type { CaseloadChild } from '../../app/children/list-caseload.ts'
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
  readonly legalStatusCode: string | null
  readonly placement: string
  readonly lookedAfterSince: string | null
  readonly worker: string
  readonly due: readonly DueEntry[]
  readonly overdue: number
  readonly dueSoon: number
  /** For sorting by urgency: 0 overdue, 1 due soon, 2 something upcoming, 3 nothing. */
  readonly urgency: number
  readonly nextDueOn: string
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
      name: `${child.givenNames} ${child.familyName}${child.preferredName ? ` (${child.preferredName})` : ''}`,
      caseNumber: child.localCaseNumber,
      dateOfBirthOn: child.dateOfBirthOn,
      age: ageInYears(calendarDay(child.dateOfBirthOn), today),
      legalStatus: labels.legalStatus(child.legalStatus) || 'Not looked after',
      legalStatusCode: child.legalStatus,
      placement: labels.placementType(child.placementType),
      lookedAfterSince: child.lookedAfterSince,
      worker: child.allocatedWorkerName ?? 'Not allocated',
      due: shown.map(i => ({ title: i.title, dueOn: i.dueOn!, tag: TAG[i.status as keyof typeof TAG] })),
      overdue: overdue.length,
      dueSoon: dueSoon.length,
      urgency: overdue.length > 0 ? 0 : dueSoon.length > 0 ? 1 : upcoming.length > 0 ? 2 : 3,
      nextDueOn: shown[0]?.dueOn ?? '9999-12-31',
    }
  })
}

export type CaseloadShow = 'all' | 'overdue' | 'due-soon' | 'looked-after'
export type CaseloadSort = 'due' | 'name'

/**
 * Filters and sorts the rows: overdue first by default (the question a worker asks is "what is late?").
 * @param rows - the rows
 * @param show - which children to show
 * @param sort - how to order them
 * @returns the rows to print
 */
export function filterAndSortCaseload(
  rows: readonly CaseloadRow[],
  show: CaseloadShow,
  sort: CaseloadSort,
): CaseloadRow[] {
  const shown = rows.filter(row => {
    switch (show) {
      case 'overdue':
        return row.overdue > 0
      case 'due-soon':
        return row.overdue > 0 || row.dueSoon > 0
      case 'looked-after':
        return row.legalStatusCode !== null
      case 'all':
        return true
    }
  })
  return [...shown].sort((a, b) =>
    sort === 'name'
      ? a.name.localeCompare(b.name)
      : a.urgency - b.urgency || a.nextDueOn.localeCompare(b.nextDueOn) || a.name.localeCompare(b.name),
  )
}
