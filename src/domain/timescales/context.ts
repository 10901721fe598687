/**
 * The evaluation context: one child's history turned into sorted day numbers, once, so that every rule reads the
 * same facts and the hot path does integer arithmetic only. Events after the evaluation day are ignored (a period of
 * care or placement that ends after it is treated as still open), so an evaluation "as at" a past day gives what the
 * engine would have said that day.
 */
import { type CalendarDay } from '../shared/calendar-day.ts'
import { longDay, dayNumberOf, nthBirthdayDayNumber } from '../deadlines/day-format.ts'
import type { Calendar } from '../deadlines/calendar.ts'
import type { BankHoliday } from '../deadlines/bank-holidays.ts'
import { describeNonWorkingDays } from '../deadlines/non-working-days.ts'
import { type Period, addPeriodToDayNumber, describePeriod, subtractPeriodFromDayNumber } from '../deadlines/period.ts'
import type { CaseHistory } from './case-history.ts'
import type { PolicyPack, PolicyVersion } from './policy-pack.ts'
import { type PolicyIndex, type VersionIndex, policyIndex, versionAt } from './policy-index.ts'
import type { ReviewSchedule } from './rules/reviews.ts'
import type { ProceedingsTimetable } from './rules/proceedings.ts'

/** A period of care as day numbers. `end` is exclusive, null while open on the evaluation day. */
export interface CarePeriod {
  readonly index: number
  readonly start: number
  readonly end: number | null
  /** Legal statuses in force, in order: `{ from, code }`. */
  readonly statuses: readonly { readonly from: number; readonly code: string }[]
}

/** A placement as day numbers. */
export interface PlacementFacts {
  readonly index: number
  readonly start: number
  readonly end: number | null
  readonly code: string
  readonly carerId: string | null
  readonly intendedUntil18: boolean
  readonly placementPlanOn: number | null
  readonly isWithParentBeforeAssessment: boolean
  readonly source: CaseHistory['placements'][number]
}

/** A review as day numbers. */
export interface ReviewFacts {
  readonly date: number
  readonly broughtForward: boolean
  readonly stayingPutConsidered: boolean
}

/**
 * A permanence planning meeting: its day, and the next meeting booked as written in the record. Only the latest
 * meeting's booking is ever read (PP-03, PP-07), so it is parsed then ({@link nextBookedOn}), not for every meeting.
 */
export interface Ppm {
  readonly date: number
  readonly nextBookedOnText: string | null | undefined
}

/**
 * The day the next meeting was booked for at a meeting, if any.
 * @param meeting - the meeting
 * @returns the day number, or null
 */
export function nextBookedOn(meeting: Ppm): number | null {
  return day(meeting.nextBookedOnText)
}

/** A permanence plan as day numbers. */
export interface PlanFacts {
  readonly sentToManagerOn: number | null
  readonly meetingOn: number | null
  readonly endorsedOn: number | null
  readonly ratifiedAtReviewOn: number | null
  readonly option: string
  readonly notReasonablyPracticableToReviewFirst: boolean
  /** The day the plan took effect: endorsed, else the meeting, else sent. */
  readonly decidedOn: number | null
}

