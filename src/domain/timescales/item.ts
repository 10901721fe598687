/**
 * Timescale items: one due date (or recurring occurrence) for one rule, with its status and a one-sentence
 * explanation. Built only through {@link makeItem}, so status, non-working-day warnings and provisional flags are
 * computed the same way for every rule.
 *
 * Status (as at the evaluation day):
 * - `met` / `met-late`: done on or before / after the due date;
 * - `overdue`: not done and the due date has passed;
 * - `due-soon`: not done and within the pack's due-soon window (default 10 working days);
 * - `upcoming`: not done, not yet due (also when the due date cannot be computed yet: `due` is null);
 * - `not-applicable`: the rule does not apply, and the explanation says why.
 *
 * Calendar, week and month deadlines are never moved off weekends or bank holidays (rules.md §0.4, T23): the item
 * says the due date falls on a non-working day and gives the last working day before. Local meeting deadlines may
 * be rolled back to that day when the pack says so (Tameside PP-06, T5).
 */
import { type CalendarDay, isoWeekdayOfDayNumber, weekdayName } from '../shared/calendar-day.ts'
import { longDay, isoDay } from '../deadlines/day-format.ts'
import { subtractPeriodFromDayNumber } from '../deadlines/period.ts'
import type { EvaluationContext } from './context.ts'
import type { PolicyVersion } from './policy-pack.ts'
import { RULE_TITLES, type RuleId } from './rule-ids.ts'

/** Where an item stands on the evaluation day. */
export type ItemStatus = 'upcoming' | 'due-soon' | 'overdue' | 'met' | 'met-late' | 'not-applicable'

/** One due date for one rule. */
export interface TimescaleItem {
  readonly rule: RuleId
  readonly title: string
  /** The due date, or null when it cannot be computed yet (or the rule does not apply). */
  readonly due: CalendarDay | null
  readonly status: ItemStatus
  readonly metOn: CalendarDay | null
  /** One plain-English sentence: how the due date was worked out, and what happened. */
  readonly explanation: string
  /** The statute, regulation, guidance or local document, e.g. `CPPCR 2010 reg 33(1)`. */
  readonly source: string
  /** True when the date depends on projected bank holidays, an unconfirmed unit or an unconfirmed reading. */
  readonly provisional: boolean
  /** False when the period's unit is our reading of a source that gives none (rules.md §5 T6). */
  readonly unitConfirmed: boolean
  /** The event the due date counts from. */
  readonly trigger: { readonly event: string; readonly on: CalendarDay } | null
  readonly dueFallsOnNonWorkingDay: boolean
  /** When the due date falls on a non-working day: the last working day before it. */
  readonly lastWorkingDayBefore: CalendarDay | null
  /** Days past the due date: overdue now, or how late it was met. */
  readonly daysLate: number | null
  /** For recurring rules: which occurrence (1 = first review, first visit…). */
  readonly occurrence: number | null
  /** For recurring rules: how the earlier occurrences went (reported on the next or last occurrence only). */
  readonly pastOccurrences: PastOccurrences | null
  /** Local actions the pack attaches to this rule. */
  readonly actions: readonly string[]
  /** The policy version used, e.g. `dorset@2011-04-01+national@2011-04-01`. */
  readonly policyVersion: string
}

/** How the earlier occurrences of a recurring rule went. */
export interface PastOccurrences {
  readonly count: number
  readonly late: number
  /** The most recent late occurrence. */
  readonly lastLate: { readonly due: CalendarDay; readonly metOn: CalendarDay; readonly daysLate: number } | null
}

/** What a rule says about one due date; {@link makeItem} does the rest. */
export interface ItemSpec {
  readonly rule: RuleId
  readonly policy: PolicyVersion
  readonly trigger?: { readonly event: string; readonly on: number } | null
  readonly due: number | null
  readonly metOn?: number | null
  /** How the due date was worked out, e.g. "20 working days after the child became looked after on …". */
  readonly reason: string
  /** What happened, e.g. "held on 15 January 2026"; added when met. */
  readonly metPhrase?: string
  /** Extra clause added at the end (e.g. a note on the reading taken). */
  readonly note?: string
  /** The span of a working-day count, for the provisional flag. */
  readonly workingDaySpan?: readonly [number, number]
  readonly unitConfirmed?: boolean
  readonly readingConfirmed?: boolean
  readonly occurrence?: number
  /** Earlier occurrences: how many, how many late, and the latest late one (day numbers). */
  readonly past?: {
    readonly count: number
    readonly late: number
    readonly lastLateDue: number | null
    readonly lastLateMetOn: number | null
  }
  /** What an occurrence is called in the summary, e.g. "visit" (plural adds an s). */
  readonly occurrenceNoun?: string
  /** Move a due date that falls on a non-working day back to the last working day before it. */
  readonly rollBackNonWorkingDay?: boolean
  readonly notApplicable?: boolean
  readonly source?: string
  /** Overrides the rule's title (e.g. the two ADO-08 measures). */
  readonly title?: string
}

