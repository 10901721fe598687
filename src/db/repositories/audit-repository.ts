import { count, desc, eq } from 'drizzle-orm'
import type { Tx } from '../client.ts'
import { auditEventChildren, auditEvents, users } from '../schema/index.ts'

export interface AuditEventRow {
  readonly authorityId: string
  readonly userId: string | null
  readonly role: string | null
  readonly childId: string | null
  readonly action: string
  readonly purpose: string | null
  readonly outcome: string
  readonly clientAddress: string | null
  readonly requestId: string | null
  readonly method: string | null
  readonly route: string | null
  readonly breakGlassReason: string | null
  readonly details: Record<string, unknown>
}

/**
 * Appends one audit event in the caller's transaction.
 * @param tx - the transaction of the work being audited
 * @param event - the event
 */
export async function insertAuditEvent(tx: Tx, event: AuditEventRow): Promise<void> {
  await tx.insert(auditEvents).values(event)
}

export interface ChildAccessLogEntry {
  readonly occurredAt: Date
  readonly userId: string | null
  readonly userName: string | null
  readonly role: string | null
  readonly action: string
  readonly outcome: string
  readonly purpose: string | null
  readonly breakGlassReason: string | null
}

/**
 * Who has opened or changed a child's record, or seen the child listed in a caseload or search, newest first
 * (security AUD-05). Read through audit_event_children (0011), by index, so the cost does not grow with the trail.
 * @param tx - the transaction
 * @param childId - the child
 * @param limit - how many events at most
 * @returns the events
 */
export async function listChildAccess(tx: Tx, childId: string, limit: number): Promise<ChildAccessLogEntry[]> {
  return tx
    .select({
      occurredAt: auditEvents.occurredAt,
      userId: auditEvents.userId,
      userName: users.displayName,
      role: auditEvents.role,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      purpose: auditEvents.purpose,
      breakGlassReason: auditEvents.breakGlassReason,
    })
    .from(auditEventChildren)
    .innerJoin(auditEvents, eq(auditEvents.id, auditEventChildren.eventId))
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(eq(auditEventChildren.childId, childId))
    .orderBy(desc(auditEventChildren.occurredAt), desc(auditEventChildren.eventId))
    .limit(limit)
}

/**
 * How many audit events name a child (the whole access log's length).
 * @param tx - the transaction
 * @param childId - the child
 * @returns the number of events
 */
export async function countChildAccess(tx: Tx, childId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(auditEventChildren).where(eq(auditEventChildren.childId, childId))
  return row?.n ?? 0
}
