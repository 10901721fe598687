/**
 * Statutory looked-after reviews: REV-01 to REV-05 (CPPCR 2010 reg 33; rules.md §2B).
 *
 * Each interval runs from the review actually held (reg 33(2); rules.md §5 T3), so a review brought forward under
 * reg 33(3) becomes the anchor for the next one (REV-04, T10). A new period of care restarts the cycle (T9). From
 * the day the agency has authority to place the child for adoption, reviews follow AAR 2005 reg 36 instead (ADO-01,
 * ADO-02; T11), and the open CPPCR occurrence is reported as not applicable with that reason.
 */
import { longDay as fmt } from '../../deadlines/day-format.ts'
import {
  type CarePeriod,
  type DueClause,
  type EvaluationContext,
  after,
  birthday,
  isWithin,
  lastOf,
} from '../context.ts'
import { type TimescaleItem, makeItem } from '../item.ts'
import { evaluateChain, every, inForce, notApplicable } from './common.ts'

/** The review cycle of one period of care. */
export interface ReviewSchedule {
  readonly period: CarePeriod
  /** Reviews held in the period (before any switch to adoption reviews), in order. */
  readonly reviews: readonly {
    readonly date: number
    readonly broughtForward: boolean
    readonly stayingPutConsidered: boolean
  }[]
  /** REV-01 due date (null when the rule is not in force). */
  readonly firstDue: DueClause | null
  /** The second review: held, or projected from the first (held or due). */
  readonly secondReview: { readonly on: number; readonly held: boolean; readonly reason: string } | null
  /** The next review not yet held: its due date and reason. */
  readonly nextDue: DueClause | null
  /** When CPPCR reviews stop (authority to place for adoption, or leaving care). */
  readonly stop: { readonly on: number; readonly reason: string } | null
}

/**
 * Works out the review cycle of a period of care (used by REV-*, PP-01, PP-04 and REV-05).
 * @param ctx - the context
 * @param period - the period of care
 * @returns the schedule
 */
export function reviewSchedule(ctx: EvaluationContext, period: CarePeriod): ReviewSchedule {
  // Several rules read the schedule of the current period: it is kept in the context's memo.
  const memo = ctx.memo
  if (memo.schedulePeriod === period && memo.schedule !== undefined) {
    return memo.schedule
  }
  const schedule = computeReviewSchedule(ctx, period)
  memo.schedulePeriod = period
  memo.schedule = schedule
  return schedule
}

function computeReviewSchedule(ctx: EvaluationContext, period: CarePeriod): ReviewSchedule {
  // The earliest of: authority to place for adoption, the end of the period, the 18th birthday (on a tie, in that
  // order). Only the winner's reason is worded.
  const authority = ctx.authorityToPlaceOn
  const byAdoption = authority !== null && isWithin(period, authority) && ctx.adoptionOrderOn === null
  // rules.md §5 T12 — at 18 looked-after reviews end; pathway plan reviews continue (CL-03).
  const b18 = birthday(ctx, 18)
  let stop: { readonly on: number; readonly reason: string }
  if (byAdoption && (period.end === null || authority <= period.end) && authority <= b18) {
    stop = {
      on: authority,
      reason: `from ${fmt(authority)} the agency has authority to place the child for adoption, so reviews follow AAR 2005 reg 36 (ADO-01, ADO-02)`,
    }
  } else if (period.end !== null && period.end <= b18) {
    stop = { on: period.end, reason: `the child stopped being looked after on ${fmt(period.end)}` }
  } else {
    stop = {
      on: b18,
      reason: `the child turns 18 on ${fmt(b18)}, when looked-after reviews end (pathway plan reviews continue)`,
    }
  }
  const reviews = ctx.reviews.filter(r => isWithin(period, r.date) && r.date < stop.on)
  const rev01 = inForce(ctx, 'REV-01', period.start)
  const firstDue = rev01.ok ? after(ctx, period.start, rev01.setting.period, 'the child became looked after') : null
  const r1 = reviews[0]
  const r2 = reviews[1]
  let secondReview: ReviewSchedule['secondReview'] = null
  const rev02 = inForce(ctx, 'REV-02', r1?.date ?? period.start)
  if (r2 !== undefined) {
    secondReview = { on: r2.date, held: true, reason: `the second review, held on ${fmt(r2.date)}` }
  } else if (rev02.ok && r1 !== undefined) {
    const clause = after(ctx, r1.date, rev02.setting.period, 'the first review')
    secondReview = {
      on: clause.due,
      held: false,
      reason: `the second review, due by ${fmt(clause.due)} (${clause.reason})`,
    }
  } else if (rev02.ok && firstDue !== null) {
    const clause = after(ctx, firstDue.due, rev02.setting.period, 'the date the first review is due')
    secondReview = {
      on: clause.due,
      held: false,
      reason: `the second review, projected for ${fmt(clause.due)} (${clause.reason}, as the first review has not been held)`,
    }
  }
  let nextDue: DueClause | null = null
  const last = lastOf(reviews)
  if (last === undefined) {
    nextDue = firstDue
  } else {
    const rule = reviews.length === 1 ? 'REV-02' : 'REV-03'
    const setting = inForce(ctx, rule, last.date)
    if (setting.ok) {
      nextDue = after(
        ctx,
        last.date,
        setting.setting.period,
        reviews.length === 1 ? 'the first review' : 'the previous review',
      )
    }
  }
  return { period, reviews, firstDue, secondReview, nextDue, stop }
}

