/**
 * Helpers shared by the rule modules: choosing the policy in force on a trigger date (rules.md §5 T19), and
 * evaluating recurring obligations (reviews, visits, meetings) where each occurrence is due a set time after the
 * actual previous one ("chained", as CPPCR reg 33(2) and reg 28 count intervals; rules.md §5 T3).
 */
import { longDay } from '../../deadlines/day-format.ts'
import { type Period, addPeriodToDayNumber } from '../../deadlines/period.ts'
import { type DueClause, type EvaluationContext, after } from '../context.ts'
import { type TimescaleItem, makeItem, notApplicableItem } from '../item.ts'
import type { PolicyVersion } from '../policy-pack.ts'
import { type InForce, ruleInForce } from '../policy-index.ts'
import type { RuleId } from '../rule-ids.ts'

export type { InForce } from '../policy-index.ts'

/**
 * Looks up a rule's setting as at its trigger date (rules.md §5 T19): the pack version in force that day, and the
 * rule's own `inForceFrom` (e.g. the 26-week limit applies to applications issued from 22 April 2014). The answers
 * are worked out once per pack (policy-index.ts).
 * @param ctx - the context
 * @param rule - the rule
 * @param trigger - the trigger day
 * @returns the setting, or the reason it does not apply
 */
export function inForce<K extends RuleId>(ctx: EvaluationContext, rule: K, trigger: number): InForce<K> {
  return ruleInForce(ctx.policyIndex, rule, trigger)
}

/**
 * A not-applicable item with its reason.
 * @param ctx - the context
 * @param rule - the rule
 * @param reason - why it does not apply
 * @param policy - the policy version (defaults to the one in force on the evaluation day)
 * @returns the item
 */
export function notApplicable(
  ctx: EvaluationContext,
  rule: RuleId,
  reason: string,
  policy?: PolicyVersion,
): TimescaleItem {
  return notApplicableItem(ctx, rule, policy ?? ctx.policyNow, reason)
}

/** One step of a cadence: the period to the next occurrence, and the words for the event it counts from. */
export interface CadenceStep {
  readonly period: Period
  /** e.g. "the previous visit" */
  readonly event: string
}

/**
 * How each occurrence after the first is due, as data (no callbacks: tsx's keepNames wraps every named closure, and
 * this runs for every recurring rule of every child). Occurrence k is due `step.period` after occurrence k − 1 was
 * met, where `step` is `second` for k = 2 if given, otherwise `early` while the previous occurrence was before
 * `threshold`, otherwise `late` (null: no fixed period, e.g. adoption visits after the first review).
 */
export interface Cadence {
  readonly threshold: number
  readonly early: CadenceStep
  readonly late: CadenceStep | null
  readonly second?: CadenceStep
}

/** A recurring obligation. */
export interface ChainSpec {
  readonly rule: RuleId
  readonly policy: PolicyVersion
  /** Days the obligation was met, sorted; each meets the next open occurrence. */
  readonly events: readonly number[]
  /** The first occurrence's due date. */
  readonly first: DueClause
  readonly firstTrigger: { readonly event: string; readonly on: number }
  readonly cadence: Cadence
  /** Trigger name for occurrences after the first, e.g. "previous visit". */
  readonly triggerEvent: string
  /** e.g. "visited on" */
  readonly metPrefix: string
  /** Days of reviews held early under CPPCR reg 33(3), noted in the explanation. */
  readonly broughtForward?: readonly number[]
  /** When the obligation ends (placement ended, permanence achieved…). Occurrences due after it are not owed. */
  readonly stop: { readonly on: number; readonly reason: string } | null
  /** Reason for the open occurrence when the cadence gives no date. */
  readonly openWithoutDate?: string
  readonly unitConfirmed?: boolean
  readonly readingConfirmed?: boolean
  readonly note?: string
  readonly rollBackNonWorkingDay?: boolean
  readonly occurrenceOffset?: number
  /** What one occurrence is called in the summary, e.g. "visit", "review". */
  readonly noun?: string
}

/**
 * A cadence with one step throughout.
 * @param period - the interval
 * @param event - the words for the event it counts from
 * @returns the cadence
 */
export function every(period: Period, event: string): Cadence {
  return { threshold: Infinity, early: { period, event }, late: null }
}

// The step that fixes when occurrence `occurrence` is due, after the previous one was met on `previous` (null: the
// cadence sets no date).
function stepAfter(cadence: Cadence, previous: number, occurrence: number): CadenceStep | null {
  return occurrence === 2 && cadence.second !== undefined
    ? cadence.second
    : previous < cadence.threshold
      ? cadence.early
      : cadence.late
}

function chainTrigger(spec: ChainSpec, previous: number | null): { readonly event: string; readonly on: number } {
  return previous === null ? spec.firstTrigger : { event: spec.triggerEvent, on: previous }
}

function metPhrase(spec: ChainSpec, event: number): string {
  const early = spec.broughtForward !== undefined && spec.broughtForward.includes(event)
  return `${spec.metPrefix} ${longDay(event)}${early ? ' (brought forward under reg 33(3))' : ''}`
}

