/**
 * Permanence planning: PP-01 to PP-08 and PP-10 (rules.md §2A, §3). PP-01 and PP-08 are national; the others are
 * set by each authority's pack (Devon, Dorset, Tameside), and are not applicable where the pack sets nothing.
 *
 * Readings taken (docs/adr/0012-permanence-planning-rules.md, 0013-unconfirmed-local-units.md):
 * - PP-01 is due by the second review: the actual date when held, otherwise projected from the first review (held or
 *   due). Dorset's "before" means the day before; Devon and Tameside require ratification at the review;
 * - recurring meetings chain from the actual last meeting unless the pack says `anchored` (T3);
 * - Tameside's "between each statutory review (every 6 weeks)" applies both readings, whichever is due first,
 *   until Tameside confirms (D2);
 * - a meeting due on a non-working day rolls back to the working day before where the pack says so (T5).
 */
import { longDay as fmt, dayNumberOf } from '../../deadlines/day-format.ts'
import { addPeriodToDayNumber, describePeriod, subtractPeriodFromDayNumber } from '../../deadlines/period.ts'
import {
  type CarePeriod,
  type DueClause,
  type EvaluationContext,
  after,
  before,
  isWithin,
  lastOf,
  nextBookedOn,
} from '../context.ts'
import { type TimescaleItem, makeItem } from '../item.ts'
import type { PolicyPeriod, RuleSettings } from '../policy-pack.ts'
import { evaluateChain, every, inForce, notApplicable } from './common.ts'
import { reviewSchedule } from './reviews.ts'
import { PERMANENCE_OPTIONS } from '../case-history.ts'

// Meetings held in a period of care (in date order). Four rules ask for the current period's: the list is kept in
// the context's memo (callers only read it).
function ppmsIn(ctx: EvaluationContext, period: CarePeriod): EvaluationContext['ppms'] {
  const memo = ctx.memo
  if (memo.ppmsPeriod === period && memo.ppms !== undefined) {
    return memo.ppms
  }
  const list = ctx.ppms.filter(m => isWithin(period, m.date))
  memo.ppmsPeriod = period
  memo.ppms = list
  return list
}

// "reunification" → "reunification", "long-term-fostering" → "long term fostering" (options are a fixed list).
const OPTION_WORDS = new Map<string, string>(PERMANENCE_OPTIONS.map(o => [o, o.replace(/-/g, ' ')]))

function optionWords(option: string): string {
  return OPTION_WORDS.get(option) ?? option.replace(/-/g, ' ')
}

// "endorsed by the team manager or ratified at a review", per pack setting.
const evidenceWordsBySetting = new WeakMap<readonly string[], string>()

function evidenceWords(evidence: readonly ('endorsedOn' | 'ratifiedAtReviewOn')[]): string {
  let words = evidenceWordsBySetting.get(evidence)
  if (words === undefined) {
    words = evidence
      .map(e => (e === 'endorsedOn' ? 'endorsed by the team manager' : 'ratified at a review'))
      .join(' or ')
    evidenceWordsBySetting.set(evidence, words)
  }
  return words
}

function unitConfirmed(period: PolicyPeriod | null): boolean {
  return period?.unitConfirmed ?? true
}

function permanenceEnded(
  ctx: EvaluationContext,
  stopWhen: 'permanenceAchieved' | 'matched',
): { on: number; reason: string } | null {
  const achieved = ctx.history.permanenceAchieved
  if (achieved !== null && achieved !== undefined) {
    const on = dayNumberOf(achieved.on)
    if (on <= ctx.asOf) {
      return { on, reason: `Permanence was achieved on ${fmt(on)} (${achieved.route.replace(/-/g, ' ')})` }
    }
  }
  if (stopWhen === 'matched') {
    const candidates = [ctx.history.adoption?.matchedOn, ctx.history.longTermFostering?.matchedOn]
      .filter((d): d is NonNullable<typeof d> => d !== null && d !== undefined)
      .map(d => dayNumberOf(d))
      .filter(d => d <= ctx.asOf)
    if (candidates.length > 0) {
      const on = Math.min(...candidates)
      return { on, reason: `The child was matched to a permanent home on ${fmt(on)}` }
    }
  }
  return null
}

