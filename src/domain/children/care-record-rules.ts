/**
 * The invariants of a care record. A use case applies a change to the in-memory record, calls
 * {@link validateCareRecord}, and writes nothing if any error comes back; so every stored record satisfies them.
 * Gaps (a period of care with days that no placement or legal status covers) are warnings, not errors: they are
 * reported for data quality (security REL-10) and to the national-return checks, because refusing them would make
 * correcting history impossible one fact at a time.
 */
import { addCalendarDays, compareCalendarDays, type CalendarDay } from '../shared/calendar-day.ts'
import { domainError, type DomainError } from '../shared/result.ts'
import { type CareRecord, type FactKind, isWithin, spansOverlap } from './care-record.ts'

export type CareRecordErrorCode =
  | 'end-before-start'
  | 'before-date-of-birth'
  | 'in-future'
  | 'after-date-of-death'
  | 'periods-of-care-overlap'
  | 'legal-statuses-overlap'
  | 'legal-status-outside-period-of-care'
  | 'period-of-care-without-legal-status'
  | 'placements-overlap'
  | 'placement-outside-period-of-care'
  | 'period-of-care-without-placement'
  | 'review-before-looked-after'
  | 'review-outside-period-of-care'
  | 'extension-outside-proceedings'
  | 'allocations-overlap'
  | 'sibling-is-self'
  | 'person-not-in-record'
  | 'restriction-review-too-far'
  | 'placement-not-found'

export type CareRecordWarningCode = 'legal-status-gap' | 'placement-gap'

/** A broken invariant: which fact (kind and id) and which of its fields. */
export interface CareRecordIssue<Code extends string> extends DomainError<Code> {
  readonly fact: FactKind | 'child'
  readonly factId: string
  readonly field: string
}

function issue<Code extends string>(
  code: Code,
  fact: FactKind | 'child',
  factId: string,
  field: string,
  params?: Record<string, string | number>,
): CareRecordIssue<Code> {
  return { ...domainError(code, [fact, factId, field], params), fact, factId, field }
}

interface Span {
  readonly id: string
  readonly startedOn: CalendarDay
  readonly endedOn: CalendarDay | null
}

function byStart<T extends Span>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareCalendarDays(a.startedOn, b.startedOn))
}

function checkSpanDates(
  kind: FactKind,
  spans: readonly Span[],
  record: CareRecord,
  today: CalendarDay,
  errors: CareRecordIssue<CareRecordErrorCode>[],
): void {
  const birth = record.child.dateOfBirthOn
  const death = record.child.dateOfDeathOn
  for (const span of spans) {
    if (span.endedOn !== null && span.endedOn < span.startedOn) {
      errors.push(issue('end-before-start', kind, span.id, 'endedOn', { startedOn: span.startedOn }))
    }
    if (span.startedOn < birth) {
      errors.push(issue('before-date-of-birth', kind, span.id, 'startedOn', { dateOfBirthOn: birth }))
    }
    if (span.startedOn > today) {
      errors.push(issue('in-future', kind, span.id, 'startedOn', { today }))
    }
    if (span.endedOn !== null && span.endedOn > today) {
      errors.push(issue('in-future', kind, span.id, 'endedOn', { today }))
    }
    if (death !== null && span.startedOn > death) {
      errors.push(issue('after-date-of-death', kind, span.id, 'startedOn', { dateOfDeathOn: death }))
    }
  }
}

function checkNoOverlap(
  kind: FactKind,
  code: CareRecordErrorCode,
  spans: readonly Span[],
  errors: CareRecordIssue<CareRecordErrorCode>[],
): void {
  const sorted = byStart(spans)
  for (let i = 1; i < sorted.length; i += 1) {
    const previous = sorted[i - 1]!
    const current = sorted[i]!
    if (spansOverlap(previous, current)) {
      errors.push(
        issue(code, kind, current.id, 'startedOn', { otherId: previous.id, otherStartedOn: previous.startedOn }),
      )
    }
  }
}

