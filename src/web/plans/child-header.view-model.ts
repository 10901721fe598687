import type { ChildHeader } from '../../app/plans/child-header.ts'
import { ageInYears, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import { labels } from '../content/labels.ts'

/** What the identity bar prints about a child. */
export interface ChildHeaderView {
  readonly id: string
  readonly name: string
  readonly preferredName: string | null
  readonly dateOfBirthOn: string
  readonly age: number
  readonly caseNumber: string
  readonly legalStatus: string
}

/**
 * The identity bar's values.
 * @param header - the child's facts
 * @param today - today, for the age
 * @returns the values
 */
export function childHeaderView(header: ChildHeader, today: CalendarDay): ChildHeaderView {
  return {
    id: header.id,
    name: `${header.givenNames} ${header.familyName}`,
    preferredName: header.preferredName,
    dateOfBirthOn: header.dateOfBirthOn,
    age: ageInYears(header.dateOfBirthOn as CalendarDay, today),
    caseNumber: header.caseNumber,
    legalStatus: header.legalStatus ? labels.legalStatus(header.legalStatus) : 'Not looked after',
  }
}