/**
 * Evaluates the permanence-planning rules for the current period of care.
 * @param ctx - the context
 * @param out - items are appended here
 */
export function evaluatePermanence(ctx: EvaluationContext, out: TimescaleItem[]): void {
  const period = ctx.currentPeriod
  if (period === undefined) {
    for (const rule of ['PP-01', 'PP-02', 'PP-03', 'PP-04', 'PP-05', 'PP-06', 'PP-07', 'PP-08', 'PP-10'] as const) {
      out.push(notApplicable(ctx, rule, 'The child has not been looked after'))
    }
    return
  }
  evaluatePlanBySecondReview(ctx, period, out)
  evaluateFirstMeeting(ctx, period, out)
  evaluatePaperwork(ctx, period, out)
  evaluateRecurringMeetings(ctx, period, out)
  evaluateLongTermFosteringReview(ctx, out)
  evaluateEventMeetings(ctx, period, out)
  evaluateNextMeetingBooked(ctx, period, out)
  evaluateChangeOfOption(ctx, period, out)
  evaluateAssessmentRefresh(ctx, period, out)
}

// Vol 2 statutory guidance (D4); rules.md PP-01 — permanence plan by the second review; local variants (§3).
function evaluatePlanBySecondReview(ctx: EvaluationContext, current: CarePeriod, out: TimescaleItem[]): void {
  const first = inForce(ctx, 'PP-01', current.start)
  const period = first.ok && !first.setting.restartPerPeriodOfCare ? (ctx.periods[0] ?? current) : current
  const rule = period === current ? first : inForce(ctx, 'PP-01', period.start)
  if (!rule.ok) {
    out.push(notApplicable(ctx, 'PP-01', rule.reason, rule.policy))
    return
  }
  const s = rule.setting
  const schedule = reviewSchedule(ctx, period)
  const second = schedule.secondReview
  if (second === null) {
    out.push(notApplicable(ctx, 'PP-01', 'The review cycle is not in force for this period of care', rule.policy))
    return
  }
  const due = s.relation === 'before' ? second.on - 1 : second.on
  // The earliest evidence that the plan was in place (no list: only the earliest day matters).
  let metOn: number | null = null
  for (const plan of ctx.plans) {
    for (const field of s.evidence) {
      const d = field === 'endorsedOn' ? plan.endorsedOn : plan.ratifiedAtReviewOn
      if (d !== null && d >= period.start && (metOn === null || d < metOn)) {
        metOn = d
      }
    }
  }
  let note: string | undefined
  if (s.optionsSufficeInProceedings && inProceedingsOn(ctx, Math.min(second.on, ctx.asOf))) {
    for (const plan of ctx.plans) {
      const presented = plan.meetingOn ?? plan.sentToManagerOn
      if (presented !== null && presented >= period.start && (metOn === null || presented < metOn)) {
        metOn = presented
      }
    }
    note = 'as the child is in care proceedings, presenting the permanence options being explored is enough'
  }
  let metPhrase = metOn === null ? undefined : `plan in place on ${fmt(metOn)}`
  if (s.requiresPermanenceMeeting) {
    const meeting = ppmsIn(ctx, period)[0]?.date ?? null
    const also = 'a permanence planning meeting must also be held before the second review'
    note = note === undefined ? also : `${note}; ${also}`
    if (metOn !== null && meeting !== null) {
      metPhrase = `plan in place on ${fmt(metOn)} and meeting held on ${fmt(meeting)}`
      metOn = Math.max(metOn, meeting)
    } else {
      metOn = null
    }
  }
  // A child no longer looked after has no plan falling due: say whether the duty was missed, but do not count it
  // as overdue now (it would stay "overdue" for ever on a closed case).
  if (metOn === null && period.end !== null && period.end <= ctx.asOf) {
    out.push(
      notApplicable(
        ctx,
        'PP-01',
        period.end <= due
          ? `The child stopped being looked after on ${fmt(period.end)}, before the plan was due`
          : `The child stopped being looked after on ${fmt(period.end)}; no permanence plan had been recorded by ${fmt(due)}, when it was due`,
        rule.policy,
      ),
    )
    return
  }
  const words = evidenceWords(s.evidence)
  out.push(
    makeItem(ctx, {
      rule: 'PP-01',
      policy: rule.policy,
      trigger: { event: 'child became looked after', on: period.start },
      due,
      metOn,
      reason:
        s.relation === 'before'
          ? `Permanence plan (${words}) before ${second.reason}, so by ${fmt(due)}`
          : `Permanence plan (${words}) by ${second.reason}`,
      metPhrase,
      note,
      workingDaySpan: second.held ? undefined : schedule.firstDue?.workingDaySpan,
    }),
  )
}

