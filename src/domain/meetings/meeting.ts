/**
 * A meeting or decision point about one or more children: a permanence planning meeting, a child in care review, a
 * family network meeting or family group conference, a legal gateway, a panel, or an agency decision maker's decision.
 *
 * Lifecycle: `open` (booked, then recorded) → `closed` (finalised), or `open` → `cancelled`. A closed or cancelled
 * meeting is immutable; a correction is a new version with a reason, and the storage keeps the closed one
 * (security-and-reliability.md D4). Actions set at a closed meeting change status through action updates
 * (meeting-actions.ts), not by editing the meeting (docs/adr/0025-meetings-immutable-actions-by-events.md).
 */
import type { CalendarDay } from '../shared/calendar-day.ts'
import { domainError, fail, ok, type Result } from '../shared/result.ts'
import { decisionEvent, type Actor, type DecisionEvent } from '../plans/decision-event.ts'
import type { MeetingError } from './meeting-errors.ts'
import { MEETING_KINDS, type MeetingKind, type MeetingReference } from './meeting-kinds.ts'
import { actionUpdatesFromReviews, type ActionUpdate } from './meeting-actions.ts'
import { validateMeetingForClose, validateMeetingRecord, type CloseMeetingContext } from './meeting-rules.ts'
import {
  MeetingRecordSchema,
  type CancelMeeting,
  type CorrectMeeting,
  type MeetingRecord,
  type MeetingRecordEdit,
  type ScheduleMeeting,
} from './meeting-schemas.ts'

export const MEETING_STATUSES = { open: 'Open', closed: 'Closed', cancelled: 'Cancelled' } as const
export type MeetingStatus = keyof typeof MEETING_STATUSES

export interface MeetingCorrection {
  readonly correctsVersion: number
  readonly reason: string
  readonly on: CalendarDay
  readonly by: Actor
}

/** One version of a meeting. */
export interface Meeting {
  readonly id: string
  readonly version: number
  readonly kind: MeetingKind
  readonly status: MeetingStatus
  readonly record: MeetingRecord
  readonly createdOn: CalendarDay
  readonly createdBy: Actor
  readonly closed: { readonly on: CalendarDay; readonly by: Actor } | null
  readonly cancelled: { readonly on: CalendarDay; readonly by: Actor; readonly reasons: string } | null
  /** Set on a version that corrects a closed meeting. */
  readonly correction: MeetingCorrection | null
}

export type MeetingTransition = Result<{ meeting: Meeting; event: DecisionEvent }, MeetingError>

/**
 * What the plan rules need to know about a meeting.
 * @param meeting - the meeting
 * @returns its id, kind, date and children
 */
export function meetingReference(meeting: Meeting): MeetingReference {
  return { id: meeting.id, kind: meeting.kind, heldOn: meeting.record.heldOn, childIds: meeting.record.childIds }
}

function subject(meeting: Meeting): { type: 'meeting'; id: string; version: number } {
  return { type: 'meeting', id: meeting.id, version: meeting.version }
}

/** Only the roles that chair a kind may close it; anyone involved may close kinds with no fixed chair. */
function closeRoleError(meeting: Meeting, actor: Actor, command: string): MeetingError | undefined {
  const chairRoles: readonly string[] | null = MEETING_KINDS[meeting.kind].chairRoles
  return chairRoles === null || chairRoles.includes(actor.role)
    ? undefined
    : domainError('role-not-permitted', ['actor', 'role'], { role: actor.role, command })
}

function notOpenError(meeting: Meeting): MeetingError | undefined {
  if (meeting.status === 'closed') {
    return domainError('meeting-closed', ['status'])
  }
  if (meeting.status === 'cancelled') {
    return domainError('meeting-cancelled', ['status'])
  }
  return undefined
}

/**
 * Books a meeting. [DOR] "Book a review before closing the meeting": the next PPM is booked this way, and its date
 * recorded on the meeting being closed.
 * @param input - the meeting's id (chosen by the adapter) and what is known when booking
 * @param actor - who books it
 * @param today - today's date
 * @returns the open meeting, or the broken rules
 */
export function scheduleMeeting(
  input: ScheduleMeeting & { readonly id: string },
  actor: Actor,
  today: CalendarDay,
): Result<Meeting, MeetingError> {
  const meeting: Meeting = {
    id: input.id,
    version: 1,
    kind: input.kind,
    status: 'open',
    record: MeetingRecordSchema.parse({
      heldOn: input.heldOn,
      chair: input.chair,
      childIds: input.childIds,
      previousMeetingId: input.previousMeetingId,
      purpose: input.purpose,
      invitees: input.invitees,
      actionReviews: [],
      childOutcomes: [],
      decisions: [],
      actions: [],
      minutes: '',
      nextMeetingOn: null,
      noNextMeetingReason: '',
    }),
    createdOn: today,
    createdBy: actor,
    closed: null,
    cancelled: null,
    correction: null,
  }
  const errors = validateMeetingRecord(meeting, today)
  return errors.length > 0 ? fail(...errors) : ok(meeting)
}

function applyEdit(record: MeetingRecord, edit: MeetingRecordEdit): MeetingRecord {
  const defined = Object.fromEntries(Object.entries(edit).filter(([, value]) => value !== undefined))
  return MeetingRecordSchema.parse({ ...record, ...defined })
}

