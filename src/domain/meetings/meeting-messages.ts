/**
 * Plain-English messages for the meeting rule codes, written the GOV.UK way (house style §3.3). Adapters import this
 * map; fill placeholders with `formatMessage` from plan-messages.ts.
 */
import type { MeetingErrorCode } from './meeting-errors.ts'

export const MEETING_ERROR_MESSAGES: Readonly<Record<MeetingErrorCode, string>> = {
  'no-child': 'Choose at least one child the meeting is about',
  'duplicate-id': 'This item appears twice. Remove one of them',
  'chair-name-missing': 'Enter the name of the chair',
  'chair-role-not-allowed':
    'Choose a chair in the right role: a team manager chairs a permanence planning meeting and an independent reviewing officer chairs a child in care review',
  'invitee-name-missing': 'Enter the name of the person',
  'pr-holder-not-invited-without-reason': 'Enter why this person with parental responsibility was not invited',
  'pr-holder-not-invited-without-plan-to-tell':
    'Enter how and by when this person with parental responsibility will be told about the plan',
  'action-description-missing': 'Enter what needs to be done',
  'action-owner-missing': 'Enter who will do this action',
  'action-due-date-missing': 'Enter the date this action is due',
  'action-child-not-in-meeting': 'Choose a child the meeting is about',
  'action-done-without-date': 'Enter the date the action was done',
  'action-dropped-without-reason': 'Enter why this action was dropped',
  'decision-missing': 'Enter the decision',
  'decision-reasons-missing': 'Enter the reasons for this decision',
  'decision-child-not-in-meeting': 'Choose a child the meeting is about',
  'outcome-child-not-in-meeting': 'Choose a child the meeting is about',
  'next-meeting-not-after-this-one': 'The date of the next meeting must be after the date of this meeting',
  'date-in-future': 'The date must be today or in the past',
  'meeting-in-future': 'You can close the meeting on or after the day it is held',
  'next-ppm-not-booked': 'Enter the date of the next permanence planning meeting before closing this one',
  'attendance-not-recorded': 'Select whether this person attended',
  'child-outcome-missing': 'Enter the outcome of the meeting for each child',
  'previous-action-not-reviewed': 'Review each action set at the last meeting',
  'minutes-missing': 'Enter the minutes of the meeting',
  'meeting-closed': 'This meeting is closed. Correct it instead, with the reason',
  'meeting-cancelled': 'This meeting was cancelled',
  'meeting-not-closed': 'Close the meeting first',
  'role-not-permitted': 'Your role cannot do this',
  'reasons-required': 'Enter the reason',
  'unknown-action': 'Choose an action from this meeting',
}
