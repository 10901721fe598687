import { describe, expect, it } from 'vitest'
import type { CalendarDay } from '../shared/calendar-day.ts'
import { RETURN_DETAIL_CREATE_SCHEMAS, type ReturnDetailKind } from './return-detail-inputs.ts'
import { checkReturnDetail, type ReturnDetailRuleContext } from './return-detail-rules.ts'

const context: ReturnDetailRuleContext = {
  today: '2026-01-12' as CalendarDay,
  periodsOfCare: [
    { startedOn: '2025-01-01' as CalendarDay, endedOn: '2025-03-01' as CalendarDay },
    { startedOn: '2025-10-01' as CalendarDay, endedOn: null },
  ],
  takenYears: new Set([2025]),
}

const check = (kind: ReturnDetailKind, body: Record<string, unknown>) =>
  checkReturnDetail(kind, RETURN_DETAIL_CREATE_SCHEMAS[kind].parse(body) as never, context).map(e => [
    e.path.join('.'),
    e.code,
  ])

describe('the rules of recorded return details (issue 8 §3)', () => {
  it.each([
    [
      'a missing episode in care, back the same day',
      { kind: 'missing', startedOn: '2025-11-01', returnedOn: '2025-11-01' },
      [],
    ],
    ['a missing episode still open', { kind: 'missing', startedOn: '2026-01-12' }, []],
    [
      'a missing episode in the future',
      { kind: 'missing', startedOn: '2026-01-13' },
      [['startedOn', 'date-in-future']],
    ],
    [
      'back before it started',
      { kind: 'missing', startedOn: '2025-11-02', returnedOn: '2025-11-01' },
      [['returnedOn', 'return-end-before-start']],
    ],
    ['between periods of care', { kind: 'missing', startedOn: '2025-05-01' }, [['startedOn', 'missing-outside-care']]],
    [
      'on the day a period of care ended (the first day away)',
      { kind: 'missing', startedOn: '2025-03-01' },
      [['startedOn', 'missing-outside-care']],
    ],
    [
      'an interview accepted but not offered',
      { kind: 'missing', startedOn: '2025-11-01', returnedOn: '2025-11-02', wasReturnInterviewAccepted: true },
      [['wasReturnInterviewAccepted', 'interview-accepted-not-offered']],
    ],
    [
      'an interview while still missing',
      { kind: 'missing', startedOn: '2025-11-01', wasReturnInterviewOffered: true },
      [['returnedOn', 'interview-needs-return']],
    ],
  ])('missing episodes: %s', (_, body, expected) => {
    expect(check('missing-episodes', body)).toEqual(expected)
  })

  it.each([
    ['a score for 2025/26', 'health-outcomes', { collectionYear: 2026, sdqScore: 12 }, []],
    ['a second OC2 for 2024/25', 'health-outcomes', { collectionYear: 2025 }, [['collectionYear', 'oc2-year-taken']]],
    [
      'OC2 for a year not started',
      'health-outcomes',
      { collectionYear: 2027 },
      [['collectionYear', 'year-not-started']],
    ],
    [
      'a score and a reason',
      'health-outcomes',
      { collectionYear: 2026, sdqScore: 12, sdqReason: 'other' },
      [['sdqReason', 'sdq-score-and-reason']],
    ],
    [
      'OC3 not applicable',
      'care-leaver-outcomes',
      { collectionYear: 2026, contact: 'in-touch', activity: 'not-applicable', accommodation: 'not-applicable' },
      [],
    ],
    [
      'a second OC3 for 2024/25',
      'care-leaver-outcomes',
      { collectionYear: 2025, contact: 'in-touch', activity: 'not-applicable', accommodation: 'not-applicable' },
      [['collectionYear', 'oc3-year-taken']],
    ],
    [
      'custody recorded as suitable (rule 133)',
      'care-leaver-outcomes',
      {
        collectionYear: 2026,
        contact: 'in-touch',
        activity: 'not-applicable',
        accommodation: 'custody',
        isAccommodationSuitable: true,
      },
      [['isAccommodationSuitable', 'accommodation-suitability']],
    ],
    [
      'a DoLO ending before it started',
      'deprivation-of-liberty-orders',
      { startedOn: '2025-12-01', endedOn: '2025-11-01' },
      [['endedOn', 'return-end-before-start']],
    ],
    [
      'a DoLO ending in the future',
      'deprivation-of-liberty-orders',
      { startedOn: '2025-12-01', endedOn: '2026-02-01' },
      [['endedOn', 'date-in-future']],
    ],
  ] as [string, ReturnDetailKind, Record<string, unknown>, string[][]][])('%s', (_, kind, body, expected) => {
    expect(check(kind, body)).toEqual(expected)
  })
})
