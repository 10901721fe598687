import { describe, expect, test } from 'vitest'
import type { CaseHistoryInput } from '../case-history.ts'
import { caseHistory, evaluate, itemFor, itemsFor } from '../test-support.ts'

const child = { dateOfBirth: '2015-03-03' }

describe('VIS-01 visits within a week of any placement, then 6-weekly (CPPCR 2010 reg 28(2))', () => {
  test('VIS-01 first visit 1 week after a placement on Friday 19 December 2025 falls on Boxing Day: flagged, not moved (T23)', () => {
    const history = caseHistory({
      child,
      periodsOfCare: [{ start: '2025-12-19', end: null, legalStatus: 'V2' }],
      placements: [{ start: '2025-12-19', end: null, placementType: 'U6', carerId: 'F' }],
    })
    const item = itemFor(evaluate(history, '2025-12-20'), 'VIS-01')
    expect(item.due).toBe('2025-12-26')
    expect(item.dueFallsOnNonWorkingDay).toBe(true)
    expect(item.lastWorkingDayBefore).toBe('2025-12-24')
    expect(item.explanation).toContain('26 December 2025 is a bank holiday (Boxing Day)')
  })

  test('VIS-01 next visit 6 weeks after the last one (reg 28(2))', () => {
    const history = caseHistory({
      child,
      periodsOfCare: [{ start: '2025-12-19', end: null, legalStatus: 'V2' }],
      placements: [{ start: '2025-12-19', end: null, placementType: 'U6', carerId: 'F' }],
      visits: [{ date: '2025-12-23' }],
    })
    const item = itemFor(evaluate(history, '2026-01-10'), 'VIS-01')
    expect(item.due).toBe('2026-02-03')
    expect(item.occurrence).toBe(2)
    expect(item.pastOccurrences).toEqual({ count: 1, late: 0, lastLate: null })
  })

  const visitsOverAYear = [
    '2024-01-10',
    '2024-02-20',
    '2024-04-01',
    '2024-05-10',
    '2024-06-20',
    '2024-08-01',
    '2024-09-10',
    '2024-10-20',
    '2024-12-01',
    '2025-01-05',
    '2025-02-10',
  ].map(date => ({ date }))

  test.each([
    [true, '2025-05-10', '3 months'],
    [false, '2025-03-24', '6 weeks'],
  ])(
    'VIS-01 after the first year, intended until 18 = %s → next visit by %s (%s; reg 28(2)(b))',
    (intended, due, words) => {
      const history = caseHistory({
        child,
        periodsOfCare: [{ start: '2024-01-08', end: null, legalStatus: 'C2' }],
        placements: [{ start: '2024-01-08', end: null, placementType: 'U4', carerId: 'F', intendedUntil18: intended }],
        visits: visitsOverAYear,
      })
      const item = itemFor(evaluate(history, '2025-02-11'), 'VIS-01')
      expect(item.due).toBe(due)
      expect(item.explanation).toContain(words)
    },
  )

  test('VIS-01 restarts on a move within the same period of care (reg 28(2); T9)', () => {
    const history = caseHistory({
      child,
      periodsOfCare: [{ start: '2025-06-02', end: null, legalStatus: 'V2' }],
      placements: [
        { start: '2025-06-02', end: '2026-01-12', placementType: 'U6', carerId: 'F' },
        { start: '2026-01-12', end: null, placementType: 'K2', carerId: null },
      ],
      visits: [{ date: '2025-12-20' }],
    })
    const item = itemFor(evaluate(history, '2026-01-13'), 'VIS-01')
    expect(item.due).toBe('2026-01-19')
    expect(item.occurrence).toBe(1)
  })
})

function withParent(fields: Partial<CaseHistoryInput>): ReturnType<typeof caseHistory> {
  return caseHistory({ child, reviews: [{ date: '2026-01-28' }], ...fields })
}