/** Everything a rule needs. */
export interface EvaluationContext {
  readonly asOf: number
  readonly calendar: Calendar
  readonly pack: PolicyPack
  /** The pack's per-version lookups ({@link policyIndex}), shared by every child evaluated with the pack. */
  readonly policyIndex: PolicyIndex
  /** The policy in force on the evaluation day (pack-wide settings). */
  readonly policyNow: PolicyVersion
  readonly history: CaseHistory
  readonly dateOfBirth: number
  readonly leapDayBirthdaysOn: '02-28' | '03-01'
  readonly periods: readonly CarePeriod[]
  /** The latest period of care that started on or before the evaluation day. */
  readonly currentPeriod: CarePeriod | undefined
  /** Whether the child is looked after on the evaluation day. */
  readonly isLookedAfter: boolean
  readonly placements: readonly PlacementFacts[]
  readonly reviews: readonly ReviewFacts[]
  readonly visits: readonly number[]
  readonly ppms: readonly Ppm[]
  readonly plans: readonly PlanFacts[]
  readonly healthAssessments: readonly { readonly date: number; readonly kind: 'initial' | 'review' }[]
  readonly peps: readonly number[]
  readonly carePlans: readonly number[]
  readonly stayingPutDiscussions: readonly number[]
  /** The day the agency first had authority to place for adoption (placement order or consent), if any. */
  readonly authorityToPlaceOn: number | null
  /** The day the child was placed for adoption, if any (from the adoption record or the first A3–A6 placement). */
  readonly placedForAdoptionOn: number | null
  readonly adoptionDisruptedOn: number | null
  readonly adoptionOrderOn: number | null
  /** Birthdays already worked out, by age (a per-child memo: several rules ask for the same ones). */
  readonly birthdays: number[]
  /** The indexed policy version in force on the evaluation day (most items are built with it). */
  readonly policyNowIndex: VersionIndex
  /** Facts several rules ask for, worked out once per child (see {@link ContextMemo}). */
  readonly memo: ContextMemo
}

/**
 * Per-child memo slots, filled by the rules that work the facts out (reviews.ts, permanence.ts). A slot holds the
 * answer for one period of care: the current one, almost always. It lives on the context, so it never outlives the
 * evaluation of one child (a WeakMap keyed by the period would do the same, at a much higher cost per child).
 */
export interface ContextMemo {
  schedulePeriod: CarePeriod | undefined
  schedule: ReviewSchedule | undefined
  ppmsPeriod: CarePeriod | undefined
  ppms: readonly Ppm[] | undefined
  /** Timetables of the proceedings, by position in the history (PRC-01/02 and drift both read them). */
  timetables: (ProceedingsTimetable | null | undefined)[] | undefined
}

/** Options for {@link buildContext}. */
export interface ContextOptions {
  readonly pack: PolicyPack
  readonly calendar: Calendar
  readonly asOf: CalendarDay
}

const byNumber = (a: number, b: number): number => a - b

function day(value: string | null | undefined): number | null {
  return value === null || value === undefined ? null : dayNumberOf(value)
}

/**
 * Builds the context for one child.
 * @param history - the parsed case history
 * @param options - pack, calendar and evaluation day
 * @returns the context
 */
export function buildContext(history: CaseHistory, options: ContextOptions): EvaluationContext {
  // Plain loops, and sorting only when the input is out of order (case records usually are in order): this runs
  // once per child and touches every dated event in the history.
  const asOf = dayNumberOf(options.asOf)
  const index = policyIndex(options.pack)
  const versionNow = versionAt(index, asOf)
  const policyNow = versionNow.version

  const periods = readPeriods(history, asOf)
  const currentPeriod = lastOf(periods)
  const isLookedAfter = currentPeriod !== undefined && currentPeriod.end === null
  const placements = readPlacements(history, asOf)
  const reviews = readReviews(history, asOf)
  const ppms = readPpms(history, asOf)
  const healthAssessments = readHealthAssessments(history, asOf)
  const plans = readPlans(history, asOf)

  const adoption = history.adoption ?? null
  let authorityToPlaceOn: number | null = null
  let placedForAdoptionOn: number | null = null
  let adoptionDisruptedOn: number | null = null
  let adoptionOrderOn: number | null = null
  if (adoption !== null) {
    const placementOrderOn = onOrBeforeOrNull(day(adoption.placementOrderOn), asOf)
    const consentOn = onOrBeforeOrNull(day(adoption.consentToPlacementOn), asOf)
    authorityToPlaceOn =
      placementOrderOn === null
        ? consentOn
        : consentOn === null
          ? placementOrderOn
          : Math.min(placementOrderOn, consentOn)
    placedForAdoptionOn = onOrBeforeOrNull(day(adoption.placedForAdoptionOn), asOf)
    adoptionDisruptedOn = onOrBeforeOrNull(day(adoption.disruptedOn), asOf)
    adoptionOrderOn = onOrBeforeOrNull(day(adoption.adoptionOrderOn), asOf)
  }
  if (placedForAdoptionOn === null) {
    for (const p of placements) {
      if (p.code.startsWith('A')) {
        placedForAdoptionOn = p.start
        break
      }
    }
  }

  return {
    asOf,
    calendar: options.calendar,
    pack: options.pack,
    policyIndex: index,
    policyNow,
    history,
    dateOfBirth: dayNumberOf(history.child.dateOfBirth),
    leapDayBirthdaysOn: policyNow.settings.leapDayBirthdaysOn,
    periods,
    currentPeriod,
    isLookedAfter,
    placements,
    reviews,
    visits: datesUpTo(history.visits, asOf),
    ppms,
    plans,
    healthAssessments,
    peps: datesUpTo(history.personalEducationPlans, asOf),
    carePlans: datesUpTo(history.carePlans, asOf),
    stayingPutDiscussions: datesUpTo(history.stayingPutDiscussions, asOf),
    authorityToPlaceOn,
    placedForAdoptionOn,
    adoptionDisruptedOn,
    adoptionOrderOn,
    birthdays: [],
    policyNowIndex: versionNow,
    memo: {
      schedulePeriod: undefined,
      schedule: undefined,
      ppmsPeriod: undefined,
      ppms: undefined,
      timetables: undefined,
    },
  }
}

