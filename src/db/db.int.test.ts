import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core'
import { is } from 'drizzle-orm'
import { PgTable as PgTableClass } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import type { Database } from './client.ts'
import { findPostgresError } from './errors.ts'
import { queryRows, textArray, uuidArray } from './raw-sql.ts'
import { migrate } from './migrate.ts'
import * as schema from './schema/index.ts'
import { createTestDatabase, testDatabaseKind } from './testing/test-database.ts'

let db: Database

async function dbErrorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    return findPostgresError(error)?.message ?? String(error)
  }
  return 'no error'
}
const authorityA = randomUUID()
const authorityB = randomUUID()

beforeAll(async () => {
  db = await createTestDatabase()
  await db.query(`INSERT INTO authorities (authority_id, code, name) VALUES ($1, 'a-test', 'A'), ($2, 'b-test', 'B')`, [
    authorityA,
    authorityB,
  ])
})
afterAll(async () => {
  await db.close()
})

describe(`database on ${testDatabaseKind()}`, () => {
  it('has applied every migration and applies none twice', async () => {
    expect(await migrate(db)).toEqual([])
    const rows = await db.query<{ version: string }>('SELECT version FROM meta.schema_migrations ORDER BY version')
    expect(rows.map(r => r.version)).toContain('0001')
  })

  it('passes lists of text and uuids as one array parameter, each element whole', async () => {
    const texts = ['plain', 'with, comma', 'with "quotes"', 'back\\slash', '{braces}', 'NULL', '', ' spaced ']
    const ids = [randomUUID(), randomUUID()]
    const [row] = await db.withAuthority({ authorityId: authorityA }, tx =>
      queryRows<{ texts: string[]; ids: string[] }>(
        tx,
        sql`SELECT ${textArray(texts)} AS texts, ${uuidArray(ids)} AS ids`,
      ),
    )
    expect(row).toEqual({ texts, ids })
  })

  it('gives every table in the public schema an authority_id column and row-level security', async () => {
    const tables = await db.query<{ table_name: string; has_authority: boolean; rls: boolean }>(`
      SELECT c.relname AS table_name,
        EXISTS (SELECT 1 FROM information_schema.columns i
                WHERE i.table_schema = 'public' AND i.table_name = c.relname AND i.column_name = 'authority_id') AS has_authority,
        c.relrowsecurity AS rls
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'`)
    expect(tables.length).toBeGreaterThan(10)
    for (const table of tables) {
      expect({ table: table.table_name, authority: table.has_authority, rls: table.rls }).toEqual({
        table: table.table_name,
        authority: true,
        rls: true,
      })
    }
  })

  it('matches the Drizzle schema to the SQL, column for column', async () => {
    const drizzleTables = (Object.values(schema) as unknown[]).filter((value): value is PgTable =>
      is(value, PgTableClass),
    )
    for (const table of drizzleTables) {
      const config = getTableConfig(table)
      const columns = await db.query<{ column_name: string; is_nullable: string }>(
        `SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [config.name],
      )
      const sqlColumns = new Map(columns.map(c => [c.column_name, c.is_nullable === 'YES']))
      expect([...sqlColumns.keys()].sort(), config.name).toEqual(config.columns.map(c => c.name).sort())
      for (const column of config.columns) {
        expect(`${config.name}.${column.name} nullable=${sqlColumns.get(column.name)}`).toEqual(
          `${config.name}.${column.name} nullable=${!column.notNull}`,
        )
      }
    }
  })

  it('keeps authorities apart by row-level security, whatever the query', async () => {
    await db.query(
      `INSERT INTO services (id, authority_id, name) VALUES ($1, $2, 'Children A'), ($3, $4, 'Children B')`,
      [randomUUID(), authorityA, randomUUID(), authorityB],
    )
    const seen = await db.withAuthority({ authorityId: authorityA }, async tx => {
      return queryRows<{ name: string }>(tx, sql`SELECT name FROM services`)
    })
    expect(seen.map(r => r.name)).toEqual(['Children A'])
    expect(
      await dbErrorOf(
        db.withAuthority({ authorityId: authorityA }, tx =>
          tx.execute(sql`INSERT INTO services (id, authority_id, name) VALUES (${randomUUID()}, ${authorityB}, 'x')`),
        ),
      ),
    ).toMatch(/row-level security/)
  })

  it('refuses UPDATE and DELETE on the audit trail, even for the owner', async () => {
    await db.query(`INSERT INTO audit_events (authority_id, action, outcome) VALUES ($1, 'TEST_EVENT', 'success')`, [
      authorityA,
    ])
    await expect(db.query(`UPDATE audit_events SET outcome = 'denied'`)).rejects.toThrow(/append-only/)
    await expect(db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/)
    await expect(db.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/)
  })

  it('keeps every version of a record, with who and why, and refuses deletion', async () => {
    const childId = randomUUID()
    const userId = randomUUID()
    await db.withAuthority({ authorityId: authorityA, userId, changeReason: 'Referral received' }, async tx => {
      await tx.insert(schema.children).values({
        id: childId,
        authorityId: authorityA,
        givenNames: 'Test',
        familyName: 'Child',
        dateOfBirthOn: '2015-03-01',
        sex: 'female',
        ethnicity: 'WBRI',
        localCaseNumber: 'T-1',
      })
    })
    await db.withAuthority({ authorityId: authorityA, userId, changeReason: 'Spelling corrected' }, async tx => {
      await tx.execute(sql`UPDATE children SET given_names = 'Tess', version = version + 1 WHERE id = ${childId}`)
    })
    const versions = await db.query<{ version: number; change_reason: string; changed_by: string; given: string }>(
      `SELECT version, change_reason, changed_by, data->>'given_names' AS given FROM record_versions WHERE record_id = $1 ORDER BY version`,
      [childId],
    )
    expect(versions).toEqual([
      { version: 1, change_reason: 'Referral received', changed_by: userId, given: 'Test' },
      { version: 2, change_reason: 'Spelling corrected', changed_by: userId, given: 'Tess' },
    ])
    expect(
      await dbErrorOf(
        db.withAuthority({ authorityId: authorityA }, tx =>
          tx.execute(sql`UPDATE children SET given_names = 'X' WHERE id = ${childId}`),
        ),
      ),
    ).toMatch(/must move from version 2 to 3/)
    expect(await dbErrorOf(db.query(`DELETE FROM children WHERE id = $1`, [childId]))).toMatch(/never deleted/)
    expect(
      await dbErrorOf(db.withAuthority({ authorityId: authorityA }, tx => tx.execute(sql`DELETE FROM children`))),
    ).toMatch(/permission denied/)
  })
})
