/**
 * Deterministic synthetic case histories for the timescale benchmark (bench/timescales.ts) and the engine's golden
 * test (bench/engine-golden.test.ts): the same index always gives the same child.
 *
 * A realistic mix of s.20, interim and full care orders, placement orders and adoption journeys, several placements,
 * reviews and visits on time and late, proceedings with extensions, 14–17-year-olds for the eligible-child rules,
 * contact suspensions, connected-person placements, a family network and private fostering (docs/performance.md).
 */
import { type CalendarDay, addCalendarDays, calendarDay } from '../src/domain/shared/calendar-day.ts'
import type { CaseHistory } from '../src/domain/timescales/case-history.ts'
import { seededSequence } from '../src/domain/shared/seeded-sequence.ts'

/** The evaluation day every synthetic history is written for. */
export const AS_OF = calendarDay('2026-02-01')

/** Mulberry32 (the application's), so every run generates the same children. */
export const prng = seededSequence

export type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/**
 * The synthetic history with a given index.
 * @param index - any non-negative integer
 * @returns the history (as parsed, dates as CalendarDay)
 */
export function generate(index: number): CaseHistory {
  const random = prng(0x9e3779b9 ^ (index * 2654435761))
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1))
  const chance = (p: number): boolean => random() < p
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const add = (d: CalendarDay, n: number): CalendarDay => addCalendarDays(d, n)

  const older = chance(0.3)
  const ageDays = older ? int(14 * 365, 17 * 365 + 300) : int(20, 14 * 365)
  const dateOfBirth = add(AS_OF, -ageDays)
  const lengthOfCare = int(5, Math.min(ageDays - 1, 6 * 365))
  const start = add(AS_OF, -lengthOfCare)
  const legalStatus = pick(['V2', 'V2', 'V2', 'C1', 'C1', 'C2', 'C2', 'C2', 'E1'] as const)
  const adoptionJourney = legalStatus === 'E1' || (legalStatus !== 'V2' && ageDays < 5 * 365 && chance(0.3))
  const history: Mutable<CaseHistory> = {
    child: { dateOfBirth },
    asOf: AS_OF,
    periodsOfCare: [],
    placements: [],
    reviews: [],
    visits: [],
    carePlans: [],
    permanenceMeetings: [],
    permanencePlans: [],
    proceedings: [],
    adoption: null,
    healthAssessments: [],
    personalEducationPlans: [],
    contactSuspensions: [],
    people: [],
    livingHistory: [],
  }
  // An earlier, ended period of care for some older children (T9).
  if (older && chance(0.35)) {
    const earlierStart = add(start, -int(200, 700))
    history.periodsOfCare.push({ start: earlierStart, end: add(earlierStart, int(20, 150)), legalStatus: 'V2' })
  }
  const changes =
    legalStatus === 'C1' && lengthOfCare > 200 && chance(0.5)
      ? [{ on: add(start, int(120, 200)), legalStatus: 'C2' as const }]
      : undefined
  history.periodsOfCare.push({
    start,
    end: chance(0.05) ? add(AS_OF, -int(1, Math.max(1, lengthOfCare - 1))) : null,
    legalStatus,
    ...(changes === undefined ? {} : { legalStatusChanges: changes }),
  })
  const people: Mutable<CaseHistory>['people'] = [
    { id: 'M', relationship: 'mother', isLocalAuthorityFosterParent: false, holdsParentalResponsibility: true },
  ]
  // Placements: one to four moves.
  const moves = int(1, 4)
  let placementStart = start
  for (let m = 0; m < moves; m++) {
    const remaining = lengthOfCare - (Number(new Date(placementStart)) - Number(new Date(start))) / 86_400_000
    const isLast = m === moves - 1 || remaining < 60
    const end = isLast ? null : add(placementStart, int(30, Math.max(31, Math.floor(remaining / 2))))
    const connected = chance(0.2)
    const carerId = `C${m}`
    const type =
      adoptionJourney && isLast && chance(0.6)
        ? pick(['A5', 'A6'] as const)
        : connected
          ? pick(['U1', 'U3'] as const)
          : pick(['U4', 'U6', 'U6', 'K2', 'P1'] as const)
    people.push({
      id: carerId,
      relationship: connected ? pick(['grandparent', 'aunt', 'family-friend'] as const) : 'foster-carer',
      isLocalAuthorityFosterParent: type.startsWith('U'),
      holdsParentalResponsibility: false,
    })
    history.placements.push({
      start: placementStart,
      end,
      placementType: type,
      carerId: type === 'K2' ? null : type === 'P1' ? 'M' : carerId,
      intendedUntil18: type === 'U4' && chance(0.5),
      placementPlanOn: chance(0.85) ? add(placementStart, int(0, 9)) : null,
      ...(connected && type.startsWith('U') && chance(0.5)
        ? {
            connectedPersonApproval: {
              temporaryApprovalOn: placementStart,
              extensions: chance(0.3) ? [{ grantedOn: add(placementStart, 105), weeks: 8 }] : [],
              fullApprovalOn: chance(0.5) ? add(placementStart, int(80, 160)) : null,
            },
          }
        : {}),
    })
    // Visits: roughly 6-weekly, sometimes late.
    let visit = add(placementStart, int(1, 9))
    const stopAt = end ?? AS_OF
    while (visit <= stopAt && visit <= AS_OF) {
      history.visits?.push({ date: visit })
      visit = add(visit, chance(0.85) ? int(25, 42) : int(43, 70))
    }
    if (end === null) {
      break
    }
    placementStart = end
  }
  // Reviews: first at about 20 working days, then 3 and 6 months, some late, one in ten brought forward.
  let review = add(start, chance(0.85) ? int(14, 27) : int(29, 45))
  let n = 0
  while (review <= AS_OF) {
    history.reviews.push({
      date: review,
      ...(chance(0.1) ? { broughtForward: true } : {}),
      ...(ageDays > 16 * 365 && chance(0.3) ? { stayingPutConsidered: true } : {}),
    })
    n++
    review = add(
      review,
      n === 1 ? (chance(0.9) ? int(70, 91) : int(92, 120)) : chance(0.9) ? int(150, 182) : int(183, 220),
    )
  }
  history.carePlans?.push({ date: add(start, int(-3, 14)) })
  if (ageDays > 5 * 365 && ageDays < 16 * 365 && chance(0.9)) {
    history.personalEducationPlans?.push({ date: add(start, int(3, 20)) })
  }
  let health = add(start, int(5, 35))
  while (health <= AS_OF) {
    history.healthAssessments.push({
      date: health,
      kind: history.healthAssessments.length === 0 ? 'initial' : 'review',
    })
    health = add(health, int(150, 400))
  }
  // Permanence planning meetings and plans.
  let ppm = add(start, int(10, 60))
  const options = [
    'reunification',
    'kinship-care',
    'long-term-fostering',
    'special-guardianship-order',
    'adoption',
  ] as const
  let option = pick(options)
  while (ppm <= AS_OF) {
    const next = add(ppm, int(40, 130))
    history.permanenceMeetings.push({ date: ppm, nextBookedOn: chance(0.8) ? next : null })
    if (chance(0.6)) {
      const endorsed = chance(0.7) ? add(ppm, int(1, 20)) : null
      history.permanencePlans.push({
        sentToManagerOn: add(ppm, -int(1, 6)),
        meetingOn: ppm,
        endorsedOn: endorsed !== null && endorsed <= AS_OF ? endorsed : null,
        ratifiedAtReviewOn: null,
        option: adoptionJourney ? 'adoption' : option,
      })
      if (chance(0.15)) {
        option = pick(options)
      }
    }
    ppm = next
  }
  // Proceedings for children in care, some extended.
  if (legalStatus !== 'V2') {
    const issuedOn = add(start, -int(0, 3))
    const long = chance(0.4)
    history.proceedings.push({
      issuedOn,
      extensions: long ? [{ grantedOn: add(issuedOn, 175), weeks: 8 }] : [],
      finalCarePlanFilingOn: add(issuedOn, int(120, 170)),
      concludedOn:
        add(issuedOn, long ? int(190, 260) : int(120, 182)) <= AS_OF
          ? add(issuedOn, long ? int(190, 260) : int(120, 182))
          : null,
    })
  }
  if (adoptionJourney) {
    const placementOrderOn = add(start, int(150, 300))
    const matchedOn = add(placementOrderOn, int(30, 200))
    const placed = history.placements.find(p => p.placementType.startsWith('A'))
    history.adoption = {
      shouldBePlacedDecisionOn: add(start, int(90, 140)),
      placementOrderOn: placementOrderOn <= AS_OF ? placementOrderOn : null,
      matchedOn: matchedOn <= AS_OF ? matchedOn : null,
      placedForAdoptionOn: placed?.start ?? null,
      adoptionOrderOn: null,
      adoptersPersonIds: placed?.carerId === null || placed?.carerId === undefined ? [] : [placed.carerId],
    }
  }
  if (chance(0.06)) {
    const s = add(AS_OF, -int(1, 40))
    history.contactSuspensions.push({ start: s, end: chance(0.6) ? add(s, int(2, 12)) : null })
  }
  // Family network: a grandparent who cared for the child before care.
  if (chance(0.4)) {
    people.push({
      id: 'G',
      relationship: 'grandparent',
      isLocalAuthorityFosterParent: false,
      holdsParentalResponsibility: false,
    })
    const from = add(start, -int(400, 2000))
    history.livingHistory.push({ personId: 'G', from: from < dateOfBirth ? dateOfBirth : from, to: start })
  }
  if (chance(0.05)) {
    people.push({
      id: 'PF',
      relationship: 'family-friend',
      isLocalAuthorityFosterParent: false,
      holdsParentalResponsibility: false,
    })
    const began = add(AS_OF, -int(30, 500))
    history.privateFostering = [
      {
        carerId: 'PF',
        arrangementStartedOn: began,
        notifiedOn: add(began, int(0, 60)),
        visits: [{ date: add(began, int(61, 70)) }],
      },
    ]
  }
  history.people = people
  if (chance(0.1)) {
    history.sgoNotices = [{ personId: people[people.length - 1]?.id ?? 'M', givenOn: add(AS_OF, -int(10, 200)) }]
  }
  return history
}