// Each list of the history is read by its own small function: one place per list, and small enough for the
// optimising compiler to inline the date parsing into every loop (one large function would exhaust its budget).

function readPeriods(history: CaseHistory, asOf: number): CarePeriod[] {
  const periods: CarePeriod[] = []
  const periodsOfCare = history.periodsOfCare
  for (let i = 0; i < periodsOfCare.length; i++) {
    const p = periodsOfCare[i] as CaseHistory['periodsOfCare'][number]
    const start = dayNumberOf(p.start)
    if (start > asOf) {
      continue
    }
    const statuses = [{ from: start, code: p.legalStatus }]
    const changes = p.legalStatusChanges
    if (changes !== undefined) {
      for (const change of changes) {
        const from = dayNumberOf(change.on)
        if (from <= asOf) {
          statuses.push({ from, code: change.legalStatus })
        }
      }
      sortByFrom(statuses)
    }
    periods.push({ index: i, start, end: onOrBeforeOrNull(day(p.end), asOf), statuses })
  }
  sortByStart(periods)
  return periods
}

function readPlacements(history: CaseHistory, asOf: number): PlacementFacts[] {
  const placements: PlacementFacts[] = []
  const placementList = history.placements
  for (let i = 0; i < placementList.length; i++) {
    const p = placementList[i] as CaseHistory['placements'][number]
    const start = dayNumberOf(p.start)
    if (start > asOf) {
      continue
    }
    placements.push({
      index: i,
      start,
      end: onOrBeforeOrNull(day(p.end), asOf),
      code: p.placementType,
      carerId: p.carerId ?? null,
      intendedUntil18: p.intendedUntil18 ?? false,
      placementPlanOn: onOrBeforeOrNull(day(p.placementPlanOn), asOf),
      isWithParentBeforeAssessment: p.isWithParentBeforeAssessment ?? false,
      source: p,
    })
  }
  sortByStart(placements)
  return placements
}

function readReviews(history: CaseHistory, asOf: number): ReviewFacts[] {
  const reviews: ReviewFacts[] = []
  for (const r of history.reviews) {
    const date = dayNumberOf(r.date)
    if (date <= asOf) {
      reviews.push({
        date,
        broughtForward: r.broughtForward ?? false,
        stayingPutConsidered: r.stayingPutConsidered ?? false,
      })
    }
  }
  sortByDate(reviews)
  return reviews
}

