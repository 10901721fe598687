/**
 * A deterministic generator of synthetic return facts, for tests and the 20,000-child benchmark (issue 8). Every
 * name is obviously fictional; postcodes are in the ZZ99 pseudo-postcode range; UPNs and URNs are made up. The
 * same seed and options always give the same facts. The facts satisfy the care-record invariants and, for the
 * collection years 2024/25 to 2026/27, the 903 rules this module checks, so a synthetic authority's export is clean.
 *
 * Scenarios: long-term foster care under a care order (with a temporary holiday placement), accommodation under
 * s20 ending with a planned return home, adoption (with fostering for adoption, a placement order, a match and an
 * adoption order), a reversed adoption decision, special guardianship by connected carers, and older young people
 * moving to supported accommodation at 16.
 */
import { addCalendarDays, daysBetween, nthBirthday, type CalendarDay } from '../shared/calendar-day.ts'
import type {
  CareRecord,
  ChildDetails,
  LegalStatusSpell,
  PeriodOfCare,
  Person,
  Placement,
  StatutoryReview,
  WorkerAllocation,
} from '../children/care-record.ts'
import {
  ETHNICITY_VALUES,
  type LegalStatus,
  type PlacementType,
  type ProviderType,
  type ReasonCareEnded,
  type ReasonPlacementEnded,
} from '../children/codes.ts'
import { collectionYearOf } from './collection-year.ts'
import type {
  AdoptionJourney,
  HealthOutcomes,
  MissingEpisode,
  PartialCalendarDay,
  PeriodOfCareReturnDetails,
  ReturnFacts,
  SocialWorkerEpisodeDetails,
} from './return-facts.ts'
import { uuidV5 } from './stable-id.ts'
import { seededSequence } from '../shared/seeded-sequence.ts'

export interface SyntheticOptions {
  readonly seed: number
  readonly children: number
  /** The last day facts may reach (default 2027-03-31, the end of 2026/27). */
  readonly asOf?: CalendarDay
  /** The earliest day a period of care may start (default 2021-04-01). */
  readonly earliest?: CalendarDay
}

const GIVEN_NAMES = [
  'Alder',
  'Briar',
  'Cedar',
  'Dune',
  'Elm',
  'Fern',
  'Gale',
  'Heath',
  'Ivy',
  'Juniper',
  'Kestrel',
  'Linden',
]
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'

type Scenario = 'foster' | 'section-20' | 'adoption' | 'adoption-reversed' | 'sgo' | 'supported-accommodation'

interface PlacementPlan {
  readonly from: CalendarDay
  readonly type: PlacementType
  readonly carer: string | null
  readonly reasonEnded: ReasonPlacementEnded | null
}

interface SpellPlan {
  readonly from: CalendarDay
  readonly status: LegalStatus
}

const PROVIDERS: Partial<Record<PlacementType, ProviderType>> = {
  'with-parents': 'parents',
  'childrens-home': 'private',
  'supported-accommodation': 'private',
}

const NO_URN = new Set<PlacementType>(['with-parents', 'temporary-holiday'])

/**
 * Generates synthetic children.
 * @param options - seed, number of children and date window
 * @returns one ReturnFacts per child, in LA child ID order
 */
export function generateSyntheticFacts(options: SyntheticOptions): ReturnFacts[] {
  const asOf = options.asOf ?? ('2027-03-31' as CalendarDay)
  const earliest = options.earliest ?? ('2021-04-01' as CalendarDay)
  const children: ReturnFacts[] = []
  for (let index = 0; index < options.children; index += 1) {
    children.push(generateChild(options.seed, index, asOf, earliest))
  }
  return children
}

