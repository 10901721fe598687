/**
 * Connected-person temporary approval: CON-01 (16 weeks, CPPCR 2010 reg 24) and CON-02 (one extension of up to
 * 8 weeks, or to the outcome of an independent review, reg 25) (rules.md §2L; England only, Wales differs: T20).
 */
import { longDay as fmt, dayNumberOf } from '../../deadlines/day-format.ts'
import { type EvaluationContext, after } from '../context.ts'
import { type TimescaleItem, makeItem } from '../item.ts'
import { inForce, notApplicable } from './common.ts'
import { currentPlacement } from './visits.ts'

/**
 * Evaluates CON-01 and CON-02 for the current placement.
 * @param ctx - the context
 * @param out - items are appended here
 */
export function evaluateConnectedPersons(ctx: EvaluationContext, out: TimescaleItem[]): void {
  const placement = currentPlacement(ctx)
  const approval = placement?.source.connectedPersonApproval
  if (placement === undefined || approval === undefined) {
    out.push(notApplicable(ctx, 'CON-01', 'The child is not placed with a temporarily approved connected person'))
    out.push(notApplicable(ctx, 'CON-02', 'The child is not placed with a temporarily approved connected person'))
    return
  }
  const start = dayNumberOf(approval.temporaryApprovalOn)
  const rule = inForce(ctx, 'CON-01', start)
  if (!rule.ok) {
    out.push(notApplicable(ctx, 'CON-01', rule.reason, rule.policy))
    out.push(notApplicable(ctx, 'CON-02', rule.reason, rule.policy))
    return
  }
  const full =
    approval.fullApprovalOn === null || approval.fullApprovalOn === undefined
      ? null
      : dayNumberOf(approval.fullApprovalOn)
  const fullOn = full !== null && full <= ctx.asOf ? full : null
  const endedOn = placement.end
  const metOn = fullOn ?? endedOn
  const metPhrase =
    metOn === null
      ? undefined
      : metOn === fullOn
        ? `approved as a foster carer on ${fmt(metOn)}`
        : `the placement ended on ${fmt(metOn)}`
  // CPPCR 2010 reg 24; rules.md CON-01 — temporary approval lasts at most 16 weeks.
  const clause = after(ctx, start, rule.setting.period, 'temporary approval began')
  const trigger = { event: 'temporary approval began', on: start }
  out.push(
    makeItem(ctx, {
      rule: 'CON-01',
      policy: rule.policy,
      trigger,
      due: clause.due,
      metOn,
      reason: `The assessment must be completed and the carer approved, or the placement end, by ${clause.reason}`,
      metPhrase,
    }),
  )
  // CPPCR 2010 reg 25; rules.md CON-02 — one extension of up to 8 weeks (or to the outcome of an IRM review).
  const con02 = inForce(ctx, 'CON-02', start)
  const extensions = (approval.extensions ?? [])
    .map(e => ({ grantedOn: dayNumberOf(e.grantedOn), weeks: e.weeks }))
    .filter(e => e.grantedOn <= ctx.asOf)
  if (!con02.ok) {
    out.push(notApplicable(ctx, 'CON-02', con02.reason, con02.policy))
    return
  }
  if (extensions.length === 0 && approval.untilReviewOutcome !== true) {
    out.push(
      makeItem(ctx, {
        rule: 'CON-02',
        policy: con02.policy,
        trigger,
        due: null,
        reason: `No extension is recorded; one extension of up to ${con02.setting.maxExtension.n} weeks needs the nominated officer's approval before ${fmt(clause.due)}`,
        notApplicable: true,
      }),
    )
    return
  }
  if (approval.untilReviewOutcome === true) {
    out.push(
      makeItem(ctx, {
        rule: 'CON-02',
        policy: con02.policy,
        trigger,
        due: null,
        metOn,
        reason: 'Temporary approval was extended until the outcome of an independent review of the determination',
        metPhrase,
      }),
    )
    return
  }
  const max = con02.setting.maxExtension.n
  const first = extensions[0] as { grantedOn: number; weeks: number }
  const weeks = Math.min(first.weeks, max)
  const notes: string[] = []
  if (first.weeks > max) {
    notes.push(`an extension of ${first.weeks} weeks exceeds the ${max}-week limit, so ${max} weeks are counted`)
  }
  if (extensions.length > 1) {
    notes.push('reg 25 allows one extension only; later extensions are not counted')
  }
  if (first.grantedOn > clause.due) {
    notes.push(`the extension was granted on ${fmt(first.grantedOn)}, after temporary approval had expired`)
  }
  out.push(
    makeItem(ctx, {
      rule: 'CON-02',
      policy: con02.policy,
      trigger: { event: 'extension granted', on: first.grantedOn },
      due: clause.due + 7 * weeks,
      metOn,
      reason: `Extended on ${fmt(first.grantedOn)} by ${weeks} weeks after temporary approval would have expired on ${fmt(clause.due)}`,
      metPhrase,
      note: notes.length === 0 ? undefined : notes.join('; '),
    }),
  )
}
