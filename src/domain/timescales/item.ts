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
import { type RuleEntry, versionIndex } from './policy-index.ts'
import { capitalisedSentence } from './sentence.ts'
import type { RuleId } from './rule-ids.ts'

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

/**
 * Every field of an {@link ItemSpec}, unset. Rules write their specs as `{ ...SPEC, rule, policy, due, reason, … }`
 * so that every spec, from every rule, has the same fields in the same order and therefore the same hidden class:
 * {@link makeItem} then reads them with monomorphic property loads rather than megamorphic ones (it receives specs
 * from some fifty call sites, each of which would otherwise have its own shape).
 */
export const SPEC: Readonly<Record<keyof ItemSpec, undefined>> = {
  rule: undefined,
  policy: undefined,
  trigger: undefined,
  due: undefined,
  metOn: undefined,
  reason: undefined,
  metPhrase: undefined,
  note: undefined,
  workingDaySpan: undefined,
  unitConfirmed: undefined,
  readingConfirmed: undefined,
  occurrence: undefined,
  past: undefined,
  occurrenceNoun: undefined,
  rollBackNonWorkingDay: undefined,
  notApplicable: undefined,
  source: undefined,
  title: undefined,
}

// "1 day", "2 days": the counts in explanations are small, so the phrases for 0–999 are memoised per word.
const PLURALS = new Map<string, (string | undefined)[]>()

function plural(n: number, word: string): string {
  if (n >= 0 && n < 1000 && Number.isInteger(n)) {
    let list = PLURALS.get(word)
    if (list === undefined) {
      list = Array.from({ length: 1000 }, () => undefined)
      PLURALS.set(word, list)
    }
    const known = list[n]
    if (known !== undefined) {
      return known
    }
    const text = `${n} ${word}${n === 1 ? '' : 's'}`
    list[n] = text
    return text
  }
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/**
 * A not-applicable item: the rule does not apply, and the reason says why.
 * @param ctx - the evaluation context
 * @param rule - the rule
 * @param policy - the policy version
 * @param reason - why it does not apply (capitalised into the explanation)
 * @param trigger - the event considered, if any
 * @param occurrence - which occurrence, for recurring rules
 * @param title - overrides the rule's title
 * @returns the item
 */
export function notApplicableItem(
  ctx: EvaluationContext,
  rule: RuleId,
  policy: PolicyVersion,
  reason: string,
  trigger: { readonly event: string; readonly on: number } | null = null,
  occurrence: number | null = null,
  title?: string,
): TimescaleItem {
  const entry = (policy === ctx.policyNow ? ctx.policyNowIndex : versionIndex(ctx.pack, policy)).rules[rule]
  return notApplicableFrom(rule, policy, title ?? entry.title, entry.source, entry, reason, trigger, occurrence, true)
}

function notApplicableFrom(
  rule: RuleId,
  policy: PolicyVersion,
  title: string,
  source: string,
  entry: RuleEntry<RuleId>,
  reason: string,
  trigger: { readonly event: string; readonly on: number } | null,
  occurrence: number | null,
  unitConfirmed: boolean,
): TimescaleItem {
  return {
    rule,
    title,
    due: null,
    status: 'not-applicable',
    metOn: null,
    // A rule the pack disables says so in words worked out once per pack.
    explanation: reason === entry.disabledReason ? entry.disabledExplanation : capitalisedSentence(reason),
    source,
    provisional: false,
    unitConfirmed,
    trigger: trigger === null ? null : { event: trigger.event, on: isoDay(trigger.on) },
    dueFallsOnNonWorkingDay: false,
    lastWorkingDayBefore: null,
    daysLate: null,
    occurrence,
    pastOccurrences: null,
    actions: entry.actions,
    policyVersion: policy.key,
  }
}

// "a Saturday", "a Sunday" (and the other days, for completeness).
const A_WEEKDAY: readonly string[] = [1, 2, 3, 4, 5, 6, 7].map(d => `a ${weekdayName(d)}`)

/**
 * Builds an item: status, non-working-day warning, provisional flag and the explanation sentence.
 * @param ctx - the evaluation context
 * @param spec - what the rule worked out (written as `{ ...SPEC, … }`)
 * @returns the item
 */
export function makeItem(ctx: EvaluationContext, spec: ItemSpec): TimescaleItem {
  const calendar = ctx.calendar
  const rule = spec.rule
  const policy = spec.policy
  const entry = (policy === ctx.policyNow ? ctx.policyNowIndex : versionIndex(ctx.pack, policy)).rules[rule]
  const specTrigger = spec.trigger
  if (spec.notApplicable === true) {
    return notApplicableFrom(
      rule,
      policy,
      spec.title ?? entry.title,
      spec.source ?? entry.source,
      entry,
      spec.reason,
      specTrigger ?? null,
      spec.occurrence ?? null,
      spec.unitConfirmed ?? true,
    )
  }
  const source = spec.source ?? entry.source
  const trigger =
    specTrigger === undefined || specTrigger === null ? null : { event: specTrigger.event, on: isoDay(specTrigger.on) }
  let due = spec.due
  let text = spec.reason
  let dueFallsOnNonWorkingDay = false
  let lastWorkingDayBefore: number | null = null
  if (due !== null && !calendar.isWorkingDayNumber(due)) {
    const previous = calendar.lastWorkingDayBeforeDayNumber(due)
    const holiday = calendar.bankHolidayOnDayNumber(due)
    const what =
      holiday !== undefined ? `a bank holiday (${holiday.title})` : (A_WEEKDAY[isoWeekdayOfDayNumber(due) - 1] ?? '')
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
  const note = spec.note
  if (note !== undefined) {
    text += `; ${note}`
  }
  const span = spec.workingDaySpan
  const provisional =
    !unitConfirmed ||
    !readingConfirmed ||
    (span !== undefined && calendar.isSpanProvisional(span[0], span[1])) ||
    (dueFallsOnNonWorkingDay && due !== null && calendar.isProvisionalDayNumber(due))
  return {
    rule,
    title: spec.title ?? entry.title,
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
    actions: entry.actions,
    policyVersion: policy.key,
  }
}

function dueSoonStart(ctx: EvaluationContext, due: number): number {
  return subtractPeriodFromDayNumber(ctx.calendar, due, ctx.policyNow.settings.dueSoon)
}
