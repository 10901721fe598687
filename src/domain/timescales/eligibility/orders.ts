/**
 * Who may apply for which order, and from when: E-CAO (CA89 s.10), E-SGO (CA89 s.14A) and E-ADO (ACA 2002 s.42,
 * s.44) as predicates over the living history (rules.md §4; §5 T13–T16; §6 D8, D10).
 *
 * Conventions (docs/adr/0016-living-history-predicates.md):
 * - "one year immediately preceding": every night in `[app − 12 months, app)` (corresponding-date, T14: 366 days
 *   across 29 February 2024);
 * - "three of the last five years" (s.10(5)(b), (10)): nights in `[app − 5 years, app)` ≥ the days in
 *   `[app − 3 years, app)` (1,095 or 1,096, §7 Q4), and — for CA89 only — the period must not have ended more than
 *   3 months before the application, "ended" being the first day away (T13). ACA s.42(5) has no such tail (D10);
 * - SGO notice: given before the start of the 3-month period ending with the application (T16);
 * - consent routes (s.10(5)(c), s.14A(5)(c)) cannot be read from the history, so they are listed as reasons.
 */
import { addMonthsFast } from '../../deadlines/day-format.ts'
import type { CalendarDay } from '../../shared/calendar-day.ts'
import { longDay as fmt, isoDay, dayNumberOf, nthBirthdayDayNumber } from '../../deadlines/day-format.ts'
import { PARENT_RELATIONSHIPS, RELATIVE_RELATIONSHIPS } from '../../children/codes.ts'
import { earliestDayMonthsAfter } from '../../deadlines/period.ts'
import { type EvaluationContext, birthday, legalStatusOn } from '../context.ts'
import type { EligibilityResult } from './eligibility-result.ts'
import { type Spell, continuousOver, endedOn, nightsIn, spellOn } from './living-history.ts'

type Person = EvaluationContext['history']['people'][number]

interface ThreeOfFive {
  readonly ok: boolean
  readonly nights: number
  readonly required: number
  readonly tailOk: boolean
}

/**
 * The "three of the last five years" test for an application day.
 * @param spells - the person's spells
 * @param app - the application day
 * @param withTail - apply the CA89 s.10(10) rule that the period must not have ended more than 3 months before
 * @returns whether it passes, with the counts
 */
export function threeOfFiveYears(spells: readonly Spell[], app: number, withTail: boolean): ThreeOfFive {
  const windowStart = addMonthsFast(app, -60)
  const required = app - addMonthsFast(app, -36)
  const nights = nightsIn(spells, windowStart, app)
  const ended = endedOn(spells, app)
  const tailOk = !withTail || (ended !== null && ended >= addMonthsFast(app, -3))
  return { ok: nights >= required && tailOk, nights, required, tailOk }
}

// The wording of a failed "3 of the last 5 years" test. Its counts are bounded — at most 1,827 nights in 5 years,
// 1,095 or 1,096 needed — and most people around a child have 0 nights, so each wording is written once and shared
// by every person and child it fits (a table of a few thousand entries at most), not pieced together each time.
const MAX_NIGHTS = 1827
const CAO_COUNT_REASONS: (string | undefined)[] = Array.from({ length: (MAX_NIGHTS + 1) * 4 }, () => undefined)
const ADO_COUNT_REASONS: (string | undefined)[] = Array.from({ length: (MAX_NIGHTS + 1) * 4 }, () => undefined)

function writeCaoCountReason(tof: ThreeOfFive): string {
  return `s.10(5)(b): ${tof.nights} nights with them in the last 5 years, ${tof.required} needed${tof.tailOk ? '' : ', and the period ended more than 3 months ago'}`
}

function writeAdoCountReason(tof: ThreeOfFive): string {
  return `s.42(5): ${tof.nights} nights in the last 5 years, ${tof.required} needed`
}

function countReason(table: (string | undefined)[], tof: ThreeOfFive, write: (tof: ThreeOfFive) => string): string {
  const { nights, required } = tof
  if (nights < 0 || nights > MAX_NIGHTS || (required !== 1095 && required !== 1096) || !Number.isInteger(nights)) {
    return write(tof)
  }
  const key = nights * 4 + (required - 1095) * 2 + (tof.tailOk ? 1 : 0)
  let text = table[key]
  if (text === undefined) {
    text = write(tof)
    table[key] = text
  }
  return text
}