// Whether care proceedings were running on a day (issued on or before it, not concluded by it).
function inProceedingsOn(ctx: EvaluationContext, at: number): boolean {
  for (const p of ctx.history.proceedings) {
    if (dayNumberOf(p.issuedOn) <= at && (p.concludedOn === null || dayNumberOf(p.concludedOn) > at)) {
      return true
    }
  }
  return false
}

// [TAM] App 4; rules.md PP-02 — first PPM within 20 "days" of becoming looked after (unit unconfirmed, T6).
function evaluateFirstMeeting(ctx: EvaluationContext, period: CarePeriod, out: TimescaleItem[]): void {
  const rule = inForce(ctx, 'PP-02', period.start)
  if (!rule.ok || rule.setting.period === null) {
    out.push(notApplicable(ctx, 'PP-02', rule.ok ? 'no period is set' : rule.reason, rule.policy))
    return
  }
  const clause = after(ctx, period.start, rule.setting.period, 'the child became looked after')
  const meeting = ppmsIn(ctx, period)[0]?.date ?? null
  out.push(
    makeItem(ctx, {
      rule: 'PP-02',
      policy: rule.policy,
      trigger: { event: 'child became looked after', on: period.start },
      due: clause.due,
      metOn: meeting,
      reason: clause.reason,
      metPhrase: meeting === null ? undefined : `meeting held on ${fmt(meeting)}`,
      unitConfirmed: unitConfirmed(rule.setting.period),
      workingDaySpan: clause.workingDaySpan,
    }),
  )
}

// [DOR] Golden Rules; rules.md PP-03 — plan to the team manager 3 "days" before each PPM (unit unconfirmed, T6).
function evaluatePaperwork(ctx: EvaluationContext, period: CarePeriod, out: TimescaleItem[]): void {
  const rule = inForce(ctx, 'PP-03', period.start)
  if (!rule.ok || rule.setting.period === null) {
    out.push(notApplicable(ctx, 'PP-03', rule.ok ? 'no period is set' : rule.reason, rule.policy))
    return
  }
  const setting = rule.setting.period
  const meetings = ppmsIn(ctx, period)
  const latest = lastOf(meetings)
  const booked = latest === undefined ? null : nextBookedOn(latest)
  const dates = meetings.map(m => m.date)
  if (booked !== null && booked > ctx.asOf) {
    dates.push(booked)
  }
  if (dates.length === 0) {
    out.push(notApplicable(ctx, 'PP-03', 'No permanence planning meeting is held or booked', rule.policy))
    return
  }
  // Earlier meetings are summarised on the item for the next booked (or the latest) meeting.
  const sentFor = plansSentByMeeting(ctx)
  let late = 0
  let lastLateDue: number | null = null
  let lastLateMetOn: number | null = null
  for (let i = 0; i < dates.length - 1; i++) {
    const meeting = dates[i] as number
    const due = subtractPeriodFromDayNumber(ctx.calendar, meeting, setting)
    const sent = sentFor.get(meeting) ?? null
    if (sent === null || sent > due) {
      late++
      lastLateDue = sent === null ? null : due
      lastLateMetOn = sent
    }
  }
  const meeting = dates[dates.length - 1] as number
  const clause = before(
    ctx,
    meeting,
    setting,
    meeting > ctx.asOf ? 'the booked permanence planning meeting' : 'the permanence planning meeting',
  )
  const sent = sentFor.get(meeting) ?? null
  out.push(
    makeItem(ctx, {
      rule: 'PP-03',
      policy: rule.policy,
      trigger: { event: 'permanence planning meeting', on: meeting },
      due: clause.due,
      metOn: sent,
      reason: `Permanence plan sent to the team manager ${clause.reason}`,
      metPhrase: sent === null ? undefined : `sent on ${fmt(sent)}`,
      unitConfirmed: unitConfirmed(setting),
      workingDaySpan: clause.workingDaySpan,
      occurrence: dates.length,
      past: { count: dates.length - 1, late, lastLateDue, lastLateMetOn },
      occurrenceNoun: 'plan submission',
    }),
  )
}

