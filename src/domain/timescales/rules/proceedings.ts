/**
 * Care proceedings: PRC-01 (26 weeks) and PRC-02 (extensions) (CA89 s.32 as amended by CFA14 s.14; rules.md §2F,
 * §5 T4, T5).
 *
 * The 26 weeks run "beginning with" the day of issue, so they end on issue + 181 days. Each extension ends no more
 * than 8 weeks after the later of the end of the period being extended and the day it is granted (s.32(5)–(8)).
 * PRC-01 keeps the original week-26 date even after an extension, so the breach stays visible as a KPI event (T4);
 * PRC-02 carries the extended date.
 */
import { longDay as fmt, dayNumberOf } from '../../deadlines/day-format.ts'
import { type DueClause, type EvaluationContext, after } from '../context.ts'
import { type TimescaleItem, makeItem } from '../item.ts'
import { inForce, notApplicable } from './common.ts'

/** The timetable of one set of proceedings. */
export interface ProceedingsTimetable {
  readonly issuedOn: number
  /** Last day of the 26 weeks. */
  readonly week26EndsOn: number
  /** Last day after all extensions (equal to week26EndsOn when none). */
  readonly extendedEndsOn: number
  readonly concludedOn: number | null
  readonly extensionCount: number
  readonly explanation: string
  readonly warnings: readonly string[]
}

interface CountedExtension {
  readonly grantedOn: number
  /** Weeks asked for, and weeks counted (at most the s.32(8) limit). */
  readonly weeks: number
  readonly counted: number
  /** The end of the period it extends, and the new end. */
  readonly from: number
  readonly to: number
  readonly endBefore: number
}

/**
 * A timetable whose words are written only when read: drift needs the dates of every set of proceedings, the PRC-02
 * item the words as well.
 */
class Timetable implements ProceedingsTimetable {
  readonly issuedOn: number
  readonly week26EndsOn: number
  readonly extendedEndsOn: number
  readonly concludedOn: number | null
  readonly extensionCount: number
  private readonly week26: DueClause
  private readonly maxWeeks: number
  private readonly extensions: readonly CountedExtension[]
  private words: string | undefined
  private warningList: string[] | undefined

  constructor(
    week26: DueClause,
    maxWeeks: number,
    extensions: readonly CountedExtension[],
    extendedEndsOn: number,
    issuedOn: number,
    concludedOn: number | null,
  ) {
    this.issuedOn = issuedOn
    this.week26EndsOn = week26.due
    this.extendedEndsOn = extendedEndsOn
    this.concludedOn = concludedOn
    this.extensionCount = extensions.length
    this.week26 = week26
    this.maxWeeks = maxWeeks
    this.extensions = extensions
  }

  get explanation(): string {
    if (this.words === undefined) {
      const parts = this.extensions.map(
        e => `extended on ${fmt(e.grantedOn)} by ${e.counted} weeks from ${fmt(e.from)} to ${fmt(e.to)}`,
      )
      this.words = `${this.week26.reason}${parts.length === 0 ? '' : `; ${parts.join('; ')}`}`
    }
    return this.words
  }

  get warnings(): readonly string[] {
    if (this.warningList === undefined) {
      const maxWeeks = this.maxWeeks
      const warnings: string[] = []
      for (const e of this.extensions) {
        if (e.weeks > maxWeeks) {
          warnings.push(
            `an extension of ${e.weeks} weeks exceeds the ${maxWeeks}-week limit in s.32(8), so ${maxWeeks} weeks are counted`,
          )
        }
        if (e.grantedOn > e.endBefore) {
          warnings.push(
            `the extension granted on ${fmt(e.grantedOn)} came after the period had ended on ${fmt(e.endBefore)}`,
          )
        }
      }
      this.warningList = warnings
    }
    return this.warningList
  }
}

/**
 * Works out a timetable for proceedings issued on a day, with its extensions.
 * @param ctx - the context
 * @param proceedings - the proceedings record
 * @returns the timetable, or null when the 26-week rule is not in force for that issue date
 */
export function proceedingsTimetable(
  ctx: EvaluationContext,
  proceedings: EvaluationContext['history']['proceedings'][number],
): ProceedingsTimetable | null {
  const issuedOn = dayNumberOf(proceedings.issuedOn)
  const prc01 = inForce(ctx, 'PRC-01', issuedOn)
  if (!prc01.ok) {
    return null
  }
  const week26 = after(ctx, issuedOn, prc01.setting.period, 'the application was issued')
  const prc02 = inForce(ctx, 'PRC-02', issuedOn)
  const maxWeeks = prc02.ok ? prc02.setting.maxExtension.n : 8
  const granted: { grantedOn: number; weeks: number }[] = []
  for (const e of proceedings.extensions) {
    const grantedOn = dayNumberOf(e.grantedOn)
    if (grantedOn <= ctx.asOf) {
      granted.push({ grantedOn, weeks: e.weeks })
    }
  }
  if (granted.length > 1) {
    granted.sort((a, b) => a.grantedOn - b.grantedOn)
  }
  let end = week26.due
  const extensions: CountedExtension[] = []
  for (const e of granted) {
    const counted = Math.min(e.weeks, maxWeeks)
    const from = Math.max(end, e.grantedOn)
    const to = from + 7 * counted
    extensions.push({ grantedOn: e.grantedOn, weeks: e.weeks, counted, from, to, endBefore: end })
    end = to
  }
  const concluded = proceedings.concludedOn === null ? null : dayNumberOf(proceedings.concludedOn)
  return new Timetable(
    week26,
    maxWeeks,
    extensions,
    end,
    issuedOn,
    concluded !== null && concluded <= ctx.asOf ? concluded : null,
  )
}