function earliestThreeOfFive(spells: readonly Spell[], asOf: number, withTail: boolean): number | null {
  return threeOfFiveYears(spells, asOf, withTail).ok
    ? asOf
    : earliestThreeOfFiveLater(spells, asOf, withTail, spellOn(spells, asOf))
}

// As earliestThreeOfFive, when the test fails on the evaluation day; `current` is the spell on that day.
function earliestThreeOfFiveLater(
  spells: readonly Spell[],
  asOf: number,
  withTail: boolean,
  current: Spell | undefined,
): number | null {
  if (current === undefined || current.to !== null) {
    return null // not living there now: the count can only fall
  }
  if (spells.length === 1) {
    // Only this spell: the nights in the window reach the 3 years exactly when 3 years have passed since it began.
    return Math.max(asOf, earliestDayMonthsAfter(current.from, 36))
  }
  // Living there continuously from current.from, the test certainly passes once 3 years have elapsed since it.
  let low = asOf
  let high = Math.max(asOf + 1, earliestDayMonthsAfter(current.from, 36))
  if (!threeOfFiveYears(spells, high, withTail).ok) {
    return null
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2)
    if (threeOfFiveYears(spells, mid, withTail).ok) {
      high = mid
    } else {
      low = mid
    }
  }
  // The count can dip by a day around 29 February: look a few days back for an earlier qualifying day.
  let best = high
  for (let d = high - 1; d > high - 4 && d > asOf; d--) {
    if (threeOfFiveYears(spells, d, withTail).ok) {
      best = d
    }
  }
  return best
}

/** When a continuous-residence route of n months is or will be met, if the child lives there now. */
function continuousFrom(spells: readonly Spell[], asOf: number, months: number): number | null {
  const current = spellOn(spells, asOf)
  if (current === undefined) {
    return null
  }
  const from = earliestDayMonthsAfter(current.from, months)
  return Math.max(from, asOf)
}

/** What the living history says about one person, worked out once and shared by E-CAO, E-SGO and E-ADO. */
export interface PersonFacts {
  readonly spells: readonly Spell[]
  /** CA89 "3 of the last 5 years" with the 3-month tail, on the evaluation day. */
  readonly threeOfFive: ThreeOfFive
  /** The earliest day that test passes if the child keeps living with them, or null. */
  readonly threeOfFiveFrom: number | null
  /** The earliest day the child will have lived with them for the year immediately preceding, or null. */
  readonly yearFrom: number | null
  readonly isFosterParent: boolean
  /** A parent of the child (CA89), and a relative within CA89 s.105. */
  readonly isParent: boolean
  readonly isRelative: boolean
  readonly childInCare: boolean
  /** What every person's predicates share about the child and the day. */
  readonly child: ChildFacts
}

/**
 * What the order predicates need about the child and the evaluation day, the same for every person: worked out once
 * per child ({@link childFacts}). The notice reasons are worded on first use, then shared by every person without a
 * notice (the result lists hold the same string).
 */
export interface ChildFacts {
  readonly inCare: boolean
  /** The earliest application day after a notice given on the evaluation day (3 months; rules.md §5 T16). */
  readonly noticeTodayFrom: number
  sgoNoNoticeReason: string | undefined
  adoptionNoNoticeReason: string | undefined
}

/**
 * Works out the facts about the child that every person's predicates share.
 * @param ctx - the context
 * @returns the facts
 */
export function childFacts(ctx: EvaluationContext): ChildFacts {
  return {
    inCare: childInCare(ctx),
    noticeTodayFrom: earliestDayMonthsAfter(ctx.asOf, 3),
    sgoNoNoticeReason: undefined,
    adoptionNoNoticeReason: undefined,
  }
}

/**
 * Works out the facts about one person that the order predicates share.
 * @param ctx - the context
 * @param person - the person
 * @param spells - their merged spells with the child
 * @param child - the facts about the child (worked out here when not given)
 * @returns the facts
 */
