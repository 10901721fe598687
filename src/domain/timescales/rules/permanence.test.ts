import { describe, expect, test } from 'vitest'
import type { CaseHistoryInput } from '../case-history.ts'
import {
  parsePolicyPack,
  builtInPolicyPackJson,
  requiresPermanencePanel,
  loadBuiltInPolicyPack,
} from '../policy-packs.ts'
import { ISSUE_EXAMPLE, caseHistory, evaluate, itemFor, itemsFor } from '../test-support.ts'

const example = caseHistory(ISSUE_EXAMPLE)

function withPlan(plan: Partial<CaseHistoryInput['permanencePlans'][number]>): ReturnType<typeof caseHistory> {
  const input = structuredClone(ISSUE_EXAMPLE)
  input.permanencePlans = [{ ...input.permanencePlans[0]!, ...plan }]
  return caseHistory(input)
}

describe('PP-01 permanence plan by the second review (Vol 2 statutory guidance; [DEV] [DOR] [TAM]; rules.md §3, D4)', () => {
  test.each([
    ['2026-01-10', 'before the plan was due'],
    ['2026-05-01', 'no permanence plan had been recorded by 15 April 2026'],
  ] as const)(
    'PP-01 is not counted as overdue once the child stops being looked after (left %s) (Vol 2 statutory guidance)',
    (end, words) => {
      const input = structuredClone(ISSUE_EXAMPLE)
      input.periodsOfCare = [{ ...input.periodsOfCare[0]!, end }]
      input.placements = [{ ...input.placements[0]!, end }]
      input.permanencePlans = []
      input.contactSuspensions = []
      const item = itemFor(evaluate(caseHistory(input), '2026-06-01', 'national'), 'PP-01')
      expect(item.status).toBe('not-applicable')
      expect(item.explanation).toContain(words)
    },
  )

  test.each([
    ['national', '2026-04-15', 'upcoming', 'by the second review, due by 15 April 2026'],
    ['devon', '2026-04-15', 'upcoming', 'ratified at a review'],
    ['dorset', '2026-04-14', 'upcoming', 'before the second review'],
    ['tameside', '2026-04-15', 'met', 'presenting the permanence options being explored is enough'],
  ] as const)('PP-01 issue example with %s: due %s, %s', (pack, due, status, words) => {
    const item = itemFor(evaluate(example, '2026-02-01', pack), 'PP-01')
    expect(item.due).toBe(due)
    expect(item.status).toBe(status)
    expect(item.explanation).toContain(words)
  })

  test.each([
    ['national', 'met'],
    ['devon', 'upcoming'],
    ['dorset', 'met'],
  ] as const)(
    'PP-01 a plan endorsed by the team manager on 10 January 2026 with %s → %s (Devon needs it established at the review)',
    (pack, status) => {
      expect(itemFor(evaluate(withPlan({ endorsedOn: '2026-01-10' }), '2026-02-01', pack), 'PP-01').status).toBe(status)
    },
  )

  test('PP-01 Dorset needs a permanence planning meeting as well as the plan (Golden Rules)', () => {
    const input = structuredClone(ISSUE_EXAMPLE)
    input.permanenceMeetings = []
    input.permanencePlans = [{ ...input.permanencePlans[0]!, endorsedOn: '2026-01-10' }]
    expect(itemFor(evaluate(caseHistory(input), '2026-02-01', 'dorset'), 'PP-01').status).toBe('upcoming')
    expect(itemFor(evaluate(caseHistory(input), '2026-02-01', 'national'), 'PP-01').status).toBe('met')
  })
})

describe('PP-02 first meeting within 20 "days" (Tameside App 4; unit unconfirmed, rules.md T6)', () => {
  test.each([
    ['tameside', '2026-01-08', 'met', false, true],
    ['national', null, 'not-applicable', true, false],
    ['dorset', null, 'not-applicable', true, false],
  ] as const)(
    'PP-02 with %s: due %s, %s, unit confirmed %s, provisional %s',
    (pack, due, status, unitConfirmed, provisional) => {
      const item = itemFor(evaluate(example, '2026-02-01', pack), 'PP-02')
      expect(item.due).toBe(due)
      expect(item.status).toBe(status)
      expect(item.unitConfirmed).toBe(unitConfirmed)
      expect(item.provisional).toBe(provisional)
    },
  )
})