describe('VIS-03, VIS-04, VIS-05 weekly regimes (CPPCR 2010 reg 28(3)–(5))', () => {
  test.each([
    [['2026-01-09', '2026-01-16', '2026-01-23'], '2026-01-30', 'weekly until the first review'],
    [['2026-01-09', '2026-01-16', '2026-01-23', '2026-01-30'], '2026-03-13', 'previous visit on 30 January 2026'],
  ])(
    'VIS-03 placed with a parent before assessment: after visits %o the next is due %s (reg 28(3))',
    (visits, due, words) => {
      const history = withParent({
        periodsOfCare: [{ start: '2026-01-05', end: null, legalStatus: 'C2' }],
        placements: [
          { start: '2026-01-05', end: null, placementType: 'P1', carerId: 'M', isWithParentBeforeAssessment: true },
        ],
        visits: visits.map(date => ({ date })),
      })
      const item = itemFor(evaluate(history, '2026-02-02'), 'VIS-03')
      expect(item.due).toBe(due)
      expect(item.explanation).toContain(words)
      expect(itemsFor(evaluate(history, '2026-02-02'), 'VIS-01')).toHaveLength(0)
    },
  )

  test('VIS-04 temporarily approved connected person: weekly until the first review, then 4-weekly; a late visit is counted (reg 28(4))', () => {
    const history = withParent({
      periodsOfCare: [{ start: '2026-01-05', end: null, legalStatus: 'C1' }],
      placements: [
        {
          start: '2026-01-05',
          end: null,
          placementType: 'U3',
          carerId: 'A',
          connectedPersonApproval: { temporaryApprovalOn: '2026-01-05' },
        },
      ],
      visits: [{ date: '2026-01-09' }, { date: '2026-01-30' }],
    })
    const item = itemFor(evaluate(history, '2026-02-02'), 'VIS-04')
    expect(item.due).toBe('2026-02-27')
    expect(item.pastOccurrences).toEqual({
      count: 2,
      late: 1,
      lastLate: { due: '2026-01-16', metOn: '2026-01-30', daysLate: 14 },
    })
  })

  test('VIS-04 interim care order, child living with a parent (reg 28(4))', () => {
    const history = withParent({
      periodsOfCare: [{ start: '2026-01-05', end: null, legalStatus: 'C1' }],
      placements: [{ start: '2026-01-05', end: null, placementType: 'P1', carerId: 'M' }],
    })
    expect(itemFor(evaluate(history, '2026-01-06'), 'VIS-04').due).toBe('2026-01-12')
  })

  test('VIS-05 care order made while living with a parent: within a week of the order (reg 28(5))', () => {
    const history = withParent({
      periodsOfCare: [
        {
          start: '2025-09-01',
          end: null,
          legalStatus: 'C1',
          legalStatusChanges: [{ on: '2026-01-12', legalStatus: 'C2' }],
        },
      ],
      placements: [{ start: '2025-12-01', end: null, placementType: 'P1', carerId: 'M' }],
    })
    const item = itemFor(evaluate(history, '2026-01-13'), 'VIS-05')
    expect(item.due).toBe('2026-01-19')
    expect(item.trigger).toEqual({ event: 'care order made', on: '2026-01-12' })
  })

  test('VIS-* are not reported for a child placed for adoption: ADO-03 applies (AAR reg 36(4))', () => {
    const history = caseHistory({
      child: { dateOfBirth: '2023-05-05' },
      periodsOfCare: [{ start: '2024-01-08', end: null, legalStatus: 'E1' }],
      placements: [{ start: '2025-09-01', end: null, placementType: 'A6', carerId: 'AD' }],
      adoption: { placementOrderOn: '2025-03-10', placedForAdoptionOn: '2025-09-01' },
    })
    const evaluation = evaluate(history, '2025-09-02')
    expect(evaluation.items.filter(i => i.rule.startsWith('VIS'))).toHaveLength(0)
    expect(itemFor(evaluation, 'ADO-03').due).toBe('2025-09-08')
  })
})
