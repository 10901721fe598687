/**
 * Builds a fictional authority's children, deterministically from a seed and a date: realistic journeys through
 * care (section 20 stays that end at home, interim care orders in proceedings — some past 26 weeks — care orders
 * with long-term fostering, adoption, special guardianship, child arrangements orders, teenagers in children's homes,
 * remand), sibling groups placed together and apart, reviews on time and late, and children drifting. Every
 * generated record satisfies the care-record invariants (checked before it is returned).
 *
 * All names are invented and obviously fictional (surnames like "Puddleby"); no real child or worker is described.
 */
import { validateCareRecord } from '../../domain/children/care-record-rules.ts'
import type {
  CareProceedings,
  CareRecord,
  ChildDetails,
  ChildRelationship,
  LegalOrder,
  LegalStatusSpell,
  LivingArrangement,
  PeriodOfCare,
  Person,
  Placement,
  SiblingLink,
  StatutoryReview,
  WorkerAllocation,
} from '../../domain/children/care-record.ts'
import type {
  CategoryOfNeed,
  Ethnicity,
  LegalStatus,
  PlacementType,
  ReasonCareEnded,
  ReasonPlacementEnded,
  Sex,
} from '../../domain/children/codes.ts'
import {
  addCalendarDays,
  addCalendarMonths,
  isoWeekday,
  toDayNumber,
  type CalendarDay,
} from '../../domain/shared/calendar-day.ts'
import { generateDemoEvents, markStayingPutReviews } from './generate-demo-events.ts'
import type { Random } from './random.ts'

export const GIVEN_NAMES_FEMALE = [
  'Juniper',
  'Wren',
  'Hazel',
  'Clover',
  'Sorrel',
  'Tansy',
  'Fern',
  'Poppy',
  'Ivy',
  'Briar',
  'Aster',
  'Marigold',
  'Bryony',
  'Saffron',
  'Willow',
  'Primrose',
  'Lark',
  'Maple',
  'Honey',
  'Blossom',
  'Dove',
  'Nettle',
  'Celandine',
] as const
export const GIVEN_NAMES_MALE = [
  'Rowan',
  'Bramble',
  'Linden',
  'Alder',
  'Basil',
  'Pip',
  'Marlow',
  'Robin',
  'Reed',
  'Cedar',
  'Heath',
  'Moss',
  'Quill',
  'Sable',
  'Teasel',
  'Birch',
  'Flint',
  'Gorse',
  'Hawthorn',
  'Oakley',
  'Rush',
  'Sedge',
  'Tarragon',
] as const
export const FAMILY_NAMES = [
  'Puddleby',
  'Marchbank',
  'Nettlefold',
  'Quimby',
  'Wobbleton',
  'Fernsby',
  'Thimbleton',
  'Crumblethwaite',
  'Dapplewick',
  'Bumbleford',
  'Kettleworth',
  'Pebblestone',
  'Tumbledown',
  'Wispington',
  'Gorsemoor',
  'Mossbottom',
  'Brackenridge',
  'Hollowell',
  'Snickleby',
  'Figgleton',
  'Marrowfield',
  'Tuppington',
  'Wimbleworth',
  'Ploverdale',
  'Quillfeather',
  'Dunnockby',
  'Tattersnip',
  'Grubbleton',
  'Muddlecombe',
  'Fiddlestone',
  'Pottersby',
  'Nimbleford',
  'Sproutley',
  'Trundleby',
  'Wrigglesworth',
  'Bobbington',
  'Cobblewick',
  'Dimbleby-Fenn',
  'Haddlesey',
  'Jollyford',
] as const
const CARER_GIVEN = [
  'Morwenna',
  'Tobias',
  'Ottoline',
  'Barnaby',
  'Philippa',
  'Ambrose',
  'Clementine',
  'Horatio',
] as const
const RELIGIONS = [null, null, 'Christian', 'Muslim', 'No religion', 'Hindu', 'Sikh', 'Jewish'] as const
const LANGUAGES = [
  'English',
  'English',
  'English',
  'English',
  'Polish',
  'Urdu',
  'Romanian',
  'Arabic',
  'Somali',
] as const
const ETHNICITIES: readonly (readonly [Ethnicity, number])[] = [
  ['WBRI', 60],
  ['WOTH', 6],
  ['MWBC', 5],
  ['MWBA', 3],
  ['MWAS', 3],
  ['MOTH', 4],
  ['AIND', 2],
  ['APKN', 3],
  ['ABAN', 1],
  ['BAFR', 3],
  ['BCRB', 2],
  ['CHNE', 1],
  ['OOTH', 2],
  ['WROM', 2],
  ['WIRT', 1],
  ['NOBT', 2],
]

