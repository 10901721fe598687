import { describe, expect, test } from 'vitest'
import type { CaseHistoryInput } from '../case-history.ts'
import { caseHistory, evaluate, itemFor } from '../test-support.ts'

function lookedAfter(
  start: string,
  reviews: CaseHistoryInput['reviews'],
  extra: Partial<CaseHistoryInput> = {},
): ReturnType<typeof caseHistory> {
  return caseHistory({
    child: { dateOfBirth: '2015-03-03' },
    periodsOfCare: [{ start, end: null, legalStatus: 'C2' }],
    placements: [{ start, end: null, placementType: 'U6', carerId: 'F' }],
    reviews,
    ...extra,
  })
}

describe('REV-01 first review within 20 working days (CPPCR 2010 reg 33(1))', () => {
  test.each([
    ['2025-12-19', '2026-01-21', '25 and 26 December and 1 January are not working days', 'T1 Christmas'],
    ['2026-04-02', '2026-05-05', '3 and 6 April and 4 May are not working days', 'T1 Easter and early May'],
    [
      '2011-04-01',
      '2011-05-05',
      '22, 25 and 29 April and 2 May are not working days',
      'Easter, royal wedding and early May 2011',
    ],
    ['2025-06-02', '2025-06-30', '', 'no bank holidays'],
  ])(
    'REV-01 looked after from %s is due %s, naming the bank holidays skipped — %s (CPPCR reg 33(1); rules.md T1)',
    (start, due, holidays) => {
      const item = itemFor(evaluate(lookedAfter(start, []), start), 'REV-01')
      expect(item.due).toBe(due)
      expect(item.source).toBe('CPPCR 2010 reg 33(1)')
      if (holidays === '') {
        expect(item.explanation).not.toContain('not working day')
      } else {
        expect(item.explanation).toContain(holidays)
      }
    },
  )

  test.each([
    ['2026-01-15', 'met', null],
    ['2026-01-21', 'met', null],
    ['2026-01-22', 'met-late', 1],
  ])('REV-01 review held on %s is %s (late by %s) (CPPCR reg 33(1))', (held, status, daysLate) => {
    const item = itemFor(evaluate(lookedAfter('2025-12-19', [{ date: held }]), '2026-02-01'), 'REV-01')
    expect(item.status).toBe(status)
    expect(item.metOn).toBe(held)
    expect(item.daysLate).toBe(daysLate)
  })

  test.each([
    ['2026-01-01', 'upcoming'],
    ['2026-01-08', 'due-soon'],
    ['2026-01-21', 'due-soon'],
    ['2026-01-22', 'overdue'],
  ])('REV-01 with no review, as at %s, is %s (10-working-day due-soon window; CPPCR reg 33(1))', (asOf, status) => {
    expect(itemFor(evaluate(lookedAfter('2025-12-19', []), asOf), 'REV-01').status).toBe(status)
  })

  test.each([
    ['2011-03-28', 'not-applicable'],
    ['2011-04-01', 'upcoming'],
  ])(
    'REV-01 is evaluated as at the trigger date: looked after from %s → %s (CPPCR in force 1 April 2011; rules.md T19)',
    (start, status) => {
      expect(itemFor(evaluate(lookedAfter(start, []), '2011-04-01'), 'REV-01').status).toBe(status)
    },
  )
})

describe('REV-02 and REV-03 month intervals from the review actually held (CPPCR 2010 reg 33(2); rules.md T3, T23)', () => {
  test.each([
    ['2025-11-03', '2025-11-30', '2026-02-28', true, '2026-02-27'],
    ['2027-11-01', '2027-11-30', '2028-02-29', false, null],
    ['2024-02-05', '2024-02-29', '2024-05-29', false, null],
  ])(
    'REV-02 looked after %s, first review %s → second review by %s; non-working day %s (last working day before %s) — no roll forward (T3, T23)',
    (start, first, due, nonWorking, lastWorkingDay) => {
      const item = itemFor(evaluate(lookedAfter(start, [{ date: first }]), first), 'REV-02')
      expect(item.due).toBe(due)
      expect(item.dueFallsOnNonWorkingDay).toBe(nonWorking)
      expect(item.lastWorkingDayBefore).toBe(lastWorkingDay)
    },
  )

  test.each([
    ['2025-08-31', '2026-02-28'],
    ['2027-08-31', '2028-02-29'],
  ])('REV-03 second review %s → third by %s (CPPCR reg 33(2)(b); T3)', (second, due) => {
    const start = `${second.slice(0, 4)}-05-03`
    const history = lookedAfter(start, [{ date: `${second.slice(0, 4)}-05-28` }, { date: second }])
    const item = itemFor(evaluate(history, second), 'REV-03')
    expect(item.due).toBe(due)
    expect(item.occurrence).toBe(3)
  })

  test('REV-03 chains from each review actually held and summarises late ones (CPPCR reg 33(2)(b); T3)', () => {
    const history = lookedAfter('2024-01-08', [
      { date: '2024-02-01' },
      { date: '2024-05-01' },
      { date: '2024-11-15' }, // due by 1 November: 14 days late
      { date: '2025-05-10' },
    ])
    const item = itemFor(evaluate(history, '2025-06-01'), 'REV-03')
    expect(item.due).toBe('2025-11-10')
    expect(item.occurrence).toBe(5)
    expect(item.pastOccurrences).toEqual({
      count: 2,
      late: 1,
      lastLate: { due: '2024-11-01', metOn: '2024-11-15', daysLate: 14 },
    })
    expect(item.explanation).toContain('1 of 2 earlier reviews was late')
  })
})