const VARIED_AS_OF = [
  '2012-09-30',
  '2015-06-15',
  '2020-02-29',
  '2024-12-24',
  '2026-02-01',
  '2026-02-01',
  '2026-12-31',
  '2027-04-15',
  '2029-08-31',
  '2031-06-01',
] as const
const LEGAL_STATUSES = ['V2', 'V2', 'C1', 'C2', 'C2', 'E1', 'V3', 'V4', 'D1', 'L1', 'L2', 'J1', 'J3'] as const
const PLACEMENT_TYPES = [
  'U1',
  'U2',
  'U3',
  'U4',
  'U5',
  'U6',
  'A3',
  'A4',
  'A5',
  'A6',
  'K1',
  'K2',
  'P1',
  'P1',
  'R1',
  'S1',
  'T0',
  'T1',
  'T4',
  'Z1',
] as const
const RELATIONSHIPS = [
  'mother',
  'father',
  'step-parent',
  'parent-partner',
  'grandparent',
  'aunt',
  'uncle',
  'sibling-adult',
  'cousin',
  'other-relative',
  'family-friend',
  'foster-carer',
  'prospective-adopter',
  'adoptive-parent',
  'special-guardian',
  'teacher',
  'professional',
  'other',
] as const
const OPTIONS = [
  'reunification',
  'remain-at-home',
  'kinship-care',
  'child-arrangements-order',
  'special-guardianship-order',
  'adoption',
  'early-permanence',
  'long-term-fostering',
  'staying-put',
  'residential-care',
  'options-being-explored',
] as const
const ROUTES = [
  'reunification',
  'child-arrangements-order',
  'special-guardianship-order',
  'adoption',
  'long-term-fostering',
  'staying-put',
  'other',
] as const

