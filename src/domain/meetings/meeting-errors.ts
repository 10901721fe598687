/**
 * The stable codes of every meeting rule. Messages for them are in meeting-messages.ts.
 */
import type { DomainError } from '../shared/result.ts'

/** Rules every saved meeting record satisfies. */
export type MeetingRecordErrorCode =
  | 'no-child'
  | 'duplicate-id'
  | 'chair-name-missing'
  | 'chair-role-not-allowed'
  | 'invitee-name-missing'
  | 'pr-holder-not-invited-without-reason'
  | 'pr-holder-not-invited-without-plan-to-tell'
  | 'action-description-missing'
  | 'action-owner-missing'
  | 'action-due-date-missing'
  | 'action-child-not-in-meeting'
  | 'action-done-without-date'
  | 'action-dropped-without-reason'
  | 'decision-missing'
  | 'decision-reasons-missing'
  | 'decision-child-not-in-meeting'
  | 'outcome-child-not-in-meeting'
  | 'next-meeting-not-after-this-one'
  | 'date-in-future'

/** Rules for closing (finalising) a meeting. */
export type MeetingCloseErrorCode =
  | 'meeting-in-future'
  | 'next-ppm-not-booked'
  | 'attendance-not-recorded'
  | 'child-outcome-missing'
  | 'previous-action-not-reviewed'
  | 'minutes-missing'

/** Refusals of meeting and action commands. */
export type MeetingCommandErrorCode =
  | 'meeting-closed'
  | 'meeting-cancelled'
  | 'meeting-not-closed'
  | 'role-not-permitted'
  | 'reasons-required'
  | 'unknown-action'

export type MeetingErrorCode = MeetingRecordErrorCode | MeetingCloseErrorCode | MeetingCommandErrorCode

export type MeetingError = DomainError<MeetingErrorCode>