function isInsideSomePeriod(record: CareRecord, span: Span): boolean {
  return record.periodsOfCare.some(
    period =>
      span.startedOn >= period.startedOn &&
      (period.endedOn === null || (span.endedOn !== null && span.endedOn <= period.endedOn)),
  )
}

/**
 * Checks every invariant of a care record.
 * @param record - the record, with the proposed change already applied
 * @param today - today's date (Europe/London), for "not in the future" checks
 * @returns the broken invariants, empty when the record is sound
 */
export function validateCareRecord(record: CareRecord, today: CalendarDay): CareRecordIssue<CareRecordErrorCode>[] {
  const errors: CareRecordIssue<CareRecordErrorCode>[] = []
  const { child } = record

  if (child.dateOfBirthOn > today) {
    errors.push(issue('in-future', 'child', child.id, 'dateOfBirthOn', { today }))
  }
  if (child.dateOfDeathOn !== null && child.dateOfDeathOn < child.dateOfBirthOn) {
    errors.push(issue('end-before-start', 'child', child.id, 'dateOfDeathOn', { startedOn: child.dateOfBirthOn }))
  }
  // A restriction is reviewed at least every 90 days (security PRIV-01).
  if (child.restrictionReviewOn !== null && child.restrictionReviewOn > addCalendarDays(today, 90)) {
    errors.push(issue('restriction-review-too-far', 'child', child.id, 'restrictionReviewOn', { days: 90 }))
  }

  checkSpanDates('periods-of-care', record.periodsOfCare, record, today, errors)
  checkSpanDates('legal-statuses', record.legalStatuses, record, today, errors)
  checkSpanDates('placements', record.placements, record, today, errors)
  checkSpanDates('allocations', record.allocations, record, today, errors)
  checkSpanDates('living-arrangements', record.livingArrangements, record, today, errors)
  checkSpanDates(
    'orders',
    record.orders.map(order => ({ id: order.id, startedOn: order.madeOn, endedOn: order.endedOn })),
    record,
    today,
    errors,
  )

  checkNoOverlap('periods-of-care', 'periods-of-care-overlap', record.periodsOfCare, errors)
  checkNoOverlap('legal-statuses', 'legal-statuses-overlap', record.legalStatuses, errors)
  checkNoOverlap('placements', 'placements-overlap', record.placements, errors)
  checkNoOverlap('allocations', 'allocations-overlap', record.allocations, errors)

  for (const spell of record.legalStatuses) {
    if (!isInsideSomePeriod(record, spell)) {
      errors.push(issue('legal-status-outside-period-of-care', 'legal-statuses', spell.id, 'startedOn'))
    }
  }
  for (const placement of record.placements) {
    if (!isInsideSomePeriod(record, placement)) {
      errors.push(issue('placement-outside-period-of-care', 'placements', placement.id, 'startedOn'))
    }
  }
  for (const period of record.periodsOfCare) {
    if (!record.legalStatuses.some(spell => spell.startedOn === period.startedOn)) {
      errors.push(issue('period-of-care-without-legal-status', 'periods-of-care', period.id, 'startedOn'))
    }
    if (!record.placements.some(placement => placement.startedOn === period.startedOn)) {
      errors.push(issue('period-of-care-without-placement', 'periods-of-care', period.id, 'startedOn'))
    }
  }

  const firstLookedAfter = byStart(record.periodsOfCare)[0]?.startedOn
  for (const review of record.reviews) {
    if (review.heldOn > today) {
      errors.push(issue('in-future', 'reviews', review.id, 'heldOn', { today }))
    }
    if (firstLookedAfter === undefined || review.heldOn < firstLookedAfter) {
      errors.push(
        issue(
          'review-before-looked-after',
          'reviews',
          review.id,
          'heldOn',
          firstLookedAfter ? { firstLookedAfter } : {},
        ),
      )
    } else if (!record.periodsOfCare.some(period => isWithin(review.heldOn, period.startedOn, period.endedOn))) {
      errors.push(issue('review-outside-period-of-care', 'reviews', review.id, 'heldOn'))
    }
  }

  for (const proceedings of record.proceedings) {
    if (proceedings.issuedOn > today) {
      errors.push(issue('in-future', 'proceedings', proceedings.id, 'issuedOn', { today }))
    }
    if (proceedings.issuedOn < child.dateOfBirthOn) {
      errors.push(
        issue('before-date-of-birth', 'proceedings', proceedings.id, 'issuedOn', {
          dateOfBirthOn: child.dateOfBirthOn,
        }),
      )
    }
    if (proceedings.concludedOn !== null && proceedings.concludedOn < proceedings.issuedOn) {
      errors.push(
        issue('end-before-start', 'proceedings', proceedings.id, 'concludedOn', { startedOn: proceedings.issuedOn }),
      )
    }
    if (proceedings.finalCarePlanFilingOn !== null && proceedings.finalCarePlanFilingOn < proceedings.issuedOn) {
      errors.push(
        issue('end-before-start', 'proceedings', proceedings.id, 'finalCarePlanFilingOn', {
          startedOn: proceedings.issuedOn,
        }),
      )
    }
    proceedings.extensions.forEach((extension, index) => {
      const outside =
        extension.grantedOn < proceedings.issuedOn ||
        (proceedings.concludedOn !== null && extension.grantedOn > proceedings.concludedOn)
      if (outside) {
        errors.push(
          issue('extension-outside-proceedings', 'proceedings', proceedings.id, `extensions.${index}.grantedOn`),
        )
      }
    })
  }

  const placementIds = new Set(record.placements.map(placement => placement.id))
  for (const event of record.events) {
    if (event.occurredOn > today) {
      errors.push(issue('in-future', 'events', event.id, 'occurredOn', { today }))
    }
    if (event.occurredOn < child.dateOfBirthOn) {
      errors.push(
        issue('before-date-of-birth', 'events', event.id, 'occurredOn', { dateOfBirthOn: child.dateOfBirthOn }),
      )
    }
    if (event.kind === 'placement-plan' && (event.placementId === null || !placementIds.has(event.placementId))) {
      errors.push(issue('placement-not-found', 'events', event.id, 'placementId'))
    }
  }

  const personIds = new Set(record.people.map(person => person.id))
  for (const relationship of record.relationships) {
    if (!personIds.has(relationship.personId)) {
      errors.push(issue('person-not-in-record', 'relationships', relationship.id, 'personId'))
    }
  }
  for (const sibling of record.siblings) {
    if (sibling.siblingChildId === child.id) {
      errors.push(issue('sibling-is-self', 'siblings', sibling.id, 'siblingChildId'))
    }
  }
  return errors
}