function broughtForwardDays(reviews: ReviewSchedule['reviews']): number[] {
  const out: number[] = []
  for (const r of reviews) {
    if (r.broughtForward) {
      out.push(r.date)
    }
  }
  return out
}

function heldPhrase(review: { readonly date: number; readonly broughtForward: boolean }): string {
  return `held on ${fmt(review.date)}${review.broughtForward ? ' (brought forward under reg 33(3))' : ''}`
}

/**
 * Evaluates REV-01 to REV-05 for the current period of care.
 * @param ctx - the context
 * @param out - items are appended here
 */
export function evaluateReviews(ctx: EvaluationContext, out: TimescaleItem[]): void {
  const period = ctx.currentPeriod
  if (period === undefined) {
    for (const rule of ['REV-01', 'REV-02', 'REV-03', 'REV-04', 'REV-05'] as const) {
      out.push(notApplicable(ctx, rule, 'The child has not been looked after'))
    }
    return
  }
  const schedule = reviewSchedule(ctx, period)
  const { reviews, stop } = schedule
  const r1 = reviews[0]
  const r2 = reviews[1]
  const becameLookedAfter = { event: 'child became looked after', on: period.start }

  // CPPCR 2010 reg 33(1); rules.md REV-01 — first review within 20 working days of becoming looked after (T1, T9).
  const rev01 = inForce(ctx, 'REV-01', period.start)
  if (!rev01.ok || schedule.firstDue === null) {
    out.push(notApplicable(ctx, 'REV-01', rev01.ok ? 'not in force' : rev01.reason, rev01.policy))
  } else if (r1 === undefined && stop !== null && stop.on <= schedule.firstDue.due) {
    out.push(notApplicable(ctx, 'REV-01', stop.reason, rev01.policy))
  } else {
    out.push(
      makeItem(ctx, {
        rule: 'REV-01',
        policy: rev01.policy,
        trigger: becameLookedAfter,
        due: schedule.firstDue.due,
        metOn: r1?.date ?? null,
        reason: schedule.firstDue.reason,
        metPhrase: r1 === undefined ? undefined : heldPhrase(r1),
        workingDaySpan: schedule.firstDue.workingDaySpan,
        occurrence: 1,
      }),
    )
  }

  // CPPCR 2010 reg 33(2)(a); rules.md REV-02 — second review within 3 months of the first actually held (T3, T10).
  if (r1 === undefined) {
    out.push(
      stop !== null
        ? notApplicable(ctx, 'REV-02', stop.reason)
        : makeItem(ctx, {
            rule: 'REV-02',
            policy: inForce(ctx, 'REV-02', period.start).policy,
            due: null,
            reason: 'Due 3 months after the first review, which has not been held yet',
            occurrence: 2,
          }),
    )
  } else {
    const rev02 = inForce(ctx, 'REV-02', r1.date)
    if (!rev02.ok) {
      out.push(notApplicable(ctx, 'REV-02', rev02.reason, rev02.policy))
    } else {
      const clause = after(ctx, r1.date, rev02.setting.period, 'the first review')
      if (r2 === undefined && stop !== null && stop.on <= clause.due) {
        out.push(notApplicable(ctx, 'REV-02', stop.reason, rev02.policy))
      } else {
        out.push(
          makeItem(ctx, {
            rule: 'REV-02',
            policy: rev02.policy,
            trigger: { event: 'first review held', on: r1.date },
            due: clause.due,
            metOn: r2?.date ?? null,
            reason: clause.reason,
            metPhrase: r2 === undefined ? undefined : heldPhrase(r2),
            occurrence: 2,
          }),
        )
      }
    }
  }

  // CPPCR 2010 reg 33(2)(b); rules.md REV-03 — each later review within 6 months of the previous one (T3).
  if (r2 === undefined) {
    out.push(
      stop !== null
        ? notApplicable(ctx, 'REV-03', stop.reason)
        : makeItem(ctx, {
            rule: 'REV-03',
            policy: inForce(ctx, 'REV-03', period.start).policy,
            due: null,
            reason: 'Due 6 months after the second review, which has not been held yet',
            occurrence: 3,
          }),
    )
  } else {
    const rev03 = inForce(ctx, 'REV-03', r2.date)
    if (!rev03.ok) {
      out.push(notApplicable(ctx, 'REV-03', rev03.reason, rev03.policy))
    } else {
      const interval = rev03.setting.period
      evaluateChain(
        ctx,
        {
          rule: 'REV-03',
          policy: rev03.policy,
          events: reviews.slice(2).map(r => r.date),
          first: after(ctx, r2.date, interval, 'the second review'),
          firstTrigger: { event: 'previous review held', on: r2.date },
          cadence: every(interval, 'the previous review'),
          triggerEvent: 'previous review held',
          stop,
          metPrefix: 'held on',
          broughtForward: broughtForwardDays(reviews),
          occurrenceOffset: 2,
          noun: 'review',
        },
        out,
      )
    }
  }

  // CPPCR 2010 reg 33(3); rules.md REV-04 — a review brought forward becomes the anchor for the next interval (T10).
  evaluateBroughtForward(ctx, schedule, out)
  evaluateStayingPut(ctx, schedule, out)
}

