import type { Database } from '../../db/client.ts'
import { listAuthorities as listAuthorityRows } from '../../db/repositories/admin-repository.ts'

/**
 * Every authority in this deployment (operators' commands and start-up only; no user-facing route lists them).
 * @param db - the database
 * @returns the authorities
 */
export async function listAuthorities(
  db: Database,
): Promise<{ authorityId: string; code: string; name: string; isDemo: boolean }[]> {
  return listAuthorityRows(db)
}
