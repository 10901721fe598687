/**
 * The backup file (docs/security.md, "Backup and restore"; docs/adr/0047-logical-backup-format.md): gzip-compressed
 * JSON Lines. The first line is a header — format name, format version, when, from which engine, the schema's
 * migrations (version, name, checksum) and the tables in insertion order; then one line per row,
 * `{"table": …, "row": {…}}`, each row as PostgreSQL's `to_jsonb` gives it; the last line is a trailer with the row
 * count of every table and the SHA-256 of every line before it, so a truncated or altered file is refused.
 */
export const BACKUP_FORMAT = 'permanence-planner-backup'
export const BACKUP_FORMAT_VERSION = 1

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT
  readonly formatVersion: number
  readonly createdAt: string
  readonly engine: string
  readonly migrations: readonly { version: string; name: string; checksum: string }[]
  readonly tables: readonly string[]
}

export interface BackupRowLine {
  readonly table: string
  readonly row: Record<string, unknown>
}

export interface BackupTrailer {
  readonly end: true
  readonly rows: Readonly<Record<string, number>>
  readonly sha256: string
}

/** What a backup or restore did. */
export interface BackupSummary {
  readonly tables: number
  readonly rows: number
  readonly rowsByTable: Readonly<Record<string, number>>
}
