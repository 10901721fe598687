import { describe, expect, test } from 'vitest'
import type { CalendarDay } from '../shared/calendar-day.ts'
import { validateCareRecord } from '../children/care-record-rules.ts'
import { buildSsda903Return, toCsv, type ReturnTables } from './build-return.ts'
import { importedChildToReturnFacts } from './imported-child-facts.ts'
import { summariseImport } from './import-summary.ts'
import { parseSsda903Files, type SourceFile } from './parse-files.ts'
import type { ReturnFacts } from './return-facts.ts'
import { stitchSsda903Years } from './stitch-years.ts'
import { generateSyntheticFacts } from './synthetic-facts.ts'
import { TABLE_FILE_NAMES, type TableName } from './tables.ts'
import { d, testFacts, testPeriod, testPlacement, testSpell } from './test-facts.ts'

const YEARS = [2025, 2026, 2027] as const
const AS_OF = '2027-03-31' as CalendarDay

function files(tables: ReturnTables): SourceFile[] {
  return (Object.entries(tables) as [TableName, string[][]][]).map(([name, rows]) => ({
    name: TABLE_FILE_NAMES[name],
    text: toCsv(rows),
  }))
}

function importYears(facts: readonly ReturnFacts[]) {
  const years = YEARS.map(year => {
    const parsed = parseSsda903Files(files(buildSsda903Return(facts, year).tables), { year })
    expect(parsed.errors).toEqual([])
    return { year, tables: parsed.tables }
  })
  return stitchSsda903Years(years)
}

/** What 903 carries, in canonical values and dates, without our ids. */
function project(facts: ReturnFacts) {
  const details = facts.returnDetails
  return {
    child: {
      laChildId: facts.child.localCaseNumber,
      dateOfBirthOn: facts.child.dateOfBirthOn,
      sex: facts.child.sex,
      ethnicity: facts.child.ethnicity,
      upn: facts.child.upn,
      isUnaccompaniedAsylumSeeker: facts.child.isUnaccompaniedAsylumSeeker,
      isMother: details.isMother,
      uascCeasedOn: details.uascCeasedOn,
    },
    periods: facts.periodsOfCare.map(period => {
      const more = details.periodsOfCare.find(d => d.periodOfCareId === period.id)
      return [
        period.startedOn,
        period.endedOn,
        period.reasonEnded,
        period.categoryOfNeed,
        period.previousPermanence,
        more?.homePostcode ?? null,
        more?.previousPermanenceAuthority ?? null,
        more?.previousPermanenceOn ?? null,
      ]
    }),
    legalStatuses: facts.legalStatuses.map(spell => [spell.status, spell.startedOn, spell.endedOn]),
    placements: facts.placements.map(p => [
      p.placementType,
      p.providerType,
      p.postcode,
      p.ofstedUrn,
      p.startedOn,
      p.endedOn,
      p.reasonEnded,
    ]),
    reviews: facts.reviews.map(review => [review.heldOn, review.participation]),
    journeys: details.adoptionJourneys.map(journey => {
      const { id: _id, familyId: _familyId, ...rest } = journey
      return rest
    }),
    missing: details.missingEpisodes.map(episode => [episode.kind, episode.startedOn, episode.returnedOn]),
    socialWorkers: facts.allocations.map(allocation => {
      const sw = details.socialWorkerEpisodes.find(d => d.allocationId === allocation.id)
      return [sw?.socialWorkerRef, allocation.startedOn, allocation.endedOn, sw?.changeReason]
    }),
    healthOutcomes: details.healthOutcomes,
  }
}

describe('SSDA903 round trip: facts → export → parse → stitch → the same facts', () => {
  const facts = generateSyntheticFacts({ seed: 42, children: 300, earliest: '2024-04-01' as CalendarDay, asOf: AS_OF })

  test('the synthetic authority satisfies the care-record invariants and exports with no validation failures', () => {
    expect(facts.flatMap(child => validateCareRecord(child, AS_OF))).toEqual([])
    for (const year of YEARS) {
      expect(buildSsda903Return(facts, year).failures).toEqual([])
    }
  })

  test('every child comes back with the same canonical values and dates', () => {
    const result = importYears(facts)
    expect(result.problems).toEqual([])
    const imported = result.children.map(importedChildToReturnFacts)
    expect(imported.map(project)).toEqual(facts.map(project))
  })

  test('import → export gives the same tables as the original export', () => {
    const imported = importYears(facts).children.map(importedChildToReturnFacts)
    for (const year of YEARS) {
      expect(buildSsda903Return(imported, year).tables).toEqual(buildSsda903Return(facts, year).tables)
    }
  })

  test('importing twice yields identical facts, ids included (idempotent keys)', () => {
    expect(importYears(facts)).toEqual(importYears(facts))
  })

  test('the summary counts what came in', () => {
    const result = importYears(facts)
    const summary = summariseImport(result)
    expect(summary.childrenImported).toBe(facts.filter(f => f.periodsOfCare.length > 0).length)
    expect(summary.childrenRejected).toBe(0)
    expect(summary.periodsOfCare).toBe(facts.reduce((n, f) => n + f.periodsOfCare.length, 0))
    expect(summary.placements).toBe(facts.reduce((n, f) => n + f.placements.length, 0))
  })
})