export type Journey =
  | 'section-20-returned-home'
  | 'section-20-ongoing'
  | 'newly-looked-after'
  | 'interim-care-order-in-proceedings'
  | 'care-order-long-term-fostering'
  | 'adoption-placed'
  | 'adopted'
  | 'special-guardianship'
  | 'child-arrangements-order'
  | 'teenager-childrens-home'
  | 'remand'
  | 'drifting'

const JOURNEYS: readonly (readonly [Journey, number])[] = [
  ['section-20-returned-home', 8],
  ['section-20-ongoing', 10],
  ['newly-looked-after', 6],
  ['interim-care-order-in-proceedings', 16],
  ['care-order-long-term-fostering', 20],
  ['adoption-placed', 6],
  ['adopted', 5],
  ['special-guardianship', 7],
  ['child-arrangements-order', 3],
  ['teenager-childrens-home', 8],
  ['remand', 2],
  ['drifting', 9],
]

export interface DemoStaff {
  readonly teamIds: readonly string[]
  /** Social workers (and their team) who hold caseloads. */
  readonly workers: readonly { id: string; teamId: string }[]
  readonly iroIds: readonly string[]
  /** The demo social worker's account: given a caseload with something overdue. */
  readonly featuredWorkerId: string
}

export interface DemoChild {
  readonly record: CareRecord
  readonly journey: Journey
  /** The people this child's record names (siblings share some; the seeder inserts each person once). */
  readonly newPeople: readonly Person[]
}

interface Family {
  readonly familyName: string
  readonly mother: Person
  readonly father: Person
  readonly grandparent: Person
  readonly aunt: Person
  readonly ethnicity: Ethnicity
}

function weekdayOnOrAfter(day: CalendarDay): CalendarDay {
  let d = day
  while (isoWeekday(d) > 5) {
    d = addCalendarDays(d, 1)
  }
  return d
}

function min(a: CalendarDay, b: CalendarDay): CalendarDay {
  return a < b ? a : b
}

/**
 * Generates one authority's children.
 * @param random - the seeded random source
 * @param options - what to build
 * @param options.children - how many children (about; sibling groups may add one or two)
 * @param options.today - the day the data is "as of"
 * @param options.staff - who the children are allocated to
 * @param options.caseNumberPrefix - e.g. `NS`
 * @returns the children, every record valid
 */
