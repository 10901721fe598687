import { describe, expect, test } from 'vitest'
import type { CaseHistoryInput } from '../case-history.ts'
import { caseHistory, evaluate, itemFor } from '../test-support.ts'

function lookedAfter(fields: Partial<CaseHistoryInput>): ReturnType<typeof caseHistory> {
  return caseHistory({
    child: { dateOfBirth: '2015-03-03' },
    periodsOfCare: [{ start: '2026-01-05', end: null, legalStatus: 'C2' }],
    placements: [{ start: '2026-01-05', end: null, placementType: 'U6', carerId: 'F' }],
    ...fields,
  })
}

describe('HLT-01 initial health assessment: earlier of 20 working days and the first review (CPPCR reg 7; rules.md D5, T10)', () => {
  test.each([
    [[], '2026-02-02', 'no review yet: 20 working days'],
    [[{ date: '2026-01-19' }], '2026-01-19', 'first review brought forward to working day 10'],
    [[{ date: '2026-02-10' }], '2026-02-02', 'first review after 20 working days'],
  ])('HLT-01 with reviews %o is due %s (%s)', (reviews, due) => {
    expect(itemFor(evaluate(lookedAfter({ reviews }), '2026-02-11'), 'HLT-01').due).toBe(due)
  })

  test.each([
    ['2025-11-01', 'met'],
    ['2025-09-01', 'upcoming'],
  ])(
    'HLT-01 an assessment on %s, before care began, counts only within the previous 3 months → %s (reg 7)',
    (date, status) => {
      const item = itemFor(
        evaluate(lookedAfter({ healthAssessments: [{ date, kind: 'review' }] }), '2026-01-06'),
        'HLT-01',
      )
      expect(item.status).toBe(status)
    },
  )
})

describe('HLT-02 review health assessments: 6-monthly under 5, yearly from 5 (CPPCR reg 7)', () => {
  test.each([
    ['2022-06-01', [{ date: '2026-01-10', kind: 'initial' as const }], '2026-07-10'],
    ['2015-03-03', [{ date: '2026-01-10', kind: 'initial' as const }], '2027-01-10'],
    [
      '2021-03-01',
      [
        { date: '2026-01-10', kind: 'initial' as const },
        { date: '2026-07-01', kind: 'review' as const },
      ],
      '2027-07-01',
    ],
  ])('HLT-02 born %s, assessed %o → next review assessment by %s (reg 7)', (dateOfBirth, healthAssessments, due) => {
    const history = lookedAfter({ child: { dateOfBirth }, healthAssessments })
    expect(itemFor(evaluate(history, '2026-07-02'), 'HLT-02').due).toBe(due)
  })

  test('HLT-02 is not applicable until the initial assessment is done (reg 7)', () => {
    expect(itemFor(evaluate(lookedAfter({}), '2026-01-06'), 'HLT-02').status).toBe('not-applicable')
  })
})

describe('EDU-01 personal education plan within 10 working days, by the first review (CPPCR reg 5(b)(ii); rules.md D6)', () => {
  test('EDU-01 10 working days from Monday 5 January 2026 is Monday 19 January; a PEP on 16 January is met', () => {
    const item = itemFor(
      evaluate(lookedAfter({ personalEducationPlans: [{ date: '2026-01-16' }] }), '2026-01-20'),
      'EDU-01',
    )
    expect(item.due).toBe('2026-01-19')
    expect(item.status).toBe('met')
  })

  test('EDU-01 is due by a first review held before working day 10 (D6; T10)', () => {
    expect(itemFor(evaluate(lookedAfter({ reviews: [{ date: '2026-01-14' }] }), '2026-01-15'), 'EDU-01').due).toBe(
      '2026-01-14',
    )
  })

  test('EDU-01 is not applicable to a child below compulsory school age', () => {
    const item = itemFor(evaluate(lookedAfter({ child: { dateOfBirth: '2023-01-01' } }), '2026-01-06'), 'EDU-01')
    expect(item.status).toBe('not-applicable')
  })
})