/**
 * A history that exercises the corners the benchmark's mix rarely reaches, for the golden test: every optional field
 * of the case history (policy events, assessments, notices, Staying Put, long-term fostering, permanence achieved,
 * adoption disruptions and orders, consent, several proceedings and private-fostering arrangements, temporary
 * placements, legal-status changes, guardians), evaluation days from 2012 to 2031 (projected and generated bank
 * holidays), leap-day births, children over 18, periods before the CPPCR came into force, unsorted input. The result
 * is JSON input: parse it with `parseCaseHistory` (it is always valid).
 * @param index - any non-negative integer
 * @returns the case history as JSON input
 */
export function generateVaried(index: number): Record<string, unknown> {
  const random = prng(0x85ebca6b ^ Math.imul(index + 1, 0xc2b2ae35))
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1))
  const chance = (p: number): boolean => random() < p
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const asOf = calendarDay(pick(VARIED_AS_OF))
  const add = (d: CalendarDay, n: number): CalendarDay => addCalendarDays(d, n)
  const upTo = (d: CalendarDay, n: number): CalendarDay => add(d, int(0, n))
  const orNull = <T>(p: number, value: () => T): T | null => (chance(p) ? value() : null)

  const ageDays = chance(0.1) ? int(18 * 365, 21 * 365) : chance(0.35) ? int(13 * 365, 18 * 365) : int(0, 13 * 365)
  const dateOfBirth = chance(0.05)
    ? pick(['2008-02-29', '2012-02-29', '2016-02-29', '2010-05-31', '2009-12-25'] as const)
    : add(asOf, -ageDays)
  const child: Record<string, unknown> = { dateOfBirth }
  if (chance(0.1)) {
    child.isDisabled = true
  }
  if (chance(0.03)) {
    child.hasMarriedOrFormedCivilPartnership = true
  }

  // People first, so every reference can point at one.
  const people: Record<string, unknown>[] = []
  const ids: string[] = []
  const personCount = int(0, 6)
  for (let k = 0; k < personCount; k++) {
    const id = `P${k}`
    ids.push(id)
    const person: Record<string, unknown> = {
      id,
      relationship: pick(RELATIONSHIPS),
      isLocalAuthorityFosterParent: chance(0.3),
      holdsParentalResponsibility: chance(0.2),
    }
    if (chance(0.3)) {
      person.dateOfBirth = add(asOf, -int(15 * 365, 70 * 365))
    }
    if (chance(0.1)) {
      person.isGuardian = true
    }
    if (chance(0.05)) {
      person.isSpecialGuardian = true
    }
    if (chance(0.1)) {
      person.isNamedInLivesWithOrder = true
    }
    if (chance(0.1)) {
      person.isMarriedToOrCivilPartnerOfParent = true
    }
    if (chance(0.1)) {
      person.wasLocalAuthorityFosterParentUntil = add(asOf, -int(0, 400))
    }
    people.push(person)
  }
  const someone = (): string => (ids.length === 0 ? 'NOBODY' : pick(ids))

  // Periods of care: up to three, in order, not overlapping; the last may still be open.
  const periodsOfCare: Record<string, unknown>[] = []
  const periodCount = chance(0.08) ? 0 : int(1, 3)
  let cursor = add(asOf, -int(30, 9 * 365))
  const periodSpans: { start: CalendarDay; end: CalendarDay | null }[] = []
  for (let k = 0; k < periodCount; k++) {
    const start = cursor
    const last = k === periodCount - 1
    const end = last && chance(0.7) ? null : add(start, int(3, 900))
    const legalStatus = pick(LEGAL_STATUSES)
    const period: Record<string, unknown> = { start, end, legalStatus }
    if (chance(0.3)) {
      period.legalStatusChanges = [
        { on: add(start, int(1, 400)), legalStatus: pick(LEGAL_STATUSES) },
        ...(chance(0.3) ? [{ on: add(start, int(1, 200)), legalStatus: pick(LEGAL_STATUSES) }] : []),
      ]
    }
    periodsOfCare.push(period)
    periodSpans.push({ start, end })
    if (end === null) {
      break
    }
    cursor = add(end, int(0, 300))
  }
  if (chance(0.1)) {
    periodsOfCare.reverse()
  }

  // Placements within the periods (some after the evaluation day or running past it).
  const placements: Record<string, unknown>[] = []
  for (const span of periodSpans) {
    let start = add(span.start, chance(0.8) ? 0 : int(1, 20))
    const moves = int(0, 4)
    for (let m = 0; m < moves; m++) {
      const end = m === moves - 1 && span.end === null && chance(0.8) ? null : add(start, int(1, 500))
      const placementType = pick(PLACEMENT_TYPES)
      const placement: Record<string, unknown> = {
        start,
        end,
        placementType,
        carerId: chance(0.8) ? someone() : chance(0.5) ? null : 'UNKNOWN',
      }
      if (chance(0.5)) {
        placement.intendedUntil18 = chance(0.5)
      }
      if (chance(0.8)) {
        placement.placementPlanOn = chance(0.9) ? add(start, int(-3, 15)) : null
      }
      if (chance(0.1)) {
        placement.isWithParentBeforeAssessment = true
      }
      if (chance(0.2)) {
        placement.connectedPersonApproval = {
          temporaryApprovalOn: add(start, int(-2, 10)),
          ...(chance(0.6)
            ? {
                extensions: Array.from({ length: int(0, 2) }, () => ({
                  grantedOn: add(start, int(60, 140)),
                  weeks: int(1, 12),
                })),
              }
            : {}),
          ...(chance(0.15) ? { untilReviewOutcome: true } : {}),
          ...(chance(0.6) ? { fullApprovalOn: orNull(0.7, () => add(start, int(30, 200))) } : {}),
        }
      }
      placements.push(placement)
      if (end === null) {
        break
      }
      start = chance(0.8) ? end : add(end, int(1, 30))
    }
  }
  if (chance(0.1)) {
    placements.reverse()
  }

  const first = periodSpans[0]?.start ?? add(asOf, -int(0, 2000))
  const datesFrom = (from: CalendarDay, count: number, lo: number, hi: number): CalendarDay[] => {
    const out: CalendarDay[] = []
    let d = add(from, int(lo, hi))
    for (let k = 0; k < count; k++) {
      out.push(d)
      d = add(d, int(lo, hi))
    }
    return chance(0.1) ? out.reverse() : out
  }

  const reviews = datesFrom(first, int(0, 14), 10, 220).map(date => ({
    date,
    ...(chance(0.12) ? { broughtForward: true } : {}),
    ...(chance(0.05) ? { broughtForwardReason: pick(['iro-request', 'regulation-30', 'other'] as const) } : {}),
    ...(chance(0.15) ? { stayingPutConsidered: true } : {}),
  }))
  const history: Record<string, unknown> = {
    child,
    asOf,
    periodsOfCare,
    placements,
    reviews,
    visits: datesFrom(first, int(0, 40), 3, 60).map(date => ({ date })),
    carePlans: datesFrom(add(first, -10), int(0, 3), 1, 60).map(date => ({ date })),
    permanenceMeetings: datesFrom(first, int(0, 14), 10, 130).map(date => ({
      date,
      ...(chance(0.7) ? { nextBookedOn: orNull(0.8, () => add(date, int(20, 120))) } : {}),
    })),
    permanencePlans: Array.from({ length: int(0, 8) }, () => {
      const base = add(first, int(-20, 1500))
      return {
        sentToManagerOn: orNull(0.8, () => add(base, -int(0, 8))),
        meetingOn: orNull(0.7, () => base),
        endorsedOn: orNull(0.5, () => add(base, int(0, 30))),
        ratifiedAtReviewOn: orNull(0.3, () => add(base, int(0, 90))),
        option: pick(OPTIONS),
        ...(chance(0.1) ? { notReasonablyPracticableToReviewFirst: true } : {}),
      }
    }),
    proceedings: Array.from({ length: chance(0.5) ? int(1, 2) : 0 }, () => {
      const issuedOn = add(first, int(-400, 600))
      return {
        issuedOn,
        extensions: Array.from({ length: int(0, 3) }, () => ({
          grantedOn: add(issuedOn, int(100, 300)),
          weeks: int(1, 12),
        })),
        finalCarePlanFilingOn: orNull(0.7, () => add(issuedOn, int(60, 200))),
        concludedOn: orNull(0.5, () => add(issuedOn, int(60, 400))),
      }
    }),
    adoption: chance(0.4)
      ? {
          ...(chance(0.7) ? { shouldBePlacedDecisionOn: orNull(0.8, () => upTo(first, 300)) } : {}),
          ...(chance(0.6) ? { placementOrderOn: orNull(0.8, () => add(first, int(60, 500))) } : {}),
          ...(chance(0.2) ? { consentToPlacementOn: orNull(0.8, () => add(first, int(30, 400))) } : {}),
          ...(chance(0.5) ? { matchedOn: orNull(0.8, () => add(first, int(-30, 700))) } : {}),
          ...(chance(0.4) ? { placedForAdoptionOn: orNull(0.8, () => add(first, int(100, 800))) } : {}),
          ...(chance(0.15) ? { disruptedOn: orNull(0.8, () => add(first, int(100, 1000))) } : {}),
          ...(chance(0.15) ? { adoptionOrderOn: orNull(0.8, () => add(first, int(300, 1200))) } : {}),
          ...(chance(0.5) ? { adoptersPersonIds: ids.filter(() => chance(0.3)) } : {}),
          ...(chance(0.2) ? { adoptedByFosterCarers: chance(0.5) } : {}),
        }
      : chance(0.5)
        ? null
        : undefined,
    healthAssessments: datesFrom(add(first, -int(0, 120)), int(0, 8), 20, 400).map((date, k) => ({
      date,
      kind: k === 0 ? 'initial' : 'review',
    })),
    personalEducationPlans: datesFrom(add(first, -15), int(0, 3), 1, 90).map(date => ({ date })),
    contactSuspensions: Array.from({ length: chance(0.3) ? int(1, 3) : 0 }, () => {
      const start = add(first, int(-30, 1500))
      return {
        start,
        end: orNull(0.5, () => add(start, int(1, 20))),
        ...(chance(0.3) ? { courtOrderOn: orNull(0.8, () => add(start, int(0, 15))) } : {}),
      }
    }),
    people,
    livingHistory:
      ids.length === 0
        ? []
        : Array.from({ length: int(0, 5) }, () => {
            const from = add(asOf, -int(0, 4000))
            return { personId: someone(), from, to: orNull(0.6, () => add(from, int(1, 2000))) }
          }),
  }
  if (ids.length > 0 && chance(0.3)) {
    history.sgoNotices = Array.from({ length: int(0, 2) }, () => ({
      personId: someone(),
      givenOn: add(asOf, -int(-30, 400)),
    }))
  }
  if (ids.length > 0 && chance(0.3)) {
    history.adoptionNotices = Array.from({ length: int(0, 2) }, () => ({
      personId: someone(),
      givenOn: add(asOf, -int(-30, 900)),
    }))
  }
  if (ids.length > 0 && chance(0.3)) {
    history.privateFostering = Array.from({ length: int(1, 2) }, () => {
      const began = add(asOf, -int(-20, 900))
      return {
        carerId: someone(),
        arrangementStartedOn: began,
        notifiedOn: add(began, int(0, 90)),
        ...(chance(0.4) ? { endedOn: orNull(0.7, () => add(began, int(1, 600))) } : {}),
        ...(chance(0.4) ? { intendedDays: int(1, 120) } : {}),
        ...(chance(0.8) ? { visits: datesFrom(began, int(0, 14), 5, 100).map(date => ({ date })) } : {}),
      }
    })
  }
  if (chance(0.4)) {
    history.childAndFamilyAssessments = datesFrom(add(first, -100), int(0, 5), 100, 500).map(completedOn => ({
      completedOn,
    }))
  }
  if (chance(0.4)) {
    history.policyEvents = Array.from({ length: int(1, 4) }, () => {
      const date = add(first, int(-60, 1200))
      return {
        kind: pick(['legal-gateway', 'permanence-panel', 'pre-birth-assessment'] as const),
        date,
        ...(chance(0.5) ? { bookedOn: orNull(0.8, () => add(date, -int(0, 60))) } : {}),
      }
    })
  }
  if (chance(0.3)) {
    history.stayingPutDiscussions = datesFrom(add(asOf, -800), int(0, 3), 30, 300).map(date => ({ date }))
  }
  if (chance(0.3)) {
    history.longTermFostering = chance(0.2)
      ? null
      : {
          ...(chance(0.8) ? { matchedOn: orNull(0.8, () => add(first, int(30, 1500))) } : {}),
          ...(chance(0.4) ? { designatedOn: orNull(0.8, () => add(first, int(30, 1500))) } : {}),
          ...(chance(0.4) ? { carerId: someone() } : {}),
        }
  }
  if (chance(0.3)) {
    history.careLeaverNeedsAssessments = datesFrom(add(asOf, -700), int(0, 2), 30, 400).map(completedOn => ({
      completedOn,
    }))
  }
  if (chance(0.3)) {
    history.permanenceAchieved = chance(0.2) ? null : { on: add(first, int(30, 2000)), route: pick(ROUTES) }
  }
  return history
}
