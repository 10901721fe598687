/**
 * Social-worker visits: VIS-01, VIS-03, VIS-04, VIS-05 (CPPCR 2010 reg 28; rules.md §2C), and which of them
 * applies to the current placement. Only the applicable visit rule is reported (they are alternatives for one
 * duty); a child placed for adoption is visited under AAR reg 36(4) instead (ADO-03). Every placement move restarts
 * the cycle (T9).
 */
import { addMonthsFast } from '../../deadlines/day-format.ts'
import { longDay as fmt } from '../../deadlines/day-format.ts'
import {
  type CarePeriod,
  type EvaluationContext,
  type PlacementFacts,
  after,
  birthday,
  isWithin,
  legalStatusOn,
} from '../context.ts'
import type { TimescaleItem } from '../item.ts'
import { evaluateChain, every, inForce, notApplicable } from './common.ts'

/**
 * The placement the child is living in (temporary moves T0–T4 do not count: the child returns to it).
 * @param ctx - the context
 * @returns the placement, or undefined
 */
export function currentPlacement(ctx: EvaluationContext): PlacementFacts | undefined {
  const period = ctx.currentPeriod
  if (period === undefined) {
    return undefined
  }
  let found: PlacementFacts | undefined
  for (const p of ctx.placements) {
    if (!p.code.startsWith('T') && p.start >= period.start && (period.end === null || p.start < period.end)) {
      found = p
    }
  }
  return found
}

/**
 * The first review held in a period of care, if any.
 * @param ctx - the context
 * @param period - the period
 * @returns its day, or null
 */
export function firstReviewIn(ctx: EvaluationContext, period: CarePeriod): number | null {
  for (const r of ctx.reviews) {
    if (isWithin(period, r.date)) {
      return r.date
    }
  }
  return null
}

/**
 * Evaluates the visit rule that applies to the current placement.
 * @param ctx - the context
 * @param out - items are appended here
 */
