import { describe, expect, test } from 'vitest'
import type { ReturnFacts } from './return-facts.ts'
import { cohortLabel, DEFAULT_SCORECARD_THRESHOLDS, scoreChild, scoreCohort } from './scorecard.ts'
import { d, testFacts, testPeriod, testPlacement, testSpell } from './test-facts.ts'

interface Adoption {
  readonly laChildId?: string
  readonly enteredCare: string
  readonly fosterFrom?: string
  readonly orderOn: string | null
  readonly matchedOn: string | null
  readonly placedOn: string | null
  readonly adoptedOn: string
  readonly byFosterCarers?: boolean
}

/** A fictional child adopted after a foster placement; the adoptive placement is with the foster carers when asked. */
function adopted(a: Adoption): ReturnFacts {
  const base = testFacts()
  const foster = a.fosterFrom ?? a.enteredCare
  const placements = [
    ...(foster !== a.enteredCare
      ? [testPlacement('pl-0', 'childrens-home', a.enteredCare, foster, { reasonEnded: 'care-plan' })]
      : []),
    testPlacement('pl-1', 'foster-for-adoption', foster, a.placedOn ?? a.adoptedOn, {
      carerPersonId: 'carer-1',
      reasonEnded: 'care-plan',
    }),
    ...(a.placedOn === null
      ? []
      : [
          testPlacement(
            'pl-2',
            a.byFosterCarers ? 'adoption-placement-order-current-foster-carers' : 'adoption-placement-order',
            a.placedOn,
            a.adoptedOn,
            {
              carerPersonId: a.byFosterCarers ? 'carer-1' : 'adopter-1',
            },
          ),
        ]),
  ]
  return testFacts({
    child: { ...base.child, localCaseNumber: a.laChildId ?? 'TEST001' },
    periodsOfCare: [testPeriod('poc-1', a.enteredCare, a.adoptedOn, { reasonEnded: 'adopted-unopposed' })],
    legalStatuses:
      a.orderOn === null
        ? [testSpell('ls-1', 'care-order', a.enteredCare, a.adoptedOn)]
        : [
            testSpell('ls-1', 'interim-care-order', a.enteredCare, a.orderOn),
            testSpell('ls-2', 'placement-order', a.orderOn, a.adoptedOn),
          ],
    placements,
    returnDetails: {
      ...base.returnDetails,
      adoptionJourneys: [
        {
          id: 'ad-1',
          decidedOn: d(a.enteredCare),
          decisionCeasedOn: null,
          decisionCeasedReason: null,
          placementOrderOn: null,
          matchedOn: a.matchedOn === null ? null : d(a.matchedOn),
          placedOn: null,
          adoptionOrderOn: null,
          fosteringForAdoptionOn: null,
          adopters: { count: 2, sexes: 'male-and-female', legalStatus: 'married-different-sex' },
          isAdoptedByFosterCarers: a.byFosterCarers ?? false,
          familyId: null,
        },
      ],
    },
  })
}