function readPpms(history: CaseHistory, asOf: number): Ppm[] {
  const ppms: Ppm[] = []
  for (const m of history.permanenceMeetings) {
    const date = dayNumberOf(m.date)
    if (date <= asOf) {
      ppms.push({ date, nextBookedOnText: m.nextBookedOn })
    }
  }
  sortByDate(ppms)
  return ppms
}

function readHealthAssessments(history: CaseHistory, asOf: number): { date: number; kind: 'initial' | 'review' }[] {
  const healthAssessments: { date: number; kind: 'initial' | 'review' }[] = []
  for (const h of history.healthAssessments) {
    const date = dayNumberOf(h.date)
    if (date <= asOf) {
      healthAssessments.push({ date, kind: h.kind })
    }
  }
  sortByDate(healthAssessments)
  return healthAssessments
}

function readPlans(history: CaseHistory, asOf: number): PlanFacts[] {
  const plans: PlanFacts[] = []
  for (const p of history.permanencePlans) {
    const sentToManagerOn = onOrBeforeOrNull(day(p.sentToManagerOn), asOf)
    const meetingOn = onOrBeforeOrNull(day(p.meetingOn), asOf)
    const endorsedOn = onOrBeforeOrNull(day(p.endorsedOn), asOf)
    const ratifiedAtReviewOn = onOrBeforeOrNull(day(p.ratifiedAtReviewOn), asOf)
    plans.push({
      sentToManagerOn,
      meetingOn,
      endorsedOn,
      ratifiedAtReviewOn,
      option: p.option,
      notReasonablyPracticableToReviewFirst: p.notReasonablyPracticableToReviewFirst ?? false,
      decidedOn: endorsedOn ?? meetingOn ?? sentToManagerOn,
    })
  }
  for (let i = 1; i < plans.length; i++) {
    if (byDecidedOn(plans[i - 1] as PlanFacts, plans[i] as PlanFacts) > 0) {
      plans.sort(byDecidedOn)
      break
    }
  }
  return plans
}

// Sorts (stably, as Array.prototype.sort) unless already in order.
function sortByDate(list: { readonly date: number }[]): void {
  for (let i = 1; i < list.length; i++) {
    if ((list[i - 1] as { date: number }).date > (list[i] as { date: number }).date) {
      list.sort(byDate)
      return
    }
  }
}

function sortByStart(list: { readonly start: number }[]): void {
  for (let i = 1; i < list.length; i++) {
    if ((list[i - 1] as { start: number }).start > (list[i] as { start: number }).start) {
      list.sort(byStart)
      return
    }
  }
}

function sortByFrom(list: { readonly from: number }[]): void {
  for (let i = 1; i < list.length; i++) {
    if ((list[i - 1] as { from: number }).from > (list[i] as { from: number }).from) {
      list.sort(byFrom)
      return
    }
  }
}

function byDate(a: { readonly date: number }, b: { readonly date: number }): number {
  return a.date - b.date
}

function byStart(a: { readonly start: number }, b: { readonly start: number }): number {
  return a.start - b.start
}

function byFrom(a: { readonly from: number }, b: { readonly from: number }): number {
  return a.from - b.from
}

// Plans without a decision day sort last, in their recorded order (NaN compares as equal).
function byDecidedOn(a: PlanFacts, b: PlanFacts): number {
  return (a.decidedOn ?? Infinity) - (b.decidedOn ?? Infinity)
}

// Dated events on or before the evaluation day, sorted (input is usually sorted already).
function datesUpTo(list: readonly { readonly date: string }[] | undefined, asOf: number): number[] {
  const out: number[] = []
  if (list === undefined) {
    return out
  }
  let sorted = true
  for (let i = 0; i < list.length; i++) {
    const n = dayNumberOf((list[i] as { readonly date: string }).date)
    if (n <= asOf) {
      if (out.length > 0 && (out[out.length - 1] as number) > n) {
        sorted = false
      }
      out.push(n)
    }
  }
  return sorted ? out : out.sort(byNumber)
}

function onOrBeforeOrNull(n: number | null, asOf: number): number | null {
  return n !== null && n <= asOf ? n : null
}