describe('round trip of every return detail', () => {
  const base = testFacts()
  const rich: ReturnFacts = testFacts({
    child: { ...base.child, sex: 'female', isUnaccompaniedAsylumSeeker: false, dateOfBirthOn: d('2009-06-01') },
    periodsOfCare: [
      testPeriod('poc-1', '2025-05-01', null, {
        previousPermanence: 'special-guardianship-order',
        categoryOfNeed: 'N4',
      }),
    ],
    legalStatuses: [testSpell('ls-1', 'care-order', '2025-05-01', null)],
    placements: [testPlacement('pl-1', 'childrens-home', '2025-05-01', null, { providerType: 'private' })],
    allocations: [
      { ...base.allocations[0]!, endedOn: d('2025-10-01') },
      {
        id: 'al-2',
        version: 1,
        workerId: 'w-2',
        teamId: null,
        startedOn: d('2025-10-01'),
        endedOn: null,
        reasonEnded: null,
      },
    ],
    returnDetails: {
      ...base.returnDetails,
      isMother: true,
      firstChildBornOn: d('2025-01-15'),
      uascCeasedOn: d('2026-06-01'),
      periodsOfCare: [
        {
          periodOfCareId: 'poc-1',
          homePostcode: 'ZZ99 3CD',
          previousPermanenceAuthority: '202',
          previousPermanenceOn: '2019-ZZ-ZZ' as never,
        },
      ],
      socialWorkerEpisodes: [
        { allocationId: 'al-1', socialWorkerRef: 'SW12345', changeReason: null },
        { allocationId: 'al-2', socialWorkerRef: 'XX00001', changeReason: 'LEFTRL' },
      ],
      missingEpisodes: [
        {
          id: 'm-1',
          kind: 'away-without-authorisation',
          startedOn: d('2025-08-01'),
          returnedOn: d('2025-08-03'),
          wasReturnInterviewOffered: null,
          wasReturnInterviewAccepted: null,
        },
        {
          id: 'm-2',
          kind: 'missing',
          startedOn: d('2027-03-30'),
          returnedOn: null,
          wasReturnInterviewOffered: null,
          wasReturnInterviewAccepted: null,
        },
      ],
      deprivationOfLibertyOrders: [{ id: 'dl-1', startedOn: d('2026-05-01'), endedOn: d('2026-11-01') }],
      healthOutcomes: [
        {
          collectionYear: 2026,
          sdqScore: 14,
          sdqReason: null,
          isConvicted: false,
          hasHealthCheck: null,
          hasImmunisations: true,
          hasTeethCheck: true,
          hasHealthAssessment: true,
          hasSubstanceMisuse: false,
          hasInterventionReceived: null,
          hasInterventionOffered: null,
        },
      ],
      careLeaverOutcomes: [],
    },
  })
  const withUasc = { ...rich, child: { ...rich.child, isUnaccompaniedAsylumSeeker: false } }
  const careLeaver = testFacts({
    child: { ...base.child, id: 'child-2', localCaseNumber: 'TEST002', dateOfBirthOn: d('2007-06-01') },
    periodsOfCare: [],
    legalStatuses: [],
    placements: [],
    reviews: [],
    allocations: [],
    returnDetails: {
      ...base.returnDetails,
      periodsOfCare: [],
      socialWorkerEpisodes: [],
      careLeaverOutcomes: [
        {
          collectionYear: 2026,
          contact: 'in-touch',
          activity: 'training-or-employment-full-time',
          accommodation: 'independent-living',
          isAccommodationSuitable: true,
        },
      ],
    },
  })

  test('previous permanence, mother, UASC, missing, SW changes, DoLO, OC2 and OC3 come back the same', () => {
    const facts = [withUasc, careLeaver]
    for (const year of [2026, 2027]) {
      expect(buildSsda903Return(facts, year).failures).toEqual([])
    }
    const years = ([2026, 2027] as const).map(year => {
      const parsed = parseSsda903Files(files(buildSsda903Return(facts, year).tables), { year })
      expect(parsed.errors).toEqual([])
      return { year, tables: parsed.tables }
    })
    const result = stitchSsda903Years(years)
    expect(result.problems).toEqual([])
    const [child, leaver] = result.children.map(importedChildToReturnFacts)
    expect(project(child!)).toEqual(project(withUasc))
    expect(child?.returnDetails.deprivationOfLibertyOrders.map(o => [o.startedOn, o.endedOn])).toEqual([
      ['2026-05-01', '2026-11-01'],
    ])
    expect(child?.returnDetails.uascCeasedOn).toBe('2026-06-01')
    expect(leaver?.returnDetails.careLeaverOutcomes).toEqual(careLeaver.returnDetails.careLeaverOutcomes)
    expect(summariseImport(result, [])).toMatchObject({
      childrenImported: 2,
      missingEpisodes: 2,
      socialWorkerEpisodes: 2,
      adoptionJourneys: 0,
    })
  })
})
