/**
 * Actions agreed at meetings, tracked after the meeting closes.
 *
 * An action is set on a meeting record (owner, due date, status). Once the meeting is closed its record is immutable,
 * so later changes (done, dropped with a reason, reopened) are append-only {@link ActionUpdate}s, and an action's
 * current status is the latest update, else its status on the record. Overdue is computed from today, never stored.
 */
import { compareCalendarDays, type CalendarDay } from '../shared/calendar-day.ts'
import { domainError, fail, ok, type Result } from '../shared/result.ts'
import { decisionEvent, type Actor, type DecisionEvent } from '../plans/decision-event.ts'
import type { Meeting } from './meeting.ts'
import type { MeetingError } from './meeting-errors.ts'
import type { ActionStatus, MeetingKind } from './meeting-kinds.ts'
import type { ActionUpdateInput, MeetingAction } from './meeting-schemas.ts'

/** A change to an action after its meeting closed. */
export interface ActionUpdate {
  readonly actionId: string
  readonly meetingId: string
  readonly status: ActionStatus
  readonly on: CalendarDay
  readonly note: string
  readonly by: Actor
  readonly recordedOn: CalendarDay
}

/** An action with its current status. */
export interface TrackedAction {
  readonly meetingId: string
  readonly meetingKind: MeetingKind
  readonly meetingHeldOn: CalendarDay
  readonly action: MeetingAction
  readonly status: ActionStatus
  /** When it reached that status (null while open and never updated). */
  readonly statusOn: CalendarDay | null
  readonly note: string
  readonly isOverdue: boolean
}

/**
 * Whether an open action is past its due date.
 * @param status - its current status
 * @param dueOn - its due date
 * @param today - today's date
 * @returns true when open and due before today
 */
export function isOverdue(status: ActionStatus, dueOn: CalendarDay | null, today: CalendarDay): boolean {
  return status === 'open' && dueOn !== null && compareCalendarDays(dueOn, today) < 0
}

/**
 * The current state of an action: its latest update, else what the meeting recorded.
 * @param meeting - the meeting that set it
 * @param action - the action
 * @param updates - updates for any actions (others are ignored)
 * @param today - today's date
 * @returns the tracked action
 */
export function trackAction(
  meeting: Meeting,
  action: MeetingAction,
  updates: readonly ActionUpdate[],
  today: CalendarDay,
): TrackedAction {
  const own = updates
    .filter(update => update.actionId === action.id && update.meetingId === meeting.id)
    .sort((a, b) => compareCalendarDays(a.on, b.on) || compareCalendarDays(a.recordedOn, b.recordedOn))
  const latest = own.at(-1)
  const status = latest?.status ?? action.status
  const statusOn =
    latest?.on ??
    (action.status === 'done' ? action.doneOn : action.status === 'dropped' ? meeting.record.heldOn : null)
  const note = latest?.note ?? (action.status === 'dropped' ? action.droppedReason : '')
  return {
    meetingId: meeting.id,
    meetingKind: meeting.kind,
    meetingHeldOn: meeting.record.heldOn,
    action,
    status,
    statusOn,
    note,
    isOverdue: isOverdue(status, action.dueOn, today),
  }
}

/**
 * Every action set at closed meetings, with its current status, for a child (actions for the whole meeting count for
 * each of its children). Open meetings' actions are drafts and are not tracked.
 * @param childId - the child
 * @param meetings - the current version of each meeting
 * @param updates - all action updates
 * @param today - today's date
 * @returns the tracked actions, earliest due first
 */
export function actionsForChild(
  childId: string,
  meetings: readonly Meeting[],
  updates: readonly ActionUpdate[],
  today: CalendarDay,
): TrackedAction[] {
  return meetings
    .filter(meeting => meeting.status === 'closed' && meeting.record.childIds.includes(childId))
    .flatMap(meeting =>
      meeting.record.actions
        .filter(action => action.childId === null || action.childId === childId)
        .map(action => trackAction(meeting, action, updates, today)),
    )
    .sort((a, b) => (a.action.dueOn ?? '9999-12-31').localeCompare(b.action.dueOn ?? '9999-12-31'))
}

/**
 * Changes an action set at a closed meeting: done, dropped (with a reason) or reopened.
 * @param meeting - the closed meeting that set it
 * @param actionId - the action
 * @param input - the new status, its date and a note
 * @param actor - who records it
 * @param today - today's date
 * @returns the update and an `action-updated` event
 */
export function updateMeetingAction(
  meeting: Meeting,
  actionId: string,
  input: ActionUpdateInput,
  actor: Actor,
  today: CalendarDay,
): Result<{ update: ActionUpdate; event: DecisionEvent }, MeetingError> {
  if (meeting.status !== 'closed') {
    return fail(domainError('meeting-not-closed', ['status']))
  }
  const action = meeting.record.actions.find(candidate => candidate.id === actionId)
  const errors: MeetingError[] = []
  if (action === undefined) {
    errors.push(domainError('unknown-action', ['actionId'], { actionId }))
  }
  if (input.status === 'dropped' && input.note.trim() === '') {
    errors.push(domainError('action-dropped-without-reason', ['note']))
  }
  if (compareCalendarDays(input.on, today) > 0) {
    errors.push(domainError('date-in-future', ['on'], { today }))
  }
  if (action === undefined || errors.length > 0) {
    return fail(...errors)
  }
  const update: ActionUpdate = {
    actionId,
    meetingId: meeting.id,
    status: input.status,
    on: input.on,
    note: input.note.trim(),
    by: actor,
    recordedOn: today,
  }
  const childIds = action.childId === null ? meeting.record.childIds : [action.childId]
  return ok({
    update,
    event: decisionEvent(
      'action-updated',
      { type: 'action', id: actionId, version: 1 },
      childIds,
      actor,
      input.on,
      today,
      update.note === '' ? null : update.note,
      { meetingId: meeting.id, status: input.status },
    ),
  })
}

/**
 * The updates implied by a meeting's review of earlier actions: one for each action whose reviewed status differs from
 * its current status.
 * @param meeting - the meeting being closed
 * @param previousActions - the earlier actions it reviewed
 * @param actor - who closes the meeting
 * @param today - today's date
 * @returns the updates, dated the day of the meeting
 */
export function actionUpdatesFromReviews(
  meeting: Meeting,
  previousActions: readonly TrackedAction[],
  actor: Actor,
  today: CalendarDay,
): ActionUpdate[] {
  return meeting.record.actionReviews.flatMap(review => {
    const tracked = previousActions.find(
      candidate => candidate.action.id === review.actionId && candidate.meetingId === review.fromMeetingId,
    )
    if (tracked === undefined || tracked.status === review.status) {
      return []
    }
    return [
      {
        actionId: review.actionId,
        meetingId: review.fromMeetingId,
        status: review.status,
        on: meeting.record.heldOn,
        note: review.comment.trim(),
        by: actor,
        recordedOn: today,
      },
    ]
  })
}