export function evaluateVisits(ctx: EvaluationContext, out: TimescaleItem[]): void {
  const placement = currentPlacement(ctx)
  const period = ctx.currentPeriod
  if (placement === undefined || period === undefined) {
    out.push(notApplicable(ctx, 'VIS-01', 'The child has no placement in a period of care'))
    return
  }
  if (placement.code.startsWith('A')) {
    return // AAR 2005 reg 36(4) applies instead: ADO-03.
  }
  // Visits stop at the earliest of the end of the placement, the end of the period of care and the 18th birthday
  // (on a tie, in that order); only that one is worded.
  const b18 = birthday(ctx, 18)
  let stop: { readonly on: number; readonly reason: string }
  if (placement.end !== null && (period.end === null || placement.end <= period.end) && placement.end <= b18) {
    stop = { on: placement.end, reason: `the placement ended on ${fmt(placement.end)}` }
  } else if (period.end !== null && period.end <= b18) {
    stop = { on: period.end, reason: `the child stopped being looked after on ${fmt(period.end)}` }
  } else {
    stop = { on: b18, reason: `the child turns 18 on ${fmt(b18)}` }
  }
  const visits = ctx.visits.filter(v => isWithin(placement, v))
  const firstReview = firstReviewIn(ctx, period)
  const statusNow = legalStatusOn(period, Math.min(ctx.asOf, period.end === null ? ctx.asOf : period.end - 1))
  const withParent = placement.code === 'P1'
  const approval = placement.source.connectedPersonApproval
  const temporaryApproval =
    approval !== undefined && (approval.fullApprovalOn === null || approval.fullApprovalOn === undefined)
  const began = { event: 'placement began', on: placement.start }
  const weeklyUntil = firstReview ?? Infinity

  if (temporaryApproval || (statusNow === 'C1' && withParent)) {
    // CPPCR 2010 reg 28(4); rules.md VIS-04 — weekly until the first review, then at least every 4 weeks.
    const rule = inForce(ctx, 'VIS-04', placement.start)
    if (!rule.ok) {
      out.push(notApplicable(ctx, 'VIS-04', rule.reason, rule.policy))
      return
    }
    const { untilFirstReview, afterFirstReview } = rule.setting
    const why = temporaryApproval ? 'temporarily approved connected person' : 'interim care order, living with a parent'
    evaluateChain(
      ctx,
      {
        rule: 'VIS-04',
        policy: rule.policy,
        events: visits,
        first: after(ctx, placement.start, untilFirstReview, `the placement (${why}) began`),
        firstTrigger: began,
        cadence: {
          threshold: weeklyUntil,
          early: { period: untilFirstReview, event: 'the previous visit (weekly until the first review)' },
          late: { period: afterFirstReview, event: 'the previous visit' },
        },
        triggerEvent: 'previous visit',
        stop,
        metPrefix: 'visited on',
        noun: 'visit',
      },
      out,
    )
    return
  }
  if (placement.isWithParentBeforeAssessment) {
    // CPPCR 2010 reg 28(3); rules.md VIS-03 — weekly until the first review, then at least every 6 weeks.
    const rule = inForce(ctx, 'VIS-03', placement.start)
    if (!rule.ok) {
      out.push(notApplicable(ctx, 'VIS-03', rule.reason, rule.policy))
      return
    }
    const { untilFirstReview, afterFirstReview } = rule.setting
    evaluateChain(
      ctx,
      {
        rule: 'VIS-03',
        policy: rule.policy,
        events: visits,
        first: after(ctx, placement.start, untilFirstReview, 'the placement with a parent (before assessment) began'),
        firstTrigger: began,
        cadence: {
          threshold: weeklyUntil,
          early: { period: untilFirstReview, event: 'the previous visit (weekly until the first review)' },
          late: { period: afterFirstReview, event: 'the previous visit' },
        },
        triggerEvent: 'previous visit',
        stop,
        metPrefix: 'visited on',
        noun: 'visit',
      },
      out,
    )
    return
  }
  if (statusNow === 'C2' && withParent) {
    // CPPCR 2010 reg 28(5); rules.md VIS-05 — within 1 week of the care order, then at least every 6 weeks.
    const orderOn = period.statuses.filter(s => s.code === 'C2').map(s => s.from)[0] ?? period.start
    const trigger = Math.max(orderOn, placement.start)
    const rule = inForce(ctx, 'VIS-05', trigger)
    if (!rule.ok) {
      out.push(notApplicable(ctx, 'VIS-05', rule.reason, rule.policy))
      return
    }
    evaluateChain(
      ctx,
      {
        rule: 'VIS-05',
        policy: rule.policy,
        events: visits.filter(v => v >= trigger),
        first: after(
          ctx,
          trigger,
          rule.setting.first,
          trigger === orderOn
            ? 'the care order was made (child living with a parent)'
            : 'the placement with a parent began',
        ),
        firstTrigger: { event: trigger === orderOn ? 'care order made' : 'placement began', on: trigger },
        cadence: every(rule.setting.interval, 'the previous visit'),
        triggerEvent: 'previous visit',
        stop,
        metPrefix: 'visited on',
        noun: 'visit',
      },
      out,
    )
    return
  }
  // CPPCR 2010 reg 28(2); rules.md VIS-01 — within 1 week of any placement, then 6-weekly in its first year, then
  // 6-weekly or 3-monthly where the placement is intended to last until 18.
  const rule = inForce(ctx, 'VIS-01', placement.start)
  if (!rule.ok) {
    out.push(notApplicable(ctx, 'VIS-01', rule.reason, rule.policy))
    return
  }
  const s = rule.setting
  const firstYearEnds = addMonthsFast(placement.start, 12)
  evaluateChain(
    ctx,
    {
      rule: 'VIS-01',
      policy: rule.policy,
      events: visits,
      first: after(ctx, placement.start, s.first, 'the placement began'),
      firstTrigger: began,
      cadence: {
        threshold: firstYearEnds,
        early: { period: s.firstYearInterval, event: 'the previous visit (first year of the placement)' },
        late: placement.intendedUntil18
          ? {
              period: s.laterIntervalIfIntendedUntil18,
              event: 'the previous visit (placement intended to last until 18)',
            }
          : { period: s.laterInterval, event: 'the previous visit' },
      },
      triggerEvent: 'previous visit',
      stop,
      metPrefix: 'visited on',
      noun: 'visit',
    },
    out,
  )
}