/**
 * Evaluates a chained recurring obligation and reports one item: the next open occurrence (or, once the obligation
 * has stopped, the last one), carrying a summary of the earlier occurrences — how many, how many were late, and the
 * latest late one. Past occurrences are checked by number only, so a child with years of 6-weekly visits costs a
 * loop, not an item per visit.
 * @param ctx - the context
 * @param spec - the obligation
 * @param out - the item is appended here
 */
export function evaluateChain(ctx: EvaluationContext, spec: ChainSpec, out: TimescaleItem[]): void {
  const offset = spec.occurrenceOffset ?? 0
  const stopOn = spec.stop === null ? Infinity : spec.stop.on
  const calendar = ctx.calendar
  const rollBack = spec.rollBackNonWorkingDay === true
  const events = spec.events
  const cadence = spec.cadence
  // The open occurrence is kept as numbers — due on `dueOn`, counted by `step` from `anchor` (step null: the first
  // occurrence, `spec.first`) — and turned into a clause with its explanation only for the occurrences reported.
  let open = true
  let dueOn = spec.first.due
  let step: CadenceStep | null = null
  let anchor = 0
  let previous: number | null = null
  let late = 0
  let lastLateDue: number | null = null
  let lastLateMetOn: number | null = null
  let metAny = false
  let lastStep: CadenceStep | null = null
  let lastAnchor = 0
  let lastPrevious: number | null = null
  let lastEvent = 0
  let k = 0
  for (; k < events.length; k++) {
    const event = events[k] as number
    if (event >= stopOn || !open) {
      break
    }
    const due = rollBack && !calendar.isWorkingDayNumber(dueOn) ? calendar.lastWorkingDayBeforeDayNumber(dueOn) : dueOn
    if (event > due) {
      late++
      lastLateDue = due
      lastLateMetOn = event
    }
    metAny = true
    lastStep = step
    lastAnchor = anchor
    lastPrevious = previous
    lastEvent = event
    previous = event
    const next = stepAfter(cadence, event, offset + k + 2)
    if (next === null) {
      open = false
    } else {
      step = next
      anchor = event
      dueOn = addPeriodToDayNumber(calendar, event, next.period)
    }
  }
  const clause: DueClause | null = !open
    ? null
    : step === null
      ? spec.first
      : after(ctx, anchor, step.period, step.event)
  const lastClause: DueClause | null = !metAny
    ? null
    : lastStep === null
      ? spec.first
      : after(ctx, lastAnchor, lastStep.period, lastStep.event)
  const stopped = clause === null ? false : spec.stop !== null && spec.stop.on <= clause.due
  if (stopped || (clause === null && lastClause !== null && spec.openWithoutDate === undefined)) {
    // The obligation has ended: report the last occurrence, with the ones before it summarised.
    if (lastClause === null) {
      out.push(
        makeItem(ctx, {
          rule: spec.rule,
          policy: spec.policy,
          trigger: chainTrigger(spec, previous),
          due: null,
          reason: spec.stop?.reason ?? '',
          notApplicable: true,
        }),
      )
      return
    }
    const lastWasLate = lastLateMetOn === lastEvent
    out.push(
      makeItem(ctx, {
        rule: spec.rule,
        policy: spec.policy,
        unitConfirmed: spec.unitConfirmed,
        readingConfirmed: spec.readingConfirmed,
        rollBackNonWorkingDay: spec.rollBackNonWorkingDay,
        note: spec.note,
        occurrenceNoun: spec.noun,
        trigger: chainTrigger(spec, lastPrevious),
        due: lastClause.due,
        metOn: lastEvent,
        reason: spec.stop === null ? lastClause.reason : `${lastClause.reason}; ${spec.stop.reason}`,
        metPhrase: metPhrase(spec, lastEvent),
        workingDaySpan: lastClause.workingDaySpan,
        occurrence: offset + k,
        past: { count: k - 1, late: late - (lastWasLate ? 1 : 0), lastLateDue: null, lastLateMetOn: null },
      }),
    )
    return
  }
  const past = { count: k, late, lastLateDue, lastLateMetOn }
  if (clause === null) {
    out.push(
      makeItem(ctx, {
        rule: spec.rule,
        policy: spec.policy,
        unitConfirmed: spec.unitConfirmed,
        readingConfirmed: spec.readingConfirmed,
        note: spec.note,
        occurrenceNoun: spec.noun,
        trigger: chainTrigger(spec, previous),
        due: null,
        reason: spec.openWithoutDate ?? 'The next date is not set by a fixed period',
        occurrence: offset + k + 1,
        past,
      }),
    )
    return
  }
  out.push(
    makeItem(ctx, {
      rule: spec.rule,
      policy: spec.policy,
      unitConfirmed: spec.unitConfirmed,
      readingConfirmed: spec.readingConfirmed,
      rollBackNonWorkingDay: spec.rollBackNonWorkingDay,
      note: spec.note,
      occurrenceNoun: spec.noun,
      trigger: chainTrigger(spec, previous),
      due: clause.due,
      reason: clause.reason,
      workingDaySpan: clause.workingDaySpan,
      occurrence: offset + k + 1,
      past,
    }),
  )
}

/**
 * The first day on or after `from` in a sorted list, if any.
 * @param sorted - days in order
 * @param from - the earliest day wanted
 * @returns the day, or null
 */
export function firstOnOrAfter(sorted: readonly number[], from: number): number | null {
  for (const n of sorted) {
    if (n >= from) {
      return n
    }
  }
  return null
}
