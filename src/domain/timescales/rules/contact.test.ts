import { describe, expect, test } from 'vitest'
import { caseHistory, evaluate, itemFor } from '../test-support.ts'

function suspended(
  legalStatus: 'C1' | 'C2' | 'V2',
  suspension: { start: string; end: string | null; courtOrderOn?: string | null },
): ReturnType<typeof caseHistory> {
  return caseHistory({
    child: { dateOfBirth: '2015-03-03' },
    periodsOfCare: [{ start: '2025-12-19', end: null, legalStatus }],
    placements: [{ start: '2025-12-19', end: null, placementType: 'U6', carerId: 'F' }],
    contactSuspensions: [suspension],
  })
}

describe('KIT-01 urgent refusal of contact lasts at most 7 days without a court order (CA89 s.34(6); rules.md T18, D16)', () => {
  test.each([
    ['C2', { start: '2026-01-20', end: '2026-01-25' }, 'met', 'contact resumed on 25 January 2026'],
    ['C2', { start: '2026-01-20', end: '2026-01-27' }, 'met', 'contact resumed on 27 January 2026'],
    ['C2', { start: '2026-01-20', end: '2026-01-29' }, 'met-late', '2 days late'],
    ['C1', { start: '2026-01-20', end: null }, 'overdue', 'overdue by 5 days'],
    [
      'C2',
      { start: '2026-01-20', end: null, courtOrderOn: '2026-01-26' },
      'met',
      's.34(4) order was made on 26 January 2026',
    ],
  ] as const)(
    'KIT-01 child under %s, suspension %o: due 27 January 2026, %s (s.34(6))',
    (status, suspension, expected, words) => {
      const item = itemFor(evaluate(suspended(status, suspension), '2026-02-01'), 'KIT-01')
      expect(item.due).toBe('2026-01-27')
      expect(item.status).toBe(expected)
      expect(item.explanation).toContain(words)
    },
  )

  test('KIT-01 a child accommodated under s.20 gets the flagged s.20 path, not a 7-day deadline (T18, D16)', () => {
    const item = itemFor(evaluate(suspended('V2', { start: '2026-01-20', end: null }), '2026-02-01'), 'KIT-01')
    expect(item.status).toBe('not-applicable')
    expect(item.due).toBeNull()
    expect(item.explanation).toContain('accommodated under s.20 has no s.34 regime')
    expect(item.trigger).toEqual({ event: 'contact suspended', on: '2026-01-20' })
  })

  test('KIT-01 scope follows the legal status on the day contact was suspended (T18)', () => {
    const history = caseHistory({
      child: { dateOfBirth: '2015-03-03' },
      periodsOfCare: [
        {
          start: '2025-12-19',
          end: null,
          legalStatus: 'V2',
          legalStatusChanges: [{ on: '2026-01-15', legalStatus: 'C1' }],
        },
      ],
      placements: [{ start: '2025-12-19', end: null, placementType: 'U6', carerId: 'F' }],
      contactSuspensions: [{ start: '2026-01-20', end: null }],
    })
    expect(itemFor(evaluate(history, '2026-02-01'), 'KIT-01').status).toBe('overdue')
  })

  test('KIT-01 Dorset adds its local actions: update the QARO, consult Legal ([DOR] Keeping in Touch)', () => {
    const item = itemFor(
      evaluate(suspended('C2', { start: '2026-01-20', end: null }), '2026-02-01', 'dorset'),
      'KIT-01',
    )
    expect(item.actions).toHaveLength(2)
    expect(item.actions[0]).toContain('QARO')
    expect(
      itemFor(evaluate(suspended('C2', { start: '2026-01-20', end: null }), '2026-02-01'), 'KIT-01').actions,
    ).toEqual([])
  })
})