export function generateDemoChildren(
  random: Random,
  options: { children: number; today: CalendarDay; staff: DemoStaff; caseNumberPrefix: string },
): DemoChild[] {
  const { today, staff } = options
  const result: DemoChild[] = []
  let caseNumber = 1000
  const person = (given: string, family: string, extra: Partial<Person> = {}): Person => ({
    id: random.uuid(),
    version: 1,
    givenNames: given,
    familyName: family,
    dateOfBirthOn: null,
    sex: null,
    isLocalAuthorityFosterCarer: false,
    isApprovedAdopter: false,
    organisation: null,
    postcode: null,
    ...extra,
  })
  const newFamily = (): Family => {
    const familyName = random.pick(FAMILY_NAMES)
    const birthYear = Number(today.slice(0, 4))
    return {
      familyName,
      mother: person(random.pick(GIVEN_NAMES_FEMALE), familyName, {
        sex: 'female',
        dateOfBirthOn: `${birthYear - random.int(22, 40)}-0${random.int(1, 9)}-1${random.int(0, 9)}` as CalendarDay,
      }),
      father: person(random.pick(GIVEN_NAMES_MALE), random.chance(0.5) ? familyName : random.pick(FAMILY_NAMES), {
        sex: 'male',
      }),
      grandparent: person(random.pick(GIVEN_NAMES_FEMALE), familyName, {
        sex: 'female',
        dateOfBirthOn: `${birthYear - random.int(50, 68)}-0${random.int(1, 9)}-0${random.int(1, 9)}` as CalendarDay,
      }),
      aunt: person(random.pick(GIVEN_NAMES_FEMALE), familyName, { sex: 'female' }),
      ethnicity: random.weighted(ETHNICITIES),
    }
  }
  const fosterCarer = (): Person =>
    person(random.pick(CARER_GIVEN), random.pick(FAMILY_NAMES), {
      isLocalAuthorityFosterCarer: true,
      postcode: `NS${random.int(1, 9)} ${random.int(1, 9)}${random.pick(['AB', 'CD', 'EF', 'GH'])}`,
    })

  while (result.length < options.children) {
    const family = newFamily()
    const groupSize = random.weighted([
      [1, 70],
      [2, 18],
      [3, 9],
      [4, 3],
    ] as const)
    const journey = random.weighted(JOURNEYS)
    const isFeatured = random.chance(0.06)
    const worker = isFeatured
      ? (staff.workers.find(w => w.id === staff.featuredWorkerId) ?? random.pick(staff.workers))
      : random.pick(staff.workers)
    const iroId = random.pick(staff.iroIds)
    const siblings: DemoChild[] = []
    const sharedCarer = fosterCarer()
    const isPlacedApart = groupSize > 1 && random.chance(0.35)
    const startedOn = journeyStart(random, journey, today)
    for (let i = 0; i < groupSize; i += 1) {
      caseNumber += random.int(1, 7)
      const child = buildChild(random, {
        journey,
        family,
        today,
        startedOn,
        workerId: worker.id,
        teamId: worker.teamId,
        iroId,
        caseNumber: `${options.caseNumberPrefix}${caseNumber}`,
        carer: isPlacedApart && i > 0 ? fosterCarer() : sharedCarer,
        siblingIndex: i,
        makePerson: person,
      })
      siblings.push(child)
    }
    // Link every pair of brothers and sisters (the lower id first, as stored).
    const links: { childId: string; link: SiblingLink }[] = []
    for (let a = 0; a < siblings.length; a += 1) {
      for (let b = a + 1; b < siblings.length; b += 1) {
        const kind = random.chance(0.7) ? 'full' : 'half'
        const id = random.uuid()
        const first = siblings[a]!.record.child.id
        const second = siblings[b]!.record.child.id
        links.push({ childId: first, link: { id, version: 1, siblingChildId: second, kind } })
        links.push({ childId: second, link: { id, version: 1, siblingChildId: first, kind } })
      }
    }
    for (const sibling of siblings) {
      const record: CareRecord = {
        ...sibling.record,
        siblings: links.filter(l => l.childId === sibling.record.child.id).map(l => l.link),
        events: generateDemoEvents(random, sibling.record, sibling.journey, today),
        reviews: markStayingPutReviews(sibling.record, sibling.journey),
      }
      const problems = validateCareRecord(record, today)
      if (problems.length > 0) {
        throw new Error(
          `Demo generator made an invalid record (${sibling.journey}): ${problems.map(p => `${p.code} ${p.path.join('.')}`).join(', ')}`,
        )
      }
      result.push({ ...sibling, record })
    }
  }
  return result
}

function journeyStart(random: Random, journey: Journey, today: CalendarDay): CalendarDay {
  const daysAgo: Record<Journey, [number, number]> = {
    'section-20-returned-home': [200, 900],
    'section-20-ongoing': [60, 700],
    'newly-looked-after': [3, 25],
    'interim-care-order-in-proceedings': [40, 330],
    'care-order-long-term-fostering': [500, 3000],
    'adoption-placed': [420, 900],
    adopted: [800, 1600],
    'special-guardianship': [400, 1400],
    'child-arrangements-order': [300, 1000],
    'teenager-childrens-home': [150, 1200],
    remand: [10, 60],
    drifting: [240, 800],
  }
  const [from, to] = daysAgo[journey]
  return weekdayOnOrAfter(addCalendarDays(today, -random.int(from, to)))
}

interface BuildOptions {
  readonly journey: Journey
  readonly family: Family
  readonly today: CalendarDay
  readonly startedOn: CalendarDay
  readonly workerId: string
  readonly teamId: string
  readonly iroId: string
  readonly caseNumber: string
  readonly carer: Person
  readonly siblingIndex: number
  readonly makePerson: (given: string, family: string, extra?: Partial<Person>) => Person
}

function ageRange(journey: Journey): [number, number] {
  switch (journey) {
    case 'adoption-placed':
    case 'adopted':
      return [1, 5]
    case 'teenager-childrens-home':
      return [14, 17]
    case 'remand':
      return [15, 17]
    case 'care-order-long-term-fostering':
      return [8, 16]
    default:
      return [1, 15]
  }
}

