/**
 * E-ELIG (eligible child: CA89 Sch 2 para 19B; CPPCR 2010 reg 40) and E-STAYPUT (CA89 s.23CZA) (rules.md §4, §5 T9,
 * T12).
 *
 * A child is eligible on a day d when aged 16 or 17, looked after on d, not looked after only under a series of
 * short breaks (V3/V4, reg 48), and looked after for at least 13 weeks (91 nights) in total since the 14th birthday,
 * counted across every period of care up to d (T9). Nights are counted as `[start, d)`, so the day a child becomes
 * looked after is night 1 (rules.md §7 Q2). Leaving care the day before the 16th birthday means never eligible.
 */
import { longDay as fmt, isoDay } from '../../deadlines/day-format.ts'
import { type EvaluationContext, birthday } from '../context.ts'
import { type EligibilityResult, eligibilityResult } from './eligibility-result.ts'

/** What E-ELIG says about the child. */
export interface EligibleChildStatus {
  /** First day the child is (or, if nothing changes, will be) an eligible child; null if never. */
  readonly eligibleFrom: number | null
  /** True when `eligibleFrom` is a projection that assumes the child stays looked after. */
  readonly projected: boolean
  readonly isEligibleNow: boolean
  /** Nights looked after since the 14th birthday, up to the evaluation day. */
  readonly nightsSince14: number
}

const REQUIRED_NIGHTS = 91

/**
 * Works out the eligible-child status (rules.md §4 E-ELIG).
 * @param ctx - the context
 * @returns the status
 */
export function eligibleChildStatus(ctx: EvaluationContext): EligibleChildStatus {
  const b14 = birthday(ctx, 14)
  const b16 = birthday(ctx, 16)
  const b18 = birthday(ctx, 18)
  let prior = 0
  let eligibleFrom: number | null = null
  let projected = false
  let nightsSince14 = 0
  for (const period of ctx.periods) {
    const code = period.statuses[0]?.code
    if (code === 'V3' || code === 'V4') {
      continue // CPPCR reg 40(2), reg 48: short breaks only
    }
    const s = Math.max(period.start, b14)
    const e = period.end ?? Infinity
    nightsSince14 += Math.max(0, Math.min(e, ctx.asOf) - s)
    if (e <= s) {
      continue
    }
    if (eligibleFrom === null) {
      const candidate = Math.max(s + Math.max(0, REQUIRED_NIGHTS - prior), b16)
      if (candidate < e && candidate < b18) {
        eligibleFrom = candidate
        projected = candidate > ctx.asOf
      }
    }
    prior += e === Infinity ? 0 : e - s
  }
  const isEligibleNow = eligibleFrom !== null && !projected && ctx.isLookedAfter && ctx.asOf < b18
  return { eligibleFrom, projected, isEligibleNow, nightsSince14 }
}

/**
 * E-ELIG as an eligibility result for the child.
 * @param ctx - the context
 * @param status - from {@link eligibleChildStatus}
 * @returns the result
 */
export function eligibleChildResult(ctx: EvaluationContext, status: EligibleChildStatus): EligibilityResult {
  const b18 = birthday(ctx, 18)
  const base = {
    predicate: 'E-ELIG' as const,
    personId: null,
    order: null,
    source: 'CA89 Sch 2 para 19B; CPPCR 2010 reg 40',
    until: isoDay(b18 - 1),
    route: 'Eligible child: aged 16 or 17, looked after, and looked after for 13 weeks since the 14th birthday',
  }
  const b14 = birthday(ctx, 14)
  const counted =
    ctx.asOf < b14
      ? `nights count from the 14th birthday on ${fmt(b14)}`
      : `${status.nightsSince14} nights looked after since the 14th birthday on ${fmt(b14)}`
  if (status.eligibleFrom === null) {
    return eligibilityResult(
      base,
      'not-eligible',
      null,
      base.until,
      null,
      `Not an eligible child: ${counted}, and the child is not looked after on or after the 16th birthday with 91 nights counted.`,
      ['CPPCR reg 40: 13 weeks (91 nights) looked after since the 14th birthday, ending after the 16th birthday'],
      false,
    )
  }
  if (status.projected) {
    return eligibilityResult(
      base,
      'eligible-from',
      isoDay(status.eligibleFrom),
      base.until,
      base.route,
      `Will be an eligible child from ${fmt(status.eligibleFrom)} if still looked after (${counted}; 91 needed, counted across every period of care).`,
      [],
      true,
    )
  }
  return eligibilityResult(
    base,
    status.isEligibleNow ? 'eligible-now' : 'not-eligible',
    isoDay(status.eligibleFrom),
    base.until,
    base.route,
    status.isEligibleNow
      ? `An eligible child since ${fmt(status.eligibleFrom)} (${counted}).`
      : `Was an eligible child from ${fmt(status.eligibleFrom)}; no longer looked after or now 18.`,
    [],
    false,
  )
}

// The latest placement that began by the evaluation day and was still running on a day.
function latestPlacementRunning(
  ctx: EvaluationContext,
  on: number,
): EvaluationContext['placements'][number] | undefined {
  for (let i = ctx.placements.length - 1; i >= 0; i--) {
    const p = ctx.placements[i] as EvaluationContext['placements'][number]
    if (p.start <= ctx.asOf && (p.end === null || p.end > on)) {
      return p
    }
  }
  return undefined
}

/**
 * E-STAYPUT: may the child stay with their current local authority foster parent after 18 under s.23CZA?
 * @param ctx - the context
 * @param status - from {@link eligibleChildStatus}
 * @returns one result for the current foster carer, or one saying why not
 */
export function stayingPutResult(ctx: EvaluationContext, status: EligibleChildStatus): EligibilityResult {
  const b18 = birthday(ctx, 18)
  const b21 = birthday(ctx, 21)
  const placement = latestPlacementRunning(ctx, Math.min(ctx.asOf, b18 - 1))
  const isFoster = placement !== undefined && placement.code.startsWith('U')
  const base = {
    predicate: 'E-STAYPUT' as const,
    personId: isFoster ? (placement.carerId ?? null) : null,
    order: null,
    source: 'CA89 s.23CZA',
    until: isoDay(b21 - 1),
  }
  if (!isFoster) {
    return eligibilityResult(
      base,
      'not-eligible',
      null,
      base.until,
      null,
      'Staying Put applies to a young person living with their local authority foster parent when they turn 18; the child is not in foster care.',
      ['s.23CZA(1): former relevant child by s.23C(1)(b) living with their former local authority foster parent'],
      false,
    )
  }
  const eligibleBefore18 = status.eligibleFrom !== null && status.eligibleFrom < b18
  if (!eligibleBefore18) {
    return eligibilityResult(
      base,
      'not-eligible',
      null,
      base.until,
      null,
      'Staying Put needs the young person to be an eligible child looked after immediately before their 18th birthday.',
      ['s.23C(1)(b): eligible and looked after immediately before turning 18'],
      false,
    )
  }
  const now = ctx.asOf >= b18
  return eligibilityResult(
    base,
    now && ctx.asOf < b21 ? 'eligible-now' : now ? 'not-eligible' : 'eligible-from',
    isoDay(b18),
    base.until,
    'CA89 s.23CZA: Staying Put with the former local authority foster parent, to the 21st birthday',
    now
      ? `May stay put with their former foster parent from ${fmt(b18)} until the 21st birthday on ${fmt(b21)}.`
      : `May stay put with this foster carer from the 18th birthday on ${fmt(b18)} until the 21st birthday on ${fmt(b21)}, if still placed with them and looked after immediately before turning 18.`,
    [],
    !now,
  )
}
