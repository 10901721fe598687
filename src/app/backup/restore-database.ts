import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import type { Database } from '../../db/client.ts'
import {
  appliedMigrations,
  insertRows,
  isDatabaseEmpty,
  linkRestoredAuditEvents,
  listTables,
  resetIdentities,
  type TableInfo,
} from '../../db/repositories/backup-repository.ts'
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupSummary,
  type BackupTrailer,
} from './backup-format.ts'

export class RestoreRefusedError extends Error {
  override readonly name = 'RestoreRefusedError'
}

const BATCH = 500

/**
 * Restores a backup into an empty database of this version, in one transaction: the file is checked as it is read
 * (format and version, schema migrations no newer than this software's, the SHA-256 and the row counts of its
 * trailer) and if anything is wrong nothing is kept. Rows go in as they were, with triggers off: they already carry
 * their history, audit trail and derived values. Needs the database owner to be a superuser (PGlite's is).
 * @param db - the target database, migrated and empty
 * @param path - the backup file
 * @returns what was restored
 * @throws RestoreRefusedError when the file or the target is not fit
 */
export async function restoreDatabase(db: Database, path: string): Promise<BackupSummary> {
  const hash = createHash('sha256')
  const rowsByTable: Record<string, number> = {}
  return db.ownerTransaction(async raw => {
    if (!(await isDatabaseEmpty(raw))) {
      throw new RestoreRefusedError('The database already holds data: restore goes only into an empty database')
    }
    const ours = await appliedMigrations(raw)
    const tables = new Map<string, TableInfo>((await listTables(raw)).map(t => [t.name, t]))
    await raw.exec(`SET LOCAL session_replication_role = replica`)
    let header: BackupHeader | undefined
    let trailer: BackupTrailer | undefined
    let batch: { table: TableInfo; rows: Record<string, unknown>[] } | undefined
    const flush = async () => {
      if (batch && batch.rows.length > 0) {
        await insertRows(raw, batch.table, batch.rows)
      }
      batch = undefined
    }
    // Opened only now: lines read before the loop starts would be lost.
    const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity })
    for await (const line of lines) {
      if (line === '') {
        continue
      }
      if (trailer) {
        throw new RestoreRefusedError('The backup has lines after its end')
      }
      const value = JSON.parse(line) as Record<string, unknown>
      if (!header) {
        header = value as unknown as BackupHeader
        if (header.format !== BACKUP_FORMAT) {
          throw new RestoreRefusedError('This is not a Permanence Planner backup')
        }
        if (header.formatVersion > BACKUP_FORMAT_VERSION) {
          throw new RestoreRefusedError(
            `The backup's format (version ${header.formatVersion}) is newer than this software reads`,
          )
        }
        for (const migration of header.migrations) {
          const mine = ours.find(m => m.version === migration.version)
          if (!mine || mine.checksum !== migration.checksum) {
            throw new RestoreRefusedError(
              `The backup was made by a schema this software does not have (migration ${migration.version}_${migration.name}); restore it with the same or a later version`,
            )
          }
        }
        hash.update(`${line}\n`)
        continue
      }
      if (value.end === true) {
        trailer = value as unknown as BackupTrailer
        continue
      }
      hash.update(`${line}\n`)
      const { table: name, row } = value as { table: string; row: Record<string, unknown> }
      const table = tables.get(name)
      if (!table) {
        throw new RestoreRefusedError(`The backup holds a table this schema does not have: ${name}`)
      }
      if (batch && (batch.table.name !== name || batch.rows.length >= BATCH)) {
        await flush()
      }
      batch ??= { table, rows: [] }
      batch.rows.push(row)
      rowsByTable[name] = (rowsByTable[name] ?? 0) + 1
    }
    await flush()
    if (!header || !trailer) {
      throw new RestoreRefusedError('The backup is incomplete (no header or no end): it was cut short')
    }
    if (hash.digest('hex') !== trailer.sha256) {
      throw new RestoreRefusedError('The backup has been altered or damaged: its checksum does not match')
    }
    for (const [name, count] of Object.entries(trailer.rows)) {
      if ((rowsByTable[name] ?? 0) !== count) {
        throw new RestoreRefusedError(
          `The backup's ${name} table should have ${count} rows but has ${rowsByTable[name] ?? 0}`,
        )
      }
    }
    if (!('audit_event_children' in trailer.rows)) {
      await linkRestoredAuditEvents(raw)
    }
    for (const table of tables.values()) {
      await resetIdentities(raw, table)
    }
    const rows = Object.values(rowsByTable).reduce((a, b) => a + b, 0)
    return { tables: Object.keys(trailer.rows).length, rows, rowsByTable: { ...trailer.rows } }
  })
}
