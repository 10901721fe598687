import { describe, expect, test } from 'vitest'
import type { CollectionYear } from './collection-year.ts'
import type { ReturnFacts } from './return-facts.ts'
import { d, testFacts, testPeriod, testPlacement, testSpell } from './test-facts.ts'
import { validateReturnFacts } from './validate-return-facts.ts'

const base = testFacts()
const details = base.returnDetails
const journey = {
  id: 'ad-1',
  decidedOn: d('2025-06-01'),
  decisionCeasedOn: null,
  decisionCeasedReason: null,
  placementOrderOn: null,
  matchedOn: d('2025-07-01'),
  placedOn: null,
  adoptionOrderOn: null,
  fosteringForAdoptionOn: null,
  adopters: { count: 2 as const, sexes: 'male-and-female' as const, legalStatus: 'married-different-sex' as const },
  isAdoptedByFosterCarers: false,
  familyId: null,
}

/** One period from 1 May 2025 that ended on `endedOn` for `reason`, in a given placement. */
function ended(
  endedOn: string,
  reason: NonNullable<ReturnFacts['periodsOfCare'][number]['reasonEnded']>,
  type = 'foster-other' as const,
) {
  return {
    periodsOfCare: [testPeriod('poc-1', '2025-05-01', endedOn, { reasonEnded: reason })],
    legalStatuses: [testSpell('ls-1', 'care-order', '2025-05-01', endedOn)],
    placements: [testPlacement('pl-1', type, '2025-05-01', endedOn)],
  }
}

/** The same child looked after from 1 May 2023, for 2023/24 cases. */
const in2023 = {
  periodsOfCare: [testPeriod('poc-1', '2023-05-01', null)],
  legalStatuses: [testSpell('ls-1', 'care-order', '2023-05-01', null)],
  placements: [testPlacement('pl-1', 'foster-other', '2023-05-01', null)],
  allocations: [{ ...base.allocations[0]!, startedOn: d('2023-05-01') }],
}

interface Case {
  readonly rule: string
  readonly name: string
  readonly year?: CollectionYear
  readonly facts: ReturnFacts
}

