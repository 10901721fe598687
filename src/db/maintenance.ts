import type { Database } from './client.ts'

/**
 * Refreshes the query planner's statistics for every table (owner-level maintenance). PostgreSQL's autovacuum does
 * this as tables change; PGlite has no autovacuum, so without it an embedded database keeps the statistics of its
 * empty start for ever and the planner picks nested loops over thousands of rows (the team dashboard's aggregate
 * query took seconds instead of a fifth of one at 5,000 children). Run after the demo is built and by the nightly job.
 * @param db - the database
 */
export async function analyseDatabase(db: Database): Promise<void> {
  await db.exec('ANALYZE')
}
