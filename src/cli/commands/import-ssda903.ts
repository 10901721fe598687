/**
 * `permanence import ssda903 DIR…`: brings an authority's SSDA903 returns in, one folder of CSV tables per collection
 * year (docs/returns.md "Import"). Writes a report of every refused, rejected or contradictory row, with its file, row,
 * column and reason, and prints the counts. Exit codes: 0 imported (rejected children are in the report), 2 a folder,
 * file or option is unusable and nothing was written, 1 anything else.
 */
import { writeFileSync } from 'node:fs'
import { Command } from 'commander'
import { AuthorityChoiceError, chooseAuthority, commandLineActor } from '../../app/returns/command-line-actor.ts'
import { importSsda903Returns, type ImportReport } from '../../app/returns/import-ssda903-returns.ts'
import { afterCareRecordsWritten } from '../../app/timescales/after-care-record-change.ts'
import { loadConfig } from '../../config.ts'
import { toCsv } from '../../domain/returns/build-return.ts'
import { collectionYearLabel } from '../../domain/returns/collection-year.ts'
import { openCliContext } from '../cli-context.ts'
import { wholeNumber } from './demo.ts'
import { FolderProblem, foldersWithYears, readFolder } from './ssda903-folders.ts'

interface ImportCommandOptions {
  readonly year: string[]
  readonly authority?: string
  readonly authorityName?: string
  readonly report: string
  readonly rejectClosedEpisodeChanges?: boolean
  readonly progressEvery: number
  readonly timescales: boolean
}

/** The report's columns: one line per refused file cell, rejected child or contradictory row. */
export const REPORT_COLUMNS = ['SEVERITY', 'KIND', 'YEAR', 'FILE', 'ROW', 'COLUMN', 'CHILD', 'MESSAGE'] as const

function reportCsv(report: ImportReport): string {
  return toCsv([
    [...REPORT_COLUMNS],
    ...report.entries.map(entry => [
      entry.severity,
      entry.kind,
      entry.year === null ? '' : collectionYearLabel(entry.year),
      entry.file ?? '',
      entry.row === null ? '' : String(entry.row),
      entry.column ?? '',
      entry.laChildId ?? '',
      entry.message,
    ]),
  ])
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

function printSummary(report: ImportReport, authorityName: string, reportPath: string): void {
  const c = report.counts
  const years = report.years.map(collectionYearLabel).join(', ')
  if (report.isRefused) {
    const refused = report.entries.filter(entry => entry.severity === 'refused')
    console.error(`permanence: nothing was imported: ${count(refused.length, 'problem')} in the files (${years}).`)
    for (const entry of refused.slice(0, 20)) {
      const where = [entry.file, entry.row === null ? null : `row ${entry.row}`, entry.column]
        .filter(part => part !== null)
        .join(', ')
      console.error(`  ${where}: ${entry.message}`)
    }
    if (refused.length > 20) {
      console.error(`  … and ${refused.length - 20} more.`)
    }
    console.error(`Every problem is listed in ${reportPath}. Correct the files and import again.`)
    return
  }
  console.log(`Imported the SSDA903 returns for ${years} into ${authorityName}.`)
  console.log(
    `Children: ${count(c.childrenCreated, 'created', 'created')}, ${count(c.childrenUpdated, 'updated', 'updated')}, ` +
      `${count(c.childrenUnchanged, 'unchanged', 'unchanged')}, ${count(c.childrenRejected, 'rejected', 'rejected')}.`,
  )
  console.log(
    `Facts in the returns: ${count(c.periodsOfCare, 'period of care', 'periods of care')}, ` +
      `${count(c.legalStatuses, 'legal status', 'legal statuses')}, ${count(c.placements, 'placement')}, ` +
      `${count(c.reviews, 'review')}, ${count(c.adoptionJourneys, 'adoption decision')}, ` +
      `${count(c.missingEpisodes, 'missing episode')}, ${count(c.socialWorkerEpisodes, 'social worker episode')}.`,
  )
  console.log(
    `Report: ${reportPath} (${count(c.childrenRejected, 'rejected child', 'rejected children')}, ` +
      `${count(c.warnings, 'warning')}).`,
  )
}

/**
 * `permanence import`, with its `ssda903` subcommand.
 * @returns the command
 */
export function importCommand(): Command {
  const command = new Command('import').description('Bring records in from other systems')
  command
    .command('ssda903')
    .description(
      'Import SSDA903 returns: one folder of CSV tables per collection year. The year comes from the folder name ' +
        '(2025-26, or 2026 for the year ending March 2026) or from --year, one per folder in the same order',
    )
    .argument('<folders...>', 'the folders, one per collection year, in any order')
    .option(
      '--year <year>',
      'the collection year of the next folder (2025-26 or 2026); repeat once per folder',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--authority <code>', 'the authority to import into (needed when there is more than one)')
    .option('--authority-name <name>', 'create the authority --authority names, with this name, if it does not exist')
    .option(
      '--report <file>',
      'where to write the report of refused, rejected and contradictory rows',
      'ssda903-import-report.csv',
    )
    .option(
      '--reject-closed-episode-changes',
      'reject a child when a later return changes an episode an earlier return had closed (default: the later return wins, with a warning)',
    )
    .option(
      '--progress-every <n>',
      'print progress every n children',
      wholeNumber('--progress-every', 1, 1_000_000),
      1000,
    )
    .option(
      '--no-timescales',
      "do not recompute the children's due dates now (run `permanence timescales refresh` later)",
    )
    .action(async (folders: string[], options: ImportCommandOptions) => {
      let readable: ReturnType<typeof readFolder>[]
      try {
        readable = foldersWithYears(folders, options.year).map(({ folder, year }) => readFolder(folder, year))
      } catch (error) {
        if (error instanceof FolderProblem) {
          console.error(`permanence: ${error.message}`)
          process.exitCode = 2
          return
        }
        throw error
      }
      const context = await openCliContext(loadConfig(), 'permanence import ssda903')
      try {
        const authority = await chooseAuthority(context.deps.db, {
          ...(options.authority === undefined ? {} : { code: options.authority }),
          ...(options.authorityName === undefined ? {} : { createName: options.authorityName }),
        })
        const actor = await commandLineActor(context.deps.db, authority, 'administrator')
        const started = Date.now()
        const report = await importSsda903Returns(context.deps, actor, readable, {
          closedEpisodeChanges: options.rejectClosedEpisodeChanges === true ? 'reject' : 'later-wins',
          progressEvery: options.progressEvery,
          onProgress: progress => {
            const seconds = ((Date.now() - started) / 1000).toFixed(1)
            const total = progress.total.toLocaleString('en-GB')
            console.error(
              progress.done === 0
                ? `Read and checked the files: ${total} children to import (${seconds} s)`
                : `Imported ${progress.done.toLocaleString('en-GB')} of ${total} children (${seconds} s)`,
            )
          },
          ...(options.timescales ? { afterChildrenWritten: afterCareRecordsWritten } : {}),
        })
        writeFileSync(options.report, reportCsv(report))
        printSummary(report, authority.name, options.report)
        if (report.isRefused) {
          process.exitCode = 2
        } else {
          console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
        }
      } catch (error) {
        if (error instanceof AuthorityChoiceError) {
          console.error(`permanence: ${error.message}`)
          process.exitCode = 2
          return
        }
        throw error
      } finally {
        await context.close()
      }
    })
  return command
}