function buildChild(random: Random, o: BuildOptions): Omit<DemoChild, 'record'> & { record: CareRecord } {
  const sex: Sex = random.chance(0.5) ? 'female' : 'male'
  const [minAge, maxAge] = ageRange(o.journey)
  // Age at the start of care, so that the child is the right age for the journey then; siblings are spaced apart.
  // Children still looked after today must be under 18 today (looked-after status ends at 18: rules.md T12).
  const endsInCare = ![
    'section-20-returned-home',
    'adopted',
    'special-guardianship',
    'child-arrangements-order',
  ].includes(o.journey)
  const yearsInCare = (toDayNumber(o.today) - toDayNumber(o.startedOn)) / 365.25
  const oldestAtStart = endsInCare ? Math.floor(17.5 - yearsInCare) : maxAge
  const ageAtStart = Math.max(
    0,
    Math.min(random.int(minAge, maxAge), oldestAtStart) - o.siblingIndex * random.int(1, 2),
  )
  const birth = addCalendarDays(o.startedOn, -(ageAtStart * 365 + random.int(20, 340)))
  const childId = random.uuid()
  const periods: PeriodOfCare[] = []
  const statuses: LegalStatusSpell[] = []
  const placements: Placement[] = []
  const reviews: StatutoryReview[] = []
  const proceedings: CareProceedings[] = []
  const orders: LegalOrder[] = []
  const newPeople: Person[] = [o.family.mother, o.family.father, o.family.grandparent, o.family.aunt]
  const relationships: ChildRelationship[] = [
    rel(random, o.family.mother.id, 'mother', true),
    rel(random, o.family.father.id, 'father', random.chance(0.6)),
    rel(random, o.family.grandparent.id, 'grandparent', false),
    rel(random, o.family.aunt.id, 'aunt', false),
  ]
  const living: LivingArrangement[] = [
    { id: random.uuid(), version: 1, personId: o.family.mother.id, startedOn: birth, endedOn: o.startedOn },
  ]
  const { today } = o
  const start = o.startedOn

  const addPeriod = (
    from: CalendarDay,
    to: CalendarDay | null,
    reasonEnded: ReasonCareEnded | null,
    need: CategoryOfNeed,
  ) => {
    periods.push({
      id: random.uuid(),
      version: 1,
      startedOn: from,
      endedOn: to,
      reasonEnded,
      categoryOfNeed: need,
      previousPermanence: 'none',
    })
  }
  const addStatus = (status: LegalStatus, from: CalendarDay, to: CalendarDay | null) => {
    statuses.push({ id: random.uuid(), version: 1, status, startedOn: from, endedOn: to })
  }
  const addPlacement = (
    type: PlacementType,
    from: CalendarDay,
    to: CalendarDay | null,
    carer: Person | null,
    options: { reasonEnded?: ReasonPlacementEnded | null; untilEighteen?: boolean; provider?: string } = {},
  ) => {
    if (carer && !newPeople.some(p => p.id === carer.id)) {
      newPeople.push(carer)
    }
    if (carer && !relationships.some(r => r.personId === carer.id)) {
      relationships.push(rel(random, carer.id, carer.isLocalAuthorityFosterCarer ? 'foster-carer' : 'other', false))
    }
    placements.push({
      id: random.uuid(),
      version: 1,
      placementType: type,
      carerPersonId: carer?.id ?? null,
      providerName: options.provider ?? (carer ? null : 'Larkspur House'),
      providerType: type === 'with-parents' ? 'parents' : carer ? 'own-authority' : 'private',
      postcode: carer?.postcode ?? `NS${random.int(1, 9)} ${random.int(1, 9)}XY`,
      // SSDA903 rules 218 and 222: fostering and adoption placements carry the agency's Ofsted URN, young offender
      // institutions and placements with parents none. (The random draw is kept so the rest of the data is unchanged.)
      ofstedUrn: demoUrn(type, carer === null ? `SC${random.int(100000, 999999)}` : null),
      startedOn: from,
      endedOn: to,
      reasonEnded: to === null ? null : (options.reasonEnded ?? 'care-plan'),
      isIntendedUntilEighteen: options.untilEighteen ?? false,
    })
  }
  /** Statutory reviews from the start of care to `until`, some late when the child is drifting. */
  const addReviews = (from: CalendarDay, until: CalendarDay, lateness: number) => {
    const late = () => (random.chance(lateness) ? random.int(5, 45) : random.int(-6, 0))
    let held = weekdayOnOrAfter(addCalendarDays(from, 27 + late()))
    let index = 0
    while (held < until && held <= today) {
      reviews.push({
        id: random.uuid(),
        version: 1,
        heldOn: held,
        participation: random.pick(['PN1', 'PN2', 'PN3', 'PN5', 'PN6'] as const),
        chairedById: o.iroId,
        broughtForwardReason: null,
        notes: null,
      })
      index += 1
      held = weekdayOnOrAfter(addCalendarDays(addCalendarMonths(held, index === 1 ? 3 : 6), late()))
    }
  }
  const need: CategoryOfNeed = random.weighted([
    ['N1', 60],
    ['N4', 10],
    ['N5', 12],
    ['N8', 6],
    ['N2', 4],
    ['N3', 4],
    ['N6', 4],
  ] as const)

  switch (o.journey) {
    case 'section-20-returned-home': {
      const end = min(weekdayOnOrAfter(addCalendarDays(start, random.int(40, 180))), today)
      addPeriod(start, end, random.chance(0.8) ? 'returned-home-planned' : 'returned-home-unplanned', 'N4')
      addStatus('section-20', start, end)
      addPlacement('foster-other', start, end, o.carer)
      addReviews(start, end, 0.2)
      living.push({ id: random.uuid(), version: 1, personId: o.family.mother.id, startedOn: end, endedOn: null })
      break
    }
    case 'section-20-ongoing':
    case 'newly-looked-after': {
      addPeriod(start, null, null, need)
      addStatus('section-20', start, null)
      addPlacement(
        random.chance(0.4) ? 'connected-foster-other' : 'foster-other',
        start,
        null,
        random.chance(0.4) ? o.family.grandparent : o.carer,
      )
      addReviews(start, today, 0.15)
      break
    }
    case 'drifting': {
      addPeriod(start, null, null, need)
      addStatus('section-20', start, null)
      const move = addCalendarDays(start, random.int(60, 150))
      addPlacement('foster-other', start, move, o.carer, { reasonEnded: 'carer-request-behaviour' })
      addPlacement(
        'foster-other',
        move,
        null,
        o.makePerson(random.pick(CARER_GIVEN), random.pick(FAMILY_NAMES), {
          isLocalAuthorityFosterCarer: true,
          postcode: 'NS4 2PQ',
        }),
      )
      addReviews(start, today, 0.7)
      break
    }
    case 'interim-care-order-in-proceedings': {
      addPeriod(start, null, null, 'N1')
      const issued = weekdayOnOrAfter(addCalendarDays(start, random.int(0, 10)))
      addStatus('police-protection', start, addCalendarDays(start, 1))
      addStatus('interim-care-order', addCalendarDays(start, 1), null)
      addPlacement('foster-other', start, null, o.carer)
      const extended = addCalendarDays(issued, 181) < today && random.chance(0.5)
      proceedings.push({
        id: random.uuid(),
        version: 1,
        issuedOn: issued,
        court: 'Northshire Family Court',
        courtCaseNumber: `NS${random.int(10, 99)}C${random.int(100, 999)}`,
        finalCarePlanFilingOn: addCalendarDays(issued, random.int(120, 160)),
        concludedOn: null,
        outcome: null,
        extensions: extended
          ? [{ grantedOn: min(addCalendarDays(issued, 170), today), weeks: 8, reason: 'Expert assessment outstanding' }]
          : [],
      })
      addReviews(start, today, 0.25)
      break
    }
    case 'care-order-long-term-fostering': {
      addPeriod(start, null, null, 'N1')
      const issued = weekdayOnOrAfter(addCalendarDays(start, random.int(0, 5)))
      const concluded = weekdayOnOrAfter(addCalendarDays(issued, random.int(150, 240)))
      addStatus('interim-care-order', start, concluded)
      addStatus('care-order', concluded, null)
      proceedings.push({
        id: random.uuid(),
        version: 1,
        issuedOn: issued,
        court: 'Northshire Family Court',
        courtCaseNumber: `NS${random.int(10, 99)}C${random.int(100, 999)}`,
        finalCarePlanFilingOn: addCalendarDays(issued, 140),
        concludedOn: concluded,
        outcome: 'Care order',
        extensions:
          addCalendarDays(issued, 181) < concluded
            ? [{ grantedOn: addCalendarDays(issued, 175), weeks: 8, reason: null }]
            : [],
      })
      orders.push(order(random, 'care-order', concluded, null, []))
      const matched = min(addCalendarDays(concluded, random.int(60, 300)), addCalendarDays(today, -14))
      addPlacement('foster-other', start, matched, o.carer, { reasonEnded: 'care-plan' })
      const longTermCarer = o.makePerson(random.pick(CARER_GIVEN), random.pick(FAMILY_NAMES), {
        isLocalAuthorityFosterCarer: true,
        postcode: 'NS2 7LT',
      })
      addPlacement('foster-long-term', matched, null, longTermCarer, { untilEighteen: true })
      addReviews(start, today, 0.1)
      break
    }
    case 'adoption-placed':
    case 'adopted': {
      addPeriod(start, null, null, 'N1')
      const issued = weekdayOnOrAfter(addCalendarDays(start, random.int(0, 5)))
      const placementOrder = weekdayOnOrAfter(addCalendarDays(issued, random.int(160, 220)))
      addStatus('interim-care-order', start, placementOrder)
      addStatus('placement-order', placementOrder, null)
      proceedings.push({
        id: random.uuid(),
        version: 1,
        issuedOn: issued,
        court: 'Northshire Family Court',
        courtCaseNumber: `NS${random.int(10, 99)}C${random.int(100, 999)}`,
        finalCarePlanFilingOn: addCalendarDays(issued, 140),
        concludedOn: placementOrder,
        outcome: 'Care and placement orders',
        extensions: [],
      })
      orders.push(order(random, 'placement-order', placementOrder, null, []))
      const placedOn = weekdayOnOrAfter(addCalendarDays(placementOrder, random.int(60, 200)))
      const adopters = o.makePerson(random.pick(CARER_GIVEN), random.pick(FAMILY_NAMES), { isApprovedAdopter: true })
      addPlacement('foster-other', start, placedOn, o.carer, { reasonEnded: 'care-plan' })
      relationships.push(rel(random, adopters.id, 'prospective-adopter', false))
      if (o.journey === 'adopted') {
        const adoptedOn = weekdayOnOrAfter(addCalendarDays(placedOn, random.int(120, 300)))
        periods[0] = { ...periods[0]!, endedOn: adoptedOn, reasonEnded: 'adopted-consent-dispensed' }
        statuses[statuses.length - 1] = { ...statuses[statuses.length - 1]!, endedOn: adoptedOn }
        addPlacement('adoption-placement-order', placedOn, adoptedOn, adopters)
        orders.push(order(random, 'adoption-order', adoptedOn, null, [adopters.id]))
        addReviews(start, adoptedOn, 0.15)
      } else {
        addPlacement('adoption-placement-order', placedOn, null, adopters)
        addReviews(start, today, 0.15)
      }
      break
    }
    case 'special-guardianship':
    case 'child-arrangements-order': {
      const isSgo = o.journey === 'special-guardianship'
      const end = min(weekdayOnOrAfter(addCalendarDays(start, random.int(220, 400))), addCalendarDays(today, -7))
      addPeriod(start, end, isSgo ? 'sgo-former-foster-carers-connected' : 'child-arrangements-order', 'N1')
      addStatus('interim-care-order', start, end)
      addPlacement('connected-foster-other', start, end, o.family.grandparent)
      proceedings.push({
        id: random.uuid(),
        version: 1,
        issuedOn: start,
        court: 'Northshire Family Court',
        courtCaseNumber: `NS${random.int(10, 99)}C${random.int(100, 999)}`,
        finalCarePlanFilingOn: addCalendarDays(start, 140),
        concludedOn: end,
        outcome: isSgo ? 'Special guardianship order' : 'Child arrangements order',
        extensions:
          addCalendarDays(start, 181) < end ? [{ grantedOn: addCalendarDays(start, 175), weeks: 8, reason: null }] : [],
      })
      orders.push(
        order(random, isSgo ? 'special-guardianship-order' : 'child-arrangements-order', end, null, [
          o.family.grandparent.id,
        ]),
      )
      living.push({ id: random.uuid(), version: 1, personId: o.family.grandparent.id, startedOn: start, endedOn: null })
      addReviews(start, end, 0.2)
      break
    }
    case 'teenager-childrens-home': {
      addPeriod(start, null, null, random.pick(['N4', 'N5', 'N6'] as const))
      addStatus('section-20', start, null)
      const move = addCalendarDays(start, random.int(30, 120))
      if (move < today) {
        addPlacement('foster-other', start, move, o.carer, { reasonEnded: 'carer-request-behaviour' })
        addPlacement('childrens-home', move, null, null, { provider: 'Larkspur House' })
      } else {
        addPlacement('foster-other', start, null, o.carer)
      }
      addReviews(start, today, 0.3)
      break
    }
    case 'remand': {
      addPeriod(start, null, null, 'N6')
      addStatus('remand', start, null)
      addPlacement('young-offender-institution', start, null, null, { provider: 'Northshire Youth Custody' })
      addReviews(start, today, 0.1)
      break
    }
  }
  const details: ChildDetails = {
    id: childId,
    version: 1,
    givenNames: sex === 'female' ? random.pick(GIVEN_NAMES_FEMALE) : random.pick(GIVEN_NAMES_MALE),
    familyName: o.family.familyName,
    preferredName: random.chance(0.1) ? random.pick(['Bee', 'Jay', 'Kit', 'Lou', 'Max', 'Tee']) : null,
    dateOfBirthOn: birth,
    sex,
    ethnicity: o.family.ethnicity,
    firstLanguage: random.pick(LANGUAGES),
    needsInterpreter: random.chance(0.05),
    religion: random.pick(RELIGIONS),
    hasDisability: random.chance(0.12),
    disabilityDetails: null,
    communicationNeeds: random.chance(0.15) ? 'Uses Makaton signs alongside speech; give time to answer.' : null,
    localCaseNumber: o.caseNumber,
    // SSDA903 rule 168: a UPN in the DfE format (a letter, then 12 digits), made from the child's id, not the random
    // stream, so the rest of the demo data is unchanged.
    upn: demoUpn(childId),
    isUnaccompaniedAsylumSeeker: false,
    dateOfDeathOn: null,
    teamId: o.teamId,
    allocatedWorkerId: o.workerId,
    allocatedIroId: periods.some(p => p.endedOn === null) ? o.iroId : null,
    sensitivity: 'normal',
    restrictionCategory: null,
    restrictionOwnerId: null,
    restrictionReviewOn: null,
    restrictionPermittedUserIds: [],
  }
  const allocations: WorkerAllocation[] = [
    {
      id: random.uuid(),
      version: 1,
      workerId: o.workerId,
      teamId: o.teamId,
      startedOn: start,
      endedOn: null,
      reasonEnded: null,
    },
  ]
  return {
    journey: o.journey,
    newPeople,
    record: {
      child: details,
      periodsOfCare: periods,
      legalStatuses: statuses,
      placements,
      reviews,
      proceedings,
      orders,
      relationships,
      people: newPeople,
      siblings: [],
      allocations,
      livingArrangements: living,
      events: [],
    },
  }
}

