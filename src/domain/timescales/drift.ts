/**
 * Drift measures: per child (how long looked after, how late the plan is, how long since the last planning meeting,
 * which week of proceedings, adoption timeliness against the scorecard thresholds) and pure aggregation per team,
 * per worker and per authority (issue 3 §5; rules.md ADO-08; national-returns.md §3.3 for A1, A2, A10).
 */
import type { CalendarDay } from '../shared/calendar-day.ts'
import { ageOnDayNumber, isoDay, dayNumberOf } from '../deadlines/day-format.ts'
import type { EvaluationContext } from './context.ts'
import type { TimescaleItem } from './item.ts'
import { versionAt } from './policy-index.ts'
import type { RuleId } from './rule-ids.ts'
import { timetableAt } from './rules/proceedings.ts'

/** One set of proceedings against the 26 weeks. */
export interface ProceedingsDrift {
  readonly issuedOn: CalendarDay
  /** The week of proceedings the evaluation day (or the conclusion) falls in, counting the issue day as week 1. */
  readonly week: number
  readonly week26EndsOn: CalendarDay
  readonly extendedEndsOn: CalendarDay
  readonly isPast26Weeks: boolean
  readonly isPastExtendedTimetable: boolean
  readonly concludedOn: CalendarDay | null
}

/** An adoption timeliness measure against its threshold. */
export interface AdoptionMeasure {
  readonly days: number
  readonly thresholdDays: number
  readonly exceedsThreshold: boolean
  /** True while the clock is still running (the end event has not happened). */
  readonly isRunning: boolean
}

/** Drift measures for one child. */
export interface DriftMeasures {
  readonly isLookedAfter: boolean
  readonly periodOfCareStartedOn: CalendarDay | null
  readonly daysLookedAfterInCurrentPeriod: number | null
  readonly ageInYears: number
  /** PP-01: days the permanence plan is (or was) late; 0 when on time; null when not yet due or not applicable. */
  readonly planLateByDays: number | null
  readonly planStatus: TimescaleItem['status'] | null
  readonly lastPlanningMeetingOn: CalendarDay | null
  readonly daysSinceLastPlanningMeeting: number | null
  readonly proceedings: readonly ProceedingsDrift[]
  /** A1: entering care to moving in with adopters (threshold 426 days). */
  readonly a1: AdoptionMeasure | null
  /** A2: authority to place to match (threshold 121 days). */
  readonly a2: AdoptionMeasure | null
  /** A10: A1 with the clock stopped at the start of the foster placement when adopted by the foster carers. */
  readonly a10: AdoptionMeasure | null
  readonly overdueItems: number
  readonly dueSoonItems: number
  readonly overdueRules: readonly RuleId[]
}

function measure(from: number, to: number | null, asOf: number, threshold: number): AdoptionMeasure {
  const end = to ?? asOf
  const days = Math.max(0, end - from)
  return { days, thresholdDays: threshold, exceedsThreshold: days > threshold, isRunning: to === null }
}

/**
 * Works out the drift measures for one child from the context and its items.
 * @param ctx - the evaluation context
 * @param items - the child's items
 * @returns the measures
 */