function ruleSource(policy: PolicyVersion, rule: RuleId): string {
  const settings = policy.rules as unknown as Record<string, { source?: string } | undefined>
  return settings[rule]?.source ?? ''
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/**
 * Builds an item: status, non-working-day warning, provisional flag and the explanation sentence.
 * @param ctx - the evaluation context
 * @param spec - what the rule worked out
 * @returns the item
 */
export function makeItem(ctx: EvaluationContext, spec: ItemSpec): TimescaleItem {
  const calendar = ctx.calendar
  const actions = spec.policy.actions[spec.rule] ?? NO_ACTIONS
  const source = spec.source ?? ruleSource(spec.policy, spec.rule)
  const trigger =
    spec.trigger === undefined || spec.trigger === null
      ? null
      : { event: spec.trigger.event, on: isoDay(spec.trigger.on) }
  if (spec.notApplicable === true) {
    return {
      rule: spec.rule,
      title: spec.title ?? RULE_TITLES[spec.rule],
      due: null,
      status: 'not-applicable',
      metOn: null,
      explanation: capitalisedSentence(spec.reason),
      source,
      provisional: false,
      unitConfirmed: spec.unitConfirmed ?? true,
      trigger,
      dueFallsOnNonWorkingDay: false,
      lastWorkingDayBefore: null,
      daysLate: null,
      occurrence: spec.occurrence ?? null,
      pastOccurrences: null,
      actions,
      policyVersion: spec.policy.key,
    }
  }
  let due = spec.due
  let text = spec.reason
  let dueFallsOnNonWorkingDay = false
  let lastWorkingDayBefore: number | null = null
  if (due !== null && !calendar.isWorkingDayNumber(due)) {
    const previous = calendar.lastWorkingDayBeforeDayNumber(due)
    const holiday = calendar.bankHolidayOnDayNumber(due)
    const what =
      holiday !== undefined ? `a bank holiday (${holiday.title})` : `a ${weekdayName(isoWeekdayOfDayNumber(due))}`
    if (spec.rollBackNonWorkingDay === true) {
      text += `; ${longDay(due)} is ${what}, so it is due on the last working day before, ${longDay(previous)}`
      due = previous
    } else {
      dueFallsOnNonWorkingDay = true
      lastWorkingDayBefore = previous
      text += `; ${longDay(due)} is ${what}; the last working day before is ${longDay(previous)}`
    }
  }
  const metOn = spec.metOn ?? null
  let status: ItemStatus
  let daysLate: number | null = null
  if (metOn !== null) {
    const done = spec.metPhrase ?? `done on ${longDay(metOn)}`
    if (due === null || metOn <= due) {
      status = 'met'
      text += `; ${done}`
    } else {
      status = 'met-late'
      daysLate = metOn - due
      text += `; ${done}, ${plural(daysLate, 'day')} late`
    }
  } else if (due === null) {
    status = 'upcoming'
  } else if (ctx.asOf > due) {
    status = 'overdue'
    daysLate = ctx.asOf - due
    text += `; overdue by ${plural(daysLate, 'day')}`
  } else if (ctx.asOf >= dueSoonStart(ctx, due)) {
    status = 'due-soon'
  } else {
    status = 'upcoming'
  }
  let pastOccurrences: PastOccurrences | null = null
  const past = spec.past
  if (past !== undefined && past.count > 0) {
    const noun = spec.occurrenceNoun ?? 'occurrence'
    const lastLate =
      past.lastLateDue === null || past.lastLateMetOn === null
        ? null
        : {
            due: isoDay(past.lastLateDue),
            metOn: isoDay(past.lastLateMetOn),
            daysLate: past.lastLateMetOn - past.lastLateDue,
          }
    pastOccurrences = { count: past.count, late: past.late, lastLate }
    text +=
      past.late === 0
        ? `; ${past.count === 1 ? `the earlier ${noun} was` : `all ${past.count} earlier ${noun}s were`} on time`
        : `; ${past.late} of ${past.count} earlier ${noun}s ${past.late === 1 ? 'was' : 'were'} late${lastLate === null ? '' : ` (the latest was due by ${longDay(past.lastLateDue ?? 0)} and ${plural(lastLate.daysLate, 'day')} late)`}`
  }
  const unitConfirmed = spec.unitConfirmed ?? true
  const readingConfirmed = spec.readingConfirmed ?? true
  if (!unitConfirmed) {
    text += '; the unit is our reading of a local rule that gives none, a setting your authority must confirm'
  } else if (!readingConfirmed) {
    text += '; this reading of the local rule is a setting your authority must confirm'
  }
  if (spec.note !== undefined) {
    text += `; ${spec.note}`
  }
  const span = spec.workingDaySpan
  const provisional =
    !unitConfirmed ||
    !readingConfirmed ||
    (span !== undefined && calendar.isSpanProvisional(span[0], span[1])) ||
    (dueFallsOnNonWorkingDay && due !== null && calendar.isProvisionalDayNumber(due))
  return {
    rule: spec.rule,
    title: spec.title ?? RULE_TITLES[spec.rule],
    due: due === null ? null : isoDay(due),
    status,
    metOn: metOn === null ? null : isoDay(metOn),
    explanation: `${text}.`,
    source,
    provisional,
    unitConfirmed,
    trigger,
    dueFallsOnNonWorkingDay,
    lastWorkingDayBefore: lastWorkingDayBefore === null ? null : isoDay(lastWorkingDayBefore),
    daysLate,
    occurrence: spec.occurrence ?? null,
    pastOccurrences,
    actions,
    policyVersion: spec.policy.key,
  }
}

const NO_ACTIONS: readonly string[] = []

function dueSoonStart(ctx: EvaluationContext, due: number): number {
  return subtractPeriodFromDayNumber(ctx.calendar, due, ctx.policyNow.settings.dueSoon)
}

// Reasons of items that apply are written to start with a capital letter or a number ("20 working days after …"),
// so the explanation is the clauses plus a full stop, without re-reading the text (a unit test checks every rule).
// Not-applicable reasons are often shared clauses ("the child stopped being looked after …"), so are capitalised.
function capitalisedSentence(text: string): string {
  const first = text.charCodeAt(0)
  return first >= 97 && first <= 122 ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : `${text}.`
}