export function personFacts(
  ctx: EvaluationContext,
  person: Person,
  spells: readonly Spell[],
  child: ChildFacts = childFacts(ctx),
): PersonFacts {
  const asOf = ctx.asOf
  const threeOfFive = threeOfFiveYears(spells, asOf, true)
  const current = spellOn(spells, asOf)
  return {
    spells,
    threeOfFive,
    threeOfFiveFrom: threeOfFive.ok ? asOf : earliestThreeOfFiveLater(spells, asOf, true, current),
    yearFrom: current === undefined ? null : Math.max(earliestDayMonthsAfter(current.from, 12), asOf),
    isFosterParent:
      person.isLocalAuthorityFosterParent || (current !== undefined && fostersInOpenPlacement(ctx, person.id)),
    isParent: isParent(person),
    isRelative: isRelative(person),
    childInCare: child.inCare,
    child,
  }
}

function fostersInOpenPlacement(ctx: EvaluationContext, personId: string): boolean {
  for (const p of ctx.placements) {
    if (p.carerId === personId && p.code.startsWith('U') && p.end === null) {
      return true
    }
  }
  return false
}

interface Route {
  readonly route: string
  readonly from: number
  readonly provisional: boolean
}

function describeRoute(route: Route): string {
  return route.route
}

// The route open soonest (the first listed, of routes opening the same day). Routes are weighed as they are found,
// without a list of them: this runs for every person around every child.
function earlier(found: Route | undefined, route: Route): Route {
  return found === undefined || route.from < found.from ? route : found
}

function isParent(person: Person): boolean {
  return PARENT_RELATIONSHIPS.has(person.relationship)
}

function isRelative(person: Person): boolean {
  return RELATIVE_RELATIONSHIPS.has(person.relationship)
}

function childInCare(ctx: EvaluationContext): boolean {
  const period = ctx.currentPeriod
  if (period === undefined || !ctx.isLookedAfter) {
    return false
  }
  const status = legalStatusOn(period, ctx.asOf)
  return status === 'C1' || status === 'C2'
}

/** What a result says about the order, whoever the person. */
interface Kind {
  readonly predicate: 'E-CAO' | 'E-SGO' | 'E-ADO'
  readonly order: 'child-arrangements-order' | 'special-guardianship-order' | 'adoption-order'
  readonly source: string
}

const CAO: Kind = { predicate: 'E-CAO', order: 'child-arrangements-order', source: 'CA89 s.10' }
const SGO: Kind = { predicate: 'E-SGO', order: 'special-guardianship-order', source: 'CA89 s.14A' }
const ADO: Kind = { predicate: 'E-ADO', order: 'adoption-order', source: 'ACA 2002 s.42, s.44, s.49' }

// Built field by field, from constants and plain functions (no object spread, no closures): this runs three times
// for every person around every child. `describe` words the chosen route; `extra` is a clause it may insert.
function result(
  kind: Kind,
  personId: string,
  asOf: number,
  chosen: Route | undefined,
  until: number | null,
  reasons: string[],
  fallbackStatus: 'needs-leave' | 'not-eligible',
  fallbackExplanation: string,
  describe: (route: Route, asOf: number, extra: string) => string,
  extra = '',
): EligibilityResult {
  return {
    predicate: kind.predicate,
    personId,
    order: kind.order,
    source: kind.source,
    status: chosen === undefined ? fallbackStatus : chosen.from <= asOf ? 'eligible-now' : 'eligible-from',
    from: chosen === undefined ? null : isoDay(Math.max(chosen.from, asOf)),
    until: until === null ? null : isoDay(until),
    route: chosen === undefined ? null : chosen.route,
    explanation: chosen === undefined ? fallbackExplanation : describe(chosen, asOf, extra),
    reasons,
    provisional: chosen === undefined ? false : chosen.provisional,
  }
}

function ifChildKeepsLiving(r: Route, asOf: number): string {
  return r.from <= asOf
    ? `May apply now: ${r.route}.`
    : `May apply from ${fmt(r.from)} if the child keeps living with them: ${r.route}.`
}

function withNoticeFrom(r: Route, asOf: number, ifNoticeToday: string): string {
  return r.from <= asOf ? `May apply now: ${r.route}.` : `May apply from ${fmt(r.from)}${ifNoticeToday}: ${r.route}.`
}

function ifHomeStays(r: Route, asOf: number): string {
  return r.from <= asOf
    ? `May apply now: ${r.route}.`
    : `May apply from ${fmt(r.from)} if the child's home stays with them: ${r.route}.`
}

