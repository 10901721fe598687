/**
 * Stores meetings (one row per meeting, its current version whole as JSONB; earlier versions in record_versions)
 * and the append-only updates to their actions (docs/adr/0025, 0060).
 */
import { randomUUID } from 'node:crypto'
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { ActionUpdate } from '../../domain/meetings/meeting-actions.ts'
import type { Meeting } from '../../domain/meetings/meeting.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { Tx } from '../client.ts'
import { actionUpdates, meetings } from '../schema/index.ts'
import type { PlanningWriteContext, RowUpdateOutcome } from './plans-repository.ts'

/** A stored meeting: the domain model, its row version, and the care-record reviews it wrote. */
export interface StoredMeeting {
  readonly rowVersion: number
  readonly meeting: Meeting
  /** For a child in care review: the statutory review in each child's care record, by child id. */
  readonly statutoryReviewIds: Readonly<Record<string, string>>
}

/** A stored action update, with the id and instant storage gave it. */
export interface StoredActionUpdate extends ActionUpdate {
  readonly id: string
  /** The action's version after this update (the action as the meeting set it is 1). */
  readonly sequence: number
  readonly childIds: readonly string[]
  readonly recordedAt: Date
}

function meetingColumns(meeting: Meeting) {
  return {
    childId: meeting.record.childIds[0]!,
    childIds: [...meeting.record.childIds],
    meetingVersion: meeting.version,
    kind: meeting.kind,
    status: meeting.status,
    heldOn: meeting.record.heldOn,
    nextMeetingOn: meeting.record.nextMeetingOn,
    meeting: meeting as unknown as Record<string, unknown>,
  }
}

function toStored(row: typeof meetings.$inferSelect): StoredMeeting {
  return {
    rowVersion: row.version,
    meeting: row.meeting as Meeting,
    statutoryReviewIds: row.statutoryReviewIds as Record<string, string>,
  }
}

/**
 * One meeting.
 * @param tx - the transaction
 * @param meetingId - the meeting
 * @returns the meeting, or undefined
 */
export async function loadMeeting(tx: Tx, meetingId: string): Promise<StoredMeeting | undefined> {
  const [row] = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), isNull(meetings.voidedAt)))
  return row ? toStored(row) : undefined
}

/**
 * Every meeting about any of some children, earliest first.
 * @param tx - the transaction
 * @param childIds - the children
 * @returns the meetings
 */
export async function listMeetingsForChildren(tx: Tx, childIds: readonly string[]): Promise<StoredMeeting[]> {
  if (childIds.length === 0) {
    return []
  }
  const rows = await tx
    .select()
    .from(meetings)
    .where(and(sql`${meetings.childIds} && ${`{${childIds.join(',')}}`}::uuid[]`, isNull(meetings.voidedAt)))
    .orderBy(asc(meetings.heldOn), asc(meetings.createdAt))
  return rows.map(toStored)
}

/**
 * Inserts meetings (one when booked; many for the demo).
 * @param tx - the transaction
 * @param context - who and when
 * @param items - the meetings, with any care-record reviews they stand for
 */
export async function insertMeetings(
  tx: Tx,
  context: PlanningWriteContext,
  items: readonly { meeting: Meeting; statutoryReviewIds?: Readonly<Record<string, string>> }[],
): Promise<void> {
  for (let i = 0; i < items.length; i += 200) {
    await tx.insert(meetings).values(
      items.slice(i, i + 200).map(item => ({
        id: item.meeting.id,
        authorityId: context.authorityId,
        version: 1,
        ...meetingColumns(item.meeting),
        statutoryReviewIds: { ...(item.statutoryReviewIds ?? {}) },
        createdAt: context.now,
        createdBy: context.userId,
        updatedAt: context.now,
        updatedBy: context.userId,
      })),
    )
  }
}

/**
 * Writes a changed meeting, if its row is still at the version the user saw.
 * @param tx - the transaction
 * @param context - who and when
 * @param meeting - the changed meeting
 * @param expectedRowVersion - the row version the change is based on
 * @param statutoryReviewIds - the care-record reviews it stands for (unchanged when undefined)
 * @returns the outcome
 */
export async function updateMeeting(
  tx: Tx,
  context: PlanningWriteContext,
  meeting: Meeting,
  expectedRowVersion: number,
  statutoryReviewIds?: Readonly<Record<string, string>>,
): Promise<RowUpdateOutcome> {
  const updated = await tx
    .update(meetings)
    .set({
      ...meetingColumns(meeting),
      ...(statutoryReviewIds === undefined ? {} : { statutoryReviewIds: { ...statutoryReviewIds } }),
      version: expectedRowVersion + 1,
      updatedAt: context.now,
      updatedBy: context.userId,
    })
    .where(and(eq(meetings.id, meeting.id), eq(meetings.version, expectedRowVersion), isNull(meetings.voidedAt)))
    .returning({ version: meetings.version })
  if (updated[0]) {
    return { kind: 'updated', version: updated[0].version }
  }
  const [current] = await tx
    .select({ version: meetings.version })
    .from(meetings)
    .where(and(eq(meetings.id, meeting.id), isNull(meetings.voidedAt)))
  return current ? { kind: 'stale', currentVersion: current.version } : { kind: 'missing' }
}

/**
 * Appends action updates. Each carries the action's next version; a second update based on the same version breaks
 * the unique key, so two people cannot both change an action from the same state.
 * @param tx - the transaction
 * @param context - who and when
 * @param updates - the updates, each with the children its action concerns and its sequence
 */
export async function insertActionUpdates(
  tx: Tx,
  context: PlanningWriteContext,
  updates: readonly (ActionUpdate & { readonly childIds: readonly string[]; readonly sequence: number })[],
): Promise<void> {
  for (let i = 0; i < updates.length; i += 200) {
    await tx.insert(actionUpdates).values(
      updates.slice(i, i + 200).map(update => ({
        id: randomUUID(),
        authorityId: context.authorityId,
        meetingId: update.meetingId,
        actionId: update.actionId,
        sequence: update.sequence,
        childIds: [...update.childIds],
        status: update.status,
        updatedOn: update.on,
        note: update.note,
        byId: update.by.id,
        byRole: update.by.role,
        byName: update.by.name,
        recordedOn: update.recordedOn,
        recordedAt: context.now,
      })),
    )
  }
}

/**
 * The updates to the actions of some meetings, in the order they were recorded.
 * @param tx - the transaction
 * @param meetingIds - the meetings
 * @returns the updates
 */
export async function listActionUpdates(tx: Tx, meetingIds: readonly string[]): Promise<StoredActionUpdate[]> {
  if (meetingIds.length === 0) {
    return []
  }
  const rows = await tx
    .select()
    .from(actionUpdates)
    .where(inArray(actionUpdates.meetingId, [...meetingIds]))
    .orderBy(asc(actionUpdates.actionId), asc(actionUpdates.sequence))
  return rows.map(row => ({
    id: row.id,
    actionId: row.actionId,
    sequence: row.sequence,
    meetingId: row.meetingId,
    childIds: row.childIds,
    status: row.status as ActionUpdate['status'],
    on: row.updatedOn as CalendarDay,
    note: row.note,
    by: { id: row.byId ?? '', role: row.byRole as ActionUpdate['by']['role'], name: row.byName },
    recordedOn: row.recordedOn as CalendarDay,
    recordedAt: row.recordedAt,
  }))
}
