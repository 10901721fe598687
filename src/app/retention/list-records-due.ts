import type { Database } from '../../db/client.ts'
import { listDueForDestruction, type DueRecord } from '../../db/repositories/retention-repository.ts'

export type { DueRecord }

/**
 * Children whose records have reached their earliest destruction date and are not under a legal hold, for
 * appraisal (security D5). Ids and dates only.
 * @param db - the database
 * @param today - today
 * @returns the records
 */
export async function listRecordsDue(db: Database, today: string): Promise<DueRecord[]> {
  return db.ownerTransaction(raw => listDueForDestruction(raw, today))
}
