import { Command } from 'commander'
import { loadConfig } from '../../config.ts'
import { openCliContext } from '../cli-context.ts'

/**
 * `permanence migrate`: brings the database schema up to date.
 * @returns the command
 */
export function migrateCommand(): Command {
  return new Command('migrate')
    .description('Apply the database migrations (the server also does this when it starts)')
    .action(async () => {
      const config = loadConfig()
      const context = await openCliContext(config, 'permanence migrate')
      console.log(`Database is up to date (${context.deps.db.kind}: ${context.deps.db.location}).`)
      await context.close()
    })
}