/**
 * Records what happened (attendance, decisions, actions, minutes, next date) on an open meeting.
 * @param meeting - an open meeting
 * @param edit - the patch
 * @param _actor - who records it (any participant; the access policy decides who may see the child)
 * @param today - today's date
 * @returns the updated meeting, or the broken rules
 */
export function recordMeeting(
  meeting: Meeting,
  edit: MeetingRecordEdit,
  _actor: Actor,
  today: CalendarDay,
): Result<Meeting, MeetingError> {
  const notOpen = notOpenError(meeting)
  if (notOpen) {
    return fail(notOpen)
  }
  const next: Meeting = { ...meeting, record: applyEdit(meeting.record, edit) }
  const errors = validateMeetingRecord(next, today)
  return errors.length > 0 ? fail(...errors) : ok(next)
}

/**
 * Closes (finalises) a meeting. Refused for a PPM without the next one booked ([DOR]; rules.md PP-07), with
 * attendance unrecorded, a child without an outcome, an action from the last meeting not reviewed, or no minutes.
 * The statuses found for the last meeting's actions become action updates.
 * @param meeting - an open meeting
 * @param actor - the chair's role (team manager for a PPM, IRO for a review)
 * @param today - today's date
 * @param context - the previous meeting's open actions, and the children whose permanence is achieved
 * @returns the closed meeting, a `meeting-closed` event and the action updates
 */
export function closeMeeting(
  meeting: Meeting,
  actor: Actor,
  today: CalendarDay,
  context: CloseMeetingContext,
): Result<{ meeting: Meeting; event: DecisionEvent; actionUpdates: ActionUpdate[] }, MeetingError> {
  const denied = closeRoleError(meeting, actor, 'close-meeting')
  if (denied) {
    return fail(denied)
  }
  const notOpen = notOpenError(meeting)
  if (notOpen) {
    return fail(notOpen)
  }
  const errors = [...validateMeetingRecord(meeting, today), ...validateMeetingForClose(meeting, today, context)]
  if (errors.length > 0) {
    return fail(...errors)
  }
  const closed: Meeting = { ...meeting, status: 'closed', closed: { on: today, by: actor } }
  return ok({
    meeting: closed,
    event: decisionEvent(
      'meeting-closed',
      subject(meeting),
      meeting.record.childIds,
      actor,
      meeting.record.heldOn,
      today,
      null,
      {
        kind: meeting.kind,
        decisions: meeting.record.decisions.map(decision => ({
          childId: decision.childId,
          decision: decision.decision,
          reasons: decision.reasons,
        })),
        nextMeetingOn: meeting.record.nextMeetingOn,
      },
    ),
    actionUpdates: actionUpdatesFromReviews(meeting, context.previousActions, actor, today),
  })
}

/**
 * Corrects a closed meeting: a new version with the reason; the closed version is kept unchanged.
 * @param meeting - a closed meeting
 * @param command - the patch and why
 * @param actor - the chair's role
 * @param today - today's date
 * @param context - as for closing, so the corrected record still meets the closing rules
 * @returns the new version and a `meeting-corrected` event
 */
export function correctClosedMeeting(
  meeting: Meeting,
  command: CorrectMeeting,
  actor: Actor,
  today: CalendarDay,
  context: CloseMeetingContext,
): MeetingTransition {
  const denied = closeRoleError(meeting, actor, 'correct-meeting')
  if (denied) {
    return fail(denied)
  }
  if (meeting.status !== 'closed') {
    return fail(domainError('meeting-not-closed', ['status']))
  }
  const errors: MeetingError[] = []
  if (command.reason.trim() === '') {
    errors.push(domainError('reasons-required', ['reason']))
  }
  const corrected: Meeting = {
    ...meeting,
    version: meeting.version + 1,
    record: applyEdit(meeting.record, command.edit),
    correction: { correctsVersion: meeting.version, reason: command.reason.trim(), on: today, by: actor },
  }
  errors.push(...validateMeetingRecord(corrected, today), ...validateMeetingForClose(corrected, today, context))
  if (errors.length > 0) {
    return fail(...errors)
  }
  return ok({
    meeting: corrected,
    event: decisionEvent(
      'meeting-corrected',
      subject(meeting),
      corrected.record.childIds,
      actor,
      today,
      today,
      command.reason.trim(),
      { correctedVersion: corrected.version, changedFields: Object.keys(command.edit) },
    ),
  })
}

/**
 * Cancels an open meeting, with reasons (so drift shows: a cancelled PPM is not a held one).
 * @param meeting - an open meeting
 * @param command - why
 * @param actor - who cancels it
 * @param today - today's date
 * @returns the cancelled meeting and a `meeting-cancelled` event
 */
export function cancelMeeting(
  meeting: Meeting,
  command: CancelMeeting,
  actor: Actor,
  today: CalendarDay,
): MeetingTransition {
  const notOpen = notOpenError(meeting)
  if (notOpen) {
    return fail(notOpen)
  }
  if (command.reasons.trim() === '') {
    return fail(domainError('reasons-required', ['reasons']))
  }
  const reasons = command.reasons.trim()
  return ok({
    meeting: { ...meeting, status: 'cancelled', cancelled: { on: today, by: actor, reasons } },
    event: decisionEvent('meeting-cancelled', subject(meeting), meeting.record.childIds, actor, today, today, reasons, {
      kind: meeting.kind,
      plannedFor: meeting.record.heldOn,
    }),
  })
}
