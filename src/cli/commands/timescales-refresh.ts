import { Command } from 'commander'
import { refreshTimescales } from '../../app/timescales/refresh-timescales.ts'
import { systemClock } from '../../app/shared/system-clock.ts'
import { loadConfig } from '../../config.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { openCliContext } from '../cli-context.ts'
import { dayOption } from './demo.ts'

/**
 * `permanence timescales refresh`: recomputes every child's due dates for the new day (the nightly job does this
 * too; run it after importing bank holidays or changing a policy pack).
 * @returns the command
 */
export function timescalesRefreshCommand(): Command {
  return new Command('refresh')
    .description("Recompute every child's due dates, in every authority, as at today (or --as-of)")
    .option('--as-of <date>', 'the day to evaluate as at (default today in Europe/London)', dayOption)
    .action(async (options: { asOf?: CalendarDay }) => {
      const context = await openCliContext(loadConfig(), 'permanence timescales refresh')
      try {
        const started = Date.now()
        const counts = await refreshTimescales(context.deps.db, options.asOf ?? systemClock.today())
        for (const [code, count] of counts) {
          console.log(`${code}: ${count} children`)
        }
        console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
      } finally {
        await context.close()
      }
    })
}
