/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new database on the PostgreSQL
 * server named by TEST_DATABASE_URL (copied from the run's template). Use only from `*.int.test.ts` and e2e specs.
 */
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import pg from 'pg'
import { inject } from 'vitest'
import { openPglite, openPostgres, type Database } from '../client.ts'

/**
 * Creates a database for this test file.
 * @returns the database; close it in afterAll
 */
export async function createTestDatabase(): Promise<Database> {
  const template = inject('postgresTemplate')
  if (template) {
    const name = `${template.database}_t_${randomBytes(4).toString('hex')}`
    const admin = new pg.Client({ connectionString: template.url })
    await admin.connect()
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.database}`)
    } finally {
      await admin.end()
    }
    const url = new URL(template.url)
    url.pathname = `/${name}`
    return openPostgres(url.toString(), 4)
  }
  const dump = await readFile(inject('pgliteTemplatePath'))
  return openPglite({ loadDataDir: new Blob([dump]) })
}

/** Which engine the tests run on, for test names and skips. */
export function testDatabaseKind(): 'pglite' | 'postgres' {
  return inject('postgresTemplate') ? 'postgres' : 'pglite'
}
