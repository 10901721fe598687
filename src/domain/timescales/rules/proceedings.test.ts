import { describe, expect, test } from 'vitest'
import type { CaseHistoryInput } from '../case-history.ts'
import { caseHistory, evaluate, itemFor } from '../test-support.ts'

function inProceedings(proceedings: CaseHistoryInput['proceedings']): ReturnType<typeof caseHistory> {
  return caseHistory({
    child: { dateOfBirth: '2019-03-03' },
    periodsOfCare: [{ start: '2025-01-06', end: null, legalStatus: 'C1' }],
    placements: [{ start: '2025-01-06', end: null, placementType: 'U6', carerId: 'F' }],
    proceedings,
  })
}

describe('PRC-01 26 weeks beginning with the day of issue (CA89 s.32(1)(a)(ii); rules.md T4)', () => {
  test('PRC-01 issue Monday 6 January 2025 → last day Sunday 6 July 2025, flagged, not moved (T4, T23)', () => {
    const item = itemFor(
      evaluate(
        inProceedings([{ issuedOn: '2025-01-06', extensions: [], finalCarePlanFilingOn: null, concludedOn: null }]),
        '2025-07-07',
      ),
      'PRC-01',
    )
    expect(item.due).toBe('2025-07-06')
    expect(item.status).toBe('overdue')
    expect(item.daysLate).toBe(1)
    expect(item.lastWorkingDayBefore).toBe('2025-07-04')
    expect(item.explanation).toContain('26 weeks beginning with the day the application was issued (6 January 2025)')
  })

  test.each([
    ['2025-06-30', 'met'],
    ['2025-07-10', 'met-late'],
  ])('PRC-01 proceedings concluded on %s are %s (s.32(1))', (concludedOn, status) => {
    const history = inProceedings([
      { issuedOn: '2025-01-06', extensions: [], finalCarePlanFilingOn: null, concludedOn },
    ])
    expect(itemFor(evaluate(history, '2025-08-01'), 'PRC-01').status).toBe(status)
  })

  test.each([
    ['2014-04-21', 'not-applicable', null],
    ['2014-04-22', 'upcoming', '2014-10-20'],
  ])(
    'PRC-01 applies to applications issued from 22 April 2014: issued %s → %s (CFA14 s.14; rules.md T19)',
    (issuedOn, status, due) => {
      const history = caseHistory({
        child: { dateOfBirth: '2010-03-03' },
        periodsOfCare: [{ start: issuedOn, end: null, legalStatus: 'C1' }],
        placements: [{ start: issuedOn, end: null, placementType: 'U6', carerId: 'F' }],
        proceedings: [{ issuedOn, extensions: [], finalCarePlanFilingOn: null, concludedOn: null }],
      })
      const item = itemFor(evaluate(history, '2014-05-01'), 'PRC-01')
      expect(item.status).toBe(status)
      expect(item.due).toBe(due)
    },
  )
})

describe('PRC-02 extensions of up to 8 weeks (CA89 s.32(5)–(8); rules.md T4, T5)', () => {
  test.each([
    [[{ grantedOn: '2025-07-01', weeks: 8 }], '2025-08-31', ''],
    [
      [
        { grantedOn: '2025-07-01', weeks: 8 },
        { grantedOn: '2025-08-20', weeks: 4 },
      ],
      '2025-09-28',
      '',
    ],
    [[{ grantedOn: '2025-07-01', weeks: 10 }], '2025-08-31', 'exceeds the 8-week limit'],
    [[{ grantedOn: '2025-07-20', weeks: 8 }], '2025-09-14', 'came after the period had ended on 6 July 2025'],
  ])('PRC-02 extensions %o end on %s (s.32(5), (8))', (extensions, due, note) => {
    const history = inProceedings([
      { issuedOn: '2025-01-06', extensions, finalCarePlanFilingOn: null, concludedOn: null },
    ])
    const evaluation = evaluate(history, '2025-09-01')
    const item = itemFor(evaluation, 'PRC-02')
    expect(item.due).toBe(due)
    if (note !== '') {
      expect(item.explanation).toContain(note)
    }
    // T4: the original week-26 date stays on record.
    expect(itemFor(evaluation, 'PRC-01').due).toBe('2025-07-06')
    expect(itemFor(evaluation, 'PRC-01').explanation).toContain('the 26-week date stays on record')
  })

  test('PRC-02 is not applicable without an extension, and both are not applicable without proceedings', () => {
    const none = inProceedings([
      { issuedOn: '2025-01-06', extensions: [], finalCarePlanFilingOn: null, concludedOn: null },
    ])
    expect(itemFor(evaluate(none, '2025-02-01'), 'PRC-02').status).toBe('not-applicable')
    const evaluation = evaluate(inProceedings([]), '2025-02-01')
    expect(itemFor(evaluation, 'PRC-01').status).toBe('not-applicable')
    expect(itemFor(evaluation, 'PRC-02').status).toBe('not-applicable')
  })
})
