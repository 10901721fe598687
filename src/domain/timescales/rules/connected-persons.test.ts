import { describe, expect, test } from 'vitest'
import { caseHistory, evaluate, itemFor } from '../test-support.ts'

function connected(approval: {
  temporaryApprovalOn: string
  extensions?: { grantedOn: string; weeks: number }[]
  fullApprovalOn?: string | null
  untilReviewOutcome?: boolean
}): ReturnType<typeof caseHistory> {
  return caseHistory({
    child: { dateOfBirth: '2015-03-03' },
    periodsOfCare: [{ start: '2025-09-01', end: null, legalStatus: 'C1' }],
    placements: [
      { start: '2025-09-01', end: null, placementType: 'U3', carerId: 'A', connectedPersonApproval: approval },
    ],
    people: [{ id: 'A', relationship: 'aunt', isLocalAuthorityFosterParent: true, holdsParentalResponsibility: false }],
  })
}

describe('CON-01 temporary approval lasts 16 weeks (CPPCR 2010 reg 24) and CON-02 one extension of up to 8 weeks (reg 25)', () => {
  test('CON-01 approval from 1 September 2025 expires after 22 December 2025; CON-02 not applicable without an extension', () => {
    const evaluation = evaluate(connected({ temporaryApprovalOn: '2025-09-01' }), '2025-12-01')
    expect(itemFor(evaluation, 'CON-01').due).toBe('2025-12-22')
    expect(itemFor(evaluation, 'CON-01').status).toBe('upcoming')
    const con02 = itemFor(evaluation, 'CON-02')
    expect(con02.status).toBe('not-applicable')
    expect(con02.explanation).toContain("nominated officer's approval before 22 December 2025")
  })

  test.each([
    [[{ grantedOn: '2025-12-15', weeks: 8 }], null, '2026-02-16', 'overdue', ''],
    [[{ grantedOn: '2025-12-15', weeks: 8 }], '2026-01-10', '2026-02-16', 'met', ''],
    [[{ grantedOn: '2025-12-15', weeks: 12 }], null, '2026-02-16', 'overdue', 'exceeds the 8-week limit'],
    [
      [
        { grantedOn: '2025-12-15', weeks: 4 },
        { grantedOn: '2026-01-15', weeks: 4 },
      ],
      null,
      '2026-01-19',
      'overdue',
      'allows one extension only',
    ],
  ])('CON-02 extensions %o, approved %s → due %s, %s (reg 25)', (extensions, fullApprovalOn, due, status, note) => {
    const item = itemFor(
      evaluate(connected({ temporaryApprovalOn: '2025-09-01', extensions, fullApprovalOn }), '2026-03-01'),
      'CON-02',
    )
    expect(item.due).toBe(due)
    expect(item.status).toBe(status)
    if (note !== '') {
      expect(item.explanation).toContain(note)
    }
  })

  test('CON-02 extended to the outcome of an independent review has no fixed date (reg 25)', () => {
    const item = itemFor(
      evaluate(connected({ temporaryApprovalOn: '2025-09-01', untilReviewOutcome: true }), '2026-03-01'),
      'CON-02',
    )
    expect(item.due).toBeNull()
    expect(item.explanation).toContain('outcome of an independent review')
  })
})
