// `permanence timescales --case FILE [--policy national|devon|dorset|tameside] [--as-of YYYY-MM-DD] [--json]`
// An adapter: it reads files and the clock, and leaves every rule to src/domain/timescales (house style §6.4).
import { readFileSync } from 'node:fs'
import { Command, Option } from 'commander'
import { createCalendar } from '../../domain/deadlines/calendar.ts'
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../../domain/deadlines/england-and-wales-bank-holidays.ts'
import { parseGovUkBankHolidays } from '../../domain/deadlines/gov-uk-bank-holidays.ts'
import { type CalendarDay, formatCalendarDay, parseCalendarDay } from '../../domain/shared/calendar-day.ts'
import type { DomainError } from '../../domain/shared/result.ts'
import { formatFieldPath, parseCaseHistory } from '../../domain/timescales/case-history.ts'
import { type Evaluation, evaluateCase } from '../../domain/timescales/evaluate-case.ts'
import type { PolicyPack } from '../../domain/timescales/policy-pack.ts'
import {
  BUILT_IN_POLICY_PACK_IDS,
  type BuiltInPolicyPackId,
  loadBuiltInPolicyPack,
  parsePolicyPack,
} from '../../domain/timescales/policy-packs.ts'

/** Exit code for input that fails validation (house style §6.4). */
export const EXIT_INVALID_INPUT = 2

/** What the command needs, with files already read. */
export interface TimescalesInput {
  /** The case history file's text. */
  readonly caseText: string
  /** A built-in pack id (default `national`). */
  readonly policy?: string
  /** A policy pack file's text, instead of a built-in pack. */
  readonly policyText?: string
  /** A gov.uk bank-holidays.json file's text, layered over the built-in calendar. */
  readonly bankHolidaysText?: string
  readonly asOf?: string
  readonly json?: boolean
  /** Today in Europe/London, used when neither --as-of nor the file's asOf is given. */
  readonly today: CalendarDay
}

/** What to print and the exit code. */
export interface TimescalesOutput {
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
}

function describeError(source: string, error: DomainError): string {
  const message = typeof error.params?.message === 'string' ? error.params.message : error.code
  return `${source}: ${formatFieldPath(error.path)}: ${message}`
}

function invalid(lines: readonly string[]): TimescalesOutput {
  return { exitCode: EXIT_INVALID_INPUT, stdout: '', stderr: `${lines.join('\n')}\n` }
}

function parseJson(source: string, text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    return { ok: false, error: `${source}: not valid JSON (${error instanceof Error ? error.message : String(error)})` }
  }
}

/**
 * The command's core, without I/O: parse, evaluate, render.
 * @param input - file contents and options
 * @returns what to print and the exit code (0, or 2 for invalid input)
 */
export function runTimescales(input: TimescalesInput): TimescalesOutput {
  const errors: string[] = []
  const caseJson = parseJson('case', input.caseText)
  if (!caseJson.ok) {
    return invalid([caseJson.error])
  }
  const history = parseCaseHistory(caseJson.value)
  if (!history.ok) {
    errors.push(...history.errors.map(e => describeError('case', e)))
  }
  let pack: PolicyPack | undefined
  if (input.policyText !== undefined) {
    const packJson = parseJson('policy', input.policyText)
    if (!packJson.ok) {
      errors.push(packJson.error)
    } else {
      const parsed = parsePolicyPack(packJson.value)
      if (parsed.ok) {
        pack = parsed.value
      } else {
        errors.push(...parsed.errors.map(e => describeError('policy', e)))
      }
    }
  } else {
    const id = input.policy ?? 'national'
    if ((BUILT_IN_POLICY_PACK_IDS as readonly string[]).includes(id)) {
      pack = loadBuiltInPolicyPack(id as BuiltInPolicyPackId)
    } else {
      errors.push(`--policy: choose one of ${BUILT_IN_POLICY_PACK_IDS.join(', ')}`)
    }
  }
  let calendar = createCalendar()
  if (input.bankHolidaysText !== undefined) {
    const feed = parseJson('bank holidays', input.bankHolidaysText)
    if (!feed.ok) {
      errors.push(feed.error)
    } else {
      const table = parseGovUkBankHolidays(feed.value)
      if (table.ok) {
        calendar = createCalendar({ tables: [ENGLAND_AND_WALES_BANK_HOLIDAYS, table.value] })
      } else {
        errors.push(...table.errors.map(e => describeError('bank holidays', e)))
      }
    }
  }
  let asOf: CalendarDay | undefined
  if (input.asOf !== undefined) {
    asOf = parseCalendarDay(input.asOf)
    if (asOf === undefined) {
      errors.push('--as-of: enter a real date in the form YYYY-MM-DD')
    }
  }
  if (errors.length > 0 || !history.ok || pack === undefined) {
    return invalid(errors)
  }
  const evaluation = evaluateCase(history.value, {
    policy: pack,
    calendar,
    asOf: asOf ?? history.value.asOf ?? input.today,
  })
  return {
    exitCode: 0,
    stdout:
      input.json === true
        ? `${JSON.stringify(evaluation)}\n`
        : renderText(evaluation, pack, history.value.child.dateOfBirth),
    stderr: '',
  }
}

const STATUS_ORDER = ['overdue', 'due-soon', 'upcoming', 'met-late', 'met', 'not-applicable'] as const

