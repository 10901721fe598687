/**
 * The meeting dates the timescale engine reads for one child: meetings held by kind, the next dates booked, and the
 * actions with their due dates (issue 4: "Action and meeting dates feed the timescale engine"). Plain data; the engine
 * applies the rules (PP-01, PP-02, PP-04, PP-06, PP-07).
 */
import { compareCalendarDays, type CalendarDay } from '../shared/calendar-day.ts'
import type { Meeting, MeetingStatus } from './meeting.ts'
import { actionsForChild, type ActionUpdate } from './meeting-actions.ts'
import type { ActionStatus, MeetingKind } from './meeting-kinds.ts'

export interface MeetingFact {
  readonly meetingId: string
  readonly version: number
  readonly kind: MeetingKind
  readonly status: MeetingStatus
  /** The meeting date (planned date while open). */
  readonly on: CalendarDay
  readonly isHeld: boolean
  readonly nextMeetingOn: CalendarDay | null
}

export interface ActionFact {
  readonly actionId: string
  readonly meetingId: string
  readonly owner: string
  readonly dueOn: CalendarDay | null
  readonly status: ActionStatus
  readonly isOverdue: boolean
}

export interface ChildMeetingFacts {
  readonly childId: string
  /** Every meeting about the child, earliest first (cancelled ones included, marked). */
  readonly meetings: readonly MeetingFact[]
  /** Dates of closed (held and finalised) meetings by kind, earliest first. */
  readonly heldOnByKind: Readonly<Partial<Record<MeetingKind, readonly CalendarDay[]>>>
  /** The next meeting date recorded on the latest closed meeting of each kind. */
  readonly nextBookedOnByKind: Readonly<Partial<Record<MeetingKind, CalendarDay>>>
  /** Open meetings booked for today or later, by kind (earliest). */
  readonly upcomingOnByKind: Readonly<Partial<Record<MeetingKind, CalendarDay>>>
  readonly actions: readonly ActionFact[]
}

/**
 * Gathers the meeting and action dates for one child.
 * @param childId - the child
 * @param meetings - the current version of each meeting
 * @param updates - all action updates
 * @param today - today's date (for "overdue" and "upcoming")
 * @returns the facts
 */
export function meetingTimescaleFacts(
  childId: string,
  meetings: readonly Meeting[],
  updates: readonly ActionUpdate[],
  today: CalendarDay,
): ChildMeetingFacts {
  const own = meetings
    .filter(meeting => meeting.record.childIds.includes(childId))
    .sort((a, b) => compareCalendarDays(a.record.heldOn, b.record.heldOn))
  const heldOnByKind: Partial<Record<MeetingKind, CalendarDay[]>> = {}
  const nextBookedOnByKind: Partial<Record<MeetingKind, CalendarDay>> = {}
  const upcomingOnByKind: Partial<Record<MeetingKind, CalendarDay>> = {}
  for (const meeting of own) {
    if (meeting.status === 'closed') {
      ;(heldOnByKind[meeting.kind] ??= []).push(meeting.record.heldOn)
      const next = meeting.record.nextMeetingOn
      if (next === null) {
        delete nextBookedOnByKind[meeting.kind]
      } else {
        nextBookedOnByKind[meeting.kind] = next
      }
    } else if (meeting.status === 'open' && meeting.record.heldOn >= today) {
      upcomingOnByKind[meeting.kind] ??= meeting.record.heldOn
    }
  }
  return {
    childId,
    meetings: own.map(meeting => ({
      meetingId: meeting.id,
      version: meeting.version,
      kind: meeting.kind,
      status: meeting.status,
      on: meeting.record.heldOn,
      isHeld: meeting.status === 'closed',
      nextMeetingOn: meeting.record.nextMeetingOn,
    })),
    heldOnByKind,
    nextBookedOnByKind,
    upcomingOnByKind,
    actions: actionsForChild(childId, meetings, updates, today).map(tracked => ({
      actionId: tracked.action.id,
      meetingId: tracked.meetingId,
      owner: tracked.action.owner,
      dueOn: tracked.action.dueOn,
      status: tracked.status,
      isOverdue: tracked.isOverdue,
    })),
  }
}
