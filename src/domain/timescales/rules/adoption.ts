/**
 * Adoption: ADO-01, ADO-02, ADO-03 (AAR 2005 reg 36) and ADO-08 (scorecard thresholds A1, A2) (rules.md §2G,
 * §5 T11).
 *
 * Regime: from the day the agency first has authority to place (placement order or consent), reviews run under
 * reg 36(1) (3 months, then 6-monthly) until the child is placed; once placed, under reg 36(3) (4 weeks, 3 months,
 * then 6-monthly) with visits under reg 36(4) (within a week, then weekly until the first review, then as set at each
 * review). A disruption returns the child to the reg 36(1) cycle; an adoption order ends it.
 */
import { longDay as fmt, dayNumberOf } from '../../deadlines/day-format.ts'
import { type EvaluationContext, after, isWithin } from '../context.ts'
import { type TimescaleItem, makeItem } from '../item.ts'
import { evaluateChain, every, inForce, notApplicable } from './common.ts'

const RULES = ['ADO-01', 'ADO-02', 'ADO-03'] as const

function isAdoptionPlan(ctx: EvaluationContext): boolean {
  const adoption = ctx.history.adoption
  let latest: (typeof ctx.plans)[number] | undefined
  for (const p of ctx.plans) {
    if (p.decidedOn !== null) {
      latest = p
    }
  }
  return (
    ctx.authorityToPlaceOn !== null ||
    ctx.placedForAdoptionOn !== null ||
    (adoption?.shouldBePlacedDecisionOn !== null && adoption?.shouldBePlacedDecisionOn !== undefined) ||
    latest?.option === 'adoption' ||
    latest?.option === 'early-permanence'
  )
}

/**
 * Evaluates ADO-01, ADO-02, ADO-03 and ADO-08.
 * @param ctx - the context
 * @param out - items are appended here
 */
export function evaluateAdoption(ctx: EvaluationContext, out: TimescaleItem[]): void {
  const authority = ctx.authorityToPlaceOn
  const placed = ctx.placedForAdoptionOn
  const disrupted =
    ctx.adoptionDisruptedOn !== null && placed !== null && ctx.adoptionDisruptedOn > placed
      ? ctx.adoptionDisruptedOn
      : null
  const ordered = ctx.adoptionOrderOn
  evaluateTimeliness(ctx, out)
  if (authority === null && placed === null) {
    for (const rule of RULES) {
      out.push(notApplicable(ctx, rule, 'The agency has no authority to place the child for adoption'))
    }
    return
  }
  if (ordered !== null) {
    for (const rule of RULES) {
      out.push(notApplicable(ctx, rule, `An adoption order was made on ${fmt(ordered)}`))
    }
    return
  }
  const isPlacedNow = placed !== null && disrupted === null
  // AAR 2005 reg 36(1); rules.md ADO-01 — 3 months after authority to place, then 6-monthly, until placed.
  if (authority === null) {
    out.push(notApplicable(ctx, 'ADO-01', 'Placed for adoption with consent before any placement order'))
  } else if (isPlacedNow) {
    out.push(
      notApplicable(
        ctx,
        'ADO-01',
        `The child was placed for adoption on ${fmt(placed)}, so reviews follow AAR 2005 reg 36(3) (ADO-02)`,
      ),
    )
  } else {
    const rule = inForce(ctx, 'ADO-01', authority)
    if (!rule.ok) {
      out.push(notApplicable(ctx, 'ADO-01', rule.reason, rule.policy))
    } else {
      const s = rule.setting
      const reviews = ctx.reviews.map(r => r.date).filter(d => d >= authority)
      evaluateChain(
        ctx,
        {
          rule: 'ADO-01',
          policy: rule.policy,
          events: reviews,
          first: after(ctx, authority, s.first, 'the agency first had authority to place the child for adoption'),
          firstTrigger: { event: 'authority to place', on: authority },
          cadence: every(s.interval, 'the previous review'),
          triggerEvent: 'previous review held',
          stop: null,
          metPrefix: 'reviewed on',
          noun: 'review',
          note:
            disrupted === null
              ? undefined
              : `the adoptive placement ended on ${fmt(disrupted)}, so the reg 36(1) cycle applies again`,
        },
        out,
      )
    }
  }
  if (placed === null) {
    out.push(notApplicable(ctx, 'ADO-02', 'The child has not been placed for adoption'))
    out.push(notApplicable(ctx, 'ADO-03', 'The child has not been placed for adoption'))
    return
  }
  if (disrupted !== null) {
    const reason = `the adoptive placement from ${fmt(placed)} ended on ${fmt(disrupted)}`
    out.push(notApplicable(ctx, 'ADO-02', reason))
    out.push(notApplicable(ctx, 'ADO-03', reason))
    return
  }
  // AAR 2005 reg 36(3); rules.md ADO-02 — 4 weeks after placement, 3 months after that, then 6-monthly.
  const rule = inForce(ctx, 'ADO-02', placed)
  const reviews = ctx.reviews.map(r => r.date).filter(d => d >= placed)
  if (!rule.ok) {
    out.push(notApplicable(ctx, 'ADO-02', rule.reason, rule.policy))
  } else {
    const s = rule.setting
    evaluateChain(
      ctx,
      {
        rule: 'ADO-02',
        policy: rule.policy,
        events: reviews,
        first: after(ctx, placed, s.first, 'the child was placed for adoption'),
        firstTrigger: { event: 'placed for adoption', on: placed },
        cadence: {
          threshold: Infinity,
          early: { period: s.interval, event: 'the previous review' },
          late: null,
          second: { period: s.second, event: 'the first review' },
        },
        triggerEvent: 'previous review held',
        stop: null,
        metPrefix: 'reviewed on',
        noun: 'review',
      },
      out,
    )
  }
  // AAR 2005 reg 36(4); rules.md ADO-03 — within a week of placement, then weekly until the first review, then as
  // the review decides.
  const visitsRule = inForce(ctx, 'ADO-03', placed)
  if (!visitsRule.ok) {
    out.push(notApplicable(ctx, 'ADO-03', visitsRule.reason, visitsRule.policy))
    return
  }
  const firstReview = reviews[0] ?? null
  const s = visitsRule.setting
  const placement = ctx.placements.find(p => p.code.startsWith('A') && p.start === placed)
  const visits = ctx.visits.filter(v => v >= placed && (placement === undefined || isWithin(placement, v)))
  evaluateChain(
    ctx,
    {
      rule: 'ADO-03',
      policy: visitsRule.policy,
      events: visits,
      first: after(ctx, placed, s.first, 'the child was placed for adoption'),
      firstTrigger: { event: 'placed for adoption', on: placed },
      cadence: {
        threshold: firstReview ?? Infinity,
        early: { period: s.untilFirstReview, event: 'the previous visit (weekly until the first review)' },
        late: null,
      },
      triggerEvent: 'previous visit',
      stop: null,
      metPrefix: 'visited on',
      noun: 'visit',
      openWithoutDate:
        firstReview === null
          ? 'Visits continue weekly until the first review'
          : `After the first review on ${fmt(firstReview)}, visits are at the frequency set at each review`,
    },
    out,
  )
}

