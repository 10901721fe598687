/**
 * Urgent suspension of contact: KIT-01 (CA89 s.34(6); rules.md §2E, §5 T18, §6 D16).
 *
 * Only a child in care (care order or interim care order, SSDA903 C2/C1) is subject to s.34: the authority may
 * refuse contact as a matter of urgency for up to 7 days, after which it needs a s.34(4) order. A child accommodated
 * under s.20 has no s.34 regime, so the engine reports a different, flagged path (agreement with those with
 * parental responsibility and legal advice), not a 7-day deadline.
 */
import { longDay as fmt, dayNumberOf } from '../../deadlines/day-format.ts'
import { type EvaluationContext, after, legalStatusOn, periodOn } from '../context.ts'
import { type TimescaleItem, makeItem } from '../item.ts'
import { inForce, notApplicable } from './common.ts'

/**
 * Evaluates KIT-01 for every contact suspension.
 * @param ctx - the context
 * @param out - items are appended here
 */
export function evaluateContact(ctx: EvaluationContext, out: TimescaleItem[]): void {
  let any = false
  for (const suspension of ctx.history.contactSuspensions) {
    const start = dayNumberOf(suspension.start)
    if (start > ctx.asOf) {
      continue
    }
    any = true
    const rawEnd = suspension.end === null ? null : dayNumberOf(suspension.end)
    const end = rawEnd !== null && rawEnd <= ctx.asOf ? rawEnd : null
    const rawOrder =
      suspension.courtOrderOn === null || suspension.courtOrderOn === undefined
        ? null
        : dayNumberOf(suspension.courtOrderOn)
    const orderOn = rawOrder !== null && rawOrder <= ctx.asOf ? rawOrder : null
    const rule = inForce(ctx, 'KIT-01', start)
    const trigger = { event: 'contact suspended', on: start }
    if (!rule.ok) {
      out.push(
        makeItem(ctx, {
          rule: 'KIT-01',
          policy: rule.policy,
          trigger,
          due: null,
          reason: rule.reason,
          notApplicable: true,
        }),
      )
      continue
    }
    const period = periodOn(ctx, start)
    if (period === undefined) {
      out.push(
        makeItem(ctx, {
          rule: 'KIT-01',
          policy: rule.policy,
          trigger,
          due: null,
          reason: `The child was not looked after when contact was suspended on ${fmt(start)}`,
          notApplicable: true,
        }),
      )
      continue
    }
    const status = legalStatusOn(period, start)
    if (!rule.setting.legalStatuses.includes(status)) {
      out.push(
        makeItem(ctx, {
          rule: 'KIT-01',
          policy: rule.policy,
          trigger,
          due: null,
          reason:
            `The 7-day limit in s.34(6) applies only to a child in care under a care order or interim care order, and this child's legal status on ${fmt(start)} was ${status}` +
            (status === 'V2'
              ? '; a child accommodated under s.20 has no s.34 regime, so contact can be restricted only with the agreement of those with parental responsibility — review the arrangement with them and take legal advice'
              : '; take legal advice on the basis for restricting contact'),
          notApplicable: true,
        }),
      )
      continue
    }
    const clause = after(ctx, start, rule.setting.period, 'contact was suspended')
    const candidates = [end, orderOn].filter((n): n is number => n !== null)
    const metOn = candidates.length === 0 ? null : Math.min(...candidates)
    out.push(
      makeItem(ctx, {
        rule: 'KIT-01',
        policy: rule.policy,
        trigger,
        due: clause.due,
        metOn,
        reason: `Contact refused as a matter of urgency may last no more than 7 days without a court order: contact must resume, or a s.34(4) order be in place, by ${clause.reason}`,
        metPhrase:
          metOn === null
            ? undefined
            : metOn === orderOn
              ? `a s.34(4) order was made on ${fmt(metOn)}`
              : `contact resumed on ${fmt(metOn)}`,
      }),
    )
  }
  if (!any) {
    out.push(notApplicable(ctx, 'KIT-01', 'No suspension of contact is recorded'))
  }
}
