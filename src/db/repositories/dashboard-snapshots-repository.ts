import { and, eq, lt, sql } from 'drizzle-orm'
import type { Tx } from '../client.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { dashboardSnapshots } from '../schema/index.ts'

export type SnapshotKind = 'authority'
export type SnapshotTrigger = 'nightly' | 'on-request' | 'recalculated'

export interface StoredSnapshot {
  readonly asOf: CalendarDay
  readonly computedAt: Date
  readonly trigger: SnapshotTrigger
  readonly computationMs: number
  readonly payload: Record<string, unknown>
}

/**
 * The authority's snapshot of a kind for a day (row-level security keeps it to the authority).
 * @param tx - the transaction
 * @param kind - which dashboard
 * @param asOf - the day
 * @returns the snapshot, or undefined when none has been computed for that day
 */
export async function loadSnapshot(tx: Tx, kind: SnapshotKind, asOf: CalendarDay): Promise<StoredSnapshot | undefined> {
  const [row] = await tx
    .select()
    .from(dashboardSnapshots)
    .where(and(eq(dashboardSnapshots.kind, kind), eq(dashboardSnapshots.asOf, asOf)))
  return row
    ? {
        asOf: row.asOf as CalendarDay,
        computedAt: row.computedAt,
        trigger: row.computedByTrigger as SnapshotTrigger,
        computationMs: row.computationMs,
        payload: row.payload,
      }
    : undefined
}

/**
 * Stores the day's snapshot, replacing any computed earlier that day.
 * @param tx - the transaction
 * @param snapshot - the authority, kind, day, what computed it and the figures
 * @param snapshot.authorityId - the authority
 * @param snapshot.kind - which dashboard
 * @param snapshot.asOf - the day
 * @param snapshot.trigger - the nightly job, the first request of the day, or "Recalculate now"
 * @param snapshot.userId - who asked for it (none for the job)
 * @param snapshot.computationMs - how long it took
 * @param snapshot.payload - the figures
 * @returns when it was stored
 */
export async function saveSnapshot(
  tx: Tx,
  snapshot: {
    authorityId: string
    kind: SnapshotKind
    asOf: CalendarDay
    trigger: SnapshotTrigger
    userId: string | null
    computationMs: number
    payload: Record<string, unknown>
  },
): Promise<Date> {
  const values = {
    computedAt: sql`clock_timestamp()`,
    computedByTrigger: snapshot.trigger,
    computedBy: snapshot.userId,
    computationMs: snapshot.computationMs,
    payload: snapshot.payload,
  }
  const [row] = await tx
    .insert(dashboardSnapshots)
    .values({ authorityId: snapshot.authorityId, kind: snapshot.kind, asOf: snapshot.asOf, ...values })
    .onConflictDoUpdate({
      target: [dashboardSnapshots.authorityId, dashboardSnapshots.kind, dashboardSnapshots.asOf],
      set: values,
    })
    .returning({ computedAt: dashboardSnapshots.computedAt })
  return row!.computedAt
}

/**
 * Deletes the snapshots of days before one (a derived cache: the figures can always be computed again from the facts).
 * @param tx - a transaction in the authority
 * @param before - the first day kept
 * @returns how many were deleted
 */
export async function pruneSnapshots(tx: Tx, before: CalendarDay): Promise<number> {
  const deleted = await tx
    .delete(dashboardSnapshots)
    .where(lt(dashboardSnapshots.asOf, before))
    .returning({ asOf: dashboardSnapshots.asOf })
  return deleted.length
}