// DfE adoption scorecard (gov.uk, 2013–16 thresholds); rules.md ADO-08 — drift flags, not law.
function evaluateTimeliness(ctx: EvaluationContext, out: TimescaleItem[]): void {
  const period = ctx.currentPeriod
  if (period === undefined || !isAdoptionPlan(ctx)) {
    out.push(notApplicable(ctx, 'ADO-08', 'Adoption is not the plan for this child'))
    return
  }
  const rule = inForce(ctx, 'ADO-08', period.start)
  if (!rule.ok) {
    out.push(notApplicable(ctx, 'ADO-08', rule.reason, rule.policy))
    return
  }
  const placed = ctx.placedForAdoptionOn
  out.push(
    makeItem(ctx, {
      rule: 'ADO-08',
      title: 'Adoption timeliness A1: entering care to moving in with adopters',
      policy: rule.policy,
      trigger: { event: 'child became looked after', on: period.start },
      due: period.start + rule.setting.a1Days,
      metOn: placed,
      reason: `${rule.setting.a1Days} days (the 14-month A1 threshold) after the child entered care on ${fmt(period.start)}; a drift flag, not a legal deadline`,
      metPhrase: placed === null ? undefined : `moved in with the adopters on ${fmt(placed)}`,
      occurrence: 1,
    }),
  )
  const authority = ctx.authorityToPlaceOn
  if (authority === null) {
    out.push(
      makeItem(ctx, {
        rule: 'ADO-08',
        title: 'Adoption timeliness A2: authority to place to match',
        policy: rule.policy,
        due: null,
        reason: 'The A2 clock starts when the court gives authority to place (placement order)',
        notApplicable: true,
        occurrence: 2,
      }),
    )
    return
  }
  const matched = ctx.history.adoption?.matchedOn ?? null
  const matchedOn = matched === null ? null : Math.min(dayNumberOf(matched), ctx.asOf + 1)
  const effectiveMatch = matchedOn !== null && matchedOn <= ctx.asOf ? Math.max(matchedOn, authority) : null
  out.push(
    makeItem(ctx, {
      rule: 'ADO-08',
      title: 'Adoption timeliness A2: authority to place to match',
      policy: rule.policy,
      trigger: { event: 'authority to place', on: authority },
      due: authority + rule.setting.a2Days,
      metOn: effectiveMatch,
      reason: `${rule.setting.a2Days} days (the 4-month A2 threshold) after the agency had authority to place on ${fmt(authority)}; a drift flag, not a legal deadline${matchedOn !== null && matchedOn < authority ? '; matched before the order, which counts as 0 days' : ''}`,
      metPhrase: effectiveMatch === null ? undefined : `matched on ${fmt(matchedOn ?? effectiveMatch)}`,
      occurrence: 2,
    }),
  )
}
