import type { ChildSummary } from '../../app/children/types.ts'
import { ageInYears, calendarDay, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import { labels } from '../content/labels.ts'
import { paths } from '../paths.ts'

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
}

/**
 * The caseload page's rows.
 * @param children - the children
 * @param today - today's date
 * @returns rows to print
 */
export function caseloadRows(children: readonly ChildSummary[], today: CalendarDay): CaseloadRow[] {
  return children.map(child => ({
    href: paths.child(child.id),
    name: `${child.givenNames} ${child.familyName}${child.preferredName ? ` (${child.preferredName})` : ''}`,
    caseNumber: child.localCaseNumber,
    dateOfBirthOn: child.dateOfBirthOn,
    age: ageInYears(calendarDay(child.dateOfBirthOn), today),
    legalStatus: labels.legalStatus(child.legalStatus) || 'Not looked after',
    placement: labels.placementType(child.placementType),
    lookedAfterSince: child.lookedAfterSince,
    worker: child.allocatedWorkerName ?? 'Not allocated',
  }))
}