/**
 * E-CAO: may this person apply for a child arrangements order without leave (CA89 s.10(4), (5), (5A), (5B), (10))?
 * @param ctx - the context
 * @param person - the person
 * @param facts - what the living history says about them ({@link personFacts})
 * @returns the answer
 */
export function childArrangementsOrderRoute(
  ctx: EvaluationContext,
  person: Person,
  facts: PersonFacts,
): EligibilityResult {
  const spells = facts.spells
  const asOf = ctx.asOf
  const b18 = birthday(ctx, 18)
  if (asOf >= b18) {
    // rules.md §5 T12 — no child arrangements order for an adult.
    return result(
      CAO,
      person.id,
      asOf,
      undefined,
      null,
      ['CA89 s.105: a child is a person under 18'],
      'not-eligible',
      `The child turned 18 on ${fmt(b18)}: a child arrangements order can no longer be made.`,
      describeRoute,
    )
  }
  let chosen: Route | undefined
  const reasons: string[] = []
  // CA89 s.10(4): parents, guardians, special guardians, PR holders, those named in a "lives with" order.
  if (facts.isParent) {
    chosen = earlier(chosen, { route: 'CA89 s.10(4)(a): a parent of the child', from: asOf, provisional: false })
  }
  if (person.isGuardian === true || person.isSpecialGuardian === true) {
    chosen = earlier(chosen, {
      route: 'CA89 s.10(4)(a): a guardian or special guardian of the child',
      from: asOf,
      provisional: false,
    })
  }
  if (person.holdsParentalResponsibility) {
    chosen = earlier(chosen, {
      route: 'CA89 s.10(4)(aa): holds parental responsibility',
      from: asOf,
      provisional: false,
    })
  }
  if (person.isNamedInLivesWithOrder === true) {
    chosen = earlier(chosen, {
      route: 'CA89 s.10(4)(b): named in a child arrangements order as a person the child lives with',
      from: asOf,
      provisional: false,
    })
  }
  if (person.isMarriedToOrCivilPartnerOfParent === true || person.relationship === 'step-parent') {
    chosen = earlier(chosen, {
      route: 'CA89 s.10(5)(a): a party to a marriage or civil partnership in which the child is a child of the family',
      from: asOf,
      provisional: false,
    })
  }
  // CA89 s.10(5)(b), (10) — three of the last five years, not ended more than 3 months before (T13).
  const tof = facts.threeOfFive
  const tofFrom = facts.threeOfFiveFrom
  if (tofFrom !== null) {
    chosen = earlier(chosen, {
      route: 'CA89 s.10(5)(b) and (10): the child has lived with them for 3 of the last 5 years',
      from: tofFrom,
      provisional: tofFrom > asOf,
    })
  } else {
    reasons.push(countReason(CAO_COUNT_REASONS, tof, writeCaoCountReason))
  }
  // CA89 s.10(5A) and (5B) — LA foster parent or relative, one year immediately preceding (T14).
  const yearFrom = facts.yearFrom
  const fosterParent = facts.isFosterParent
  if (fosterParent) {
    if (yearFrom !== null) {
      chosen = earlier(chosen, {
        route:
          'CA89 s.10(5A): a local authority foster parent with whom the child has lived for one year immediately preceding',
        from: yearFrom,
        provisional: yearFrom > asOf,
      })
    } else {
      reasons.push('s.10(5A): the child does not live with them now')
    }
  }
  if (facts.isRelative) {
    if (yearFrom !== null) {
      chosen = earlier(chosen, {
        route: 'CA89 s.10(5B): a relative with whom the child has lived for one year immediately preceding',
        from: yearFrom,
        provisional: yearFrom > asOf,
      })
    } else {
      reasons.push('s.10(5B): the child does not live with them now')
    }
  }
  if (asOf >= birthday(ctx, 16)) {
    reasons.push(
      'CA89 s.9(6), (6B): after 16 a "lives with" order may last to 18, other provisions only in exceptional circumstances (rules.md §6 D1)',
    )
  }
  reasons.push(
    facts.childInCare
      ? 's.10(5)(c)(ii): may also apply with the consent of the local authority, as the child is in care'
      : 's.10(5)(c): may also apply with the consent of everyone named in a "lives with" order or with parental responsibility',
  )
  // CA89 s.9(3) — a current or recent (6 months) LA foster parent needs the authority's consent to seek leave.
  const wasFosterUntil =
    person.wasLocalAuthorityFosterParentUntil === null || person.wasLocalAuthorityFosterParentUntil === undefined
      ? null
      : dayNumberOf(person.wasLocalAuthorityFosterParentUntil)
  const recentFoster = fosterParent || (wasFosterUntil !== null && wasFosterUntil >= addMonthsFast(asOf, -6))
  const barred = recentFoster && !facts.isRelative && !continuousOver(spells, addMonthsFast(asOf, -12), asOf)
  if (barred) {
    reasons.push(
      's.9(3): as a local authority foster parent now or in the last 6 months, they may seek leave only with the authority’s consent',
    )
  }
  return result(
    CAO,
    person.id,
    asOf,
    chosen,
    null,
    reasons,
    'needs-leave',
    barred
      ? 'No route to apply without leave, and leave may be sought only with the local authority’s consent (CA89 s.9(3)).'
      : 'No route to apply without leave: they would need the court’s leave (CA89 s.10(1)(a)(ii), (9)).',
    ifChildKeepsLiving,
  )
}