const cases: Case[] = [
  {
    rule: '101',
    name: 'sex "unknown" has no code before 2024/25',
    year: 2024,
    facts: testFacts({ ...in2023, child: { ...base.child, sex: 'unknown' } }),
  },
  {
    rule: '146',
    name: 'K3 has no code in 2023/24',
    year: 2024,
    facts: testFacts({
      ...in2023,
      child: { ...base.child, dateOfBirthOn: d('2006-01-01') },
      placements: [testPlacement('pl-1', 'supported-accommodation', '2023-05-01', null)],
    }),
  },
  {
    rule: '146',
    name: 'Z1 has no code in 2025/26',
    facts: testFacts({
      placements: [testPlacement('pl-1', 'other-placement', '2025-05-01', null, { ofstedUrn: null })],
    }),
  },
  {
    rule: '146',
    name: 'Z11 has no code in 2024/25',
    year: 2025,
    facts: testFacts({
      periodsOfCare: [testPeriod('poc-1', '2024-05-01', null)],
      legalStatuses: [testSpell('ls-1', 'care-order', '2024-05-01', null)],
      placements: [
        testPlacement('pl-1', 'other-placement-z11', '2024-05-01', null, { ofstedUrn: null, providerType: null }),
      ],
    }),
  },
  {
    rule: '232',
    name: 'sex reported unknown is a query from 2024/25',
    facts: testFacts({ child: { ...base.child, sex: 'unknown' } }),
  },
  {
    rule: 'PP-EPISODE-NO-PLACEMENT',
    name: 'a period of care with days and no placement',
    facts: testFacts({ placements: [testPlacement('pl-1', 'foster-other', '2025-05-10', null)] }),
  },
  {
    rule: 'PP-EPISODE-NO-LEGAL-STATUS',
    name: 'a period of care with days and no legal status',
    facts: testFacts({ legalStatuses: [testSpell('ls-1', 'care-order', '2025-05-10', null)] }),
  },
  {
    rule: '148',
    name: 'a period ended with no reason',
    facts: testFacts({
      ...ended('2025-09-01', 'returned-home-planned'),
      periodsOfCare: [testPeriod('poc-1', '2025-05-01', '2025-09-01')],
    }),
  },
  {
    rule: '435',
    name: 'a placement change whose 903 details do not change',
    facts: testFacts({
      placements: [
        testPlacement('pl-1', 'foster-other', '2025-05-01', '2025-08-01', {
          postcode: 'ZZ99 1AA',
          reasonEnded: 'care-plan',
        }),
        testPlacement('pl-2', 'foster-other', '2025-08-01', null, { postcode: 'ZZ99 1AA' }),
      ],
    }),
  },
  {
    rule: '436',
    name: 'legal status and placement change the same day but the placement details do not',
    facts: testFacts({
      legalStatuses: [
        testSpell('ls-1', 'interim-care-order', '2025-05-01', '2025-08-01'),
        testSpell('ls-2', 'care-order', '2025-08-01', null),
      ],
      placements: [
        testPlacement('pl-1', 'foster-other', '2025-05-01', '2025-08-01', {
          postcode: 'ZZ99 1AA',
          reasonEnded: 'care-plan',
        }),
        testPlacement('pl-2', 'foster-other', '2025-08-01', null, { postcode: 'ZZ99 1AA' }),
      ],
    }),
  },
  {
    rule: '225',
    name: 'a placement change with no reason',
    facts: testFacts({
      placements: [
        testPlacement('pl-1', 'foster-other', '2025-05-01', '2025-08-01'),
        testPlacement('pl-2', 'childrens-home', '2025-08-01', null, { providerType: 'private' }),
      ],
    }),
  },
  {
    rule: '217',
    name: 'placed for adoption "with current foster carers" but with different carers',
    facts: testFacts({
      legalStatuses: [testSpell('ls-1', 'placement-order', '2025-05-01', null)],
      placements: [
        testPlacement('pl-1', 'foster-for-adoption', '2025-05-01', '2025-08-01', {
          carerPersonId: 'p-1',
          reasonEnded: 'care-plan',
        }),
        testPlacement('pl-2', 'adoption-placement-order-current-foster-carers', '2025-08-01', null, {
          carerPersonId: 'p-2',
        }),
      ],
    }),
  },
  {
    rule: '380',
    name: 'a period of care starting in a temporary placement',
    facts: testFacts({
      placements: [
        testPlacement('pl-1', 'temporary-hospital', '2025-05-01', null, { ofstedUrn: null, providerType: null }),
      ],
    }),
  },
  {
    rule: '381',
    name: 'a period of care ending in a temporary placement',
    facts: testFacts({
      ...ended('2025-09-01', 'returned-home-planned'),
      placements: [
        testPlacement('pl-0', 'foster-other', '2025-05-01', '2025-08-20'),
        testPlacement('pl-1', 'temporary-hospital', '2025-08-20', '2025-09-01', {
          ofstedUrn: null,
          providerType: null,
        }),
      ],
    }),
  },
  {
    rule: '383',
    name: 'not returning to the previous placement after a temporary one',
    facts: testFacts({
      placements: [
        testPlacement('pl-1', 'foster-other', '2025-05-01', '2025-08-01'),
        testPlacement('pl-2', 'temporary-holiday', '2025-08-01', '2025-08-10', { ofstedUrn: null, providerType: null }),
        testPlacement('pl-3', 'childrens-home', '2025-08-10', null, { providerType: 'private' }),
      ],
    }),
  },
  {
    rule: '550',
    name: 'provider "parents" with a foster placement',
    facts: testFacts({
      placements: [testPlacement('pl-1', 'foster-other', '2025-05-01', null, { providerType: 'parents' })],
    }),
  },
  {
    rule: '218',
    name: 'a foster placement with no Ofsted URN',
    facts: testFacts({ placements: [testPlacement('pl-1', 'foster-other', '2025-05-01', null, { ofstedUrn: null })] }),
  },
  {
    rule: '222',
    name: 'an Ofsted URN on a placement with parents',
    facts: testFacts({
      placements: [testPlacement('pl-1', 'with-parents', '2025-05-01', null, { providerType: 'parents' })],
    }),
  },
  {
    rule: '371',
    name: 'supported accommodation before 16',
    facts: testFacts({
      placements: [testPlacement('pl-1', 'supported-accommodation', '2025-05-01', null, { providerType: 'private' })],
    }),
  },
  {
    rule: '386',
    name: 'adopted at 18',
    facts: testFacts({
      child: { ...base.child, dateOfBirthOn: d('2007-06-01') },
      ...ended('2025-09-01', 'adopted-unopposed', 'adoption-placement-order' as never),
      returnDetails: { ...details, adoptionJourneys: [journey] },
    }),
  },
  {
    rule: '407',
    name: 'special guardianship after 18',
    facts: testFacts({
      child: { ...base.child, dateOfBirthOn: d('2007-06-01') },
      ...ended('2025-09-01', 'sgo-former-foster-carers-other'),
    }),
  },
  {
    rule: '390',
    name: 'adopted from a foster placement',
    facts: testFacts({
      ...ended('2025-09-01', 'adopted-unopposed'),
      returnDetails: { ...details, adoptionJourneys: [journey] },
    }),
  },
  {
    rule: '516',
    name: 'SGO to former foster carers from a children’s home',
    facts: testFacts({ ...ended('2025-09-01', 'sgo-former-foster-carers-connected', 'childrens-home' as never) }),
  },
  {
    rule: '601',
    name: 'adopted in the year with no adoption details',
    facts: testFacts({ ...ended('2025-09-01', 'adopted-unopposed', 'adoption-placement-order' as never) }),
  },
  {
    rule: '601',
    name: 'adopted with the match date missing',
    facts: testFacts({
      ...ended('2025-09-01', 'adopted-unopposed', 'adoption-placement-order' as never),
      returnDetails: { ...details, adoptionJourneys: [{ ...journey, matchedOn: null }] },
    }),
  },
  {
    rule: '630',
    name: 'a new period of care with no previous permanence',
    facts: testFacts({ periodsOfCare: [testPeriod('poc-1', '2025-05-01', null, { previousPermanence: null })] }),
  },
  {
    rule: '630',
    name: 'previous permanence other than none without authority and date',
    facts: testFacts({ periodsOfCare: [testPeriod('poc-1', '2025-05-01', null, { previousPermanence: 'adoption' })] }),
  },
  {
    rule: '393',
    name: 'a girl with "mother" not recorded',
    facts: testFacts({ child: { ...base.child, sex: 'female' } }),
  },
  {
    rule: '168',
    name: 'a UPN not in the DfE format',
    facts: testFacts({ child: { ...base.child, upn: 'I123456789012' } }),
  },
  { rule: '168', name: 'no UPN', facts: testFacts({ child: { ...base.child, upn: null } }) },
  {
    rule: '167',
    name: 'a review with no participation code',
    facts: testFacts({ reviews: [{ ...base.reviews[0]!, participation: null }] }),
  },
  {
    rule: 'PP-REVIEW-OUTSIDE-CARE',
    name: 'a review in the year but before the period of care',
    facts: testFacts({ reviews: [{ ...base.reviews[0]!, heldOn: d('2025-04-20') }] }),
  },
  {
    rule: 'PP-ADOPTION-DATE-ORDER',
    name: 'matched before the decision',
    facts: testFacts({ returnDetails: { ...details, adoptionJourneys: [{ ...journey, matchedOn: d('2025-05-20') }] } }),
  },
  {
    rule: 'PP-ADOPTION-CEASED-REASON',
    name: 'a decision ceased with no reason',
    facts: testFacts({
      returnDetails: { ...details, adoptionJourneys: [{ ...journey, decisionCeasedOn: d('2025-09-01') }] },
    }),
  },
  {
    rule: 'PP-ADOPTION-DECISION-OUTSIDE-CARE',
    name: 'an adoption decision before care',
    facts: testFacts({
      returnDetails: { ...details, adoptionJourneys: [{ ...journey, decidedOn: d('2025-04-20'), matchedOn: null }] },
    }),
  },
  {
    rule: 'SW02STG1',
    name: 'a social worker ID not starting SW or XX',
    facts: testFacts({
      returnDetails: {
        ...details,
        socialWorkerEpisodes: [{ allocationId: 'al-1', socialWorkerRef: 'AB123', changeReason: null }],
      },
    }),
  },
  {
    rule: 'SW02STG1',
    name: 'no 903 identifier for the social worker',
    facts: testFacts({ returnDetails: { ...details, socialWorkerEpisodes: [] } }),
  },
  {
    rule: 'SW13STG1',
    name: 'a change of social worker with no reason',
    facts: testFacts({
      allocations: [
        { ...base.allocations[0]!, endedOn: d('2025-09-01') },
        {
          id: 'al-2',
          version: 1,
          workerId: 'w-2',
          teamId: null,
          startedOn: d('2025-09-01'),
          endedOn: null,
          reasonEnded: null,
        },
      ],
      returnDetails: {
        ...details,
        socialWorkerEpisodes: [
          ...details.socialWorkerEpisodes,
          { allocationId: 'al-2', socialWorkerRef: 'SW22222', changeReason: null },
        ],
      },
    }),
  },
  {
    rule: 'SW17STG2',
    name: 'no social worker at 31 March while looked after',
    facts: testFacts({ allocations: [{ ...base.allocations[0]!, endedOn: d('2026-01-01') }] }),
  },
  {
    rule: '709',
    year: 2027,
    name: 'a DoLO during a foster placement',
    facts: testFacts({
      returnDetails: {
        ...details,
        deprivationOfLibertyOrders: [{ id: 'dl-1', startedOn: d('2026-06-01'), endedOn: d('2026-09-01') }],
      },
    }),
  },
  {
    rule: '710',
    year: 2027,
    name: 'a DoLO while placed with parents',
    facts: testFacts({
      placements: [
        testPlacement('pl-1', 'with-parents', '2025-05-01', null, { providerType: 'parents', ofstedUrn: null }),
      ],
      returnDetails: {
        ...details,
        deprivationOfLibertyOrders: [{ id: 'dl-1', startedOn: d('2026-06-01'), endedOn: d('2026-09-01') }],
      },
    }),
  },
  {
    rule: 'PP-CHILD-ID',
    name: 'an LA child ID over 10 characters',
    facts: testFacts({ child: { ...base.child, localCaseNumber: 'ABCDEFGHIJK' } }),
  },
  {
    rule: '133',
    name: 'OC3 accommodation "no fixed abode" recorded as suitable',
    facts: testFacts({
      returnDetails: {
        ...details,
        careLeaverOutcomes: [
          {
            collectionYear: 2026,
            contact: 'in-touch',
            activity: 'not-in-education-other',
            accommodation: 'no-fixed-abode',
            isAccommodationSuitable: true,
          },
        ],
      },
    }),
  },
]

describe('validateReturnFacts', () => {
  test('a child with sound facts has no failures', () => {
    expect(validateReturnFacts(base, 2026)).toEqual([])
  })

  test.each(cases)('rule $rule: $name', ({ rule, year, facts }) => {
    const failures = validateReturnFacts(facts, year ?? 2026)
    expect(failures.map(f => f.rule)).toContain(rule)
    const failure = failures.find(f => f.rule === rule)!
    expect(failure.childId).toBe('child-1')
    expect(failure.message.length).toBeGreaterThan(10)
  })

  test('several children at once', () => {
    const other = testFacts({ child: { ...base.child, id: 'child-2', localCaseNumber: 'TEST002', upn: null } })
    const failures = validateReturnFacts([base, other], 2026)
    expect(failures.map(f => [f.childId, f.rule])).toEqual([['child-2', '168']])
  })
})