// [DOR] 3-monthly, [TAM] between reviews / 6-weekly, [DEV] none; rules.md PP-04 (D2, T3).
function evaluateRecurringMeetings(ctx: EvaluationContext, period: CarePeriod, out: TimescaleItem[]): void {
  const held = ppmsIn(ctx, period)
  const last = lastOf(held)?.date
  const rule = inForce(ctx, 'PP-04', last ?? period.start)
  if (!rule.ok) {
    out.push(notApplicable(ctx, 'PP-04', rule.reason, rule.policy))
    return
  }
  const meetings = held.map(m => m.date)
  const s = rule.setting
  const ended = permanenceEnded(ctx, s.stopWhen)
  if (ended !== null && (last === undefined || ended.on >= last)) {
    out.push(notApplicable(ctx, 'PP-04', ended.reason, rule.policy))
    return
  }
  const firstMeeting = meetings[0]
  if (firstMeeting === undefined || last === undefined) {
    out.push(
      makeItem(ctx, {
        rule: 'PP-04',
        policy: rule.policy,
        due: null,
        reason: 'Recurring permanence planning meetings follow the first meeting, not yet held',
        readingConfirmed: s.readingConfirmed,
        unitConfirmed: unitConfirmed(s.every),
      }),
    )
    return
  }
  const readingConfirmed = s.readingConfirmed
  const everyUnitConfirmed = unitConfirmed(s.every)
  const interval = s.every
  // Earlier meetings against the interval (summarised on the item for the next one).
  let late = 0
  let lastLateDue: number | null = null
  let lastLateMetOn: number | null = null
  if (interval !== null) {
    for (let i = 1; i < meetings.length; i++) {
      const due = intervalDueDay(ctx, s, interval, firstMeeting, meetings[i - 1] as number)
      const held = meetings[i] as number
      if (held > due) {
        late++
        lastLateDue = due
        lastLateMetOn = held
      }
    }
  }
  const past = { count: interval === null ? 0 : meetings.length - 1, late, lastLateDue, lastLateMetOn }
  // The two readings (Tameside applies both, D2): the one due first binds, and the other is named.
  const byInterval = intervalDue(ctx, s, interval, firstMeeting, last)
  const byReviews = betweenReviewsDue(ctx, s, period, last)
  if (byInterval === null && byReviews === null) {
    out.push(
      makeItem(ctx, {
        rule: 'PP-04',
        policy: rule.policy,
        trigger: { event: 'previous permanence planning meeting', on: last },
        due: null,
        metOn: last,
        reason: s.betweenEachStatutoryReview ? 'A meeting has been held since the last review' : 'No interval is set',
        metPhrase: `last meeting held on ${fmt(last)}`,
        readingConfirmed,
        unitConfirmed: everyUnitConfirmed,
      }),
    )
    return
  }
  let binding: DueClause
  let other: DueClause | undefined
  if (byInterval === null || byReviews === null) {
    binding = (byInterval ?? byReviews) as DueClause
  } else if (byInterval.due <= byReviews.due) {
    binding = byInterval
    other = byReviews
  } else {
    binding = byReviews
    other = byInterval
  }
  out.push(
    makeItem(ctx, {
      rule: 'PP-04',
      policy: rule.policy,
      trigger: { event: 'previous permanence planning meeting', on: last },
      due: binding.due,
      reason:
        other === undefined
          ? binding.reason
          : `${binding.reason} (the other reading, ${other.reason.charAt(0).toLowerCase()}${other.reason.slice(1)}, is later)`,
      occurrence: meetings.length,
      past,
      occurrenceNoun: 'meeting',
      readingConfirmed,
      unitConfirmed: everyUnitConfirmed,
    }),
  )
}