function renderText(evaluation: Evaluation, pack: PolicyPack, dateOfBirth: CalendarDay): string {
  const lines: string[] = []
  const { meta } = evaluation
  lines.push(`Timescales as at ${formatCalendarDay(meta.asOf)} for a child born ${formatCalendarDay(dateOfBirth)}`)
  lines.push(
    `Policy: ${pack.name} (${meta.policyVersion}); calendar ${meta.calendarVersion}, confirmed to ${meta.calendarConfirmedThrough}`,
  )
  lines.push('')
  lines.push(`${'RULE'.padEnd(8)}${'DUE'.padEnd(12)}${'STATUS'.padEnd(16)}TITLE`)
  const shown = evaluation.items
    .filter(i => i.status !== 'not-applicable')
    .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status))
  for (const item of shown) {
    const flags = [item.provisional ? 'provisional' : '', item.unitConfirmed ? '' : 'unit to confirm'].filter(
      f => f !== '',
    )
    lines.push(
      `${item.rule.padEnd(8)}${(item.due ?? '—').padEnd(12)}${item.status.padEnd(16)}${item.title}${flags.length === 0 ? '' : ` [${flags.join(', ')}]`}`,
    )
    lines.push(`${''.padEnd(8)}${item.explanation} (${item.source})`)
    for (const action of item.actions) {
      lines.push(`${''.padEnd(8)}Action: ${action}`)
    }
  }
  const notApplicable = evaluation.items.length - shown.length
  lines.push('')
  lines.push(`${notApplicable} rules do not apply to this child (use --json to see why).`)
  lines.push('')
  lines.push('Legal routes')
  for (const result of evaluation.eligibility) {
    lines.push(
      `  ${result.predicate.padEnd(10)}${(result.personId ?? 'child').padEnd(8)}${result.status.padEnd(15)}${result.explanation}`,
    )
  }
  const d = evaluation.drift
  lines.push('')
  lines.push('Drift')
  lines.push(`  Days looked after in this period: ${d.daysLookedAfterInCurrentPeriod ?? '—'}`)
  lines.push(`  Permanence plan late by: ${d.planLateByDays === null ? '—' : `${d.planLateByDays} days`}`)
  lines.push(`  Days since the last permanence planning meeting: ${d.daysSinceLastPlanningMeeting ?? '—'}`)
  for (const p of d.proceedings) {
    lines.push(
      `  Proceedings issued ${p.issuedOn}: week ${p.week} of 26${p.extendedEndsOn === p.week26EndsOn ? '' : ` (extended to ${p.extendedEndsOn})`}${p.concludedOn === null ? '' : `, concluded ${p.concludedOn}`}`,
    )
  }
  for (const [name, m] of [
    ['A1', d.a1],
    ['A2', d.a2],
    ['A10', d.a10],
  ] as const) {
    if (m !== null) {
      lines.push(
        `  ${name}: ${m.days} days against ${m.thresholdDays}${m.exceedsThreshold ? ' (over the threshold)' : ''}`,
      )
    }
  }
  lines.push(`  Overdue items: ${d.overdueItems}; due soon: ${d.dueSoonItems}`)
  return `${lines.join('\n')}\n`
}

function todayInLondon(): CalendarDay {
  // en-CA formats as YYYY-MM-DD; the civil day in England, whatever the server's time zone (rules.md T21).
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()) as CalendarDay
}

function readText(path: string | undefined): string | undefined {
  return path === undefined ? undefined : readFileSync(path, 'utf8')
}

/**
 * The `timescales` command for the `permanence` CLI.
 * @returns the commander command
 */
export function timescalesCommand(): Command {
  return new Command('timescales')
    .description('Work out every statutory and local-policy due date for one child, with the reason for each')
    .option('--case <file>', 'case history JSON (docs/case-history.md); required unless a subcommand is given')
    .addOption(
      new Option('--policy <pack>', 'built-in policy pack').choices([...BUILT_IN_POLICY_PACK_IDS]).default('national'),
    )
    .option('--policy-file <file>', "an authority's own policy pack JSON (extends national)")
    .option('--bank-holidays <file>', 'a gov.uk bank-holidays.json to layer over the built-in calendar')
    .option('--as-of <date>', 'evaluate as at this day (YYYY-MM-DD); default: the file’s asOf, else today')
    .option('--json', 'print {"items":[…],"eligibility":[…],"drift":{…},"meta":{…}}')
    .action(
      (options: {
        case?: string
        policy: string
        policyFile?: string
        bankHolidays?: string
        asOf?: string
        json?: boolean
      }) => {
        if (options.case === undefined) {
          process.stderr.write("error: required option '--case <file>' not specified\n")
          process.exitCode = EXIT_INVALID_INPUT
          return
        }
        const caseFile = options.case
        let output: TimescalesOutput
        try {
          output = runTimescales({
            caseText: readFileSync(caseFile, 'utf8'),
            policy: options.policy,
            policyText: readText(options.policyFile),
            bankHolidaysText: readText(options.bankHolidays),
            asOf: options.asOf,
            json: options.json,
            today: todayInLondon(),
          })
        } catch (error) {
          output = invalid([`cannot read input: ${error instanceof Error ? error.message : String(error)}`])
        }
        process.stdout.write(output.stdout)
        process.stderr.write(output.stderr)
        process.exitCode = output.exitCode
      },
    )
}
