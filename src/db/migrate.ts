/**
 * Applies the SQL migrations in src/db/migrations, in order, each in its own transaction, and records each with a
 * checksum in meta.schema_migrations. A migration whose file has changed since it was applied stops start-up: landed
 * migrations are never edited, mistakes are fixed by a new one (docs/adr/0005-forward-only-migrations.md).
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import type { Database } from './client.ts'

export const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url)

export interface Migration {
  readonly version: string
  readonly name: string
  readonly sql: string
  readonly checksum: string
}

const FILE_NAME = /^(\d{4})_([a-z0-9-]+)\.sql$/

/**
 * Reads the migration files.
 * @param dir - the folder of migrations
 * @returns the migrations in order
 */
export async function loadMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter(name => name.endsWith('.sql')).sort()
  const migrations: Migration[] = []
  for (const file of files) {
    const match = FILE_NAME.exec(file)
    if (!match) {
      throw new Error(`Migration file name ${file} is not NNNN_kebab-description.sql`)
    }
    const text = await readFile(new URL(file, dir), 'utf8')
    migrations.push({
      version: match[1]!,
      name: match[2]!,
      sql: text,
      checksum: createHash('sha256').update(text).digest('hex'),
    })
  }
  const versions = new Set(migrations.map(m => m.version))
  if (versions.size !== migrations.length) {
    throw new Error('Two migration files share a number')
  }
  return migrations
}

export class MigrationChecksumError extends Error {
  override readonly name = 'MigrationChecksumError'
}

/**
 * Brings the database schema up to date.
 * @param db - the database
 * @param dir - the folder of migrations
 * @returns the versions applied now
 */
export async function migrate(db: Database, dir: URL = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await loadMigrations(dir)
  await db.exec(`CREATE SCHEMA IF NOT EXISTS meta;
    CREATE TABLE IF NOT EXISTS meta.schema_migrations (
      version text PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`)
  const applied: string[] = []
  for (const migration of migrations) {
    const done = await db.ownerTransaction(async raw => {
      // Serialise migrators on a shared server; PGlite has one connection anyway.
      await raw.query('SELECT pg_advisory_xact_lock(7242001)')
      const rows = await raw.query<{ checksum: string }>(
        'SELECT checksum FROM meta.schema_migrations WHERE version = $1',
        [migration.version],
      )
      const existing = rows[0]
      if (existing) {
        if (existing.checksum !== migration.checksum) {
          throw new MigrationChecksumError(
            `Migration ${migration.version}_${migration.name}.sql has changed since it was applied. ` +
              'Applied migrations must never be edited: restore the file and add a new migration instead.',
          )
        }
        return false
      }
      await raw.exec(migration.sql)
      await raw.query('INSERT INTO meta.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ])
      return true
    })
    if (done) {
      applied.push(`${migration.version}_${migration.name}`)
    }
  }
  return applied
}