// For each meeting day, when the plan for it was sent to the team manager: the first plan (in the context's order)
// for that meeting sent on or before it. One pass over the plans instead of one per meeting.
function plansSentByMeeting(ctx: EvaluationContext): Map<number, number> {
  const sent = new Map<number, number>()
  for (const plan of ctx.plans) {
    const meeting = plan.meetingOn
    const on = plan.sentToManagerOn
    if (meeting !== null && on !== null && on <= meeting && !sent.has(meeting)) {
      sent.set(meeting, on)
    }
  }
  return sent
}

// Interval reading of PP-04: chained from the actual last meeting, or anchored on the first (T3).
function intervalDue(
  ctx: EvaluationContext,
  s: RuleSettings['PP-04'],
  interval: PolicyPeriod | null,
  firstMeeting: number,
  previous: number,
): DueClause | null {
  if (interval === null) {
    return null
  }
  if (s.anchoring === 'chained') {
    return after(ctx, previous, interval, 'the last permanence planning meeting')
  }
  return {
    due: intervalDueDay(ctx, s, interval, firstMeeting, previous),
    reason: `Every ${describePeriod(interval)} counted from the first meeting on ${fmt(firstMeeting)} (anchored)`,
  }
}

// The day the meeting after `previous` is due by the interval reading (the words only for the one reported).
function intervalDueDay(
  ctx: EvaluationContext,
  s: RuleSettings['PP-04'],
  interval: PolicyPeriod,
  firstMeeting: number,
  previous: number,
): number {
  if (s.anchoring === 'chained') {
    return addPeriodToDayNumber(ctx.calendar, previous, interval)
  }
  let k = 1
  let due = addPeriodToDayNumber(ctx.calendar, firstMeeting, { n: interval.n * k, unit: interval.unit })
  while (due <= previous) {
    k++
    due = addPeriodToDayNumber(ctx.calendar, firstMeeting, { n: interval.n * k, unit: interval.unit })
  }
  return due
}

// Between-reviews reading of PP-04: a meeting after the last review held and before the next review is due.
function betweenReviewsDue(
  ctx: EvaluationContext,
  s: RuleSettings['PP-04'],
  period: CarePeriod,
  last: number,
): DueClause | null {
  if (!s.betweenEachStatutoryReview) {
    return null
  }
  const schedule = reviewSchedule(ctx, period)
  const lastReview = lastOf(schedule.reviews)
  if (lastReview === undefined || schedule.nextDue === null || last > lastReview.date) {
    return null
  }
  return {
    due: schedule.nextDue.due - 1,
    reason: `A meeting between the review on ${fmt(lastReview.date)} and the next review, due by ${fmt(schedule.nextDue.due)}`,
  }
}

function meetingIn(meetings: EvaluationContext['ppms'], from: number, to: number): number | null {
  for (const m of meetings) {
    if (m.date >= from && m.date <= to) {
      return m.date
    }
  }
  return null
}