/**
 * The timetable of the proceedings at a position in the history, worked out once per child (the rules and drift
 * both ask).
 * @param ctx - the context
 * @param index - the position in `history.proceedings`
 * @returns the timetable, or null when the 26-week rule is not in force for its issue date
 */
export function timetableAt(ctx: EvaluationContext, index: number): ProceedingsTimetable | null {
  const memo = ctx.memo
  const known = memo.timetables?.[index]
  if (known !== undefined) {
    return known
  }
  const timetable = proceedingsTimetable(
    ctx,
    ctx.history.proceedings[index] as EvaluationContext['history']['proceedings'][number],
  )
  memo.timetables ??= []
  memo.timetables[index] = timetable
  return timetable
}

/**
 * Evaluates PRC-01 and PRC-02 for every set of proceedings issued by the evaluation day.
 * @param ctx - the context
 * @param out - items are appended here
 */
export function evaluateProceedings(ctx: EvaluationContext, out: TimescaleItem[]): void {
  let any = false
  const list = ctx.history.proceedings
  for (let index = 0; index < list.length; index++) {
    const proceedings = list[index] as (typeof list)[number]
    const issuedOn = dayNumberOf(proceedings.issuedOn)
    if (issuedOn > ctx.asOf) {
      continue
    }
    any = true
    const prc01 = inForce(ctx, 'PRC-01', issuedOn)
    const trigger = { event: 'application issued', on: issuedOn }
    const timetable = timetableAt(ctx, index)
    if (!prc01.ok || timetable === null) {
      const reason = prc01.ok ? 'not in force' : prc01.reason
      out.push(
        makeItem(ctx, {
          rule: 'PRC-01',
          policy: prc01.policy,
          trigger,
          due: null,
          reason,
          notApplicable: true,
        }),
      )
      out.push(
        makeItem(ctx, {
          rule: 'PRC-02',
          policy: prc01.policy,
          trigger,
          due: null,
          reason,
          notApplicable: true,
        }),
      )
      continue
    }
    const concluded = timetable.concludedOn
    // CA89 s.32(1)(a)(ii); rules.md PRC-01 — 26 weeks beginning with the day of issue (issue + 181 days; T4).
    out.push(
      makeItem(ctx, {
        rule: 'PRC-01',
        policy: prc01.policy,
        trigger,
        due: timetable.week26EndsOn,
        metOn: concluded,
        reason:
          timetable.extensionCount === 0
            ? `26 weeks beginning with the day the application was issued (${fmt(issuedOn)})`
            : `26 weeks beginning with the day the application was issued (${fmt(issuedOn)}); the timetable was extended to ${fmt(timetable.extendedEndsOn)} (PRC-02) but the 26-week date stays on record`,
        metPhrase: concluded === null ? undefined : `proceedings concluded on ${fmt(concluded)}`,
      }),
    )
    // CA89 s.32(5)–(8); rules.md PRC-02 — each extension ≤ 8 weeks after the later of the period's end and the grant.
    const prc02 = inForce(ctx, 'PRC-02', issuedOn)
    if (!prc02.ok) {
      out.push(notApplicable(ctx, 'PRC-02', prc02.reason, prc02.policy))
    } else if (timetable.extensionCount === 0) {
      out.push(
        makeItem(ctx, {
          rule: 'PRC-02',
          policy: prc02.policy,
          trigger,
          due: null,
          reason: `No extension has been granted to the proceedings issued on ${fmt(issuedOn)}`,
          notApplicable: true,
        }),
      )
    } else {
      out.push(
        makeItem(ctx, {
          rule: 'PRC-02',
          policy: prc02.policy,
          trigger,
          due: timetable.extendedEndsOn,
          metOn: concluded,
          reason: timetable.explanation,
          note: timetable.warnings.length === 0 ? undefined : timetable.warnings.join('; '),
          metPhrase: concluded === null ? undefined : `proceedings concluded on ${fmt(concluded)}`,
        }),
      )
    }
  }
  if (!any) {
    out.push(notApplicable(ctx, 'PRC-01', 'No care or supervision proceedings are recorded'))
    out.push(notApplicable(ctx, 'PRC-02', 'No care or supervision proceedings are recorded'))
  }
}
