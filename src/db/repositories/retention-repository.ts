/**
 * Owner-level steps of the retention workflow (security D5, REL-03). The database decides: a tombstone is accepted
 * only when the child's earliest destruction date has come and there is no legal hold, and rows are deleted only for
 * a child with a tombstone (0030_security.sql).
 */
import { randomUUID } from 'node:crypto'
import type { RawQuery } from '../client.ts'

/** A table holding part of a child's record, with how its rows name the child. */
interface ChildTable {
  readonly table: string
  /** `child_id` / `sibling_child_id` (the child alone), or `child_ids` (a sibling group's shared rows). */
  readonly column: string
  readonly isArray: boolean
}

/**
 * Every table of a child's record, found by its columns (so a table added by a later migration is covered), in an
 * order that deletes each table before the tables it refers to; `children` itself comes last.
 * @param raw - an owner transaction
 * @returns the tables and columns, in deletion order
 */
async function childTables(raw: RawQuery): Promise<ChildTable[]> {
  const columns = await raw.query<{ table: string; column: string; is_array: boolean }>(
    `SELECT c.table_name AS table, c.column_name AS column, c.data_type = 'ARRAY' AS is_array
     FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
       AND c.column_name IN ('child_id', 'sibling_child_id', 'child_ids')
       AND c.table_name NOT IN ('audit_events', 'audit_event_children', 'destruction_tombstones')
     ORDER BY 1, 2`,
  )
  const references = await raw.query<{ from: string; to: string }>(
    `SELECT DISTINCT src.relname AS from, dst.relname AS to
     FROM pg_constraint k JOIN pg_class src ON src.oid = k.conrelid JOIN pg_class dst ON dst.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = src.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND src.relname <> dst.relname`,
  )
  // A table holding a shared array and a child_id (meetings) is read by child_id for deletion and by child_ids for
  // the shared check.
  const names = [...new Set(columns.map(c => c.table))]
  const ordered: string[] = []
  const visit = (name: string, path: Set<string>): void => {
    if (ordered.includes(name) || path.has(name)) {
      return
    }
    path.add(name)
    // Tables that refer to this one are deleted first.
    for (const ref of references.filter(r => r.to === name && names.includes(r.from))) {
      visit(ref.from, path)
    }
    path.delete(name)
    ordered.push(name)
  }
  names.filter(n => n !== 'record_versions').forEach(name => visit(name, new Set()))
  return [...ordered, 'record_versions', 'children'].flatMap(table =>
    table === 'children'
      ? [{ table, column: 'id', isArray: false }]
      : columns
          .filter(c => c.table === table)
          .filter(c => c.column !== 'child_ids' || !columns.some(o => o.table === table && o.column === 'child_id'))
          .map(c => ({ table, column: c.column, isArray: c.is_array })),
  )
}

/** A child whose record shares rows (a sibling group's meeting, decision or panel request) with another child. */
export class SharedRecordError extends Error {
  constructor(readonly tables: readonly string[]) {
    super(
      `The record shares ${tables.join(', ')} with a brother's or sister's record: destroy the sibling group's ` +
        'records together when all of them are due',
    )
  }
}

export interface DueRecord {
  readonly childId: string
  readonly authorityId: string
  readonly earliestDestructionOn: string
}

/**
 * Children whose records may now be destroyed: the date has come and there is no legal hold.
 * @param raw - an owner transaction
 * @param today - today
 * @returns the records, earliest first
 */
export async function listDueForDestruction(raw: RawQuery, today: string): Promise<DueRecord[]> {
  const rows = await raw.query<{ id: string; authority_id: string; earliest: string }>(
    `SELECT id, authority_id, earliest_destruction_on::text AS earliest FROM children
     WHERE earliest_destruction_on <= $1::date AND NOT legal_hold ORDER BY earliest_destruction_on, id`,
    [today],
  )
  return rows.map(r => ({ childId: r.id, authorityId: r.authority_id, earliestDestructionOn: r.earliest }))
}

