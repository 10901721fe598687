/**
 * Opening the database from a command: take the data-folder lock first (embedded database only), then open and
 * migrate. Every command that touches data goes through here, so none can open a folder a running server holds.
 */
import type { AppDependencies } from '../app/shared/dependencies.ts'
import { acquireDataFolderLock, DataFolderBusyError } from '../app/shared/data-folder-lock.ts'
import { createDependencies } from '../app/shared/default-dependencies.ts'
import { openDatabase } from '../app/shared/open-database.ts'
import type { Config } from '../config.ts'

export interface CliContext {
  readonly deps: AppDependencies
  readonly close: () => Promise<void>
}

/**
 * Opens the configured database for a command.
 * @param config - the configuration
 * @param purpose - what the command does, for the lock
 * @returns the dependencies and a close function
 */
export async function openCliContext(config: Config, purpose: string): Promise<CliContext> {
  const release = config.databaseUrl ? () => undefined : acquireDataFolderLock(config.dataDir, purpose)
  try {
    const db = await openDatabase(config)
    return {
      deps: createDependencies(db),
      close: async () => {
        await db.close()
        release()
      },
    }
  } catch (error) {
    release()
    throw error
  }
}

/**
 * Prints a failure the way a user can act on, and sets the exit code: 2 for input and usage problems, 1 otherwise.
 * @param error - what went wrong
 */
export function reportCliError(error: unknown): void {
  if (error instanceof DataFolderBusyError) {
    console.error(`permanence: ${error.message}`)
    process.exitCode = 1
    return
  }
  console.error(`permanence: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