function generateChild(seed: number, index: number, asOf: CalendarDay, earliest: CalendarDay): ReturnFacts {
  const random = seededSequence(seed * 1_000_003 + index * 7919 + 1)
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const id = (kind: string, n = 0) => uuidV5(`synthetic|${seed}|${index}|${kind}|${n}`)
  const laChildId = `SYN${String(index).padStart(7, '0')}`
  const scenarios: Scenario[] = [
    'foster',
    'foster',
    'section-20',
    'adoption',
    'adoption-reversed',
    'sgo',
    'supported-accommodation',
  ]
  const scenario = pick(scenarios)
  const window = daysBetween(earliest, asOf)

  // Ages fit the scenario: adoption for the youngest, supported accommodation from 16.
  const start = addCalendarDays(earliest, int(0, Math.floor(window * 0.6)))
  const ageAtStartDays =
    scenario === 'adoption' || scenario === 'adoption-reversed'
      ? int(1, 700)
      : scenario === 'supported-accommodation'
        ? int(15 * 365 + 30, 16 * 365 - 60)
        : int(400, 13 * 365)
  const dateOfBirthOn = addCalendarDays(start, -ageAtStartDays)
  const sex = random() < 0.5 ? 'female' : 'male'
  const carers: Person[] = []
  const carer = (label: string): string => {
    const personId = id('carer', carers.length)
    carers.push({
      id: personId,
      version: 1,
      givenNames: 'Fictional',
      familyName: `Carer ${label}`,
      dateOfBirthOn: null,
      sex: null,
      isLocalAuthorityFosterCarer: true,
      isApprovedAdopter: label.startsWith('adopter'),
      organisation: null,
      postcode: null,
    })
    return personId
  }

  const remaining = daysBetween(start, asOf)
  const placementsPlan: PlacementPlan[] = []
  const spellsPlan: SpellPlan[] = []
  let end: CalendarDay | null = null
  let reasonEnded: ReasonCareEnded | null = null
  const journeys: AdoptionJourney[] = []
  const at = (fraction: number) => addCalendarDays(start, Math.max(1, Math.floor(remaining * fraction)))

  switch (scenario) {
    case 'foster': {
      const first = carer('first')
      spellsPlan.push({ from: start, status: 'interim-care-order' }, { from: at(0.3), status: 'care-order' })
      placementsPlan.push({ from: start, type: 'foster-other', carer: first, reasonEnded: 'status-change' })
      placementsPlan.push({ from: at(0.45), type: 'foster-long-term', carer: first, reasonEnded: null })
      placementsPlan.push({ from: at(0.6), type: 'temporary-holiday', carer: null, reasonEnded: null })
      placementsPlan.push({
        from: addCalendarDays(at(0.6), 10),
        type: 'foster-long-term',
        carer: first,
        reasonEnded: null,
      })
      break
    }
    case 'section-20': {
      spellsPlan.push({ from: start, status: 'section-20' })
      placementsPlan.push({
        from: start,
        type: 'foster-other',
        carer: carer('short'),
        reasonEnded: 'carer-request-other',
      })
      placementsPlan.push({ from: at(0.3), type: 'childrens-home', carer: null, reasonEnded: null })
      end = at(0.6)
      reasonEnded = 'returned-home-planned'
      break
    }
    case 'adoption':
    case 'adoption-reversed': {
      const ffa = carer('ffa')
      const decidedOn = at(0.15)
      const orderOn = at(0.3)
      spellsPlan.push({ from: start, status: 'interim-care-order' }, { from: orderOn, status: 'placement-order' })
      placementsPlan.push({ from: start, type: 'foster-for-adoption', carer: ffa, reasonEnded: 'care-plan' })
      if (scenario === 'adoption') {
        const matchedOn = at(0.4)
        const placedOn = at(0.5)
        const byFosterCarers = random() < 0.5
        placementsPlan.push({
          from: placedOn,
          type: byFosterCarers ? 'adoption-placement-order-current-foster-carers' : 'adoption-placement-order',
          carer: byFosterCarers ? ffa : carer('adopter'),
          reasonEnded: null,
        })
        end = at(0.8)
        reasonEnded = random() < 0.5 ? 'adopted-unopposed' : 'adopted-consent-dispensed'
        journeys.push({
          id: id('adoption'),
          decidedOn,
          decisionCeasedOn: null,
          decisionCeasedReason: null,
          placementOrderOn: orderOn,
          matchedOn,
          placedOn,
          adoptionOrderOn: end,
          fosteringForAdoptionOn: start,
          adopters: { count: 2, sexes: 'male-and-female', legalStatus: 'married-different-sex' },
          isAdoptedByFosterCarers: byFosterCarers,
          familyId: null,
        })
      } else {
        spellsPlan.push({ from: at(0.5), status: 'care-order' })
        placementsPlan.push({ from: at(0.55), type: 'foster-long-term', carer: carer('long'), reasonEnded: null })
        journeys.push({
          id: id('adoption'),
          decidedOn,
          decisionCeasedOn: at(0.5),
          decisionCeasedReason: 'needs-changed',
          placementOrderOn: orderOn,
          matchedOn: null,
          placedOn: null,
          adoptionOrderOn: null,
          fosteringForAdoptionOn: start,
          adopters: null,
          isAdoptedByFosterCarers: null,
          familyId: null,
        })
      }
      break
    }
    case 'sgo': {
      spellsPlan.push({ from: start, status: 'interim-care-order' })
      placementsPlan.push({ from: start, type: 'connected-foster-other', carer: carer('kin'), reasonEnded: null })
      end = at(0.7)
      reasonEnded = 'sgo-former-foster-carers-connected'
      break
    }
    case 'supported-accommodation': {
      const sixteen = nthBirthday(dateOfBirthOn, 16)
      spellsPlan.push({ from: start, status: 'section-20' })
      placementsPlan.push({ from: start, type: 'childrens-home', carer: null, reasonEnded: 'care-plan' })
      const move = addCalendarDays(sixteen, int(1, 60))
      if (move < asOf) {
        placementsPlan.push({ from: move, type: 'supported-accommodation', carer: null, reasonEnded: null })
        const eighteen = nthBirthday(dateOfBirthOn, 18)
        if (eighteen <= asOf) {
          end = eighteen
          reasonEnded = 'independent-living-supported'
        }
      }
      break
    }
  }

  const periodId = id('period')
  const period: PeriodOfCare = {
    id: periodId,
    version: 1,
    startedOn: start,
    endedOn: end,
    reasonEnded,
    categoryOfNeed: pick(['N1', 'N1', 'N2', 'N4', 'N5'] as const),
    previousPermanence: random() < 0.9 ? 'none' : 'special-guardianship-order',
  }
  const cut = <T extends { readonly from: CalendarDay }>(plans: readonly T[]) =>
    plans.filter(plan => end === null || plan.from < end)
  const placementPlans = cut(placementsPlan)
  const placements: Placement[] = placementPlans.map((plan, n) => {
    const next = placementPlans[n + 1]
    const isUrnNeeded = !NO_URN.has(plan.type)
    return {
      id: id('placement', n),
      version: 1,
      placementType: plan.type,
      carerPersonId: plan.carer,
      providerName: null,
      providerType: plan.type === 'temporary-holiday' ? null : (PROVIDERS[plan.type] ?? 'own-authority'),
      postcode: plan.type === 'temporary-holiday' ? null : `ZZ99 ${int(1, 9)}${pick(['AA', 'AB', 'BA', 'BB'])}`,
      ofstedUrn: isUrnNeeded ? `SC${String(int(100000, 999999))}` : null,
      startedOn: plan.from,
      endedOn: next?.from ?? end,
      reasonEnded: next === undefined ? null : plan.reasonEnded,
      isIntendedUntilEighteen: plan.type === 'foster-long-term',
    }
  })
  // The placement after a temporary one returns to the same placement type and postcode (rule 383).
  placements.forEach((placement, n) => {
    const previous = placements[n - 1]
    const beforePrevious = placements[n - 2]
    if (previous?.placementType === 'temporary-holiday' && beforePrevious !== undefined) {
      placements[n] = { ...placement, postcode: beforePrevious.postcode, ofstedUrn: beforePrevious.ofstedUrn }
    }
  })
  const spellPlans = cut(spellsPlan)
  const legalStatuses: LegalStatusSpell[] = spellPlans.map((plan, n) => ({
    id: id('legal-status', n),
    version: 1,
    status: plan.status,
    startedOn: plan.from,
    endedOn: spellPlans[n + 1]?.from ?? end,
  }))

  const lastDay = end ?? asOf
  const reviews: StatutoryReview[] = []
  for (
    let day = addCalendarDays(start, 20), n = 0;
    day < lastDay;
    day = addCalendarDays(day, n === 0 ? 70 : 182), n += 1
  ) {
    const ageDays = daysBetween(dateOfBirthOn, day)
    reviews.push({
      id: id('review', n),
      version: 1,
      heldOn: day,
      participation: ageDays < 4 * 365 + 1 ? 'PN0' : pick(['PN1', 'PN2', 'PN5'] as const),
      chairedById: null,
      broughtForwardReason: null,
      notes: null,
    })
  }

  const missingEpisodes: MissingEpisode[] = []
  if (daysBetween(dateOfBirthOn, start) > 12 * 365 && random() < 0.5) {
    const missingStart = addCalendarDays(start, int(5, Math.max(6, daysBetween(start, lastDay) - 5)))
    if (missingStart < lastDay) {
      missingEpisodes.push({
        id: id('missing'),
        kind: random() < 0.7 ? 'missing' : 'away-without-authorisation',
        startedOn: missingStart,
        returnedOn: addCalendarDays(missingStart, 1) <= asOf ? addCalendarDays(missingStart, 1) : null,
        wasReturnInterviewOffered: true,
        wasReturnInterviewAccepted: random() < 0.5,
      })
    }
  }

  const allocations: WorkerAllocation[] = [
    {
      id: id('allocation'),
      version: 1,
      workerId: id('worker'),
      teamId: null,
      startedOn: start,
      endedOn: null,
      reasonEnded: null,
    },
  ]
  const socialWorkerEpisodes: SocialWorkerEpisodeDetails[] = [
    { allocationId: allocations[0]!.id, socialWorkerRef: `SW${String(int(10000, 99999))}`, changeReason: null },
  ]
  const periodDetails: PeriodOfCareReturnDetails = {
    periodOfCareId: periodId,
    homePostcode: `ZZ99 ${int(1, 9)}ZZ`,
    previousPermanenceAuthority: period.previousPermanence === 'none' ? null : '202',
    previousPermanenceOn: period.previousPermanence === 'none' ? null : ('2018-05-ZZ' as PartialCalendarDay),
  }
  const healthOutcomes: HealthOutcomes[] = []
  for (let year = collectionYearOf(start) + 1; year <= collectionYearOf(asOf); year += 1) {
    const yearEnd = `${year}-03-31` as CalendarDay
    if (end !== null && end <= yearEnd) {
      break
    }
    healthOutcomes.push({
      collectionYear: year,
      sdqScore: null,
      sdqReason: 'outside-age-range',
      isConvicted: null,
      hasHealthCheck: true,
      hasImmunisations: true,
      hasTeethCheck: true,
      hasHealthAssessment: true,
      hasSubstanceMisuse: false,
      hasInterventionReceived: null,
      hasInterventionOffered: null,
    })
  }

  const isUasc = scenario === 'supported-accommodation' && random() < 0.3
  const child: ChildDetails = {
    id: id('child'),
    version: 1,
    givenNames: pick(GIVEN_NAMES),
    familyName: `Fictional-${index}`,
    preferredName: null,
    dateOfBirthOn,
    sex,
    ethnicity: pick(ETHNICITY_VALUES),
    firstLanguage: null,
    needsInterpreter: false,
    religion: null,
    hasDisability: false,
    disabilityDetails: null,
    communicationNeeds: null,
    localCaseNumber: laChildId,
    upn: `${UPN_LETTERS[int(0, UPN_LETTERS.length - 1)]}${String(int(0, 999999)).padStart(6, '0')}${String(int(0, 999999)).padStart(6, '0')}`,
    isUnaccompaniedAsylumSeeker: isUasc,
    dateOfDeathOn: null,
    teamId: null,
    allocatedWorkerId: allocations[0]!.workerId,
    allocatedIroId: null,
    sensitivity: 'normal',
    restrictionCategory: null,
    restrictionOwnerId: null,
    restrictionReviewOn: null,
    restrictionPermittedUserIds: [],
  }
  const record: CareRecord = {
    child,
    periodsOfCare: [period],
    legalStatuses,
    placements,
    reviews,
    proceedings: [],
    orders: [],
    relationships: [],
    people: carers,
    siblings: [],
    allocations,
    livingArrangements: [],
    events: [],
  }
  return {
    ...record,
    returnDetails: {
      isMother: sex === 'female' ? false : null,
      firstChildBornOn: null,
      uascCeasedOn: null,
      periodsOfCare: [periodDetails],
      adoptionJourneys: journeys.filter(journey => journey.decidedOn <= lastDay),
      missingEpisodes,
      socialWorkerEpisodes,
      deprivationOfLibertyOrders: [],
      healthOutcomes,
      careLeaverOutcomes: [],
    },
  }
}
