/**
 * Vitest global setup for suites that touch a database. Migrates one template, once per run, which every test file
 * then copies: a PGlite data-folder dump (embedded) or a template database (PostgreSQL, when TEST_DATABASE_URL is
 * set). Each test file gets a fresh database of its own.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import type { TestProject } from 'vitest/node'
import pg from 'pg'
import { openPglite } from '../client.ts'
import { openPostgres } from '../client.ts'
import { migrate } from '../migrate.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string
    postgresTemplate: { url: string; database: string } | null
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cacheDir = new URL('../../../.cache/', import.meta.url)
  await mkdir(cacheDir, { recursive: true })
  const templatePath = new URL(`test-template-${process.pid}.tar.gz`, cacheDir)
  const db = await openPglite()
  await migrate(db)
  const dump = await db.pglite.dumpDataDir('gzip')
  await writeFile(templatePath, Buffer.from(await dump.arrayBuffer()))
  await db.close()
  project.provide('pgliteTemplatePath', templatePath.pathname)

  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) {
    project.provide('postgresTemplate', null)
    return async () => {}
  }
  const database = `permanence_template_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${database}`)
  const template = await openPostgres(withDatabase(serverUrl, database), 2)
  await migrate(template)
  await template.close()
  project.provide('postgresTemplate', { url: serverUrl, database })
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
      [`${database}_t_%`, database],
    )
    for (const row of rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`)
    }
    await admin.end()
  }
}