export function measureDrift(ctx: EvaluationContext, items: readonly TimescaleItem[]): DriftMeasures {
  const asOf = ctx.asOf
  const period = ctx.currentPeriod
  // One pass over the items: the PP-01 item that applies, whether an adoption measure applies, overdue and due soon.
  let pp01: TimescaleItem | undefined
  let adoptionPlanned = false
  let overdueItems = 0
  let dueSoonItems = 0
  const overdueRules: RuleId[] = []
  for (const item of items) {
    const status = item.status
    if (status === 'not-applicable') {
      continue
    }
    if (item.rule === 'PP-01' && pp01 === undefined) {
      pp01 = item
    } else if (item.rule === 'ADO-08') {
      adoptionPlanned = true
    }
    if (status === 'overdue') {
      overdueItems++
      if (!overdueRules.includes(item.rule)) {
        overdueRules.push(item.rule)
      }
    } else if (status === 'due-soon') {
      dueSoonItems++
    }
  }
  const planLateByDays =
    pp01 === undefined
      ? null
      : pp01.status === 'overdue' || pp01.status === 'met-late'
        ? pp01.daysLate
        : pp01.status === 'met'
          ? 0
          : null
  let lastMeeting: number | null = null
  if (period !== undefined) {
    for (const m of ctx.ppms) {
      if (m.date >= period.start) {
        lastMeeting = m.date
      }
    }
  }
  const proceedings: ProceedingsDrift[] = []
  const recorded = ctx.history.proceedings
  for (let index = 0; index < recorded.length; index++) {
    if (dayNumberOf((recorded[index] as (typeof recorded)[number]).issuedOn) > asOf) {
      continue
    }
    const t = timetableAt(ctx, index)
    if (t === null) {
      continue
    }
    const end = t.concludedOn ?? asOf
    proceedings.push({
      issuedOn: isoDay(t.issuedOn),
      week: Math.floor((end - t.issuedOn) / 7) + 1,
      week26EndsOn: isoDay(t.week26EndsOn),
      extendedEndsOn: isoDay(t.extendedEndsOn),
      isPast26Weeks: end > t.week26EndsOn,
      isPastExtendedTimetable: end > t.extendedEndsOn,
      concludedOn: t.concludedOn === null ? null : isoDay(t.concludedOn),
    })
  }
  let a1: AdoptionMeasure | null = null
  let a10: AdoptionMeasure | null = null
  let a2: AdoptionMeasure | null = null
  if (period !== undefined && adoptionPlanned) {
    const thresholds = versionAt(ctx.policyIndex, period.start).version.rules['ADO-08']
    a1 = measure(period.start, ctx.placedForAdoptionOn, asOf, thresholds.a1Days)
    const adopters = new Set(ctx.history.adoption?.adoptersPersonIds ?? [])
    for (const p of ctx.placements) {
      if (p.code.startsWith('A') && p.carerId !== null) {
        adopters.add(p.carerId)
      }
    }
    const fosterWithAdopters = ctx.placements.find(
      p => p.code.startsWith('U') && p.carerId !== null && adopters.has(p.carerId) && p.start >= period.start,
    )
    const byFosterCarers = ctx.history.adoption?.adoptedByFosterCarers === true || fosterWithAdopters !== undefined
    a10 =
      byFosterCarers && fosterWithAdopters !== undefined
        ? measure(period.start, fosterWithAdopters.start, asOf, thresholds.a1Days)
        : a1
    const authority = ctx.authorityToPlaceOn
    if (authority !== null) {
      const matched = ctx.history.adoption?.matchedOn
      const matchedOn = matched === null || matched === undefined ? null : dayNumberOf(matched)
      a2 = measure(
        authority,
        matchedOn !== null && matchedOn <= asOf ? Math.max(matchedOn, authority) : null,
        asOf,
        thresholds.a2Days,
      )
    }
  }
  return {
    isLookedAfter: ctx.isLookedAfter,
    periodOfCareStartedOn: period === undefined ? null : isoDay(period.start),
    daysLookedAfterInCurrentPeriod: period !== undefined && ctx.isLookedAfter ? asOf - period.start : null,
    ageInYears: ageOnDayNumber(ctx.dateOfBirth, asOf, ctx.leapDayBirthdaysOn),
    planLateByDays,
    planStatus: pp01?.status ?? null,
    lastPlanningMeetingOn: lastMeeting === null ? null : isoDay(lastMeeting),
    daysSinceLastPlanningMeeting: lastMeeting === null ? null : asOf - lastMeeting,
    proceedings: proceedings.length === 0 ? NONE : proceedings,
    a1,
    a2,
    a10,
    overdueItems,
    dueSoonItems,
    overdueRules: overdueRules.length === 0 ? NONE : overdueRules,
  }
}

// The empty lists drift reports for most children, shared (frozen: the lists are read-only): a service keeps the
// drift of every child for its dashboards, and this saves two allocations per child.
const NONE: readonly never[] = Object.freeze([])

/** One child's row for aggregation. */
export interface DriftRow {
  readonly childId: string
  readonly teamId: string
  readonly workerId: string
  readonly drift: DriftMeasures
  readonly items: readonly Pick<TimescaleItem, 'rule' | 'status'>[]
}

/** Counts and medians over a group of children. */
export interface DriftAggregate {
  readonly children: number
  readonly lookedAfter: number
  readonly childrenWithOverdueItems: number
  readonly overdueItems: number
  readonly overdueItemsByRule: Readonly<Partial<Record<RuleId, number>>>
  readonly dueSoonItemsByRule: Readonly<Partial<Record<RuleId, number>>>
  /** PP-01 overdue or met late. */
  readonly childrenWithNoPlanBySecondReview: number
  /** Children with an overdue permanence planning meeting (PP-02, PP-04, PP-05, PP-06). */
  readonly childrenWithPlanningMeetingOverdue: number
  readonly proceedingsPast26Weeks: number
  readonly proceedingsPastExtendedTimetable: number
  readonly adoptionsOverA1Threshold: number
  readonly adoptionsOverA2Threshold: number
  readonly medianDaysLookedAfter: number | null
  readonly medianPlanLateByDays: number | null
  readonly medianDaysSinceLastPlanningMeeting: number | null
  readonly medianWeekOfOpenProceedings: number | null
}