/**
 * E-SGO: may this person apply for a special guardianship order, and from when, including the 3-month notice
 * (CA89 s.14A(2), (5), (7); rules.md T16)?
 * @param ctx - the context
 * @param person - the person
 * @param facts - what the living history says about them ({@link personFacts})
 * @returns the answer
 */
export function specialGuardianshipRoute(
  ctx: EvaluationContext,
  person: Person,
  facts: PersonFacts,
): EligibilityResult {
  const asOf = ctx.asOf
  const until = birthday(ctx, 18) - 1
  if (asOf > until) {
    // rules.md §5 T12 — a special guardianship order cannot be made for an adult.
    return result(
      SGO,
      person.id,
      asOf,
      undefined,
      null,
      ['CA89 s.14A(1), s.91(13): special guardianship is for a child under 18'],
      'not-eligible',
      `The child turned 18 on ${fmt(until + 1)}: a special guardianship order can no longer be made.`,
      describeRoute,
    )
  }
  if (facts.isParent) {
    return result(
      SGO,
      person.id,
      asOf,
      undefined,
      until,
      ['s.14A(2)(b): a parent of the child cannot be a special guardian'],
      'not-eligible',
      'A parent of the child cannot be appointed special guardian (CA89 s.14A(2)(b)).',
      describeRoute,
    )
  }
  const reasons: string[] = []
  let chosen: Route | undefined
  if (person.isGuardian === true) {
    chosen = earlier(chosen, { route: 'CA89 s.14A(5)(a): a guardian of the child', from: asOf, provisional: false })
  }
  if (person.isNamedInLivesWithOrder === true) {
    chosen = earlier(chosen, {
      route: 'CA89 s.14A(5)(b): named in a child arrangements order as a person the child lives with',
      from: asOf,
      provisional: false,
    })
  }
  const tofFrom = facts.threeOfFiveFrom
  if (tofFrom !== null) {
    chosen = earlier(chosen, {
      route: 'CA89 s.14A(5)(c) with s.10(5)(b), (10): the child has lived with them for 3 of the last 5 years',
      from: tofFrom,
      provisional: tofFrom > asOf,
    })
  }
  const yearFrom = facts.yearFrom
  if (facts.isFosterParent) {
    if (yearFrom !== null) {
      chosen = earlier(chosen, {
        route:
          'CA89 s.14A(5)(d): a local authority foster parent with whom the child has lived for one year immediately preceding',
        from: yearFrom,
        provisional: yearFrom > asOf,
      })
    }
  }
  if (facts.isRelative) {
    if (yearFrom !== null) {
      chosen = earlier(chosen, {
        route: 'CA89 s.14A(5)(e): a relative with whom the child has lived for one year immediately preceding',
        from: yearFrom,
        provisional: yearFrom > asOf,
      })
    } else {
      reasons.push('s.14A(5)(e): the child does not live with them now')
    }
  }
  reasons.push(
    facts.childInCare
      ? 's.14A(5)(c) with s.10(5)(c)(ii): may also apply with the consent of the local authority, as the child is in care'
      : 's.14A(5)(c) with s.10(5)(c): may also apply with the consent of those with parental responsibility',
  )
  // s.14A(2)(a) — a special guardian must be 18 or over.
  const adultFrom =
    person.dateOfBirth === undefined ? asOf : ageReachedOn(person.dateOfBirth, 18, ctx.leapDayBirthdaysOn)
  if (person.dateOfBirth === undefined) {
    reasons.push('s.14A(2)(a): their date of birth is not recorded; they must be 18 or over')
  }
  // s.14A(7) — written notice before the start of the 3-month period ending with the application (T16).
  // The earliest notice this person has given (by the evaluation day).
  let notice: number | undefined
  for (const n of ctx.history.sgoNotices ?? NO_NOTICES) {
    if (n.personId === person.id) {
      const given = dayNumberOf(n.givenOn)
      if (given <= asOf && (notice === undefined || given < notice)) {
        notice = given
      }
    }
  }
  let noticeFrom: number
  if (notice === undefined) {
    const child = facts.child
    noticeFrom = child.noticeTodayFrom
    child.sgoNoNoticeReason ??= `s.14A(7): no written notice to the local authority is recorded; notice given on ${fmt(asOf)} would allow an application from ${fmt(noticeFrom)}`
    reasons.push(child.sgoNoNoticeReason)
  } else {
    noticeFrom = earliestDayMonthsAfter(notice, 3)
    reasons.push(`s.14A(7): notice given on ${fmt(notice)}, so the earliest application is ${fmt(noticeFrom)}`)
  }
  const withNotice =
    chosen === undefined
      ? undefined
      : {
          route: `${chosen.route}; with 3 months’ notice under s.14A(7)`,
          from: Math.max(chosen.from, noticeFrom, adultFrom),
          provisional: chosen.provisional || notice === undefined,
        }
  return result(
    SGO,
    person.id,
    asOf,
    withNotice,
    until,
    reasons,
    'needs-leave',
    'No route to apply without leave: they would need the court’s leave (CA89 s.14A(3)(b), (12)).',
    withNoticeFrom,
    notice === undefined ? ' if notice is given today' : '',
  )
}

