import { describe, expect, test } from 'vitest'
import { caseHistory, evaluate, itemFor } from '../test-support.ts'

describe('CP-01 care plan and CP-03 placement plan (CPPCR 2010 regs 4(2), 9(1)–(3); rules.md T2)', () => {
  const history = caseHistory({
    child: { dateOfBirth: '2015-03-03' },
    periodsOfCare: [{ start: '2026-04-02', end: null, legalStatus: 'V2' }],
    placements: [{ start: '2026-04-02', end: null, placementType: 'U6', carerId: 'F', placementPlanOn: '2026-04-14' }],
    carePlans: [{ date: '2026-04-01' }],
  })
  const evaluation = evaluate(history, '2026-04-20')

  test('CP-01 +10 working days from Thursday 2 April 2026 is Monday 20 April (Easter excluded; reg 4(2); T2)', () => {
    const item = itemFor(evaluation, 'CP-01')
    expect(item.due).toBe('2026-04-20')
    expect(item.status).toBe('met')
    expect(item.explanation).toContain('3 and 6 April are not working days')
  })

  test('CP-03 +5 working days from Thursday 2 April 2026 is Monday 13 April; agreed 14 April is a day late (reg 9; T2)', () => {
    const item = itemFor(evaluation, 'CP-03')
    expect(item.due).toBe('2026-04-13')
    expect(item.status).toBe('met-late')
    expect(item.daysLate).toBe(1)
  })

  test('CP-01 a care plan from an earlier period of care does not count for a new one (reg 4; T9)', () => {
    const again = caseHistory({
      child: { dateOfBirth: '2015-03-03' },
      periodsOfCare: [
        { start: '2025-01-06', end: '2025-03-03', legalStatus: 'V2' },
        { start: '2026-04-02', end: null, legalStatus: 'V2' },
      ],
      placements: [{ start: '2026-04-02', end: null, placementType: 'U6', carerId: 'F' }],
      carePlans: [{ date: '2025-01-10' }],
    })
    const item = itemFor(evaluate(again, '2026-04-21'), 'CP-01')
    expect(item.status).toBe('overdue')
    expect(item.metOn).toBeNull()
  })
})
