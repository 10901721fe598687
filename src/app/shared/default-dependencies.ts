import type { Database } from '../../db/client.ts'
import { insertAuditEvent } from '../../db/repositories/audit-repository.ts'
import type { Clock } from '../../domain/shared/clock.ts'
import type { AppDependencies } from './dependencies.ts'
import { systemClock } from './system-clock.ts'

/**
 * The application's dependencies with the standard audit writer.
 * @param db - the database
 * @param clock - the clock (the wall clock unless a test fixes it)
 * @returns the dependencies
 */
export function createDependencies(db: Database, clock: Clock = systemClock): AppDependencies {
  return { db, clock, writeAuditEvent: insertAuditEvent }
}
