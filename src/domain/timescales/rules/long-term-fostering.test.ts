import { expect, test } from 'vitest'
import { caseHistory, evaluate, itemFor } from '../test-support.ts'

const history = (discussedOn: string | null): ReturnType<typeof caseHistory> =>
  caseHistory({
    child: { dateOfBirth: '2015-03-03' },
    periodsOfCare: [{ start: '2024-01-08', end: null, legalStatus: 'C2' }],
    placements: [{ start: '2024-01-08', end: null, placementType: 'U4', carerId: 'F', intendedUntil18: true }],
    longTermFostering: { matchedOn: '2025-06-10', carerId: 'F' },
    stayingPutDiscussions: discussedOn === null ? [] : [{ date: discussedOn }],
  })

test.each([
  ['tameside', '2025-06-10', 'met'],
  ['tameside', '2025-07-01', 'met-late'],
  ['tameside', null, 'overdue'],
  ['national', null, 'not-applicable'],
] as const)(
  'LTF-03 %s: Staying Put discussed on %s at the long-term match → %s ([TAM] §8.8)',
  (pack, discussedOn, status) => {
    const item = itemFor(evaluate(history(discussedOn), '2025-08-01', pack), 'LTF-03')
    expect(item.status).toBe(status)
  },
)
