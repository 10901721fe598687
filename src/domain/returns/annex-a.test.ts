import { describe, expect, test } from 'vitest'
import {
  buildAnnexA,
  buildAnnexAList10,
  buildAnnexAList11,
  buildAnnexAList8,
  list10Headers,
  list11Headers,
  list8Headers,
  type AnnexAAdopter,
} from './annex-a.ts'
import { d, testFacts, testPeriod, testPlacement, testSpell } from './test-facts.ts'

const asOf = d('2026-03-31')

function row(headers: readonly string[], values: readonly string[]): Record<string, string> {
  return Object.fromEntries(headers.map((header, i) => [header, values[i] ?? '']))
}

describe('Annex A headers (liia-tools la-agg.yml; 2026 renames Gender to Sex)', () => {
  test.each([
    [list8Headers, 33, 'Allocated Worker'],
    [list10Headers, 16, 'Date the child was placed for fostering in FFA or concurrent planning placement'],
    [list11Headers, 19, 'Reason for leaving adoption process'],
  ])('%# has Ofsted’s columns', (headers, count, last) => {
    expect(headers(2026).length).toBe(count)
    expect(headers(2026).at(-1)).toBe(last)
    expect(headers(2026)).toContain('Sex')
    expect(headers(2024)).toContain('Gender')
  })
})

describe('List 8: children in care', () => {
  test('a child looked after in the last 12 months, with the fields passed in', () => {
    const facts = testFacts({
      legalStatuses: [
        testSpell('ls-1', 'interim-care-order', '2025-05-01', '2025-07-01'),
        testSpell('ls-2', 'care-order', '2025-07-01', null),
      ],
      placements: [
        testPlacement('pl-1', 'foster-other', '2025-05-01', '2025-09-01', { reasonEnded: 'care-plan' }),
        testPlacement('pl-2', 'childrens-home', '2025-09-01', null, {
          providerType: 'private',
          postcode: 'ZZ99 2AB',
          ofstedUrn: 'SC654321',
        }),
      ],
      returnDetails: {
        ...testFacts().returnDetails,
        missingEpisodes: [
          {
            id: 'm-1',
            kind: 'missing',
            startedOn: d('2025-10-01'),
            returnedOn: d('2025-10-02'),
            wasReturnInterviewOffered: true,
            wasReturnInterviewAccepted: false,
          },
          {
            id: 'm-2',
            kind: 'away-without-authorisation',
            startedOn: d('2025-11-01'),
            returnedOn: d('2025-11-01'),
            wasReturnInterviewOffered: null,
            wasReturnInterviewAccepted: null,
          },
        ],
      },
    })
    const childInfo = new Map([
      [
        'child-1',
        {
          permanencePlan: 'Long-term foster care',
          lastSocialWorkVisitOn: d('2026-03-01'),
          lastIroContactOn: null,
          lastHealthAssessmentOn: d('2025-06-01'),
          lastDentalCheckOn: null,
          allocatedTeam: 'Team Fictional',
          allocatedWorker: 'Worker Fictional',
          placementLocation: 'IN',
          placementLocalAuthority: null,
        },
      ],
    ])
    const sheet = buildAnnexAList8([facts], { asOf, childInfo })
    expect(sheet.rows.length).toBe(1)
    const values = row(sheet.headers, sheet.rows[0]!)
    expect(values).toMatchObject({
      'Child Unique ID': 'TEST001',
      Sex: 'a) Male',
      Ethnicity: 'WBRI',
      'Date of Birth': '01/06/2015',
      'Age of Child (Years)': '10',
      'Date Started to be Looked After': '01/05/2025',
      "Child's Category of Need": 'N1',
      'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)': 'N',
      'Start date of current legal status': '01/07/2025',
      "Child's Legal Status": 'C2',
      'Date of Latest Statutory Review': '20/05/2025',
      'Date of Last Social Work Visit': '01/03/2026',
      'What is the permanence plan for this child?': 'Long-term foster care',
      'Number of Placements in the Last 12 months': '2',
      'Date Ceased to be Looked After': '',
      'Start Date of Most Recent Placement': '01/09/2025',
      'Placement Type': 'K2',
      'Placement Provider': 'PR4',
      'Placement postcode': 'ZZ99 2AB',
      'URN of Placement': 'SC654321',
      'Placement Location': 'IN',
      "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months": '1',
      "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months": '1',
      'Was the child offered a Return Interview after their last missing episode (Y/N)?': 'Y',
      'Did the child accept a Return Interview after their last missing episode (Y/N)?': 'N',
      'Allocated Team': 'Team Fictional',
    })
  })

  test('a child who left care more than 12 months before is not listed; one who left within 12 months is, with the reason', () => {
    const left = (endedOn: string) =>
      testFacts({
        periodsOfCare: [testPeriod('poc-1', '2024-01-01', endedOn, { reasonEnded: 'returned-home-planned' })],
        legalStatuses: [testSpell('ls-1', 'section-20', '2024-01-01', endedOn)],
        placements: [testPlacement('pl-1', 'foster-other', '2024-01-01', endedOn)],
      })
    expect(buildAnnexAList8([left('2025-03-01')], { asOf }).rows).toEqual([])
    const values = row(list8Headers(), buildAnnexAList8([left('2025-06-01')], { asOf }).rows[0]!)
    expect([values['Date Ceased to be Looked After'], values['Reason Ceased to be Looked After']]).toEqual([
      '01/06/2025',
      'E4A',
    ])
  })
})