function evaluateBroughtForward(
  ctx: EvaluationContext,
  schedule: ReturnType<typeof reviewSchedule>,
  out: TimescaleItem[],
): void {
  const { reviews, period } = schedule
  const rev04 = inForce(ctx, 'REV-04', period.start)
  let found = false
  for (let index = 0; index < reviews.length; index++) {
    const review = reviews[index] as (typeof reviews)[number]
    if (!review.broughtForward || !rev04.ok) {
      continue
    }
    found = true
    const previous = index === 0 ? undefined : reviews[index - 1]
    let ordinary: DueClause | null = schedule.firstDue
    if (index > 0) {
      const setting = inForce(ctx, index === 1 ? 'REV-02' : 'REV-03', previous?.date ?? period.start)
      ordinary =
        setting.ok && previous !== undefined
          ? after(ctx, previous.date, setting.setting.period, index === 1 ? 'the first review' : 'the previous review')
          : null
    }
    const following = reviews[index + 1]
    const nextSetting = inForce(ctx, index === 0 ? 'REV-02' : 'REV-03', review.date)
    const nextClause = nextSetting.ok ? after(ctx, review.date, nextSetting.setting.period, 'it') : null
    const nextText =
      following !== undefined
        ? `the next review was held on ${fmt(following.date)}`
        : nextClause === null
          ? 'the next interval runs from it'
          : `the next review is now due by ${fmt(nextClause.due)}`
    out.push(
      makeItem(ctx, {
        rule: 'REV-04',
        policy: rev04.policy,
        trigger: { event: 'review brought forward', on: review.date },
        due: ordinary?.due ?? review.date,
        metOn: review.date,
        reason: `Review ${index + 1} was brought forward to ${fmt(review.date)}${ordinary === null ? '' : ` (it was due by ${fmt(ordinary.due)})`} and counts as that review; ${nextText}`,
        metPhrase: 'the brought-forward review is the anchor for the next interval',
        occurrence: index + 1,
      }),
    )
  }
  if (!found) {
    out.push(
      notApplicable(
        ctx,
        'REV-04',
        rev04.ok ? 'no review has been brought forward in this period of care' : rev04.reason,
        rev04.policy,
      ),
    )
  }
}