// [DOR] "The Meeting"; rules.md PP-05 — LTF permanence: plan review and meeting every 12 months.
function evaluateLongTermFosteringReview(ctx: EvaluationContext, out: TimescaleItem[]): void {
  const achieved = ctx.history.permanenceAchieved
  const rule = inForce(ctx, 'PP-05', achieved === null || achieved === undefined ? ctx.asOf : dayNumberOf(achieved.on))
  if (!rule.ok || rule.setting.interval === null) {
    out.push(notApplicable(ctx, 'PP-05', rule.ok ? 'no interval is set' : rule.reason, rule.policy))
    return
  }
  if (
    achieved === null ||
    achieved === undefined ||
    achieved.route !== 'long-term-fostering' ||
    dayNumberOf(achieved.on) > ctx.asOf
  ) {
    out.push(notApplicable(ctx, 'PP-05', 'Permanence has not been achieved through long-term fostering', rule.policy))
    return
  }
  const on = dayNumberOf(achieved.on)
  const interval = rule.setting.interval
  evaluateChain(
    ctx,
    {
      rule: 'PP-05',
      policy: rule.policy,
      events: ctx.ppms.map(m => m.date).filter(d => d > on),
      first: after(ctx, on, interval, 'permanence was achieved through long-term fostering'),
      firstTrigger: { event: 'permanence achieved (long-term fostering)', on },
      cadence: every(interval, 'the last plan review meeting'),
      triggerEvent: 'previous plan review meeting',
      stop: ctx.isLookedAfter
        ? null
        : { on: ctx.currentPeriod?.end ?? ctx.asOf, reason: 'the child is no longer looked after' },
      metPrefix: 'meeting held on',
      unitConfirmed: unitConfirmed(interval),
      noun: 'plan review meeting',
    },
    out,
  )
}

