import type { Database } from '../client.ts'

/**
 * Whether any child's stored timescales were evaluated before a day (owner-level, across authorities: used at
 * start-up to decide whether to refresh).
 * @param db - the database
 * @param today - the day
 * @returns true when a refresh is needed
 */
export async function hasStaleTimescales(db: Database, today: string): Promise<boolean> {
  const rows = await db.query<{ stale: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM children c LEFT JOIN child_timescales t ON t.child_id = c.id AND t.authority_id = c.authority_id
       WHERE c.voided_at IS NULL AND (t.child_id IS NULL OR t.evaluated_as_of < $1::date)
     ) AS stale`,
    [today],
  )
  return rows[0]?.stale === true
}