/**
 * Data-quality warnings: days in a period of care with no legal status or no placement recorded.
 * @param record - the care record
 * @returns the warnings
 */
export function careRecordWarnings(record: CareRecord): CareRecordIssue<CareRecordWarningCode>[] {
  const warnings: CareRecordIssue<CareRecordWarningCode>[] = []
  for (const period of record.periodsOfCare) {
    const check = (spans: readonly Span[], code: CareRecordWarningCode) => {
      let coveredTo: CalendarDay = period.startedOn
      for (const span of byStart(spans.filter(s => isWithin(s.startedOn, period.startedOn, period.endedOn)))) {
        if (span.startedOn > coveredTo) {
          warnings.push(issue(code, 'periods-of-care', period.id, 'startedOn', { from: coveredTo, to: span.startedOn }))
        }
        if (span.endedOn === null) {
          return
        }
        coveredTo = span.endedOn > coveredTo ? span.endedOn : coveredTo
      }
      if (period.endedOn === null || coveredTo < period.endedOn) {
        warnings.push(
          issue(code, 'periods-of-care', period.id, 'endedOn', { from: coveredTo, to: period.endedOn ?? 'open' }),
        )
      }
    }
    check(record.legalStatuses, 'legal-status-gap')
    check(record.placements, 'placement-gap')
  }
  return warnings
}