// [TAM] App 4; rules.md PP-06 — PPM before Legal Gateway, Permanence Panel, birth, and 6 weeks before the final care
// plan is filed (T5: rolled back from Good Friday 18 April 2025 to 17 April 2025).
function evaluateEventMeetings(ctx: EvaluationContext, period: CarePeriod, out: TimescaleItem[]): void {
  const rule = inForce(ctx, 'PP-06', period.start)
  if (!rule.ok) {
    out.push(notApplicable(ctx, 'PP-06', rule.reason, rule.policy))
    return
  }
  const s = rule.setting
  const meetings = ctx.ppms
  const rollBack = s.onNonWorkingDay === 'rollBack'
  const lookBackConfirmed = unitConfirmed(s.lookBack)
  const before0 = out.length
  for (const event of ctx.history.policyEvents ?? []) {
    const date = dayNumberOf(event.date)
    const booked = event.bookedOn === null || event.bookedOn === undefined ? null : dayNumberOf(event.bookedOn)
    if ((booked ?? date) > ctx.asOf) {
      continue
    }
    if (event.kind === 'legal-gateway' || event.kind === 'permanence-panel') {
      if (
        (event.kind === 'legal-gateway' && !s.beforeLegalGateway) ||
        (event.kind === 'permanence-panel' && !s.beforePermanencePanel)
      ) {
        continue
      }
      const label = event.kind === 'legal-gateway' ? 'the Legal Gateway meeting' : 'the Permanence Panel'
      const windowStart = booked ?? subtractPeriodFromDayNumber(ctx.calendar, date, s.lookBack)
      const beforeHand = meetingIn(meetings, windowStart, date)
      const afterwards =
        event.kind === 'legal-gateway' && beforeHand === null
          ? meetingIn(meetings, date + 1, addPeriodToDayNumber(ctx.calendar, date, s.immediatelyAfter))
          : null
      const due = date - 1
      out.push(
        makeItem(ctx, {
          rule: 'PP-06',
          policy: rule.policy,
          trigger: { event: event.kind, on: date },
          due,
          metOn: beforeHand ?? afterwards,
          reason: `A permanence planning meeting before ${label} on ${fmt(date)}${booked === null ? ` (meetings from ${describePeriod(s.lookBack)} before count)` : ` (booked on ${fmt(booked)})`}`,
          metPhrase:
            beforeHand !== null
              ? `meeting held on ${fmt(beforeHand)}`
              : afterwards !== null
                ? `meeting held immediately after, on ${fmt(afterwards)}, which the policy allows where one could not be convened in advance`
                : undefined,
          rollBackNonWorkingDay: rollBack,
          unitConfirmed: booked === null ? lookBackConfirmed : true,
        }),
      )
    } else if (s.preBirth) {
      const birth = ctx.dateOfBirth
      if (birth <= date) {
        continue
      }
      const held = meetingIn(meetings, date, birth - 1)
      out.push(
        makeItem(ctx, {
          rule: 'PP-06',
          policy: rule.policy,
          trigger: { event: 'pre-birth assessment', on: date },
          due: birth - 1,
          metOn: held,
          reason: `A permanence planning meeting before the birth (expected ${fmt(birth)}), as the pre-birth assessment on ${fmt(date)} indicates the baby is likely to become looked after`,
          metPhrase: held === null ? undefined : `meeting held on ${fmt(held)}`,
          rollBackNonWorkingDay: rollBack,
        }),
      )
    }
  }
  if (s.beforeFinalCarePlan !== null) {
    for (const proceedings of ctx.history.proceedings) {
      if (proceedings.finalCarePlanFilingOn === null) {
        continue
      }
      const issued = dayNumberOf(proceedings.issuedOn)
      const filing = dayNumberOf(proceedings.finalCarePlanFilingOn)
      if (issued > ctx.asOf) {
        continue
      }
      const clause = before(ctx, filing, s.beforeFinalCarePlan, 'the final care plan is filed')
      const rolled =
        rollBack && !ctx.calendar.isWorkingDayNumber(clause.due)
          ? ctx.calendar.lastWorkingDayBeforeDayNumber(clause.due)
          : clause.due
      const held = meetingIn(meetings, issued, rolled) ?? meetingIn(meetings, rolled + 1, filing)
      out.push(
        makeItem(ctx, {
          rule: 'PP-06',
          policy: rule.policy,
          trigger: { event: 'final care plan filing date', on: filing },
          due: clause.due,
          metOn: held !== null && held <= ctx.asOf ? held : null,
          reason: `A permanence planning meeting during the proceedings issued on ${fmt(issued)}, at least ${clause.reason}`,
          metPhrase: held === null ? undefined : `meeting held on ${fmt(held)}`,
          rollBackNonWorkingDay: rollBack,
          workingDaySpan: clause.workingDaySpan,
        }),
      )
    }
  }
  if (out.length === before0) {
    out.push(
      notApplicable(
        ctx,
        'PP-06',
        s.enabled
          ? 'no Legal Gateway, Permanence Panel, pre-birth assessment or final care plan date is recorded'
          : 'not set',
        rule.policy,
      ),
    )
  }
}

// [DOR] "Book a review before closing the meeting"; rules.md PP-07.
function evaluateNextMeetingBooked(ctx: EvaluationContext, period: CarePeriod, out: TimescaleItem[]): void {
  const meetings = ppmsIn(ctx, period)
  const last = lastOf(meetings)
  const rule = inForce(ctx, 'PP-07', last?.date ?? period.start)
  if (!rule.ok) {
    out.push(notApplicable(ctx, 'PP-07', rule.reason, rule.policy))
    return
  }
  if (last === undefined) {
    out.push(notApplicable(ctx, 'PP-07', 'No permanence planning meeting has been held', rule.policy))
    return
  }
  const booked = nextBookedOn(last)
  out.push(
    makeItem(ctx, {
      rule: 'PP-07',
      policy: rule.policy,
      trigger: { event: 'permanence planning meeting', on: last.date },
      due: last.date,
      metOn: booked === null ? null : last.date,
      reason: `The next meeting must be booked before the meeting on ${fmt(last.date)} closes`,
      metPhrase: booked === null ? undefined : `next meeting booked for ${fmt(booked)}`,
    }),
  )
}