/** Aggregates for an authority, and by team and by worker. */
export interface DriftReport {
  readonly authority: DriftAggregate
  readonly byTeam: Readonly<Record<string, DriftAggregate>>
  readonly byWorker: Readonly<Record<string, DriftAggregate>>
}

const MEETING_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['PP-02', 'PP-04', 'PP-05', 'PP-06'])

/**
 * The median of a list of numbers (mean of the middle two for an even count), or null for an empty list.
 * @param values - the numbers
 * @returns the median
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null
  }
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/**
 * Aggregates drift over a group of children.
 * @param rows - one row per child
 * @returns counts and medians
 */
export function aggregateDriftRows(rows: readonly DriftRow[]): DriftAggregate {
  const overdueItemsByRule: Partial<Record<RuleId, number>> = {}
  const dueSoonItemsByRule: Partial<Record<RuleId, number>> = {}
  let lookedAfter = 0
  let childrenWithOverdueItems = 0
  let overdueItems = 0
  let noPlan = 0
  let meetingOverdue = 0
  let past26 = 0
  let pastExtended = 0
  let overA1 = 0
  let overA2 = 0
  const daysLookedAfter: number[] = []
  const planLate: number[] = []
  const sinceMeeting: number[] = []
  const weeks: number[] = []
  for (const row of rows) {
    const d = row.drift
    if (d.isLookedAfter) {
      lookedAfter++
    }
    let childOverdue = false
    let childMeetingOverdue = false
    let childNoPlan = false
    for (const item of row.items) {
      if (item.status === 'overdue') {
        overdueItems++
        childOverdue = true
        overdueItemsByRule[item.rule] = (overdueItemsByRule[item.rule] ?? 0) + 1
        if (MEETING_RULES.has(item.rule)) {
          childMeetingOverdue = true
        }
      } else if (item.status === 'due-soon') {
        dueSoonItemsByRule[item.rule] = (dueSoonItemsByRule[item.rule] ?? 0) + 1
      }
      if (item.rule === 'PP-01' && (item.status === 'overdue' || item.status === 'met-late')) {
        childNoPlan = true
      }
    }
    childrenWithOverdueItems += childOverdue ? 1 : 0
    meetingOverdue += childMeetingOverdue ? 1 : 0
    noPlan += childNoPlan ? 1 : 0
    for (const p of d.proceedings) {
      if (p.concludedOn === null) {
        weeks.push(p.week)
        past26 += p.isPast26Weeks ? 1 : 0
        pastExtended += p.isPastExtendedTimetable ? 1 : 0
      }
    }
    overA1 += d.a1?.exceedsThreshold === true ? 1 : 0
    overA2 += d.a2?.exceedsThreshold === true ? 1 : 0
    if (d.daysLookedAfterInCurrentPeriod !== null) {
      daysLookedAfter.push(d.daysLookedAfterInCurrentPeriod)
    }
    if (d.planLateByDays !== null && d.planLateByDays > 0) {
      planLate.push(d.planLateByDays)
    }
    if (d.daysSinceLastPlanningMeeting !== null && d.isLookedAfter) {
      sinceMeeting.push(d.daysSinceLastPlanningMeeting)
    }
  }
  return {
    children: rows.length,
    lookedAfter,
    childrenWithOverdueItems,
    overdueItems,
    overdueItemsByRule,
    dueSoonItemsByRule,
    childrenWithNoPlanBySecondReview: noPlan,
    childrenWithPlanningMeetingOverdue: meetingOverdue,
    proceedingsPast26Weeks: past26,
    proceedingsPastExtendedTimetable: pastExtended,
    adoptionsOverA1Threshold: overA1,
    adoptionsOverA2Threshold: overA2,
    medianDaysLookedAfter: median(daysLookedAfter),
    medianPlanLateByDays: median(planLate),
    medianDaysSinceLastPlanningMeeting: median(sinceMeeting),
    medianWeekOfOpenProceedings: median(weeks),
  }
}

function groupBy(rows: readonly DriftRow[], key: (row: DriftRow) => string): Record<string, DriftAggregate> {
  const groups = new Map<string, DriftRow[]>()
  for (const row of rows) {
    const k = key(row)
    const list = groups.get(k) ?? []
    list.push(row)
    groups.set(k, list)
  }
  const out: Record<string, DriftAggregate> = {}
  for (const [k, list] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out[k] = aggregateDriftRows(list)
  }
  return out
}

/**
 * Aggregates drift for an authority, by team and by worker.
 * @param rows - one row per child
 * @returns the report
 */
export function aggregateDrift(rows: readonly DriftRow[]): DriftReport {
  return {
    authority: aggregateDriftRows(rows),
    byTeam: groupBy(rows, r => r.teamId),
    byWorker: groupBy(rows, r => r.workerId),
  }
}
