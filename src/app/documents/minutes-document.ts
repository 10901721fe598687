/**
 * The content of a meeting's minutes, following the Tameside Appendix 5 order: date and attendees, review of the
 * last meeting's actions, why the meeting was held, the outcome and decisions (with reasons) for each child, the
 * actions agreed with owners and dates, the minutes, and the date of the next meeting.
 */
import { ACTOR_ROLES } from '../../domain/plans/decision-event.ts'
import { REVIEW_PARTICIPATION } from '../../domain/children/codes.ts'
import type { Meeting } from '../../domain/meetings/meeting.ts'
import { ACTION_STATUSES, ATTENDANCE, MEETING_KINDS, PARTICIPANT_ROLES } from '../../domain/meetings/meeting-kinds.ts'
import type { TrackedAction } from '../../domain/meetings/meeting-actions.ts'
import { formatCalendarDay, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import {
  dateOrNotRecorded,
  heading,
  orNotRecorded,
  paragraph,
  section,
  type Block,
  type DocumentModel,
} from './document-model.ts'
import { glossaryBlocks } from './glossary.ts'
import type { DocumentChild } from './plan-document.ts'

export interface MinutesDocumentData {
  readonly authorityName: string
  readonly generatedOn: CalendarDay
  readonly meeting: Meeting
  /** The children the meeting was about. */
  readonly children: readonly DocumentChild[]
  /** Earlier actions the meeting reviewed, to print their descriptions. */
  readonly previousActions?: readonly TrackedAction[]
}

function statusLine(meeting: Meeting): string {
  if (meeting.status === 'cancelled' && meeting.cancelled !== null) {
    return `Cancelled on ${formatCalendarDay(meeting.cancelled.on)}: ${meeting.cancelled.reasons}`
  }
  if (meeting.status === 'closed' && meeting.closed !== null) {
    const closed = `Final. Closed on ${formatCalendarDay(meeting.closed.on)} by ${meeting.closed.by.name}`
    return meeting.correction === null
      ? closed
      : `${closed}. Version ${meeting.version}, corrected on ${formatCalendarDay(meeting.correction.on)} by ${meeting.correction.by.name} because: ${meeting.correction.reason}`
  }
  return 'Draft: these minutes have not been finalised'
}

/**
 * Builds the minutes of a meeting.
 * @param data - the authority, the meeting and the children it was about
 * @returns the document, ready for the PDF or DOCX writer
 */
export function buildMinutesDocument(data: MinutesDocumentData): DocumentModel {
  const { meeting } = data
  const record = meeting.record
  const kindLabel = MEETING_KINDS[meeting.kind].label
  const nameOf = (childId: string | null): string =>
    childId === null
      ? 'All children'
      : (data.children.find(child => child.id === childId)?.name ?? 'Name not available')
  const blocks: Block[] = [
    heading(1, `${kindLabel}: minutes`),
    {
      kind: 'fields',
      rows: [
        ...data.children.map(child => ({ label: 'Child', value: `${child.name} (case ${child.caseNumber})` })),
        { label: 'Date of meeting', value: formatCalendarDay(record.heldOn) },
        {
          label: 'Chair',
          value: `${orNotRecorded(record.chair.name)} (${PARTICIPANT_ROLES[record.chair.role].label})`,
        },
        { label: 'Status', value: statusLine(meeting) },
        { label: 'Document made on', value: formatCalendarDay(data.generatedOn) },
      ],
    },
    ...section('Why the meeting was held', record.purpose),
    heading(2, 'Who was invited and who came'),
    record.invitees.length === 0
      ? paragraph('No one was recorded.')
      : {
          kind: 'table',
          headers: ['Name', 'Role', 'Attendance', 'Notes'],
          rows: record.invitees.map(invitee => [
            `${invitee.name}${invitee.organisation.trim() === '' ? '' : `, ${invitee.organisation.trim()}`}${invitee.holdsParentalResponsibility ? ' (has parental responsibility)' : ''}`,
            PARTICIPANT_ROLES[invitee.role].label,
            ATTENDANCE[invitee.attendance],
            invitee.attendance === 'not-invited'
              ? `Not invited because: ${orNotRecorded(invitee.notInvitedReason)}${invitee.notInvitedAgreedWith.trim() === '' ? '' : ` (agreed with ${invitee.notInvitedAgreedWith.trim()})`}. To be told by ${orNotRecorded(invitee.tellHow).toLowerCase()}, by ${dateOrNotRecorded(invitee.tellByOn)}.`
              : '',
          ]),
          widths: [4, 3, 2, 5],
        },
  ]

  if (record.actionReviews.length > 0) {
    const description = (actionId: string): string =>
      data.previousActions?.find(tracked => tracked.action.id === actionId)?.action.description ??
      'Action from the last meeting'
    blocks.push(heading(2, 'Actions from the last meeting'), {
      kind: 'table',
      headers: ['Action', 'Status now', 'Comment'],
      rows: record.actionReviews.map(review => [
        description(review.actionId),
        ACTION_STATUSES[review.status],
        review.comment,
      ]),
      widths: [5, 2, 5],
    })
  }

  for (const childId of record.childIds) {
    const outcome = record.childOutcomes.find(candidate => candidate.childId === childId)
    blocks.push(heading(2, `Outcome for ${nameOf(childId)}`), paragraph(orNotRecorded(outcome?.outcome)))
    if (outcome?.participation) {
      blocks.push({
        kind: 'fields',
        rows: [{ label: 'How the child took part', value: REVIEW_PARTICIPATION[outcome.participation] }],
      })
    }
    if (outcome?.planVersion) {
      blocks.push(paragraph(`The meeting considered version ${outcome.planVersion} of the permanence plan.`, 'quiet'))
    }
    const decisions = record.decisions.filter(decision => decision.childId === childId)
    if (decisions.length > 0) {
      blocks.push(heading(3, 'Decisions and the reasons for them'), {
        kind: 'table',
        headers: ['Decision', 'Reasons'],
        rows: decisions.map(decision => [decision.decision, decision.reasons]),
        widths: [1, 1],
      })
    }
  }

  blocks.push(heading(2, 'Actions agreed'))
  blocks.push(
    record.actions.length === 0
      ? paragraph('No actions were agreed.')
      : {
          kind: 'table',
          headers: ['Action', 'For', 'Who', 'By when', 'Status'],
          rows: record.actions.map(action => [
            action.description,
            nameOf(action.childId),
            orNotRecorded(action.owner),
            dateOrNotRecorded(action.dueOn),
            ACTION_STATUSES[action.status],
          ]),
          widths: [6, 3, 3, 2, 2],
        },
  )
  blocks.push(...section('Minutes', record.minutes))
  blocks.push(heading(2, 'Next meeting'))
  blocks.push(
    paragraph(
      record.nextMeetingOn !== null
        ? `The next meeting is on ${formatCalendarDay(record.nextMeetingOn)}.`
        : record.noNextMeetingReason.trim() !== ''
          ? `No further meeting is needed: ${record.noNextMeetingReason.trim()}`
          : 'No next meeting has been booked.',
    ),
  )
  if (meeting.closed !== null) {
    blocks.push(paragraph(`Closed by ${meeting.closed.by.name} (${ACTOR_ROLES[meeting.closed.by.role]}).`, 'quiet'))
  }
  return {
    title: `${kindLabel}: minutes`,
    authorityName: data.authorityName,
    subjectLine: data.children.map(child => `${child.name} (case ${child.caseNumber})`).join('; '),
    generatedOn: data.generatedOn,
    readerIsChild: false,
    blocks: [...blocks, ...glossaryBlocks(blocks)],
  }
}