describe('scoreChild (national-returns.md §3.3)', () => {
  test('A1: entering care to moving in with the adoptive family', () => {
    const [result] = scoreChild(
      adopted({
        enteredCare: '2024-01-01',
        orderOn: '2024-06-01',
        matchedOn: '2024-08-01',
        placedOn: '2024-09-01',
        adoptedOn: '2025-01-10',
      }),
    )
    expect(result?.a1Days).toBe(244)
    expect(result?.a10Days).toBe(244)
    expect(result?.a3IsWithinThreshold).toBe(true)
    expect(result?.explanation.join(' ')).toContain('A1 = 244 days')
  })

  test('A2: placement order to match', () => {
    const [result] = scoreChild(
      adopted({
        enteredCare: '2024-01-01',
        orderOn: '2024-06-01',
        matchedOn: '2024-08-01',
        placedOn: '2024-09-01',
        adoptedOn: '2025-01-10',
      }),
    )
    expect(result?.a2Days).toBe(61)
  })

  test('A2: matched before the placement order counts as 0', () => {
    const [result] = scoreChild(
      adopted({
        enteredCare: '2024-01-01',
        orderOn: '2024-06-01',
        matchedOn: '2024-05-01',
        placedOn: '2024-09-01',
        adoptedOn: '2025-01-10',
      }),
    )
    expect(result?.a2Days).toBe(0)
    expect(result?.explanation.join(' ')).toContain('so 0 days')
  })

  test.each([
    ['no placement order', { orderOn: null, placedOn: '2024-09-01' }, 'No placement order or freeing order'],
    [
      'not placed before the adoption order',
      { orderOn: '2024-06-01', placedOn: null },
      'Not placed for adoption before the adoption order',
    ],
  ])('A2 excludes children with %s', (_name, change, reason) => {
    const [result] = scoreChild(
      adopted({ enteredCare: '2024-01-01', matchedOn: '2024-08-01', adoptedOn: '2025-01-10', ...change }),
    )
    expect(result?.a2Days).toBeNull()
    expect(result?.exclusions.a2).toBe(reason)
  })

  test('A3: moved in 14 months or more after entering care is not within', () => {
    const [result] = scoreChild(
      adopted({
        enteredCare: '2024-01-15',
        orderOn: '2024-06-01',
        matchedOn: '2025-02-01',
        placedOn: '2025-03-15',
        adoptedOn: '2025-09-01',
      }),
    )
    expect(result?.a3IsWithinThreshold).toBe(false)
  })

  test('A10: adopted by foster carers stops the clock when the child moved in with them', () => {
    const [result] = scoreChild(
      adopted({
        enteredCare: '2024-01-01',
        fosterFrom: '2024-03-01',
        orderOn: '2024-06-01',
        matchedOn: '2024-08-01',
        placedOn: '2024-09-01',
        adoptedOn: '2025-01-10',
        byFosterCarers: true,
      }),
    )
    expect(result?.a1Days).toBe(244)
    expect(result?.a10Days).toBe(60)
  })
})

describe('scoreCohort', () => {
  const children = [
    adopted({
      laChildId: 'A',
      enteredCare: '2023-05-01',
      orderOn: '2023-09-01',
      matchedOn: '2023-11-01',
      placedOn: '2023-12-01',
      adoptedOn: '2024-05-01',
    }),
    adopted({
      laChildId: 'B',
      enteredCare: '2024-01-01',
      orderOn: '2024-06-01',
      matchedOn: '2024-12-01',
      placedOn: '2025-06-01',
      adoptedOn: '2025-10-01',
    }),
    adopted({
      laChildId: 'C',
      enteredCare: '2020-01-01',
      orderOn: '2020-06-01',
      matchedOn: '2020-08-01',
      placedOn: '2020-09-01',
      adoptedOn: '2021-01-10',
    }),
  ]

  test('averages over children adopted in the three years, with thresholds', () => {
    const cohort = scoreCohort(children, 2026)
    expect(cohortLabel(cohort)).toBe('2023/24 to 2025/26')
    expect(cohort.children.map(c => c.laChildId)).toEqual(['A', 'B'])
    expect(cohort.a1).toEqual({ averageDays: (214 + 517) / 2, children: 2, isWithinThreshold: true })
    expect(cohort.a2).toEqual({ averageDays: (61 + 183) / 2, children: 2, isWithinThreshold: false })
    expect(cohort.a3).toEqual({ percentage: 50, within: 1, children: 2 })
    expect(cohort.thresholds).toEqual(DEFAULT_SCORECARD_THRESHOLDS)
  })

  test('thresholds are configurable', () => {
    const cohort = scoreCohort(children, 2026, { a1Days: 300, a2Days: 200, a3Months: 18 })
    expect(cohort.a1.isWithinThreshold).toBe(false)
    expect(cohort.a2.isWithinThreshold).toBe(true)
    expect(cohort.a3.within).toBe(2)
  })

  test('an empty cohort has no averages', () => {
    expect(scoreCohort([], 2026).a1).toEqual({ averageDays: null, children: 0, isWithinThreshold: null })
  })
})
