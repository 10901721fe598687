import { describe, expect, it } from 'vitest'
import { calendarDay } from '../shared/calendar-day.ts'
import type { CareRecord } from './care-record.ts'
import { careRecordWarnings, validateCareRecord } from './care-record-rules.ts'

const TODAY = calendarDay('2026-02-01')

function record(overrides: Partial<CareRecord> = {}): CareRecord {
  return {
    child: {
      id: 'c1',
      version: 1,
      givenNames: 'Tansy',
      familyName: 'Quimby',
      preferredName: null,
      dateOfBirthOn: calendarDay('2015-06-01'),
      sex: 'female',
      ethnicity: 'WBRI',
      firstLanguage: null,
      needsInterpreter: false,
      religion: null,
      hasDisability: false,
      disabilityDetails: null,
      communicationNeeds: null,
      localCaseNumber: 'T1',
      upn: null,
      isUnaccompaniedAsylumSeeker: false,
      dateOfDeathOn: null,
      teamId: null,
      allocatedWorkerId: null,
      allocatedIroId: null,
      sensitivity: 'normal',
      restrictionCategory: null,
      restrictionOwnerId: null,
      restrictionReviewOn: null,
      restrictionPermittedUserIds: [],
    },
    periodsOfCare: [
      {
        id: 'p1',
        version: 1,
        startedOn: calendarDay('2025-12-19'),
        endedOn: null,
        reasonEnded: null,
        categoryOfNeed: 'N1',
        previousPermanence: null,
      },
    ],
    legalStatuses: [
      { id: 's1', version: 1, status: 'interim-care-order', startedOn: calendarDay('2025-12-19'), endedOn: null },
    ],
    placements: [
      {
        id: 'pl1',
        version: 1,
        placementType: 'foster-other',
        carerPersonId: null,
        providerName: null,
        providerType: null,
        postcode: null,
        ofstedUrn: null,
        startedOn: calendarDay('2025-12-19'),
        endedOn: null,
        reasonEnded: null,
        isIntendedUntilEighteen: false,
      },
    ],
    reviews: [],
    proceedings: [],
    orders: [],
    relationships: [],
    people: [],
    siblings: [],
    allocations: [],
    livingArrangements: [],
    events: [],
    ...overrides,
  }
}

const base = record()

describe('care record invariants', () => {
  it('accepts a sound record', () => {
    expect(validateCareRecord(base, TODAY)).toEqual([])
  })

  it.each<[string, CareRecord, string, string]>([
    [
      'a placement that overlaps another',
      record({
        placements: [...base.placements, { ...base.placements[0]!, id: 'pl2', startedOn: calendarDay('2026-01-05') }],
      }),
      'placements-overlap',
      'placements.pl2.startedOn',
    ],
    [
      'a review before the child became looked after',
      record({
        reviews: [
          {
            id: 'r1',
            version: 1,
            heldOn: calendarDay('2025-12-01'),
            participation: null,
            chairedById: null,
            broughtForwardReason: null,
            notes: null,
          },
        ],
      }),
      'review-before-looked-after',
      'reviews.r1.heldOn',
    ],
    [
      'a review between periods of care',
      record({
        periodsOfCare: [
          { ...base.periodsOfCare[0]!, endedOn: calendarDay('2026-01-10'), reasonEnded: 'returned-home-planned' },
        ],
        legalStatuses: [{ ...base.legalStatuses[0]!, endedOn: calendarDay('2026-01-10') }],
        placements: [{ ...base.placements[0]!, endedOn: calendarDay('2026-01-10') }],
        reviews: [
          {
            id: 'r1',
            version: 1,
            heldOn: calendarDay('2026-01-15'),
            participation: null,
            chairedById: null,
            broughtForwardReason: null,
            notes: null,
          },
        ],
      }),
      'review-outside-period-of-care',
      'reviews.r1.heldOn',
    ],
    [
      'an end before a start',
      record({ legalStatuses: [{ ...base.legalStatuses[0]!, endedOn: calendarDay('2025-12-01') }] }),
      'end-before-start',
      'legal-statuses.s1.endedOn',
    ],
    [
      'a placement outside any period of care',
      record({
        placements: [
          ...base.placements,
          {
            ...base.placements[0]!,
            id: 'pl2',
            startedOn: calendarDay('2025-10-01'),
            endedOn: calendarDay('2025-11-01'),
          },
        ],
      }),
      'placement-outside-period-of-care',
      'placements.pl2.startedOn',
    ],
    [
      'a placement still open after its period of care ended',
      record({
        periodsOfCare: [{ ...base.periodsOfCare[0]!, endedOn: calendarDay('2026-01-10'), reasonEnded: 'other' }],
        legalStatuses: [{ ...base.legalStatuses[0]!, endedOn: calendarDay('2026-01-10') }],
      }),
      'placement-outside-period-of-care',
      'placements.pl1.startedOn',
    ],
    [
      'a period of care with no legal status on its first day',
      record({ legalStatuses: [{ ...base.legalStatuses[0]!, startedOn: calendarDay('2025-12-20') }] }),
      'period-of-care-without-legal-status',
      'periods-of-care.p1.startedOn',
    ],
    [
      'a date in the future',
      record({
        periodsOfCare: [
          ...base.periodsOfCare,
          { ...base.periodsOfCare[0]!, id: 'p2', startedOn: calendarDay('2026-03-01') },
        ],
      }),
      'in-future',
      'periods-of-care.p2.startedOn',
    ],
    [
      'overlapping periods of care',
      record({
        periodsOfCare: [
          ...base.periodsOfCare,
          { ...base.periodsOfCare[0]!, id: 'p2', startedOn: calendarDay('2026-01-01') },
        ],
      }),
      'periods-of-care-overlap',
      'periods-of-care.p2.startedOn',
    ],
    [
      'a fact before the date of birth',
      record({ child: { ...base.child, dateOfBirthOn: calendarDay('2026-01-01') } }),
      'before-date-of-birth',
      'periods-of-care.p1.startedOn',
    ],
    [
      'a restriction reviewed more than 90 days ahead (security PRIV-01)',
      record({ child: { ...base.child, restrictionReviewOn: calendarDay('2026-05-03') } }),
      'restriction-review-too-far',
      'child.c1.restrictionReviewOn',
    ],
  ])('refuses %s', (_name, changed, code, path) => {
    const issues = validateCareRecord(changed, TODAY)
    expect(issues.map(i => `${i.code} ${i.path.join('.')}`)).toContain(`${code} ${path}`)
  })

  it('treats the end of a period as the first day away: a placement may end on the day the period ends', () => {
    const ended = record({
      periodsOfCare: [
        { ...base.periodsOfCare[0]!, endedOn: calendarDay('2026-01-10'), reasonEnded: 'returned-home-planned' },
      ],
      legalStatuses: [{ ...base.legalStatuses[0]!, endedOn: calendarDay('2026-01-10') }],
      placements: [{ ...base.placements[0]!, endedOn: calendarDay('2026-01-10'), reasonEnded: 'care-plan' }],
    })
    expect(validateCareRecord(ended, TODAY)).toEqual([])
  })

  it('warns (but does not refuse) when days in a period have no placement', () => {
    const gap = record({ placements: [{ ...base.placements[0]!, endedOn: calendarDay('2026-01-05') }] })
    expect(validateCareRecord(gap, TODAY)).toEqual([])
    expect(careRecordWarnings(gap).map(w => w.code)).toEqual(['placement-gap'])
  })
})
