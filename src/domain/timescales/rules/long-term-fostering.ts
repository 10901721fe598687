/**
 * LTF-03: Staying Put discussed at the long-term fostering match, whatever the child's age (Tameside §8.8; rules.md
 * §2I). Local rule: not applicable where the pack does not set it.
 */
import { longDay as fmt, dayNumberOf } from '../../deadlines/day-format.ts'
import type { EvaluationContext } from '../context.ts'
import { type TimescaleItem, makeItem } from '../item.ts'
import { inForce, notApplicable } from './common.ts'

/**
 * Evaluates LTF-03.
 * @param ctx - the context
 * @param out - items are appended here
 */
export function evaluateLongTermFostering(ctx: EvaluationContext, out: TimescaleItem[]): void {
  const matched = ctx.history.longTermFostering?.matchedOn
  const matchedOn = matched === null || matched === undefined ? null : dayNumberOf(matched)
  if (matchedOn === null || matchedOn > ctx.asOf) {
    const policy = inForce(ctx, 'LTF-03', ctx.asOf)
    out.push(
      notApplicable(
        ctx,
        'LTF-03',
        policy.ok ? 'the child has not been matched with long-term foster carers' : policy.reason,
        policy.policy,
      ),
    )
    return
  }
  const rule = inForce(ctx, 'LTF-03', matchedOn)
  if (!rule.ok) {
    out.push(notApplicable(ctx, 'LTF-03', rule.reason, rule.policy))
    return
  }
  const discussed = ctx.stayingPutDiscussions[0] ?? null
  out.push(
    makeItem(ctx, {
      rule: 'LTF-03',
      policy: rule.policy,
      trigger: { event: 'long-term fostering match', on: matchedOn },
      due: matchedOn,
      metOn: discussed,
      reason: `As part of the long-term fostering match on ${fmt(matchedOn)}, whatever the child's age`,
      metPhrase: discussed === null ? undefined : `Staying Put discussed on ${fmt(discussed)}`,
    }),
  )
}
