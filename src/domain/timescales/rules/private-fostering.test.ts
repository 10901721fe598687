import { describe, expect, test } from 'vitest'
import { caseHistory, evaluate, itemFor, itemsFor, resultFor } from '../test-support.ts'

function privatelyFostered(
  relationship: 'family-friend' | 'aunt',
  visits: string[],
  intendedDays?: number,
): ReturnType<typeof caseHistory> {
  return caseHistory({
    child: { dateOfBirth: '2015-03-03' },
    people: [{ id: 'PF', relationship, isLocalAuthorityFosterParent: false, holdsParentalResponsibility: false }],
    livingHistory: [{ personId: 'PF', from: '2025-01-01', to: null }],
    privateFostering: [
      {
        carerId: 'PF',
        arrangementStartedOn: '2025-01-01',
        notifiedOn: '2025-03-03',
        visits: visits.map(date => ({ date })),
        ...(intendedDays === undefined ? {} : { intendedDays }),
      },
    ],
  })
}

describe('PF-03 first visit within 7 working days of notification (PFR 2005 regs 4, 7)', () => {
  test.each([
    [[], 'overdue'],
    [['2025-03-10'], 'met'],
    [['2025-03-13'], 'met-late'],
  ])('PF-03 notified Monday 3 March 2025 → due 12 March 2025; visits %o → %s', (visits, status) => {
    const item = itemFor(evaluate(privatelyFostered('family-friend', visits), '2025-03-14'), 'PF-03')
    expect(item.due).toBe('2025-03-12')
    expect(item.status).toBe(status)
  })
})

describe('PF-04 visits 6-weekly in the first year from when the authority became aware, then 12-weekly (PFR reg 8; rules.md T17)', () => {
  test('PF-04 first year counts from notification on 3 March 2025, not the start on 1 January (T17)', () => {
    const item = itemFor(evaluate(privatelyFostered('family-friend', ['2025-03-10']), '2025-03-14'), 'PF-04')
    expect(item.due).toBe('2025-04-21')
    expect(item.explanation).toContain('counted from when the authority became aware on 3 March 2025')
  })

  test('PF-04 after the first year the interval is 12 weeks; a late visit is counted (reg 8(2))', () => {
    const visits = [
      '2025-03-10',
      '2025-04-15',
      '2025-05-20',
      '2025-06-25',
      '2025-08-01',
      '2025-09-05',
      '2025-10-10',
      '2025-11-14',
      '2025-12-19',
      '2026-01-23',
      '2026-03-10',
    ]
    const item = itemFor(evaluate(privatelyFostered('family-friend', visits), '2026-03-11'), 'PF-04')
    expect(item.due).toBe('2026-06-02')
    expect(item.pastOccurrences?.late).toBe(1)
  })

  test('PF-03 and PF-04 do not apply where the carer is a relative (CA89 s.66, s.105; rules.md D15)', () => {
    const evaluation = evaluate(privatelyFostered('aunt', []), '2025-03-14')
    expect(itemFor(evaluation, 'PF-03').status).toBe('not-applicable')
    expect(itemsFor(evaluation, 'PF-04')[0]?.explanation).toContain('relative')
  })
})

describe('E-PF private fostering (CA89 s.66; rules.md §4)', () => {
  test.each([
    [undefined, '2025-01-29'],
    [90, '2025-01-01'],
  ])('E-PF with intended days %s: privately fostered from %s', (intendedDays, from) => {
    const result = resultFor(evaluate(privatelyFostered('family-friend', [], intendedDays), '2025-03-14'), 'E-PF', 'PF')
    expect(result.status).toBe('eligible-now')
    expect(result.from).toBe(from)
  })

  test('E-PF flags an unrecorded arrangement with a non-relative while the child was not looked after', () => {
    const history = caseHistory({
      child: { dateOfBirth: '2015-03-03' },
      people: [
        {
          id: 'N',
          relationship: 'family-friend',
          isLocalAuthorityFosterParent: false,
          holdsParentalResponsibility: false,
        },
      ],
      livingHistory: [{ personId: 'N', from: '2025-10-01', to: null }],
    })
    expect(resultFor(evaluate(history, '2026-01-01'), 'E-PF', 'N').status).toBe('eligible-now')
  })
})
