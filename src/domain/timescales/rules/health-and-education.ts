/**
 * Health assessments and the personal education plan: HLT-01, HLT-02, EDU-01 (rules.md §2D).
 *
 * HLT-01 is due by the earlier of 20 working days from becoming looked after and the first review actually held
 * (rules.md §6 D5); an assessment in the 3 months before the period of care counts. EDU-01 is due within 10 working
 * days and in any case available for the first review (D6). Both therefore move earlier when the first review is
 * brought forward (T10) and restart with each period of care (T9). docs/adr/0015-health-and-education-deadlines.md.
 */
import { longDay as fmt } from '../../deadlines/day-format.ts'
import { subtractPeriodFromDayNumber } from '../../deadlines/period.ts'
import { type DueClause, type EvaluationContext, after, birthday, isWithin } from '../context.ts'
import { type TimescaleItem, makeItem } from '../item.ts'
import { evaluateChain, inForce, notApplicable } from './common.ts'
import { preparedSince } from './care-planning.ts'
import { firstReviewIn } from './visits.ts'

function byFirstReview(clause: DueClause, firstReview: number | null, enabled: boolean): DueClause {
  if (!enabled || firstReview === null || firstReview >= clause.due) {
    return clause
  }
  return {
    due: firstReview,
    reason: `By the first review, held on ${fmt(firstReview)}, as it came before ${fmt(clause.due)} (${clause.withoutHolidays ?? firstClause(clause.reason)})`,
  }
}

// The reason up to its first "; " clause: `reason.replace(/;.*$/, '')`, without the regular expression when the
// reason is one line (as reasons are), where the two agree.
function firstClause(reason: string): string {
  const end = reason.indexOf(';')
  if (end < 0) {
    return reason
  }
  for (let i = end; i < reason.length; i++) {
    const c = reason.charCodeAt(i)
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
      return reason.replace(/;.*$/, '')
    }
  }
  return reason.slice(0, end)
}

// The days of the assessments after a day, in order.
function datesAfter(list: EvaluationContext['healthAssessments'], after: number): number[] {
  const out: number[] = []
  for (const h of list) {
    if (h.date > after) {
      out.push(h.date)
    }
  }
  return out
}

/**
 * Evaluates HLT-01, HLT-02 and EDU-01 for the current period of care.
 * @param ctx - the context
 * @param out - items are appended here
 */
