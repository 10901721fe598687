/**
 * CL-01: needs assessment of an eligible child, within 3 months of the 16th birthday or of becoming eligible if
 * later (CPPCR 2010 reg 42(1); rules.md §2J, §5 T8, T9). Month arithmetic never rolls off a bank holiday (T8:
 * 31 May 2010 birth → due Monday 31 August 2026, the summer bank holiday).
 */
import { longDay as fmt, dayNumberOf } from '../../deadlines/day-format.ts'
import { type EvaluationContext, after, birthday } from '../context.ts'
import type { EligibleChildStatus } from '../eligibility/eligible-child.ts'
import { type TimescaleItem, makeItem } from '../item.ts'
import { inForce, notApplicable } from './common.ts'

/**
 * Evaluates CL-01.
 * @param ctx - the context
 * @param eligible - the eligible-child status
 * @param out - items are appended here
 */
export function evaluateCareLeavers(ctx: EvaluationContext, eligible: EligibleChildStatus, out: TimescaleItem[]): void {
  const from = eligible.eligibleFrom
  if (from === null) {
    out.push(notApplicable(ctx, 'CL-01', 'The child is not, and on present facts will not become, an eligible child'))
    return
  }
  const b16 = birthday(ctx, 16)
  const rule = inForce(ctx, 'CL-01', from)
  if (!rule.ok) {
    out.push(notApplicable(ctx, 'CL-01', rule.reason, rule.policy))
    return
  }
  const event = from === b16 ? 'the 16th birthday' : 'the child became an eligible child'
  const clause = after(ctx, from, rule.setting.period, event)
  // The earliest needs assessment on or after the 16th birthday (by the evaluation day).
  let assessed: number | undefined
  for (const a of ctx.history.careLeaverNeedsAssessments ?? []) {
    const d = dayNumberOf(a.completedOn)
    if (d >= b16 && d <= ctx.asOf && (assessed === undefined || d < assessed)) {
      assessed = d
    }
  }
  out.push(
    makeItem(ctx, {
      rule: 'CL-01',
      policy: rule.policy,
      trigger: { event: from === b16 ? '16th birthday' : 'became an eligible child', on: from },
      due: clause.due,
      metOn: assessed ?? null,
      reason: eligible.projected ? `${clause.reason}, if the child is still looked after then` : clause.reason,
      metPhrase: assessed === undefined ? undefined : `needs assessment completed on ${fmt(assessed)}`,
    }),
  )
}
