import { describe, expect, test } from 'vitest'
import type { CaseHistoryInput } from '../case-history.ts'
import { caseHistory, evaluate, itemFor, resultFor } from '../test-support.ts'

function lookedAfter(
  dateOfBirth: string,
  periodsOfCare: CaseHistoryInput['periodsOfCare'],
): ReturnType<typeof caseHistory> {
  return caseHistory({
    child: { dateOfBirth },
    periodsOfCare,
    placements: periodsOfCare.map(p => ({ start: p.start, end: p.end, placementType: 'U4', carerId: 'F' })),
  })
}

describe('CL-01 needs assessment within 3 months of the 16th birthday or of becoming eligible (CPPCR 2010 reg 42(1))', () => {
  test.each([
    ['2009-11-30', '2024-01-01', '2026-02-28', true, 'T8 30 November birthday → 28 February, a Saturday'],
    [
      '2010-05-31',
      '2025-01-06',
      '2026-08-31',
      true,
      'T8 31 May birthday → 31 August 2026, the summer bank holiday: no roll forward',
    ],
    ['2008-02-29', '2023-06-01', '2024-05-29', false, 'T7 16th birthday on 29 February 2024 exists'],
  ])('CL-01 born %s, looked after from %s → due %s (non-working %s) — %s', (dateOfBirth, start, due, nonWorking) => {
    const item = itemFor(evaluate(lookedAfter(dateOfBirth, [{ start, end: null, legalStatus: 'C2' }]), start), 'CL-01')
    expect(item.due).toBe(due)
    expect(item.dueFallsOnNonWorkingDay).toBe(nonWorking)
  })

  test.each([
    [true, '2026-04-07', '2026-07-07'],
    [false, '2026-05-22', '2026-08-22'],
  ])(
    'CL-01 nights accumulate across periods of care since the 14th birthday: with the 2024 episode %s → eligible %s, due %s (T9)',
    (withEpisodeA, eligibleFrom, due) => {
      const periods: CaseHistoryInput['periodsOfCare'] = [
        ...(withEpisodeA ? [{ start: '2024-05-01', end: '2024-06-15', legalStatus: 'V2' as const }] : []),
        { start: '2026-02-20', end: null, legalStatus: 'V2' },
      ]
      const evaluation = evaluate(lookedAfter('2010-03-10', periods), '2026-03-01')
      const item = itemFor(evaluation, 'CL-01')
      expect(item.due).toBe(due)
      expect(item.trigger).toEqual({ event: 'became an eligible child', on: eligibleFrom })
      expect(item.explanation).toContain('if the child is still looked after then')
      expect(resultFor(evaluation, 'E-ELIG', null).from).toBe(eligibleFrom)
    },
  )

  test('CL-01 leaving care the day before the 16th birthday means never eligible (T9)', () => {
    const evaluation = evaluate(
      lookedAfter('2010-03-10', [{ start: '2025-06-01', end: '2026-03-10', legalStatus: 'C2' }]),
      '2026-04-01',
    )
    expect(itemFor(evaluation, 'CL-01').status).toBe('not-applicable')
    expect(resultFor(evaluation, 'E-ELIG', null).status).toBe('not-eligible')
  })

  test('CL-01 is met by a needs assessment on or after the 16th birthday (reg 42(1))', () => {
    const history = caseHistory({
      ...structuredClone(lookedAfter('2009-11-30', [{ start: '2024-01-01', end: null, legalStatus: 'C2' }])),
      careLeaverNeedsAssessments: [{ completedOn: '2026-01-20' }],
    })
    expect(itemFor(evaluate(history, '2026-02-01'), 'CL-01').status).toBe('met')
  })
})