describe('List 10: adoption', () => {
  test('a child with an adoption decision, with derived placement order date', () => {
    const facts = testFacts({
      legalStatuses: [
        testSpell('ls-1', 'interim-care-order', '2025-05-01', '2025-09-01'),
        testSpell('ls-2', 'placement-order', '2025-09-01', null),
      ],
      placements: [testPlacement('pl-1', 'foster-for-adoption', '2025-05-01', null)],
      returnDetails: {
        ...testFacts().returnDetails,
        adoptionJourneys: [
          {
            id: 'ad-1',
            decidedOn: d('2025-07-01'),
            decisionCeasedOn: d('2026-02-01'),
            decisionCeasedReason: 'adopters-not-found',
            placementOrderOn: null,
            matchedOn: null,
            placedOn: null,
            adoptionOrderOn: null,
            fosteringForAdoptionOn: d('2025-05-01'),
            adopters: null,
            isAdoptedByFosterCarers: null,
            familyId: 'FAM1',
          },
        ],
      },
    })
    const sheet = buildAnnexAList10([facts], { asOf })
    expect(row(sheet.headers, sheet.rows[0]!)).toMatchObject({
      'Child Unique ID': 'TEST001',
      'Family identifier': 'FAM1',
      'Date the Child Entered Care': '01/05/2025',
      'Date of Decision that Child Should be Placed for Adoption': '01/07/2025',
      'Date of Placement Order': '01/09/2025',
      'Date of Decision that Child Should No Longer be Placed for Adoption': '01/02/2026',
      'Reason Why Child No Longer Placed for Adoption': 'RD3',
      'Date the child was placed for fostering in FFA or concurrent planning placement': '01/05/2025',
    })
  })
})

describe('List 11: adopters', () => {
  test('adopters from plain fields, in identifier order', () => {
    const adopter: AnnexAAdopter = {
      adopterId: 'AD2',
      familyId: 'F1',
      sex: 'female',
      ethnicity: 'WBRI',
      hasDisability: false,
      isFosteringForAdoption: true,
      enquiryOn: d('2025-01-10'),
      stageOneStartedOn: d('2025-02-01'),
      stageOneEndedOn: d('2025-04-01'),
      stageTwoStartedOn: d('2025-04-02'),
      stageTwoEndedOn: d('2025-08-01'),
      applicationOn: d('2025-04-02'),
      approvedOn: d('2025-08-15'),
      matchedOn: null,
      placedOn: null,
      childrenPlaced: null,
      adoptionOrderOn: null,
      leftProcessOn: null,
      leftProcessReason: null,
    }
    const sheet = buildAnnexAList11([adopter, { ...adopter, adopterId: 'AD1', sex: 'male' }])
    expect(sheet.rows.map(r => r[0])).toEqual(['AD1', 'AD2'])
    expect(row(sheet.headers, sheet.rows[1]!)).toMatchObject({
      Sex: 'b) Female',
      'Date application approved': '15/08/2025',
      'Is the (prospective) adopter fostering for adoption?': 'Yes',
    })
  })

  test('buildAnnexA gives the three lists in order', () => {
    expect(buildAnnexA([testFacts()], [], { asOf }).map(s => s.sheet)).toEqual(['List 8', 'List 10', 'List 11'])
  })
})