describe('PP-03 plan to the team manager 3 "days" before the meeting (Dorset Golden Rules; rules.md T6)', () => {
  test.each([
    ['2026-01-05', '2026-01-02'],
    ['2026-04-07', '2026-04-04'],
  ])('PP-03 meeting on %s → plan due by %s (read as calendar days, to confirm; ADR 0024)', (meeting, due) => {
    const input = structuredClone(ISSUE_EXAMPLE)
    input.asOf = '2026-04-10'
    input.permanenceMeetings = [{ date: meeting }]
    input.permanencePlans = []
    const item = itemFor(evaluate(caseHistory(input), '2026-04-10', 'dorset'), 'PP-03')
    expect(item.due).toBe(due)
    expect(item.unitConfirmed).toBe(false)
    expect(item.explanation).toContain('a setting your authority must confirm')
  })

  test('PP-03 the issue example: sent 2 January for a meeting on 6 January, due Saturday 3 January → met', () => {
    const item = itemFor(evaluate(example, '2026-02-01', 'dorset'), 'PP-03')
    expect(item.due).toBe('2026-01-03')
    expect(item.status).toBe('met')
    expect(item.dueFallsOnNonWorkingDay).toBe(true)
  })
})

describe('PP-04 recurring permanence planning meetings (Dorset 3-monthly; Tameside between reviews / 6-weekly; Devon none; rules.md D2, T3)', () => {
  test.each([
    ['dorset', '2026-04-06', true, true],
    ['tameside', '2026-02-17', false, true],
    ['national', null, true, false],
    ['devon', null, true, false],
  ] as const)(
    'PP-04 with %s after the meeting on 6 January 2026: due %s (reading confirmed %s)',
    (pack, due, confirmed, applies) => {
      const item = itemFor(evaluate(example, '2026-02-01', pack), 'PP-04')
      expect(item.due).toBe(due)
      expect(item.status === 'not-applicable').toBe(!applies)
      expect(item.provisional).toBe(!confirmed)
    },
  )

  test('PP-04 Devon stops when matched, and says it sets no interval ([DEV] Permanence Panel until matched)', () => {
    expect(itemFor(evaluate(example, '2026-02-01', 'devon'), 'PP-04').explanation).toContain('until matched')
  })

  test.each([
    ['chained', '2026-05-28'],
    ['anchored', '2026-05-30'],
  ] as const)(
    'PP-04 %s 3-monthly from 30 November 2025, meeting on 28 February 2026 → next by %s (T3)',
    (anchoring, due) => {
      const json = builtInPolicyPackJson('dorset') as { versions: { rules: Record<string, Record<string, unknown>> }[] }
      const version = json.versions[0]!
      version.rules['PP-04'] = { ...version.rules['PP-04'], anchoring }
      const pack = parsePolicyPack(json)
      if (!pack.ok) {
        throw new Error('pack should parse')
      }
      const input = structuredClone(ISSUE_EXAMPLE)
      input.periodsOfCare = [{ start: '2025-11-03', end: null, legalStatus: 'C2' }]
      input.permanenceMeetings = [{ date: '2025-11-30' }, { date: '2026-02-28' }]
      expect(itemFor(evaluate(caseHistory(input), '2026-03-01', pack.value), 'PP-04').due).toBe(due)
    },
  )

  test('PP-04 stops when permanence is achieved (Dorset, Tameside)', () => {
    const input = structuredClone(ISSUE_EXAMPLE)
    input.permanenceAchieved = { on: '2026-01-20', route: 'special-guardianship-order' }
    expect(itemFor(evaluate(caseHistory(input), '2026-02-01', 'dorset'), 'PP-04').status).toBe('not-applicable')
  })
})

describe('PP-05 long-term fostering: plan review and meeting every 12 months (Dorset "The Meeting")', () => {
  test.each([
    ['dorset', '2027-02-20'],
    ['national', null],
  ] as const)('PP-05 with %s → next by %s', (pack, due) => {
    const input = structuredClone(ISSUE_EXAMPLE)
    input.periodsOfCare = [{ start: '2023-01-09', end: null, legalStatus: 'C2' }]
    input.permanenceAchieved = { on: '2025-03-01', route: 'long-term-fostering' }
    input.permanenceMeetings = [{ date: '2026-02-20' }]
    expect(itemFor(evaluate(caseHistory(input), '2026-03-01', pack), 'PP-05').due).toBe(due)
  })
})

