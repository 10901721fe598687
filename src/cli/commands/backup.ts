import { Command } from 'commander'
import { backupDatabase } from '../../app/backup/backup-database.ts'
import { restoreDatabase } from '../../app/backup/restore-database.ts'
import { systemClock } from '../../app/shared/system-clock.ts'
import { loadConfig } from '../../config.ts'
import { openCliContext } from '../cli-context.ts'

/**
 * `permanence backup FILE`: writes the whole database (embedded or server) to one file. On the embedded database it
 * takes the data-folder lock, so it refuses while a server holds the folder (stop the server first; on a PostgreSQL
 * server the backup reads one consistent snapshot while the service runs).
 * @returns the command
 */
export function backupCommand(): Command {
  return new Command('backup')
    .description('Back up the whole database to FILE (gzip JSON Lines, format version 1; see docs/security.md)')
    .argument('<file>', 'the backup file to write')
    .action(async (file: string) => {
      const context = await openCliContext(loadConfig(), `permanence backup to ${file}`)
      try {
        const summary = await backupDatabase(context.deps.db, file, new Date(systemClock.now()))
        console.log(`Backed up ${summary.rows} rows of ${summary.tables} tables to ${file}`)
      } finally {
        await context.close()
      }
    })
}

/**
 * `permanence restore FILE`: restores a backup into an empty database (a new data folder, or a new PostgreSQL
 * database), checking its checksum and row counts; on any problem nothing is restored.
 * @returns the command
 */
export function restoreCommand(): Command {
  return new Command('restore')
    .description('Restore a backup FILE into an empty database (refused if the database holds data)')
    .argument('<file>', 'the backup file to read')
    .action(async (file: string) => {
      const context = await openCliContext(loadConfig(), `permanence restore from ${file}`)
      try {
        const summary = await restoreDatabase(context.deps.db, file)
        console.log(`Restored ${summary.rows} rows of ${summary.tables} tables from ${file}`)
      } finally {
        await context.close()
      }
    })
}
