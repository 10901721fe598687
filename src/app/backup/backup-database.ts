import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rename } from 'node:fs/promises'
import { once } from 'node:events'
import { createGzip } from 'node:zlib'
import type { Database } from '../../db/client.ts'
import { appliedMigrations, listTables, readRows } from '../../db/repositories/backup-repository.ts'
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader, type BackupSummary } from './backup-format.ts'

const PAGE = 1000

/**
 * Writes a backup of the whole database — every authority, every table, row for row — to a file, from one consistent
 * snapshot (a repeatable-read, read-only transaction). The file is written under a temporary name and renamed when
 * complete, so a failed backup never leaves a file that looks whole (security D6, D8, REL-04).
 * @param db - the database (embedded or server)
 * @param path - the file to write
 * @param now - when (for the header)
 * @returns what was written
 */
export async function backupDatabase(db: Database, path: string, now: Date): Promise<BackupSummary> {
  const partial = `${path}.partial`
  const gzip = createGzip()
  const file = createWriteStream(partial, { mode: 0o600 })
  gzip.pipe(file)
  const hash = createHash('sha256')
  const write = async (value: unknown) => {
    const line = `${JSON.stringify(value)}\n`
    hash.update(line)
    if (!gzip.write(line)) {
      await once(gzip, 'drain')
    }
  }
  const rowsByTable: Record<string, number> = {}
  await db.ownerTransaction(async raw => {
    await raw.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY')
    const tables = await listTables(raw)
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: now.toISOString(),
      engine: db.kind,
      migrations: await appliedMigrations(raw),
      tables: tables.map(t => t.name),
    }
    await write(header)
    for (const table of tables) {
      let count = 0
      for (let offset = 0; ; offset += PAGE) {
        const rows = await readRows(raw, table, offset, PAGE)
        for (const row of rows) {
          await write({ table: table.name, row })
        }
        count += rows.length
        if (rows.length < PAGE) {
          break
        }
      }
      rowsByTable[table.name] = count
    }
  })
  const trailer = { end: true, rows: rowsByTable, sha256: hash.digest('hex') }
  gzip.end(`${JSON.stringify(trailer)}\n`)
  await once(file, 'close')
  await rename(partial, path)
  const rows = Object.values(rowsByTable).reduce((a, b) => a + b, 0)
  return { tables: Object.keys(rowsByTable).length, rows, rowsByTable }
}