/**
 * The last element of a list, or undefined when it is empty. (Reading `list[list.length - 1]` of an empty list asks
 * for the property "-1", a slow generic lookup in V8; several rules ask this of lists that are often empty.)
 * @param list - the list
 * @returns its last element
 */
export function lastOf<T>(list: readonly T[]): T | undefined {
  return list.length === 0 ? undefined : list[list.length - 1]
}

/**
 * The legal status in force on a day of a period of care.
 * @param period - the period
 * @param n - the day
 * @returns the SSDA903 code
 */
export function legalStatusOn(period: CarePeriod, n: number): string {
  let code = period.statuses[0]?.code ?? ''
  for (const s of period.statuses) {
    if (s.from <= n) {
      code = s.code
    }
  }
  return code
}

/**
 * The period of care containing a day, if any.
 * @param ctx - the context
 * @param n - the day
 * @returns the period
 */
export function periodOn(ctx: EvaluationContext, n: number): CarePeriod | undefined {
  for (const p of ctx.periods) {
    if (p.start <= n && (p.end === null || n < p.end)) {
      return p
    }
  }
  return undefined
}

/**
 * Whether a day falls within a period of care (end exclusive; open periods run past the evaluation day).
 * @param period - the period
 * @param n - the day
 * @returns true if inside
 */
export function isWithin(period: { readonly start: number; readonly end: number | null }, n: number): boolean {
  return n >= period.start && (period.end === null || n < period.end)
}

/**
 * The n-th birthday of the child, as a day number, under the pack's leap-day convention (rules.md §5 T7).
 * @param ctx - the context
 * @param years - which birthday
 * @returns the day number
 */
export function birthday(ctx: EvaluationContext, years: number): number {
  const known = ctx.birthdays[years]
  if (known !== undefined) {
    return known
  }
  const n = nthBirthdayDayNumber(ctx.dateOfBirth, years, ctx.leapDayBirthdaysOn)
  ctx.birthdays[years] = n
  return n
}

/** A due date with the words that explain it. */
export interface DueClause {
  readonly due: number
  /** e.g. "20 working days after the child became looked after on 19 December 2025; 25 and 26 December and 1 January are not working days" */
  readonly reason: string
  readonly workingDaySpan?: readonly [number, number]
  /** For a clause counted by a period ({@link after}, {@link before}): the reason up to its first "; ". */
  readonly withoutHolidays?: string
}

/**
 * A due date counted from (or back from) an event by a period. The explanation is built only when it is read, so a
 * recurring rule can test every past occurrence cheaply and explain only the ones it reports.
 */
class PeriodClause implements DueClause {
  readonly due: number
  readonly workingDaySpan: readonly [number, number] | undefined
  private text: string | undefined
  private readonly calendar: EvaluationContext['calendar']
  private readonly anchor: number
  private readonly period: Period
  private readonly event: string
  private readonly direction: 'after' | 'before'

  constructor(
    calendar: EvaluationContext['calendar'],
    anchor: number,
    period: Period,
    event: string,
    direction: 'after' | 'before',
  ) {
    this.calendar = calendar
    this.anchor = anchor
    this.period = period
    this.event = event
    this.direction = direction
    if (direction === 'after') {
      this.due = addPeriodToDayNumber(calendar, anchor, period)
      this.workingDaySpan = period.unit === 'workingDays' ? [anchor, this.due] : undefined
    } else {
      this.due = subtractPeriodFromDayNumber(calendar, anchor, period)
      this.workingDaySpan = period.unit === 'workingDays' ? [this.due, anchor] : undefined
    }
  }

  get reason(): string {
    if (this.text === undefined) {
      this.text = this.build()
    }
    return this.text
  }

  /**
   * The reason up to its first "; ", that is without the clause naming the holidays a working-day count skipped (the
   * words before it — a period, an event's fixed phrase and a date — never contain one), worded without looking the
   * holidays up.
   */
  get withoutHolidays(): string {
    return this.base()
  }

