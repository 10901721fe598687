import type { ChildMeetings } from '../../app/meetings/list-child-meetings.ts'
import type { MeetingView, VersionedAction } from '../../app/meetings/view-meeting.ts'

/**
 * An action with its current status and the version a status change must name in If-Match.
 * @param tracked - the action
 * @returns the JSON
 */
export function presentAction(tracked: VersionedAction) {
  return {
    meetingId: tracked.meetingId,
    meetingKind: tracked.meetingKind,
    meetingHeldOn: tracked.meetingHeldOn,
    ...tracked.action,
    status: tracked.status,
    statusOn: tracked.statusOn,
    note: tracked.note,
    isOverdue: tracked.isOverdue,
    version: tracked.version,
  }
}

/**
 * One meeting.
 * @param view - what the use case found
 * @returns the JSON
 */
export function presentMeeting(view: MeetingView) {
  return {
    rowVersion: view.rowVersion,
    ...view.meeting,
    statutoryReviewIds: view.statutoryReviewIds,
    actions: view.actions.map(presentAction),
    previousActions: view.previousActions.map(tracked => ({
      meetingId: tracked.meetingId,
      actionId: tracked.action.id,
      description: tracked.action.description,
      status: tracked.status,
      dueOn: tracked.action.dueOn,
    })),
  }
}

/**
 * A child's meetings and actions.
 * @param list - what the use case found
 * @returns the JSON
 */
export function presentChildMeetings(list: ChildMeetings) {
  return {
    meetings: list.meetings.map(item => ({
      rowVersion: item.rowVersion,
      id: item.meeting.id,
      kind: item.meeting.kind,
      status: item.meeting.status,
      heldOn: item.meeting.record.heldOn,
      childIds: item.meeting.record.childIds,
      nextMeetingOn: item.meeting.record.nextMeetingOn,
      version: item.meeting.version,
    })),
    actions: list.actions.map(presentAction),
  }
}
