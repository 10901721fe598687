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

// Phrases with a count of days or occurrences in them ("; overdue by 3 days", "; all 4 earlier visits were on time"):
// the counts in explanations are small, so each phrase is written once per count and then shared by every item that
// needs it, instead of being pieced together again for each item.
const MEMO_COUNTS = 1000

function memoised(table: (string | undefined)[], n: number, write: (n: number) => string): string {
  if (n >= 0 && n < MEMO_COUNTS && Number.isInteger(n)) {
    const known = table[n]
    if (known !== undefined) {
      return known
    }
    const text = write(n)
    table[n] = text
    return text
  }
  return write(n)
}

function countTable(): (string | undefined)[] {
  return Array.from({ length: MEMO_COUNTS }, () => undefined)
}

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`
}

const LATE = countTable()
const writeLate = (n: number): string => `, ${days(n)} late`
const OVERDUE = countTable()
const writeOverdue = (n: number): string => `; overdue by ${days(n)}`
const LATEST_LATE = countTable()
const writeLatestLate = (n: number): string => ` and ${days(n)} late)`
// "; all 4 earlier visits were on time", per noun.
const ALL_ON_TIME = new Map<string, (string | undefined)[]>()

function allOnTime(noun: string, count: number): string {
  let table = ALL_ON_TIME.get(noun)
  if (table === undefined) {
    table = countTable()
    ALL_ON_TIME.set(noun, table)
  }
  const known = table[count]
  if (known !== undefined) {
    return known
  }
  const text = count === 1 ? `; the earlier ${noun} was on time` : `; all ${count} earlier ${noun}s were on time`
  if (count < MEMO_COUNTS) {
    table[count] = text
  }
  return text
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
  if (trigger !== null || occurrence !== null || title !== undefined) {
    return notApplicableFrom(rule, policy, title ?? entry.title, entry.source, entry, reason, trigger, occurrence, true)
  }
  // Nothing of the child's but the reason goes into this item, and most reasons are fixed phrases ("No private
  // fostering arrangement is recorded"), so the item is built once per rule and version and shared by every child
  // (about 17 of a child's 34 items). The few slots hold the latest reasons seen; a reason built from the child's
  // dates just takes a slot in turn, and is rarely met again.
  const shared = entry.sharedNotApplicable
  const reasons = shared.reasons
  for (let i = 0; i < reasons.length; i++) {
    if (reasons[i] === reason) {
      return shared.items[i] as TimescaleItem
    }
  }
  const item = notApplicableFrom(rule, policy, entry.title, entry.source, entry, reason, null, null, true)
  const slot = shared.next
  reasons[slot] = reason
  shared.items[slot] = item
  shared.next = slot + 1 === SHARED_SLOTS ? 0 : slot + 1
  return item
}

/** How many not-applicable items each rule of each version keeps for sharing. */
const SHARED_SLOTS = 4

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
 *
 * Deliberately tiny: it only reads the spec and hands its fields to {@link buildItem}. The optimising compiler
 * inlines it where a rule calls it, and there the spec is the object literal the rule has just written, so each
 * field read is resolved against that literal's one shape (and the literal itself need not be allocated). Were the
 * reads in the large function, they would see the shapes of every rule's literal and fall back to slow, megamorphic
 * lookups (some fifty call sites each write their own shape).
 * @param ctx - the evaluation context
 * @param spec - what the rule worked out
 * @returns the item
 */
export function makeItem(ctx: EvaluationContext, spec: ItemSpec): TimescaleItem {
  const policy = spec.policy
  return buildItem(
    ctx,
    // Inlined, the rule is a constant here, so this lookup is a plain property read.
    (policy === ctx.policyNow ? ctx.policyNowIndex : versionIndex(ctx.pack, policy)).rules[spec.rule],
    spec.rule,
    policy,
    spec.trigger,
    spec.due,
    spec.metOn,
    spec.reason,
    spec.metPhrase,
    spec.note,
    spec.workingDaySpan,
    spec.unitConfirmed,
    spec.readingConfirmed,
    spec.occurrence,
    spec.past,
    spec.occurrenceNoun,
    spec.rollBackNonWorkingDay,
    spec.notApplicable,
    spec.source,
    spec.title,
  )
}

// The work of makeItem, on the spec's fields one by one (see makeItem for why). Parameters as in ItemSpec.
function buildItem(
  ctx: EvaluationContext,
  entry: RuleEntry<RuleId>,
  rule: RuleId,
  policy: PolicyVersion,
  specTrigger: ItemSpec['trigger'],
  specDue: number | null,
  specMetOn: number | null | undefined,
  reason: string,
  metPhrase: string | undefined,
  note: string | undefined,
  span: ItemSpec['workingDaySpan'],
  specUnitConfirmed: boolean | undefined,
  specReadingConfirmed: boolean | undefined,
  specOccurrence: number | undefined,
  past: ItemSpec['past'],
  occurrenceNoun: string | undefined,
  rollBackNonWorkingDay: boolean | undefined,
  notApplicable: boolean | undefined,
  specSource: string | undefined,
  title: string | undefined,
): TimescaleItem {
  const calendar = ctx.calendar
  if (notApplicable === true) {
    return notApplicableFrom(
      rule,
      policy,
      title ?? entry.title,
      specSource ?? entry.source,
      entry,
      reason,
      specTrigger ?? null,
      specOccurrence ?? null,
      specUnitConfirmed ?? true,
    )
  }
  const source = specSource ?? entry.source
  const trigger =
    specTrigger === undefined || specTrigger === null ? null : { event: specTrigger.event, on: isoDay(specTrigger.on) }
  let due = specDue
  let text = reason
  let dueFallsOnNonWorkingDay = false
  let lastWorkingDayBefore: number | null = null
  if (due !== null && !calendar.isWorkingDayNumber(due)) {
    const previous = calendar.lastWorkingDayBeforeDayNumber(due)
    const holiday = calendar.bankHolidayOnDayNumber(due)
    const what =
      holiday !== undefined ? `a bank holiday (${holiday.title})` : (A_WEEKDAY[isoWeekdayOfDayNumber(due) - 1] ?? '')
    if (rollBackNonWorkingDay === true) {
      text += `; ${longDay(due)} is ${what}, so it is due on the last working day before, ${longDay(previous)}`
      due = previous
    } else {
      dueFallsOnNonWorkingDay = true
      lastWorkingDayBefore = previous
      text += `; ${longDay(due)} is ${what}; the last working day before is ${longDay(previous)}`
    }
  }
  const metOn = specMetOn ?? null
  let status: ItemStatus
  let daysLate: number | null = null
  if (metOn !== null) {
    const done = metPhrase ?? `done on ${longDay(metOn)}`
    if (due === null || metOn <= due) {
      status = 'met'
      text += `; ${done}`
    } else {
      status = 'met-late'
      daysLate = metOn - due
      text += `; ${done}${memoised(LATE, daysLate, writeLate)}`
    }
  } else if (due === null) {
    status = 'upcoming'
  } else if (ctx.asOf > due) {
    status = 'overdue'
    daysLate = ctx.asOf - due
    text += memoised(OVERDUE, daysLate, writeOverdue)
  } else if (ctx.asOf >= dueSoonStart(ctx, due)) {
    status = 'due-soon'
  } else {
    status = 'upcoming'
  }
  let pastOccurrences: PastOccurrences | null = null
  if (past !== undefined && past.count > 0) {
    const noun = occurrenceNoun ?? 'occurrence'
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
        ? allOnTime(noun, past.count)
        : `; ${past.late} of ${past.count} earlier ${noun}s ${past.late === 1 ? 'was' : 'were'} late${lastLate === null ? '' : ` (the latest was due by ${longDay(past.lastLateDue ?? 0)}${memoised(LATEST_LATE, lastLate.daysLate, writeLatestLate)}`}`
  }
  const unitConfirmed = specUnitConfirmed ?? true
  const readingConfirmed = specReadingConfirmed ?? true
  if (!unitConfirmed) {
    text += '; the unit is our reading of a local rule that gives none, a setting your authority must confirm'
  } else if (!readingConfirmed) {
    text += '; this reading of the local rule is a setting your authority must confirm'
  }
  if (note !== undefined) {
    text += `; ${note}`
  }
  const provisional =
    !unitConfirmed ||
    !readingConfirmed ||
    (span !== undefined && calendar.isSpanProvisional(span[0], span[1])) ||
    (dueFallsOnNonWorkingDay && due !== null && calendar.isProvisionalDayNumber(due))
  return {
    rule,
    title: title ?? entry.title,
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
    occurrence: specOccurrence ?? null,
    pastOccurrences,
    actions: entry.actions,
    policyVersion: policy.key,
  }
}

function dueSoonStart(ctx: EvaluationContext, due: number): number {
  return subtractPeriodFromDayNumber(ctx.calendar, due, ctx.policyNow.settings.dueSoon)
}