function ageReachedOn(dateOfBirth: CalendarDay, years: number, leap: '02-28' | '03-01'): number {
  return nthBirthdayDayNumber(dayNumberOf(dateOfBirth), years, leap)
}

function caresInAdoptivePlacement(ctx: EvaluationContext, personId: string): boolean {
  for (const p of ctx.placements) {
    if (p.code.startsWith('A') && p.carerId === personId) {
      return true
    }
  }
  return false
}

const NO_NOTICES: readonly { readonly personId: string; readonly givenOn: string }[] = []

/**
 * E-ADO: may this person apply for an adoption order, and from when (ACA 2002 s.42, s.44, s.49; rules.md T15)?
 * @param ctx - the context
 * @param person - the person
 * @param facts - what the living history says about them (the "home" condition)
 * @returns the answer
 */
export function adoptionRoute(ctx: EvaluationContext, person: Person, facts: PersonFacts): EligibilityResult {
  const spells = facts.spells
  const asOf = ctx.asOf
  const b18 = birthday(ctx, 18)
  const until = b18 - 1
  const reasons: string[] = []
  if (asOf >= b18 || ctx.history.child.hasMarriedOrFormedCivilPartnership === true) {
    return result(
      ADO,
      person.id,
      asOf,
      undefined,
      until,
      [
        'ACA s.47(8), s.49(4): the application must be made before the child is 18 and the child must never have married or formed a civil partnership',
      ],
      'not-eligible',
      'An adoption application can no longer be made for this child (ACA 2002 s.47(8), s.49(4)).',
      describeRoute,
    )
  }
  const adoption = ctx.history.adoption
  const agencyPlaced =
    ctx.placedForAdoptionOn !== null &&
    ((adoption?.adoptersPersonIds?.includes(person.id) ?? false) || caresInAdoptivePlacement(ctx, person.id))
  let route: Route | undefined
  const current = spellOn(spells, asOf)
  if (agencyPlaced && ctx.placedForAdoptionOn !== null) {
    // ACA s.42(2) — placed by an adoption agency: home with the applicants for 10 weeks preceding (T15).
    const start = current?.from ?? ctx.placedForAdoptionOn
    route = {
      route:
        'ACA 2002 s.42(2): placed for adoption by an adoption agency; the child’s home has been with them for the 10 weeks preceding',
      from: Math.max(start + 70, asOf),
      provisional: start + 70 > asOf,
    }
  } else if (
    person.relationship === 'parent-partner' ||
    person.relationship === 'step-parent' ||
    person.isMarriedToOrCivilPartnerOfParent === true
  ) {
    // ACA s.42(3) — partner of a parent: 6 months (England; rules.md §6 D9).
    const from = continuousFrom(spells, asOf, 6)
    if (from !== null) {
      route = {
        route: 'ACA 2002 s.42(3): the partner of a parent; the child’s home has been with them for 6 months preceding',
        from,
        provisional: from > asOf,
      }
    } else {
      reasons.push('s.42(3): the child does not live with them now')
    }
  } else if (facts.isFosterParent) {
    // ACA s.42(4) — local authority foster parents: one year preceding (or leave, s.42(6)).
    const from = continuousFrom(spells, asOf, 12)
    if (from !== null) {
      route = {
        route:
          'ACA 2002 s.42(4): local authority foster parents; the child’s home has been with them for one year preceding',
        from,
        provisional: from > asOf,
      }
    } else {
      reasons.push('s.42(4): the child does not live with them now')
    }
  } else if (!facts.isParent) {
    // ACA s.42(5) — anyone else: 3 of the last 5 years, with no 3-month tail (rules.md §6 D10).
    const from = earliestThreeOfFive(spells, asOf, false)
    if (from !== null) {
      route = {
        route: 'ACA 2002 s.42(5): the child’s home has been with them for 3 of the last 5 years',
        from,
        provisional: from > asOf,
      }
    } else {
      const tof = threeOfFiveYears(spells, asOf, false)
      reasons.push(countReason(ADO_COUNT_REASONS, tof, writeAdoCountReason))
    }
  } else {
    reasons.push(
      'a parent adopting alone needs the child’s home to have been with them for 10 weeks (s.42(2)); not assessed here',
    )
  }
  if (route !== undefined && !agencyPlaced) {
    // ACA s.44 — notice of intention: at least 3 months and no more than 2 years before the application.
    // The latest notice given by the evaluation day and no more than 2 years before it.
    let valid: number | undefined
    for (const n of ctx.history.adoptionNotices ?? NO_NOTICES) {
      if (n.personId === person.id) {
        const given = dayNumberOf(n.givenOn)
        if (given <= asOf && addMonthsFast(given, 24) >= asOf && (valid === undefined || given > valid)) {
          valid = given
        }
      }
    }
    if (valid === undefined) {
      const child = facts.child
      const from = child.noticeTodayFrom
      child.adoptionNoNoticeReason ??= `s.44: notice of intention to adopt must be given to the local authority 3 months to 2 years before applying; given on ${fmt(asOf)}, the earliest application is ${fmt(from)}`
      reasons.push(child.adoptionNoNoticeReason)
      route = {
        route: `${route.route}; with notice under s.44`,
        from: Math.max(route.from, from),
        provisional: true,
      }
    } else {
      route = {
        route: `${route.route}; notice under s.44 given on ${fmt(valid)}`,
        from: Math.max(route.from, earliestDayMonthsAfter(valid, 3)),
        provisional: route.provisional,
      }
    }
  }
  if (route !== undefined && route.from > until) {
    reasons.push(`the route would open on ${fmt(route.from)}, after the child's 18th birthday`)
    route = undefined
  }
  if (person.dateOfBirth !== undefined && ageReachedOn(person.dateOfBirth, 21, ctx.leapDayBirthdaysOn) > asOf) {
    reasons.push('ACA s.50, s.51: an adopter must be 21 or over (18 for a parent in a couple); check their age')
  }
  return result(
    ADO,
    person.id,
    asOf,
    route,
    until,
    reasons,
    'needs-leave',
    'The home condition in ACA 2002 s.42 is not met: an application needs the court’s leave (s.42(6)) or a different route.',
    ifHomeStays,
  )
}