describe('REV-04 review brought forward becomes the anchor (CPPCR 2010 reg 33(3); rules.md T10)', () => {
  // Looked after Monday 5 January 2026: working day 10 is Monday 19 January, working day 20 Monday 2 February.
  const history = lookedAfter(
    '2026-01-05',
    [{ date: '2026-01-19', broughtForward: true, broughtForwardReason: 'iro-request' }],
    {
      child: { dateOfBirth: '2015-03-03' },
    },
  )
  const evaluation = evaluate(history, '2026-01-20')

  test('REV-04 the review on working day 10 is the first review, met, and says so (reg 33(3))', () => {
    const item = itemFor(evaluation, 'REV-04')
    expect(item.status).toBe('met')
    expect(item.explanation).toContain('brought forward to 19 January 2026 (it was due by 2 February 2026)')
    expect(itemFor(evaluation, 'REV-01').explanation).toContain('brought forward under reg 33(3)')
  })

  test('REV-02 runs 3 months from the brought-forward review: 19 April 2026, not 2 May (reg 33(2)(a); T10)', () => {
    expect(itemFor(evaluation, 'REV-02').due).toBe('2026-04-19')
  })

  test('REV-04 is not applicable when no review was brought forward (reg 33(3))', () => {
    expect(itemFor(evaluate(lookedAfter('2026-01-05', [{ date: '2026-01-20' }]), '2026-01-21'), 'REV-04').status).toBe(
      'not-applicable',
    )
  })
})

describe('Periods of care and regime changes (rules.md T9, T11, T12)', () => {
  test('REV-01 restarts with a new period of care: 20 working days from 2 June 2025, earlier reviews ignored (T9)', () => {
    const history = caseHistory({
      child: { dateOfBirth: '2015-03-03' },
      periodsOfCare: [
        { start: '2025-01-06', end: '2025-03-01', legalStatus: 'V2' },
        { start: '2025-06-02', end: null, legalStatus: 'V2' },
      ],
      placements: [
        { start: '2025-01-06', end: '2025-03-01', placementType: 'U6', carerId: 'F' },
        { start: '2025-06-02', end: null, placementType: 'U6', carerId: 'F' },
      ],
      reviews: [{ date: '2025-01-30' }],
    })
    const item = itemFor(evaluate(history, '2025-06-10'), 'REV-01')
    expect(item.due).toBe('2025-06-30')
    expect(item.status).toBe('upcoming')
  })

  test('REV-02 is not applicable once the agency has authority to place for adoption: AAR reg 36 applies (T11)', () => {
    const history = lookedAfter('2025-01-06', [{ date: '2025-02-01' }], {
      adoption: { placementOrderOn: '2025-03-10' },
    })
    const evaluation = evaluate(history, '2025-04-01')
    expect(itemFor(evaluation, 'REV-02').status).toBe('not-applicable')
    expect(itemFor(evaluation, 'REV-02').explanation).toContain('AAR 2005 reg 36')
    expect(itemFor(evaluation, 'ADO-01').due).toBe('2025-06-10')
  })

  test('REV-03 ends at 18: looked-after reviews stop, pathway plan reviews continue (T12)', () => {
    const history = caseHistory({
      child: { dateOfBirth: '2008-03-10' },
      periodsOfCare: [{ start: '2023-01-09', end: null, legalStatus: 'C2' }],
      placements: [{ start: '2023-01-09', end: null, placementType: 'U4', carerId: 'F' }],
      reviews: ['2023-02-01', '2023-05-01', '2023-11-01', '2024-05-01', '2024-11-01', '2025-05-01', '2025-11-01'].map(
        date => ({ date }),
      ),
    })
    const item = itemFor(evaluate(history, '2026-03-01'), 'REV-03')
    expect(item.status).toBe('met')
    expect(item.explanation).toContain('turns 18 on 10 March 2026')
  })
})

describe('REV-05 Staying Put at the first review after the 16th birthday (Staying Put guidance; [TAM] §8.8)', () => {
  const history = caseHistory({
    child: { dateOfBirth: '2010-03-10' },
    periodsOfCare: [{ start: '2025-06-02', end: null, legalStatus: 'C2' }],
    placements: [{ start: '2025-06-02', end: null, placementType: 'U4', carerId: 'F' }],
    reviews: [{ date: '2025-06-25' }, { date: '2025-09-20' }, { date: '2026-01-15' }],
  })

  test.each([
    ['national', '2026-07-15', 'upcoming'],
    ['tameside', '2026-03-09', 'overdue'],
  ] as const)('REV-05 with the %s pack is due %s and %s (Tameside: ideally before 16)', (pack, due, status) => {
    const item = itemFor(evaluate(history, '2026-03-20', pack), 'REV-05')
    expect(item.due).toBe(due)
    expect(item.status).toBe(status)
  })

  test('REV-05 is met by an earlier Staying Put discussion ("if not already done")', () => {
    const discussed = caseHistory({ ...structuredClone(history), stayingPutDiscussions: [{ date: '2026-02-01' }] })
    expect(itemFor(evaluate(discussed, '2026-03-20'), 'REV-05').status).toBe('met')
  })
})