export function evaluateHealthAndEducation(ctx: EvaluationContext, out: TimescaleItem[]): void {
  const period = ctx.currentPeriod
  if (period === undefined) {
    for (const rule of ['HLT-01', 'HLT-02', 'EDU-01'] as const) {
      out.push(notApplicable(ctx, rule, 'The child has not been looked after'))
    }
    return
  }
  const firstReview = firstReviewIn(ctx, period)
  const trigger = { event: 'child became looked after', on: period.start }

  // CPPCR 2010 reg 7; rules.md HLT-01 (D5) — earlier of 20 WD and the first review; 3-month look-back.
  const hlt01 = inForce(ctx, 'HLT-01', period.start)
  let initialOn: number | null = null
  if (!hlt01.ok) {
    out.push(notApplicable(ctx, 'HLT-01', hlt01.reason, hlt01.policy))
  } else {
    const s = hlt01.setting
    const windowStart = subtractPeriodFromDayNumber(ctx.calendar, period.start, s.priorAssessmentWindow)
    // The latest assessment in the 3 months before the period, and the first within it.
    let prior: (typeof ctx.healthAssessments)[number] | undefined
    let inPeriod: (typeof ctx.healthAssessments)[number] | undefined
    for (const h of ctx.healthAssessments) {
      if (h.date >= windowStart && h.date < period.start) {
        prior = h
      } else if (inPeriod === undefined && h.date >= period.start && isWithin(period, h.date)) {
        inPeriod = h
      }
    }
    const clause = byFirstReview(
      after(ctx, period.start, s.period, 'the child became looked after'),
      firstReview,
      s.alsoBeforeFirstReview,
    )
    if (prior !== undefined && inPeriod === undefined) {
      initialOn = prior.date
      out.push(
        makeItem(ctx, {
          rule: 'HLT-01',
          policy: hlt01.policy,
          trigger,
          due: clause.due,
          metOn: prior.date,
          reason: clause.reason,
          metPhrase: `not needed again: a health assessment was done on ${fmt(prior.date)}, within 3 months before the child became looked after`,
          workingDaySpan: clause.workingDaySpan,
        }),
      )
    } else {
      initialOn = inPeriod?.date ?? null
      out.push(
        makeItem(ctx, {
          rule: 'HLT-01',
          policy: hlt01.policy,
          trigger,
          due: clause.due,
          metOn: initialOn,
          reason: clause.reason,
          metPhrase: initialOn === null ? undefined : `assessment done on ${fmt(initialOn)}`,
          workingDaySpan: clause.workingDaySpan,
        }),
      )
    }
  }

  // CPPCR 2010 reg 7; rules.md HLT-02 — every 6 months under 5, every 12 months from the 5th birthday.
  if (initialOn === null) {
    out.push(
      notApplicable(ctx, 'HLT-02', 'Review health assessments follow the initial health assessment, not yet done'),
    )
  } else {
    const hlt02 = inForce(ctx, 'HLT-02', initialOn)
    if (!hlt02.ok) {
      out.push(notApplicable(ctx, 'HLT-02', hlt02.reason, hlt02.policy))
    } else {
      const fifth = birthday(ctx, 5)
      const s = hlt02.setting
      const cadence = {
        threshold: fifth,
        early: { period: s.under5Interval, event: 'the previous health assessment (child under 5)' },
        late: { period: s.from5Interval, event: 'the previous health assessment' },
      }
      const stop =
        period.end === null
          ? null
          : { on: period.end, reason: `the child stopped being looked after on ${fmt(period.end)}` }
      const start = initialOn
      evaluateChain(
        ctx,
        {
          rule: 'HLT-02',
          policy: hlt02.policy,
          events: datesAfter(ctx.healthAssessments, start),
          first:
            start < fifth
              ? after(ctx, start, cadence.early.period, cadence.early.event)
              : after(ctx, start, cadence.late.period, cadence.late.event),
          firstTrigger: { event: 'previous health assessment', on: start },
          cadence,
          triggerEvent: 'previous health assessment',
          stop,
          metPrefix: 'assessment done on',
          noun: 'health assessment',
        },
        out,
      )
    }
  }

  // CPPCR reg 5(b)(ii), Sch 1 para 2; DfE statutory guidance; rules.md EDU-01 (D6) — 10 WD, and by the first review.
  const edu01 = inForce(ctx, 'EDU-01', period.start)
  if (!edu01.ok) {
    out.push(notApplicable(ctx, 'EDU-01', edu01.reason, edu01.policy))
    return
  }
  const s = edu01.setting
  if (period.start < birthday(ctx, s.fromAge) || period.start >= birthday(ctx, s.untilAge)) {
    out.push(
      notApplicable(
        ctx,
        'EDU-01',
        `A personal education plan is required for a child of compulsory school age (read as from the ${s.fromAge}th to the ${s.untilAge}th birthday) when they become looked after`,
        edu01.policy,
      ),
    )
    return
  }
  const clause = byFirstReview(
    after(ctx, period.start, s.period, 'the child became looked after'),
    firstReview,
    s.alsoBeforeFirstReview,
  )
  const since = preparedSince(ctx, period)
  const pep = ctx.peps.find(d => d > since) ?? null
  out.push(
    makeItem(ctx, {
      rule: 'EDU-01',
      policy: edu01.policy,
      trigger,
      due: clause.due,
      metOn: pep,
      reason: `${clause.reason}; it must also be available for the first review`,
      metPhrase: pep === null ? undefined : `PEP completed on ${fmt(pep)}`,
      workingDaySpan: clause.workingDaySpan,
    }),
  )
}