// Staying Put guidance; rules.md REV-05 — the first review after the 16th birthday must consider Staying Put
// (Tameside §8.8: ideally before 16).
function evaluateStayingPut(
  ctx: EvaluationContext,
  schedule: ReturnType<typeof reviewSchedule>,
  out: TimescaleItem[],
): void {
  const b16 = birthday(ctx, 16)
  const rev05 = inForce(ctx, 'REV-05', b16)
  if (!rev05.ok) {
    out.push(notApplicable(ctx, 'REV-05', rev05.reason, rev05.policy))
    return
  }
  const setting = rev05.setting
  const b = birthday(ctx, setting.age)
  if (ctx.asOf >= birthday(ctx, 18) || !ctx.isLookedAfter) {
    out.push(notApplicable(ctx, 'REV-05', 'The child is not a looked-after child under 18', rev05.policy))
    return
  }
  let current: (typeof ctx.placements)[number] | undefined
  for (const p of ctx.placements) {
    if (isWithin(p, ctx.asOf)) {
      current = p
    }
  }
  if (setting.fosterCareOnly && (current === undefined || !current.code.startsWith('U'))) {
    out.push(notApplicable(ctx, 'REV-05', 'The child is not in foster care', rev05.policy))
    return
  }
  if (ctx.asOf < birthday(ctx, setting.age - 1)) {
    out.push(
      notApplicable(
        ctx,
        'REV-05',
        `The child turns ${setting.age} on ${fmt(b)}; Staying Put is considered from a year before`,
        rev05.policy,
      ),
    )
    return
  }
  // The earliest day Staying Put was discussed or considered at a review.
  let metOn: number | null = null
  for (const d of ctx.stayingPutDiscussions) {
    if (metOn === null || d < metOn) {
      metOn = d
    }
  }
  for (const r of schedule.reviews) {
    if (r.stayingPutConsidered && (metOn === null || r.date < metOn)) {
      metOn = r.date
    }
  }
  const trigger = { event: `${setting.age}th birthday`, on: b }
  if (setting.targetBeforeBirthday) {
    const reviewAfter = schedule.reviews.find(r => r.date >= b)
    out.push(
      makeItem(ctx, {
        rule: 'REV-05',
        policy: rev05.policy,
        trigger,
        due: b - 1,
        metOn,
        reason: `Ideally before the ${setting.age}th birthday on ${fmt(b)}; in any case the first review after it${reviewAfter === undefined ? '' : ` (${fmt(reviewAfter.date)})`} must consider Staying Put`,
        metPhrase: metOn === null ? undefined : `discussed on ${fmt(metOn)}`,
      }),
    )
    return
  }
  const reviewAfter = schedule.reviews.find(r => r.date >= b)
  let due: number | null = null
  let reason: string
  if (reviewAfter !== undefined) {
    due = reviewAfter.date
    reason = `At the first review after the ${setting.age}th birthday on ${fmt(b)}, held on ${fmt(reviewAfter.date)}`
  } else if (schedule.nextDue !== null && schedule.nextDue.due >= b) {
    due = schedule.nextDue.due
    reason = `At the first review after the ${setting.age}th birthday on ${fmt(b)}, due by ${fmt(due)}`
  } else {
    reason = `At the first review after the ${setting.age}th birthday on ${fmt(b)}`
  }
  out.push(
    makeItem(ctx, {
      rule: 'REV-05',
      policy: rev05.policy,
      trigger,
      due,
      metOn,
      reason,
      metPhrase: metOn === null ? undefined : `considered on ${fmt(metOn)}`,
    }),
  )
}
