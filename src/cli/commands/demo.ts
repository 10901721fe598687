import { Command, InvalidArgumentError } from 'commander'
import { seedDemo, DEMO_PASSWORD } from '../../app/demo/seed-demo.ts'
import { systemClock } from '../../app/shared/system-clock.ts'
import { loadConfig } from '../../config.ts'
import { parseCalendarDay } from '../../domain/shared/calendar-day.ts'
import { openCliContext } from '../cli-context.ts'

/**
 * A whole-number option parser.
 * @param name - the option, for the message
 * @param min - the smallest allowed
 * @param max - the largest allowed
 * @returns the parser
 */
export function wholeNumber(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}`)
    }
    return n
  }
}

/**
 * A date option parser.
 * @param value - `YYYY-MM-DD`
 * @returns the day
 */
export function dayOption(value: string) {
  const day = parseCalendarDay(value)
  if (!day) {
    throw new InvalidArgumentError('must be a real date written YYYY-MM-DD')
  }
  return day
}

/**
 * `permanence demo`: builds the fictional demo authorities.
 * @returns the command
 */
export function demoCommand(): Command {
  return new Command('demo')
    .description('Build the fictional demo authorities, Northshire and Southvale, with synthetic children')
    .option('--children <n>', 'about how many children in Northshire', wholeNumber('--children', 1, 100000), 400)
    .option('--seed <s>', 'random seed (the same seed builds the same data)', wholeNumber('--seed', 0, 2 ** 31), 2026)
    .option('--as-of <date>', 'the date the histories run up to (default today)', dayOption)
    .action(async (options: { children: number; seed: number; asOf?: ReturnType<typeof dayOption> }) => {
      const config = loadConfig()
      const context = await openCliContext(config, 'permanence demo')
      try {
        const started = Date.now()
        const summary = await seedDemo(context.deps.db, {
          children: options.children,
          seed: options.seed,
          today: options.asOf ?? systemClock.today(),
        })
        for (const authority of summary.authorities) {
          console.log(`Built ${authority.name} with ${authority.children} children.`)
        }
        console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`)
        for (const account of summary.accounts) {
          console.log(`  ${account.authority.padEnd(11)} ${account.role.padEnd(22)} ${account.email}`)
        }
        console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
      } finally {
        await context.close()
      }
    })
}