  private base(): string {
    const { period, event, anchor } = this
    if (this.direction === 'after' && period.countTriggerDay === true) {
      return `${describePeriod(period)} beginning with the day ${event} (${longDay(anchor)})`
    }
    return `${clauseOpening(period, this.direction, event)}${longDay(anchor)}`
  }

  private build(): string {
    const { period, anchor } = this
    const base = this.base()
    if (period.unit !== 'workingDays' || (this.direction === 'after' && period.countTriggerDay === true)) {
      return base
    }
    const holidays = holidayClause(
      this.calendar,
      this.direction === 'after'
        ? this.calendar.nonWorkingWeekdaysBetweenDayNumbers(anchor, this.due)
        : this.calendar.nonWorkingWeekdaysBetweenDayNumbers(this.due, anchor - 1),
    )
    return holidays === '' ? base : `${base}; ${holidays}`
  }
}

// The map kept for an object (a period, a calendar), made on first use.
function mapFor<K extends object, K2, V>(maps: WeakMap<K, Map<K2, V>>, key: K): Map<K2, V> {
  let map = maps.get(key)
  if (map === undefined) {
    map = new Map()
    maps.set(key, map)
  }
  return map
}

// "20 working days after the child became looked after on ": the words before the day, the same for every child
// (the periods are the pack's own objects, the events nearly always fixed phrases), so written once per period,
// direction and event rather than pieced together for each clause. An event worded with a date (a private fostering
// visit cadence) would fill the map, so each period keeps at most OPENINGS_PER_PERIOD of them.
const OPENINGS_PER_PERIOD = 32
const openings = {
  after: new WeakMap<Period, Map<string, string>>(),
  before: new WeakMap<Period, Map<string, string>>(),
}

function clauseOpening(period: Period, direction: 'after' | 'before', event: string): string {
  const byEvent = mapFor(openings[direction], period)
  let text = byEvent.get(event)
  if (text === undefined) {
    text = `${describePeriod(period)} ${direction} ${event} on `
    if (byEvent.size < OPENINGS_PER_PERIOD) {
      byEvent.set(event, text)
    }
  }
  return text
}

// The holiday clause of a working-day count ("25 and 26 December and 1 January are not working days"), memoised per
// calendar: a calendar lists the weekday holidays of a span as a run of its own holidays in date order, so the run
// (and its phrase) is fixed by its first holiday and its length.
const holidayClauses = new WeakMap<Calendar, Map<BankHoliday, (string | undefined)[]>>()

function holidayClause(calendar: Calendar, holidays: readonly BankHoliday[]): string {
  const first = holidays[0]
  if (first === undefined) {
    return ''
  }
  const byFirst = mapFor(holidayClauses, calendar)
  let byLength = byFirst.get(first)
  if (byLength === undefined) {
    byLength = []
    byFirst.set(first, byLength)
  }
  const known = byLength[holidays.length]
  if (known !== undefined) {
    return known
  }
  const text = describeNonWorkingDays(holidays)
  byLength[holidays.length] = text
  return text
}

/**
 * The day a period after an event ends, with its explanation (naming bank holidays skipped by a working-day count).
 * @param ctx - the context
 * @param from - the event day
 * @param period - the period
 * @param event - the event, e.g. "the child became looked after"
 * @returns the due date and reason
 */
export function after(ctx: EvaluationContext, from: number, period: Period, event: string): DueClause {
  return new PeriodClause(ctx.calendar, from, period, event, 'after')
}

/**
 * The day a period before an event ends ("3 working days before the meeting"), with its explanation.
 * @param ctx - the context
 * @param to - the event day
 * @param period - the period
 * @param event - the event, e.g. "the permanence planning meeting"
 * @returns the due date and reason
 */
export function before(ctx: EvaluationContext, to: number, period: Period, event: string): DueClause {
  return new PeriodClause(ctx.calendar, to, period, event, 'before')
}

/** Shorthand for {@link longDay}. */
export const fmt = longDay
