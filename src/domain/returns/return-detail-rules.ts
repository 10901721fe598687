/**
 * The rules a recorded return detail must keep (issue 8 §3, "validation as you go"), as coded errors with the field
 * they concern. Only the rules that concern a single record: whole-return rules (every CLA12 child has an OC2 row,
 * OC3 only for care leavers of the right age) stay with the return's validator (validate-return-facts.ts) and show
 * on the child's return failures. Pure: the use case passes what it knows about the child.
 */
import type { PeriodOfCare } from '../children/care-record.ts'
import type { CalendarDay } from '../shared/calendar-day.ts'
import { domainError, type DomainError } from '../shared/result.ts'
import { accommodationCode } from './code-maps.ts'
import { collectionStart, collectionYearLabel } from './collection-year.ts'
import type { ReturnDetailCreate, ReturnDetailKind } from './return-detail-inputs.ts'

/** What the rules need to know about the child. */
export interface ReturnDetailRuleContext {
  readonly today: CalendarDay
  /** The child's periods of care (current). */
  readonly periodsOfCare: readonly Pick<PeriodOfCare, 'startedOn' | 'endedOn'>[]
  /** The collection years that already have a record of this kind (OC2, OC3), other than the one being corrected. */
  readonly takenYears: ReadonlySet<number>
}

type Errors = DomainError[]

function notFuture(errors: Errors, context: ReturnDetailRuleContext, day: CalendarDay | null, field: string): void {
  if (day !== null && day > context.today) {
    errors.push(domainError('date-in-future', [field]))
  }
}

function notBefore(errors: Errors, start: CalendarDay, end: CalendarDay | null, field: string): void {
  if (end !== null && end < start) {
    errors.push(domainError('return-end-before-start', [field]))
  }
}

/** A period of care holds a day from its start up to the day before its end (an `endedOn` is the first day away). */
const isInCare = (periods: ReturnDetailRuleContext['periodsOfCare'], day: CalendarDay) =>
  periods.some(p => p.startedOn <= day && (p.endedOn === null || day < p.endedOn))

/** OC2 and OC3 are one per child per collection year, and for a year that has started. */
function outcomeYear(errors: Errors, context: ReturnDetailRuleContext, code: string, year: number): void {
  const label = collectionYearLabel(year)
  if (collectionStart(year) > context.today) {
    errors.push(domainError('year-not-started', ['collectionYear'], { label }))
  } else if (context.takenYears.has(year)) {
    errors.push(domainError(code, ['collectionYear'], { label }))
  }
}

/**
 * Checks a return detail (new or corrected) against the rules of its kind.
 * @param kind - the kind of record
 * @param record - the record's values
 * @param context - what is known about the child
 * @returns the rules broken (none when it may be saved)
 */
export function checkReturnDetail<K extends ReturnDetailKind>(
  kind: K,
  record: ReturnDetailCreate<K>,
  context: ReturnDetailRuleContext,
): DomainError[] {
  const errors: Errors = []
  switch (kind) {
    case 'missing-episodes': {
      const r = record as ReturnDetailCreate<'missing-episodes'>
      notFuture(errors, context, r.startedOn, 'startedOn')
      notFuture(errors, context, r.returnedOn, 'returnedOn')
      notBefore(errors, r.startedOn, r.returnedOn, 'returnedOn')
      // The 903 Missing table is for looked-after children: an episode must start during a period of care.
      if (!isInCare(context.periodsOfCare, r.startedOn)) {
        errors.push(domainError('missing-outside-care', ['startedOn']))
      }
      if (r.wasReturnInterviewAccepted === true && r.wasReturnInterviewOffered !== true) {
        errors.push(domainError('interview-accepted-not-offered', ['wasReturnInterviewAccepted']))
      }
      if (r.returnedOn === null && (r.wasReturnInterviewOffered !== null || r.wasReturnInterviewAccepted !== null)) {
        errors.push(domainError('interview-needs-return', ['returnedOn']))
      }
      break
    }
    case 'health-outcomes': {
      const r = record as ReturnDetailCreate<'health-outcomes'>
      outcomeYear(errors, context, 'oc2-year-taken', r.collectionYear)
      if (r.sdqScore !== null && r.sdqReason !== null) {
        errors.push(domainError('sdq-score-and-reason', ['sdqReason']))
      }
      break
    }
    case 'care-leaver-outcomes': {
      const r = record as ReturnDetailCreate<'care-leaver-outcomes'>
      outcomeYear(errors, context, 'oc3-year-taken', r.collectionYear)
      if (accommodationCode(r.accommodation, r.isAccommodationSuitable) === undefined) {
        errors.push(domainError('accommodation-suitability', ['isAccommodationSuitable'], { rule: '133' }))
      }
      break
    }
    case 'deprivation-of-liberty-orders': {
      const r = record as ReturnDetailCreate<'deprivation-of-liberty-orders'>
      notFuture(errors, context, r.startedOn, 'startedOn')
      notFuture(errors, context, r.endedOn, 'endedOn')
      notBefore(errors, r.startedOn, r.endedOn, 'endedOn')
      break
    }
  }
  return errors
}
