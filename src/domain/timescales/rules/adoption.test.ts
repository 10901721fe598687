import { describe, expect, test } from 'vitest'
import type { CaseHistoryInput } from '../case-history.ts'
import { caseHistory, evaluate, itemFor, itemsFor } from '../test-support.ts'

function adoptionCase(fields: Partial<CaseHistoryInput>): ReturnType<typeof caseHistory> {
  return caseHistory({
    child: { dateOfBirth: '2023-05-05' },
    periodsOfCare: [
      {
        start: '2024-01-08',
        end: null,
        legalStatus: 'C2',
        legalStatusChanges: [{ on: '2025-03-10', legalStatus: 'E1' }],
      },
    ],
    placements: [{ start: '2024-01-08', end: null, placementType: 'U6', carerId: 'F' }],
    reviews: [{ date: '2024-02-01' }, { date: '2024-05-01' }, { date: '2024-11-01' }],
    ...fields,
  })
}

describe('ADO-01 reviews while authorised to place but not placed (AAR 2005 reg 36(1); rules.md T11)', () => {
  test.each([
    [[], '2025-06-10', 1],
    [[{ date: '2025-06-01' }], '2025-12-01', 2],
  ])('ADO-01 placement order 10 March 2025, adoption reviews %o → next by %s', (extra, due, occurrence) => {
    const history = adoptionCase({
      reviews: [{ date: '2024-02-01' }, { date: '2024-05-01' }, { date: '2024-11-01' }, ...extra],
      adoption: { placementOrderOn: '2025-03-10' },
    })
    const item = itemFor(evaluate(history, '2025-06-02'), 'ADO-01')
    expect(item.due).toBe(due)
    expect(item.occurrence).toBe(occurrence)
  })
})

describe('ADO-02 and ADO-03 after placement for adoption (AAR 2005 reg 36(3), (4); rules.md T11)', () => {
  const placed = (
    reviews: { date: string }[],
    visits: { date: string }[],
    adoption: CaseHistoryInput['adoption'] = {},
  ): ReturnType<typeof caseHistory> =>
    adoptionCase({
      placements: [
        { start: '2024-01-08', end: '2025-09-01', placementType: 'U6', carerId: 'F' },
        { start: '2025-09-01', end: null, placementType: 'A6', carerId: 'AD' },
      ],
      reviews: [
        { date: '2024-02-01' },
        { date: '2024-05-01' },
        { date: '2024-11-01' },
        { date: '2025-06-01' },
        ...reviews,
      ],
      visits,
      adoption: { placementOrderOn: '2025-03-10', placedForAdoptionOn: '2025-09-01', ...adoption },
    })

  test.each([
    [[], '2025-09-29', 1],
    [[{ date: '2025-09-20' }], '2025-12-20', 2],
    [[{ date: '2025-09-20' }, { date: '2025-12-15' }], '2026-06-15', 3],
  ])(
    'ADO-02 placed 1 September 2025, reviews %o → next by %s (4 weeks, 3 months, then 6 months)',
    (reviews, due, occurrence) => {
      const evaluation = evaluate(placed(reviews, []), '2025-12-16')
      expect(itemFor(evaluation, 'ADO-02').due).toBe(due)
      expect(itemFor(evaluation, 'ADO-02').occurrence).toBe(occurrence)
      expect(itemFor(evaluation, 'ADO-01').status).toBe('not-applicable')
    },
  )

  test.each([
    [[], [], '2025-09-08'],
    [[], [{ date: '2025-09-05' }], '2025-09-12'],
    [
      [{ date: '2025-09-20' }],
      [{ date: '2025-09-05' }, { date: '2025-09-12' }, { date: '2025-09-19' }, { date: '2025-09-25' }],
      null,
    ],
  ])(
    'ADO-03 reviews %o, visits %o → next visit by %s (weekly until the first review, then as the review sets)',
    (reviews, visits, due) => {
      const item = itemFor(evaluate(placed(reviews, visits), '2025-09-26'), 'ADO-03')
      expect(item.due).toBe(due)
      if (due === null) {
        expect(item.explanation).toContain('frequency set at each review')
      }
    },
  )

  test('ADO-02 and ADO-03 stop on disruption, and the reg 36(1) cycle resumes (T11)', () => {
    const evaluation = evaluate(placed([{ date: '2025-09-20' }], [], { disruptedOn: '2025-10-15' }), '2025-10-16')
    expect(itemFor(evaluation, 'ADO-02').status).toBe('not-applicable')
    expect(itemFor(evaluation, 'ADO-03').status).toBe('not-applicable')
    const ado01 = itemFor(evaluation, 'ADO-01')
    expect(ado01.due).toBe('2026-03-20')
    expect(ado01.explanation).toContain('reg 36(1) cycle applies again')
  })

  test('ADO-01 to ADO-03 end with the adoption order (T11)', () => {
    const evaluation = evaluate(placed([], [], { adoptionOrderOn: '2026-03-01' }), '2026-03-02')
    for (const rule of ['ADO-01', 'ADO-02', 'ADO-03'] as const) {
      expect(itemFor(evaluation, rule).status).toBe('not-applicable')
    }
  })
})

describe('ADO-08 scorecard thresholds A1 426 days and A2 121 days (DfE adoption scorecards; rules.md ADO-08)', () => {
  test('ADO-08 A1 from entering care on 8 January 2024 and A2 from the placement order on 10 March 2025', () => {
    const history = adoptionCase({
      placements: [
        { start: '2024-01-08', end: '2025-09-01', placementType: 'U6', carerId: 'F' },
        { start: '2025-09-01', end: null, placementType: 'A6', carerId: 'AD' },
      ],
      adoption: { placementOrderOn: '2025-03-10', matchedOn: '2025-06-01', placedForAdoptionOn: '2025-09-01' },
    })
    const [a1, a2] = itemsFor(evaluate(history, '2025-10-01'), 'ADO-08')
    expect(a1?.due).toBe('2025-03-09')
    expect(a1?.status).toBe('met-late')
    expect(a1?.daysLate).toBe(176)
    expect(a2?.due).toBe('2025-07-09')
    expect(a2?.status).toBe('met')
    expect(a1?.explanation).toContain('not a legal deadline')
  })

  test('ADO-08 is not applicable when adoption is not the plan', () => {
    const history = caseHistory({
      child: { dateOfBirth: '2015-03-03' },
      periodsOfCare: [{ start: '2025-01-06', end: null, legalStatus: 'V2' }],
    })
    expect(itemFor(evaluate(history, '2025-02-01'), 'ADO-08').status).toBe('not-applicable')
  })
})
