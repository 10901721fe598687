import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { Command } from 'commander'
import { importBankHolidays } from '../../app/timescales/import-bank-holidays.ts'
import { loadConfig } from '../../config.ts'
import { openCliContext } from '../cli-context.ts'

/**
 * `permanence calendar import FILE`: imports a gov.uk bank-holidays.json.
 * @returns the command
 */
export function calendarCommand(): Command {
  const calendar = new Command('calendar').description('The England and Wales bank-holiday calendar')
  calendar
    .command('import')
    .description(
      'Import a gov.uk bank-holidays.json file (https://www.gov.uk/bank-holidays.json); then run "timescales refresh"',
    )
    .argument('<file>', 'the JSON file')
    .action(async (file: string) => {
      let json: unknown
      try {
        json = JSON.parse(readFileSync(file, 'utf8'))
      } catch (error) {
        console.error(`permanence: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`)
        process.exitCode = 2
        return
      }
      const context = await openCliContext(loadConfig(), 'permanence calendar import')
      try {
        const result = await importBankHolidays(context.deps.db, basename(file), json)
        if (!result.ok) {
          for (const error of result.errors) {
            const message = typeof error.params?.message === 'string' ? error.params.message : error.code
            console.error(`${file}: ${error.path.join('.') || '(file)'}: ${message}`)
          }
          process.exitCode = 2
          return
        }
        console.log(`Imported bank holidays for ${result.years[0]}–${result.years.at(-1)} (import ${result.id}).`)
        console.log('Run "permanence timescales refresh" to recompute due dates that depended on projected holidays.')
      } finally {
        await context.close()
      }
    })
  return calendar
}
