/**
 * Owner-level access for backup and restore: every table of the public schema in an order that satisfies its
 * foreign keys, each row as JSON (PostgreSQL's own `to_jsonb`, so every type round-trips exactly), and bulk insertion
 * of such rows with triggers off (the rows already carry their history and their derived values).
 */
import type { RawQuery } from '../client.ts'

export interface TableInfo {
  readonly name: string
  readonly columns: readonly string[]
  readonly keyColumns: readonly string[]
  readonly identityColumns: readonly string[]
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`Unexpected table or column name: ${name}`)
  }
  return `"${name}"`
}

/**
 * The tables of the public schema, parents before children (foreign keys), each with its columns and key.
 * @param raw - an owner transaction
 * @returns the tables in a safe insertion order
 */
export async function listTables(raw: RawQuery): Promise<TableInfo[]> {
  const tables = await raw.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
  )
  const columns = await raw.query<{ table_name: string; column_name: string; is_identity: string }>(
    `SELECT table_name, column_name, is_identity FROM information_schema.columns
     WHERE table_schema = 'public' AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position`,
  )
  const keys = await raw.query<{ table_name: string; column_name: string }>(
    `SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc
     JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name
       AND kcu.table_schema = tc.table_schema AND kcu.table_name = tc.table_name
     WHERE tc.table_schema = 'public' AND tc.constraint_type = 'PRIMARY KEY' ORDER BY tc.table_name, kcu.ordinal_position`,
  )
  const references = await raw.query<{ child: string; parent: string }>(
    `SELECT DISTINCT c.relname AS child, p.relname AS parent FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`,
  )
  const info = new Map<string, TableInfo>()
  for (const { name } of tables) {
    const own = columns.filter(c => c.table_name === name)
    info.set(name, {
      name,
      columns: own.map(c => c.column_name),
      keyColumns: keys.filter(k => k.table_name === name).map(k => k.column_name),
      identityColumns: own.filter(c => c.is_identity === 'YES').map(c => c.column_name),
    })
  }
  const ordered: TableInfo[] = []
  const placed = new Set<string>()
  while (ordered.length < info.size) {
    const ready = [...info.values()].filter(
      t => !placed.has(t.name) && references.every(r => r.child !== t.name || placed.has(r.parent)),
    )
    if (ready.length === 0) {
      throw new Error('The tables have a cycle of foreign keys; backup cannot order them')
    }
    for (const table of ready) {
      ordered.push(table)
      placed.add(table.name)
    }
  }
  return ordered
}

/**
 * One page of a table's rows, as JSON, in key order.
 * @param raw - an owner transaction
 * @param table - the table
 * @param offset - rows to skip
 * @param limit - rows to return
 * @returns the rows
 */
export async function readRows(
  raw: RawQuery,
  table: TableInfo,
  offset: number,
  limit: number,
): Promise<Record<string, unknown>[]> {
  const order = (table.keyColumns.length > 0 ? table.keyColumns : table.columns).map(quoteIdent).join(', ')
  const rows = await raw.query<{ row: Record<string, unknown> }>(
    `SELECT to_jsonb(t) AS row FROM ${quoteIdent(table.name)} t ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
  )
  return rows.map(r => r.row)
}

/**
 * Inserts rows given as JSON, keeping identity values as they were.
 * @param raw - an owner transaction with triggers off
 * @param table - the table
 * @param rows - the rows
 */
export async function insertRows(
  raw: RawQuery,
  table: TableInfo,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) {
    return
  }
  // Only the columns the backup has: a newer schema's added columns take their defaults.
  const present = table.columns.filter(c => c in rows[0]!)
  const list = present.map(quoteIdent).join(', ')
  await raw.query(
    `INSERT INTO ${quoteIdent(table.name)} (${list}) ${table.identityColumns.length > 0 ? 'OVERRIDING SYSTEM VALUE' : ''}
     SELECT ${list} FROM jsonb_populate_recordset(NULL::${quoteIdent(table.name)}, $1::jsonb)`,
    [JSON.stringify(rows)],
  )
}

/**
 * Moves identity sequences past the restored rows.
 * @param raw - an owner transaction
 * @param table - the table
 */
export async function resetIdentities(raw: RawQuery, table: TableInfo): Promise<void> {
  for (const column of table.identityColumns) {
    await raw.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${quoteIdent(column)}) FROM ${quoteIdent(
        table.name,
      )}), 1), (SELECT count(*) > 0 FROM ${quoteIdent(table.name)}))`,
      [table.name, column],
    )
  }
}

/**
 * The migrations applied to this database.
 * @param raw - an owner transaction
 * @returns version, name and checksum of each
 */
export async function appliedMigrations(raw: RawQuery): Promise<{ version: string; name: string; checksum: string }[]> {
  return raw.query(`SELECT version, name, checksum FROM meta.schema_migrations ORDER BY version`)
}

/**
 * Whether the database holds any authority (restore goes only into an empty database).
 * @param raw - an owner transaction
 * @returns true when empty
 */
export async function isDatabaseEmpty(raw: RawQuery): Promise<boolean> {
  const [row] = await raw.query<{ empty: boolean }>(`SELECT NOT EXISTS (SELECT 1 FROM authorities) AS empty`)
  return row?.empty === true
}

/**
 * Writes audit_event_children for every audit event, as migration 0011 did: for a backup made before that table
 * existed (restore inserts with triggers off, so the links come from the backup when it has them).
 * @param raw - an owner transaction
 */
export async function linkRestoredAuditEvents(raw: RawQuery): Promise<void> {
  await raw.query(
    `INSERT INTO audit_event_children (authority_id, child_id, occurred_at, event_id)
     SELECT e.authority_id, ids.child_id, e.occurred_at, e.id
     FROM audit_events e, app_audit_event_child_ids(e.child_id, e.details) AS ids (child_id)`,
  )
}
