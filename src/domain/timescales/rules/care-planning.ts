/**
 * Care and placement plans: CP-01 and CP-03 (CPPCR 2010 regs 4 and 9; rules.md §2A). Both are due before the
 * placement; where that is not practicable, within 10 (care plan) or 5 (placement plan) working days of it
 * (rules.md §5 T2).
 */
import { longDay as fmt } from '../../deadlines/day-format.ts'
import { type CarePeriod, type EvaluationContext, after } from '../context.ts'
import { type TimescaleItem, makeItem } from '../item.ts'
import { inForce, notApplicable } from './common.ts'
import { currentPlacement } from './visits.ts'

/**
 * The earliest day a document for this period of care may be dated: the end of the previous period (documents
 * prepared before a planned admission count), or no limit for a first period.
 * @param ctx - the context
 * @param period - the period of care
 * @returns a day number, or -Infinity
 */
export function preparedSince(ctx: EvaluationContext, period: CarePeriod): number {
  let since = -Infinity
  for (const p of ctx.periods) {
    if (p.start < period.start && p.end !== null) {
      since = Math.max(since, p.end)
    }
  }
  return since
}

/**
 * Evaluates CP-01 and CP-03 for the current period of care.
 * @param ctx - the context
 * @param out - items are appended here
 */
export function evaluateCarePlanning(ctx: EvaluationContext, out: TimescaleItem[]): void {
  const period = ctx.currentPeriod
  if (period === undefined) {
    out.push(notApplicable(ctx, 'CP-01', 'The child has not been looked after'))
    out.push(notApplicable(ctx, 'CP-03', 'The child has not been looked after'))
    return
  }
  // CPPCR 2010 reg 4(2); rules.md CP-01 — before the first placement, or within 10 working days of it.
  const first = ctx.placements.find(p => p.start >= period.start && (period.end === null || p.start < period.end))
  const trigger = first?.start ?? period.start
  const cp01 = inForce(ctx, 'CP-01', trigger)
  if (!cp01.ok) {
    out.push(notApplicable(ctx, 'CP-01', cp01.reason, cp01.policy))
  } else {
    const clause = after(
      ctx,
      trigger,
      cp01.setting.period,
      first === undefined ? 'the child became looked after' : 'the first placement began',
    )
    const since = preparedSince(ctx, period)
    const plan = ctx.carePlans.find(d => d > since) ?? null
    out.push(
      makeItem(ctx, {
        rule: 'CP-01',
        policy: cp01.policy,
        trigger: { event: first === undefined ? 'child became looked after' : 'first placement began', on: trigger },
        due: clause.due,
        metOn: plan,
        reason: `Before the first placement or, if that was not practicable, ${clause.reason}`,
        metPhrase: plan === null ? undefined : `care plan completed on ${fmt(plan)}`,
        workingDaySpan: clause.workingDaySpan,
      }),
    )
  }
  // CPPCR 2010 reg 9(1)–(3); rules.md CP-03 — placement plan before the placement, or within 5 working days.
  const placement = currentPlacement(ctx)
  if (placement === undefined) {
    out.push(notApplicable(ctx, 'CP-03', 'The child has no placement'))
    return
  }
  const cp03 = inForce(ctx, 'CP-03', placement.start)
  if (!cp03.ok) {
    out.push(notApplicable(ctx, 'CP-03', cp03.reason, cp03.policy))
    return
  }
  const clause = after(ctx, placement.start, cp03.setting.period, 'the placement began')
  out.push(
    makeItem(ctx, {
      rule: 'CP-03',
      policy: cp03.policy,
      trigger: { event: 'placement began', on: placement.start },
      due: clause.due,
      metOn: placement.placementPlanOn,
      reason: `Before the placement or, if that was not practicable, ${clause.reason}`,
      metPhrase:
        placement.placementPlanOn === null ? undefined : `placement plan agreed on ${fmt(placement.placementPlanOn)}`,
      workingDaySpan: clause.workingDaySpan,
    }),
  )
}