function rel(
  random: Random,
  personId: string,
  relationship: ChildRelationship['relationship'],
  pr: boolean,
): ChildRelationship {
  return { id: random.uuid(), version: 1, personId, relationship, holdsParentalResponsibility: pr, notes: null }
}

function order(
  random: Random,
  orderType: LegalOrder['orderType'],
  madeOn: CalendarDay,
  endedOn: CalendarDay | null,
  holders: readonly string[],
): LegalOrder {
  return {
    id: random.uuid(),
    version: 1,
    orderType,
    madeOn,
    endedOn,
    holderPersonIds: holders,
    court: 'Northshire Family Court',
    notes: null,
  }
}

/** Fictional Ofsted URNs of the demo authority's own fostering and adoption services. */
const DEMO_FOSTERING_URN = 'SC900001'
const DEMO_ADOPTION_URN = 'SC900002'

function demoUrn(type: PlacementType, providerUrn: string | null): string | null {
  if (type === 'young-offender-institution' || type === 'with-parents') {
    return null
  }
  if (type.startsWith('adoption-')) {
    return DEMO_ADOPTION_URN
  }
  return providerUrn ?? DEMO_FOSTERING_URN
}

function demoUpn(childId: string): string {
  const digits = String(parseInt(childId.replace(/-/g, '').slice(0, 12), 16) % 1_000_000_000_000).padStart(12, '0')
  return `A${digits}`
}
