/**
 * `permanence returns`: the national returns from the stored facts (docs/returns.md "Export").
 *
 * - `ssda903 --year 2026 --out DIR`: the CSV tables of the collection year's SSDA903 return and `failures.csv`
 *   (every validation failure left, with its DfE rule code); with `--with-previous`, last year's return as known at
 *   the time under `DIR/previous-year/` and the cross-year checks.
 * - `annex-a --out FILE`: Ofsted Annex A lists 8, 10 and 11 as an XLSX workbook.
 *
 * Each acts as the authority's command-line performance analyst, audited as an export.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Command, InvalidArgumentError } from 'commander'
import { AuthorityChoiceError, chooseAuthority, commandLineActor } from '../../app/returns/command-line-actor.ts'
import { exportAnnexA } from '../../app/returns/export-annex-a.ts'
import { exportSsda903Return } from '../../app/returns/export-ssda903-return.ts'
import { returnFiles } from '../../app/returns/return-files.ts'
import { runOperation } from '../../app/shared/run-operation.ts'
import { loadConfig } from '../../config.ts'
import type { Role } from '../../domain/access/policies.ts'
import { collectionYearLabel, EXPORT_YEARS, type CollectionYear } from '../../domain/returns/collection-year.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { openCliContext, type CliContext } from '../cli-context.ts'
import { dayOption } from './demo.ts'
import { parseCollectionYear } from './ssda903-folders.ts'

/**
 * A collection year we export: `2026`, `2025-26` or `2025/26`.
 * @param value - what was written
 * @returns the year (named by its end year)
 */
export function exportYearOption(value: string): CollectionYear {
  const year = parseCollectionYear(value)
  if (year === undefined || !EXPORT_YEARS.includes(year)) {
    throw new InvalidArgumentError(
      `must be one of ${EXPORT_YEARS.map(y => `${y} (${collectionYearLabel(y)})`).join(', ')}`,
    )
  }
  return year
}

async function asAuthority<T>(
  purpose: string,
  authorityCode: string | undefined,
  role: Role,
  work: (context: CliContext, actor: Awaited<ReturnType<typeof commandLineActor>>) => Promise<T>,
): Promise<T | undefined> {
  const context = await openCliContext(loadConfig(), purpose)
  try {
    const authority = await chooseAuthority(context.deps.db, authorityCode === undefined ? {} : { code: authorityCode })
    return await work(context, await commandLineActor(context.deps.db, authority, role))
  } catch (error) {
    if (error instanceof AuthorityChoiceError) {
      console.error(`permanence: ${error.message}`)
      process.exitCode = 2
      return undefined
    }
    throw error
  } finally {
    await context.close()
  }
}

/**
 * `permanence returns`, with `ssda903` and `annex-a`.
 * @returns the command
 */
export function returnsCommand(): Command {
  const command = new Command('returns').description('National returns: SSDA903 and Ofsted Annex A')
  command
    .command('ssda903')
    .description("Write a collection year's SSDA903 return as CSV tables, with failures.csv listing what still fails")
    .requiredOption(
      '--year <year>',
      'the collection year: 2025, 2026 or 2027 (or 2024-25, 2025-26, 2026-27)',
      exportYearOption,
    )
    .requiredOption('--out <dir>', 'the folder to write the files into (created if missing)')
    .option(
      '--with-previous',
      "also write last year's return as known at the time (previous-year/) and check across the years",
    )
    .option(
      '--as-known-on <date>',
      "the day last year's return is rebuilt as known at the end of (default its 31 March)",
      dayOption,
    )
    .option('--authority <code>', 'the authority (needed when there is more than one)')
    .action(
      async (options: {
        year: CollectionYear
        out: string
        withPrevious?: boolean
        asKnownOn?: CalendarDay
        authority?: string
      }) => {
        await asAuthority(
          'permanence returns ssda903',
          options.authority,
          'performance-analyst',
          async (context, actor) => {
            const built = await runOperation(
              context.deps,
              { actor, policy: 'returns:export', auditAction: 'SSDA903_RETURN_EXPORTED' },
              op =>
                exportSsda903Return(op, {
                  year: options.year,
                  withPrevious: options.withPrevious === true,
                  ...(options.asKnownOn === undefined ? {} : { asKnownOn: options.asKnownOn }),
                }),
            )
            const files = returnFiles(built)
            for (const file of files) {
              const path = join(options.out, file.name)
              mkdirSync(dirname(path), { recursive: true })
              writeFileSync(path, file.text)
            }
            const errors = built.failures.filter(f => f.severity === 'error').length
            console.log(
              `Wrote the ${built.label} SSDA903 return for ${actor.authorityName} (${built.childCount} children) to ${options.out}:`,
            )
            for (const [name, rows] of Object.entries(built.tables)) {
              console.log(`  ${name}: ${rows.length - 1} rows`)
            }
            if (built.previous !== undefined) {
              console.log(
                `  previous-year/: the ${built.previous.label} return as known on ${built.previous.asKnownOn}`,
              )
            }
            console.log(
              built.failures.length === 0
                ? '  failures.csv: no validation failures.'
                : `  failures.csv: ${built.failures.length} failures (${errors} errors, ${built.failures.length - errors} warnings).`,
            )
          },
        )
      },
    )
  command
    .command('annex-a')
    .description('Write Ofsted Annex A lists 8 (children in care), 10 (adoption) and 11 (adopters) as an XLSX workbook')
    .requiredOption('--out <file>', 'the workbook to write, e.g. annex-a.xlsx')
    .option('--as-of <date>', 'the reference day: the lists cover the 12 months up to it (default today)', dayOption)
    .option('--edition <year>', 'the header edition: 2026 (Sex) or 2024 (Gender)', (value: string) => {
      if (value !== '2024' && value !== '2026') {
        throw new InvalidArgumentError('must be 2024 or 2026')
      }
      return Number(value) as 2024 | 2026
    })
    .option('--authority <code>', 'the authority (needed when there is more than one)')
    .action(async (options: { out: string; asOf?: CalendarDay; edition?: 2024 | 2026; authority?: string }) => {
      await asAuthority(
        'permanence returns annex-a',
        options.authority,
        'performance-analyst',
        async (context, actor) => {
          const annex = await runOperation(
            context.deps,
            { actor, policy: 'returns:export', auditAction: 'ANNEX_A_EXPORTED' },
            op =>
              exportAnnexA(op, {
                ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
                ...(options.edition === undefined ? {} : { edition: options.edition }),
              }),
          )
          mkdirSync(dirname(options.out), { recursive: true })
          writeFileSync(options.out, annex.workbook)
          console.log(
            `Wrote Annex A for ${actor.authorityName} as of ${annex.asOf} to ${options.out}: list 8 ${annex.rows.list8} rows, ` +
              `list 10 ${annex.rows.list10} rows, list 11 ${annex.rows.list11} rows.`,
          )
        },
      )
    })
  return command
}
