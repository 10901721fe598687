import type { Database } from '../../db/client.ts'
import type { AuditEventRow } from '../../db/repositories/audit-repository.ts'
import type { Tx } from '../../db/client.ts'
import type { Clock } from '../../domain/shared/clock.ts'

/** What every use case may need, wired once in the composition root (src/http/server.ts, src/cli). */
export interface AppDependencies {
  readonly db: Database
  readonly clock: Clock
  /** Writes an audit event in a transaction; replaceable so tests can make it fail (security AUD-02). */
  readonly writeAuditEvent: (tx: Tx, event: AuditEventRow) => Promise<void>
}
