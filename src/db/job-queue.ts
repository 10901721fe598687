/**
 * Background jobs on the same database, with pg-boss (its own tables in schema `pgboss`; no children's data, only job
 * names and authority ids). On a PostgreSQL server pg-boss opens its own small pool; on PGlite it runs through our
 * single connection.
 */
import PgBoss from 'pg-boss'
import type { Database } from './client.ts'

/**
 * Starts pg-boss on the database (creating its schema the first time).
 * @param db - the database
 * @returns the started job queue
 */
export async function startJobQueue(db: Database): Promise<PgBoss> {
  const boss = db.connectionString
    ? new PgBoss({ connectionString: db.connectionString, max: 2, schema: 'pgboss' })
    : new PgBoss({
        schema: 'pgboss',
        db: {
          executeSql: async (text: string, values?: unknown[]) => ({
            rows: values?.length ? await db.query(text, values) : await db.execScript(text),
          }),
        },
      })
  boss.on('error', error => {
    console.error(`Background jobs: ${error.message}`)
  })
  await boss.start()
  return boss
}

export type { PgBoss }