/**
 * Destroys a child's record: writes the tombstone (refused by the database unless the date has come and there is
 * no hold), then deletes every row of the record and its history.
 * @param raw - an owner transaction
 * @param input - which child, who destroys it and why
 * @param input.childId - the child
 * @param input.destroyedBy - the operator
 * @param input.reason - why (the appraisal)
 * @returns the authority and the rows destroyed per table
 */
export async function destroyChildRows(
  raw: RawQuery,
  input: { childId: string; destroyedBy: string; reason: string },
): Promise<{ authorityId: string; rows: Record<string, number> } | undefined> {
  const [child] = await raw.query<{ authority_id: string }>(`SELECT authority_id FROM children WHERE id = $1`, [
    input.childId,
  ])
  if (!child) {
    return undefined
  }
  const tables = await childTables(raw)
  const shared: string[] = []
  for (const { table } of tables) {
    const [found] = await raw.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = $1 AND column_name = 'child_ids'`,
      [table],
    )
    if (found!.n > 0 && !shared.includes(table)) {
      const [row] = await raw.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} WHERE $1 = ANY (child_ids) AND cardinality(child_ids) > 1`,
        [input.childId],
      )
      if (row!.n > 0) {
        shared.push(table)
      }
    }
  }
  if (shared.length > 0) {
    throw new SharedRecordError(shared)
  }
  const where = (t: ChildTable): string => (t.isArray ? `${t.column} = ARRAY[$1::uuid]` : `${t.column} = $1`)
  const rows: Record<string, number> = {}
  for (const t of tables) {
    const [count] = await raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t.table} WHERE ${where(t)}`, [
      input.childId,
    ])
    rows[t.table] = (rows[t.table] ?? 0) + count!.n
  }
  await raw.query(`SELECT set_config('app.retention_destruction', 'on', true)`)
  await raw.query(
    `INSERT INTO destruction_tombstones (id, authority_id, child_id, record_class, record_created_at,
       earliest_destruction_on, destroyed_by, reason, rows_destroyed)
     VALUES ($1, $2, $3, 'child-care-record', now(), DATE '0001-01-01', $4, $5, $6::jsonb)`,
    [randomUUID(), child.authority_id, input.childId, input.destroyedBy, input.reason, JSON.stringify(rows)],
  )
  for (const t of tables) {
    await raw.query(`DELETE FROM ${t.table} WHERE ${where(t)}`, [input.childId])
  }
  await raw.query(`SELECT set_config('app.retention_destruction', 'off', true)`)
  return { authorityId: child.authority_id, rows }
}

/**
 * Puts a legal hold on a child's record, or lifts it: a new version of the child, with the reason in its history.
 * @param raw - an owner transaction
 * @param childId - the child
 * @param isHeld - hold or lift
 * @param reason - why
 * @returns the authority, or undefined when there is no such child
 */
export async function setLegalHold(
  raw: RawQuery,
  childId: string,
  isHeld: boolean,
  reason: string,
): Promise<{ authorityId: string } | undefined> {
  await raw.query(`SELECT set_config('app.change_reason', $1, true)`, [reason])
  const [row] = await raw.query<{ authority_id: string }>(
    `UPDATE children SET legal_hold = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING authority_id`,
    [childId, isHeld],
  )
  return row ? { authorityId: row.authority_id } : undefined
}

/**
 * Appends an audit event for an operator's action (owner-level: there is no signed-in user).
 * @param raw - an owner transaction
 * @param event - the event
 * @param event.authorityId - the authority
 * @param event.childId - the child
 * @param event.action - UPPER_SNAKE past tense
 * @param event.details - anything else (no names)
 */
export async function insertOperatorAuditEvent(
  raw: RawQuery,
  event: { authorityId: string; childId: string; action: string; details: Record<string, unknown> },
): Promise<void> {
  await raw.query(
    `INSERT INTO audit_events (authority_id, child_id, action, outcome, client_address, details)
     VALUES ($1, $2, $3, 'success', 'cli', $4::jsonb)`,
    [event.authorityId, event.childId, event.action, JSON.stringify(event.details)],
  )
}
