import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/client.ts'
import { createTestDatabase, testDatabaseKind } from '../../db/testing/test-database.ts'
import { seedDemo } from '../demo/seed-demo.ts'
import { backupDatabase } from './backup-database.ts'
import { restoreDatabase, RestoreRefusedError } from './restore-database.ts'

const dir = mkdtempSync(join(tmpdir(), 'permanence-backup-'))
let source: Database
const file = join(dir, 'demo.backup')

async function everyRow(db: Database): Promise<Record<string, unknown[]>> {
  const tables = await db.query<{ name: string; key: string }>(
    `SELECT c.relname AS name, coalesce(string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord), 'ctid') AS key
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
     LEFT JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
     LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE n.nspname = 'public' AND c.relkind = 'r' GROUP BY c.relname ORDER BY c.relname`,
  )
  const all: Record<string, unknown[]> = {}
  for (const { name, key } of tables) {
    all[name] = (await db.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM ${name} t ORDER BY ${key}`)).map(
      r => r.row,
    )
  }
  return all
}

beforeAll(async () => {
  source = await createTestDatabase()
  await seedDemo(source, { children: 12, seed: 5, today: '2026-02-01' as never })
  await source.query(
    `INSERT INTO audit_events (authority_id, action, outcome, details) SELECT authority_id, 'TEST_EVENT', 'success', '{"n": 1}' FROM authorities`,
  )
})
afterAll(async () => {
  await source.close()
  rmSync(dir, { recursive: true, force: true })
})

describe(`backup and restore on ${testDatabaseKind()} (security D6, D8, REL-04)`, () => {
  it('round-trips the demo authorities, every table row for row', async () => {
    const summary = await backupDatabase(source, file, new Date('2026-02-01T10:00:00Z'))
    expect(summary.rows).toBeGreaterThan(500)
    const target = await createTestDatabase()
    try {
      const restored = await restoreDatabase(target, file)
      expect(restored.rowsByTable).toEqual(summary.rowsByTable)
      const before = await everyRow(source)
      const after = await everyRow(target)
      expect(Object.keys(after)).toEqual(Object.keys(before))
      for (const table of Object.keys(before)) {
        expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] })
      }
      expect(before.children!.length).toBeGreaterThan(10)
      expect(before.record_versions!.length).toBeGreaterThan(100)
      // Identity sequences continue after the restored rows.
      await target.query(
        `INSERT INTO audit_events (authority_id, action, outcome) SELECT authority_id, 'AFTER_RESTORE', 'success' FROM authorities LIMIT 1`,
      )
      const [ids] = await target.query<{ ok: boolean }>(
        `SELECT max(id) FILTER (WHERE action = 'AFTER_RESTORE') > max(id) FILTER (WHERE action <> 'AFTER_RESTORE') AS ok FROM audit_events`,
      )
      expect(ids!.ok).toBe(true)
      // The restored database is whole: its protections work as before.
      await expect(target.query(`DELETE FROM children`)).rejects.toThrow()
      await expect(restoreDatabase(target, file)).rejects.toThrow(/already holds data/)
    } finally {
      await target.close()
    }
  })

  it('refuses a damaged or cut-short backup and restores nothing', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n')
    const altered = lines.map(line => line.replace('"Northshire"', '"Elsewhere"')).join('\n')
    const damaged = join(dir, 'damaged.backup')
    writeFileSync(damaged, gzipSync(altered))
    const cut = join(dir, 'cut.backup')
    writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')))
    const target = await createTestDatabase()
    try {
      await expect(restoreDatabase(target, damaged)).rejects.toBeInstanceOf(RestoreRefusedError)
      await expect(restoreDatabase(target, damaged)).rejects.toThrow(/checksum/)
      await expect(restoreDatabase(target, cut)).rejects.toThrow(/cut short/)
      expect(await target.query(`SELECT 1 FROM authorities`)).toEqual([])
      expect(await target.query(`SELECT 1 FROM children`)).toEqual([])
    } finally {
      await target.close()
    }
  })
})
