/**
 * Owner-level steps of the retention workflow (security D5, REL-03). The database decides: a tombstone is accepted
 * only when the child's earliest destruction date has come and there is no legal hold, and rows are deleted only for
 * a child with a tombstone (0030_security.sql).
 */
import { randomUUID } from 'node:crypto'
import type { RawQuery } from '../client.ts'

/** The tables holding a child's record, children last (foreign keys), with the column naming the child. */
const CHILD_TABLES: readonly { table: string; column: string }[] = [
  { table: 'child_assignments', column: 'child_id' },
  { table: 'sibling_links', column: 'sibling_child_id' },
  { table: 'sibling_links', column: 'child_id' },
  { table: 'living_arrangements', column: 'child_id' },
  { table: 'worker_allocations', column: 'child_id' },
  { table: 'legal_orders', column: 'child_id' },
  { table: 'care_proceedings', column: 'child_id' },
  { table: 'statutory_reviews', column: 'child_id' },
  { table: 'placements', column: 'child_id' },
  { table: 'child_relationships', column: 'child_id' },
  { table: 'legal_statuses', column: 'child_id' },
  { table: 'periods_of_care', column: 'child_id' },
  { table: 'record_versions', column: 'child_id' },
  { table: 'children', column: 'id' },
]

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
  const rows: Record<string, number> = {}
  for (const { table, column } of CHILD_TABLES) {
    const [count] = await raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [
      input.childId,
    ])
    rows[table] = (rows[table] ?? 0) + count!.n
  }
  await raw.query(`SELECT set_config('app.retention_destruction', 'on', true)`)
  await raw.query(
    `INSERT INTO destruction_tombstones (id, authority_id, child_id, record_class, record_created_at,
       earliest_destruction_on, destroyed_by, reason, rows_destroyed)
     VALUES ($1, $2, $3, 'child-care-record', now(), DATE '0001-01-01', $4, $5, $6::jsonb)`,
    [randomUUID(), child.authority_id, input.childId, input.destroyedBy, input.reason, JSON.stringify(rows)],
  )
  for (const { table, column } of CHILD_TABLES) {
    await raw.query(`DELETE FROM ${table} WHERE ${column} = $1`, [input.childId])
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