describe('PP-06 event meetings (Tameside App 4; rules.md T5)', () => {
  test('PP-06 6 weeks before filing on Friday 30 May 2025 is Good Friday 18 April: rolled back to Thursday 17 April (T5)', () => {
    const item = itemsFor(evaluate(example, '2026-02-01', 'tameside'), 'PP-06').find(
      i => i.trigger?.event === 'final care plan filing date',
    )
    expect(item?.due).toBe('2025-04-17')
    expect(item?.explanation).toContain(
      '18 April 2025 is a bank holiday (Good Friday), so it is due on the last working day before, 17 April 2025',
    )
  })

  test.each([
    ['2026-03-02', 'met'],
    ['2026-03-12', 'met-late'],
    [null, 'overdue'],
  ])('PP-06 Legal Gateway on 10 March 2026 (booked 20 February), meeting on %s → %s', (meeting, status) => {
    const input = structuredClone(ISSUE_EXAMPLE)
    input.proceedings = []
    input.policyEvents = [{ kind: 'legal-gateway', date: '2026-03-10', bookedOn: '2026-02-20' }]
    input.permanenceMeetings = meeting === null ? [] : [{ date: meeting }]
    const item = itemFor(evaluate(caseHistory(input), '2026-03-20', 'tameside'), 'PP-06')
    expect(item.due).toBe('2026-03-09')
    expect(item.status).toBe(status)
  })

  test('PP-06 is not applicable in the national pack', () => {
    expect(itemFor(evaluate(example, '2026-02-01'), 'PP-06').status).toBe('not-applicable')
  })
})

describe('PP-07 next meeting booked before the meeting closes (Dorset "The Meeting")', () => {
  test.each([
    [null, 'overdue'],
    ['2026-04-01', 'met'],
  ])('PP-07 next booked %s → %s', (nextBookedOn, status) => {
    const input = structuredClone(ISSUE_EXAMPLE)
    input.permanenceMeetings = [{ date: '2026-01-06', nextBookedOn }]
    expect(itemFor(evaluate(caseHistory(input), '2026-02-01', 'dorset'), 'PP-07').status).toBe(status)
  })
})

describe('PP-08 a change of permanence option is considered at a review first (CPPCR 2010 reg 32(2))', () => {
  const changed = (
    ratifiedAtReviewOn: string | null,
    notReasonablyPracticableToReviewFirst = false,
  ): ReturnType<typeof caseHistory> => {
    const input = structuredClone(ISSUE_EXAMPLE)
    input.permanencePlans = [
      {
        sentToManagerOn: null,
        meetingOn: null,
        endorsedOn: '2026-01-10',
        ratifiedAtReviewOn: null,
        option: 'reunification',
      },
      {
        sentToManagerOn: null,
        meetingOn: null,
        endorsedOn: '2026-03-01',
        ratifiedAtReviewOn,
        option: 'adoption',
        notReasonablyPracticableToReviewFirst,
      },
    ]
    return caseHistory(input)
  }
  test.each([
    [null, false, 'overdue'],
    ['2026-02-20', false, 'met'],
    ['2026-03-05', false, 'met-late'],
    [null, true, 'met'],
  ])(
    'PP-08 reunification → adoption on 1 March 2026, reviewed %s (not practicable %s) → %s',
    (ratified, notPracticable, status) => {
      const item = itemFor(evaluate(changed(ratified, notPracticable), '2026-03-10'), 'PP-08')
      expect(item.due).toBe('2026-03-01')
      expect(item.status).toBe(status)
    },
  )

  test('PP-08 Dorset adds that the change must be ratified in a Child in Care review', () => {
    expect(itemFor(evaluate(changed(null), '2026-03-10', 'dorset'), 'PP-08').actions[0]).toContain(
      'ratified in a Child in Care review',
    )
  })
})

describe('PP-09 Permanence Panel cost threshold: over £2,000 (Devon One Minute Guide)', () => {
  test.each([
    ['devon', 2000, false],
    ['devon', 2000.01, true],
    ['national', 50_000, false],
  ] as const)('PP-09 %s request of £%d → panel %s (strictly greater than)', (pack, cost, required) => {
    const version = loadBuiltInPolicyPack(pack).versions[0]!
    expect(requiresPermanencePanel(cost, version).requiresPanel).toBe(required)
  })
})

describe('PP-10 child and family assessment updated at least every 12 months (Tameside App 4)', () => {
  test.each([
    ['tameside', [{ completedOn: '2025-02-01' }], '2026-02-01', 'due-soon'],
    ['tameside', [], '2026-12-19', 'upcoming'],
    ['national', [{ completedOn: '2025-02-01' }], null, 'not-applicable'],
  ] as const)('PP-10 %s with assessments %o → due %s, %s', (pack, childAndFamilyAssessments, due, status) => {
    const input = structuredClone(ISSUE_EXAMPLE)
    input.childAndFamilyAssessments = [...childAndFamilyAssessments]
    const item = itemFor(evaluate(caseHistory(input), '2026-01-25', pack), 'PP-10')
    expect(item.due).toBe(due)
    expect(item.status).toBe(status)
  })
})