// CPPCR 2010 reg 32(2); rules.md PP-08 — a change of permanence option is considered at a review first.
function evaluateChangeOfOption(ctx: EvaluationContext, period: CarePeriod, out: TimescaleItem[]): void {
  const before0 = out.length
  const plans = ctx.plans.filter(p => p.decidedOn !== null && p.decidedOn >= period.start)
  for (let i = 1; i < plans.length; i++) {
    const previous = plans[i - 1]
    const plan = plans[i]
    if (previous === undefined || plan === undefined || plan.decidedOn === null) {
      continue
    }
    if (plan.option === previous.option || previous.option === 'options-being-explored') {
      continue
    }
    const rule = inForce(ctx, 'PP-08', plan.decidedOn)
    if (!rule.ok) {
      out.push(notApplicable(ctx, 'PP-08', rule.reason, rule.policy))
      continue
    }
    const practicable = !plan.notReasonablyPracticableToReviewFirst
    const metOn = practicable ? plan.ratifiedAtReviewOn : plan.decidedOn
    out.push(
      makeItem(ctx, {
        rule: 'PP-08',
        policy: rule.policy,
        trigger: { event: 'change of permanence option', on: plan.decidedOn },
        due: plan.decidedOn,
        metOn,
        reason: `The change from ${optionWords(previous.option)} to ${optionWords(plan.option)}, decided on ${fmt(plan.decidedOn)}, must be considered at a statutory review before it is made`,
        metPhrase:
          metOn === null
            ? undefined
            : practicable
              ? `considered at the review on ${fmt(metOn)}`
              : 'recorded as not reasonably practicable to review first',
      }),
    )
  }
  if (out.length === before0) {
    out.push(notApplicable(ctx, 'PP-08', 'No change of permanence option is recorded in this period of care'))
  }
}

const NO_DAYS: readonly number[] = []

// [TAM] App 4; rules.md PP-10 — child and family assessment updated at least every 12 months.
function evaluateAssessmentRefresh(ctx: EvaluationContext, period: CarePeriod, out: TimescaleItem[]): void {
  const rule = inForce(ctx, 'PP-10', period.start)
  if (!rule.ok || rule.setting.interval === null) {
    out.push(notApplicable(ctx, 'PP-10', rule.ok ? 'no interval is set' : rule.reason, rule.policy))
    return
  }
  const interval = rule.setting.interval
  const recorded = ctx.history.childAndFamilyAssessments
  const assessments =
    recorded === undefined || recorded.length === 0
      ? NO_DAYS
      : recorded
          .map(a => dayNumberOf(a.completedOn))
          .filter(d => d <= ctx.asOf)
          .sort((a, b) => a - b)
  const first = assessments[0]
  if (first === undefined) {
    const clause = after(ctx, period.start, interval, 'the child became looked after')
    out.push(
      makeItem(ctx, {
        rule: 'PP-10',
        policy: rule.policy,
        trigger: { event: 'child became looked after', on: period.start },
        due: clause.due,
        reason: `${clause.reason}, as no child and family assessment is recorded`,
      }),
    )
    return
  }
  const stop =
    period.end === null
      ? null
      : { on: period.end, reason: `the child stopped being looked after on ${fmt(period.end)}` }
  evaluateChain(
    ctx,
    {
      rule: 'PP-10',
      policy: rule.policy,
      events: assessments.slice(1),
      first: after(ctx, first, interval, 'the last child and family assessment'),
      firstTrigger: { event: 'child and family assessment', on: first },
      cadence: every(interval, 'the last child and family assessment'),
      triggerEvent: 'child and family assessment',
      stop,
      metPrefix: 'updated on',
      noun: 'assessment',
    },
    out,
  )
}
