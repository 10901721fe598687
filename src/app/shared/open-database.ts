import { openPglite, openPostgres, type Database } from '../../db/client.ts'
import { migrate } from '../../db/migrate.ts'

/**
 * Opens the configured database and brings its schema up to date.
 * @param settings - where the data is
 * @param settings.databaseUrl - a postgres:// URL, or undefined for the embedded database
 * @param settings.dataDir - the embedded database's folder
 * @returns the database
 */
export async function openDatabase(settings: { databaseUrl: string | undefined; dataDir: string }): Promise<Database> {
  const db = settings.databaseUrl
    ? await openPostgres(settings.databaseUrl)
    : await openPglite({ dataDir: `${settings.dataDir}/pglite` })
  await migrate(db)
  return db
}
