/**
 * Private fostering visits: PF-03 (first visit within 7 working days of notification, PFR 2005 regs 4 and 7) and
 * PF-04 (6-weekly in the first year, then 12-weekly, the arrangement being treated as starting when the authority
 * became aware of it: reg 8(6)) (rules.md §2K, §5 T17).
 */
import { addMonthsFast } from '../../deadlines/day-format.ts'
import { longDay as fmt, dayNumberOf } from '../../deadlines/day-format.ts'
import { type EvaluationContext, after } from '../context.ts'
import { privateFosteringExclusion } from '../eligibility/private-fostering.ts'
import { type TimescaleItem, makeItem } from '../item.ts'
import { evaluateChain, inForce, notApplicable } from './common.ts'

/**
 * Evaluates PF-03 and PF-04 for every recorded private-fostering arrangement.
 * @param ctx - the context
 * @param out - items are appended here
 */
export function evaluatePrivateFosteringVisits(ctx: EvaluationContext, out: TimescaleItem[]): void {
  const recorded = ctx.history.privateFostering
  const arrangements =
    recorded === undefined || recorded.length === 0
      ? recorded
      : recorded.filter(a => dayNumberOf(a.notifiedOn) <= ctx.asOf)
  if (arrangements === undefined || arrangements.length === 0) {
    out.push(notApplicable(ctx, 'PF-03', 'No private fostering arrangement is recorded'))
    out.push(notApplicable(ctx, 'PF-04', 'No private fostering arrangement is recorded'))
    return
  }
  const people = new Map(ctx.history.people.map(p => [p.id, p]))
  for (const arrangement of arrangements) {
    const notified = dayNumberOf(arrangement.notifiedOn)
    const person = people.get(arrangement.carerId)
    const exclusion = person === undefined ? 'the carer is not recorded' : privateFosteringExclusion(person)
    if (exclusion !== null) {
      out.push(notApplicable(ctx, 'PF-03', `Not private fostering: ${exclusion}`))
      out.push(notApplicable(ctx, 'PF-04', `Not private fostering: ${exclusion}`))
      continue
    }
    const ended =
      arrangement.endedOn === null || arrangement.endedOn === undefined ? null : dayNumberOf(arrangement.endedOn)
    const stop =
      ended !== null && ended <= ctx.asOf ? { on: ended, reason: `the arrangement ended on ${fmt(ended)}` } : null
    const visits = (arrangement.visits ?? [])
      .map(v => dayNumberOf(v.date))
      .filter(v => v >= notified && v <= ctx.asOf)
      .sort((a, b) => a - b)
    // PFR 2005 regs 4 and 7; rules.md PF-03 — first visit within 7 working days of notification.
    const pf03 = inForce(ctx, 'PF-03', notified)
    const firstVisit = visits[0] ?? null
    if (!pf03.ok) {
      out.push(notApplicable(ctx, 'PF-03', pf03.reason, pf03.policy))
    } else {
      const clause = after(ctx, notified, pf03.setting.period, 'the local authority was notified')
      out.push(
        makeItem(ctx, {
          rule: 'PF-03',
          policy: pf03.policy,
          trigger: { event: 'notified', on: notified },
          due: clause.due,
          metOn: firstVisit,
          reason: clause.reason,
          metPhrase: firstVisit === null ? undefined : `visited on ${fmt(firstVisit)}`,
          workingDaySpan: clause.workingDaySpan,
        }),
      )
    }
    // PFR 2005 reg 8(1), (2), (6); rules.md PF-04 — first year from when the authority became aware (T17).
    const pf04 = inForce(ctx, 'PF-04', notified)
    if (!pf04.ok) {
      out.push(notApplicable(ctx, 'PF-04', pf04.reason, pf04.policy))
      continue
    }
    if (firstVisit === null) {
      out.push(
        makeItem(ctx, {
          rule: 'PF-04',
          policy: pf04.policy,
          trigger: { event: 'notified', on: notified },
          due: null,
          reason: 'Further visits follow the first visit (PF-03), not yet made',
        }),
      )
      continue
    }
    const firstYearEnds = addMonthsFast(notified, 12)
    const s = pf04.setting
    const cadence = {
      threshold: firstYearEnds,
      early: {
        period: s.firstYearInterval,
        event: `the previous visit (first year, counted from when the authority became aware on ${fmt(notified)})`,
      },
      late: { period: s.laterInterval, event: 'the previous visit (second and later years)' },
    }
    evaluateChain(
      ctx,
      {
        rule: 'PF-04',
        policy: pf04.policy,
        events: visits.slice(1),
        first:
          firstVisit < firstYearEnds
            ? after(ctx, firstVisit, cadence.early.period, cadence.early.event)
            : after(ctx, firstVisit, cadence.late.period, cadence.late.event),
        firstTrigger: { event: 'previous visit', on: firstVisit },
        cadence,
        triggerEvent: 'previous visit',
        stop,
        metPrefix: 'visited on',
        noun: 'visit',
      },
      out,
    )
  }
}
