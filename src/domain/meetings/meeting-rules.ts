/**
 * The rules of meeting records: those every saved record satisfies ({@link validateMeetingRecord}) and those for
 * closing a meeting ({@link validateMeetingForClose}). Every broken rule is returned, each with a code and a path.
 */
import { compareCalendarDays, type CalendarDay } from '../shared/calendar-day.ts'
import { domainError } from '../shared/result.ts'
import type { Meeting } from './meeting.ts'
import type { MeetingError } from './meeting-errors.ts'
import { MEETING_KINDS, type ParticipantRole } from './meeting-kinds.ts'
import type { TrackedAction } from './meeting-actions.ts'

function isBlank(value: string): boolean {
  return value.trim() === ''
}

function checkUnique(ids: readonly string[], path: string, errors: MeetingError[]): void {
  const seen = new Set<string>()
  ids.forEach((id, index) => {
    if (seen.has(id)) {
      errors.push(domainError('duplicate-id', [path, index], { id }))
    }
    seen.add(id)
  })
}

/**
 * Checks the rules every saved meeting record satisfies, open or closed.
 * @param meeting - the meeting, with any edit applied
 * @param today - today's date
 * @returns the broken rules (empty when sound)
 */
export function validateMeetingRecord(meeting: Meeting, today: CalendarDay): MeetingError[] {
  const errors: MeetingError[] = []
  const record = meeting.record
  const children = new Set(record.childIds)

  if (record.childIds.length === 0) {
    errors.push(domainError('no-child', ['childIds']))
  }
  checkUnique(record.childIds, 'childIds', errors)
  checkUnique(
    record.invitees.map(invitee => invitee.id),
    'invitees',
    errors,
  )
  checkUnique(
    record.decisions.map(decision => decision.id),
    'decisions',
    errors,
  )
  checkUnique(
    record.actions.map(action => action.id),
    'actions',
    errors,
  )
  checkUnique(
    record.childOutcomes.map(outcome => outcome.childId),
    'childOutcomes',
    errors,
  )

  if (isBlank(record.chair.name)) {
    errors.push(domainError('chair-name-missing', ['chair', 'name']))
  }
  // [DOR] "Team manager chairs the PPM"; [TAM] App 4 "The Team Manager will chair"; the IRO chairs the child in care
  // review (CPPCR 2010 reg 36; [TAM] §7).
  const chairRoles: readonly ParticipantRole[] | null = MEETING_KINDS[meeting.kind].chairRoles
  if (chairRoles !== null && !chairRoles.includes(record.chair.role)) {
    errors.push(
      domainError('chair-role-not-allowed', ['chair', 'role'], { kind: meeting.kind, role: record.chair.role }),
    )
  }

  record.invitees.forEach((invitee, index) => {
    const path = ['invitees', index]
    if (isBlank(invitee.name)) {
      errors.push(domainError('invitee-name-missing', [...path, 'name']))
    }
    // [DOR] Golden Rules: record why a person with parental responsibility is not invited, and when and how they
    // will be told.
    if (invitee.holdsParentalResponsibility && invitee.attendance === 'not-invited') {
      if (isBlank(invitee.notInvitedReason)) {
        errors.push(domainError('pr-holder-not-invited-without-reason', [...path, 'notInvitedReason']))
      }
      if (isBlank(invitee.tellHow) || invitee.tellByOn === null) {
        errors.push(
          domainError('pr-holder-not-invited-without-plan-to-tell', [
            ...path,
            isBlank(invitee.tellHow) ? 'tellHow' : 'tellByOn',
          ]),
        )
      }
    }
  })

  record.actionReviews.forEach((review, index) => {
    if (review.status === 'dropped' && isBlank(review.comment)) {
      errors.push(domainError('action-dropped-without-reason', ['actionReviews', index, 'comment']))
    }
  })

  record.decisions.forEach((decision, index) => {
    const path = ['decisions', index]
    if (!children.has(decision.childId)) {
      errors.push(domainError('decision-child-not-in-meeting', [...path, 'childId']))
    }
    if (isBlank(decision.decision)) {
      errors.push(domainError('decision-missing', [...path, 'decision']))
    }
    // security-and-reliability.md §3.2 and [TAM] §10.7: every decision keeps its reasons.
    if (isBlank(decision.reasons)) {
      errors.push(domainError('decision-reasons-missing', [...path, 'reasons']))
    }
  })

  // [DOR] "Ensure actions are clearly recorded and all participants are aware what is expected of them. Ensure
  // actions are given a timescale."
  record.actions.forEach((action, index) => {
    const path = ['actions', index]
    if (isBlank(action.description)) {
      errors.push(domainError('action-description-missing', [...path, 'description']))
    }
    if (isBlank(action.owner)) {
      errors.push(domainError('action-owner-missing', [...path, 'owner']))
    }
    if (action.dueOn === null) {
      errors.push(domainError('action-due-date-missing', [...path, 'dueOn']))
    }
    if (action.childId !== null && !children.has(action.childId)) {
      errors.push(domainError('action-child-not-in-meeting', [...path, 'childId']))
    }
    if (action.status === 'done' && action.doneOn === null) {
      errors.push(domainError('action-done-without-date', [...path, 'doneOn']))
    }
    if (action.doneOn !== null && compareCalendarDays(action.doneOn, today) > 0) {
      errors.push(domainError('date-in-future', [...path, 'doneOn'], { today }))
    }
    if (action.status === 'dropped' && isBlank(action.droppedReason)) {
      errors.push(domainError('action-dropped-without-reason', [...path, 'droppedReason']))
    }
  })

  record.childOutcomes.forEach((outcome, index) => {
    if (!children.has(outcome.childId)) {
      errors.push(domainError('outcome-child-not-in-meeting', ['childOutcomes', index, 'childId']))
    }
  })

  if (record.nextMeetingOn !== null && record.nextMeetingOn <= record.heldOn) {
    errors.push(domainError('next-meeting-not-after-this-one', ['nextMeetingOn'], { heldOn: record.heldOn }))
  }
  return errors
}

/** What closing a meeting needs to know beyond the meeting itself. */
export interface CloseMeetingContext {
  /** Actions still open from the previous meeting, which this meeting must review ([TAM] App 5). */
  readonly previousActions: readonly TrackedAction[]
  /** Children whose permanence has been achieved: only then may a PPM close without a next one booked. */
  readonly permanenceAchievedChildIds: readonly string[]
}

/**
 * Checks what a meeting needs before it is closed (finalised).
 * @param meeting - the meeting to close
 * @param today - today's date
 * @param context - the previous meeting's open actions and the children whose permanence is achieved
 * @returns the broken rules (empty when it can be closed)
 */
export function validateMeetingForClose(
  meeting: Meeting,
  today: CalendarDay,
  context: CloseMeetingContext,
): MeetingError[] {
  const record = meeting.record
  const errors: MeetingError[] = []
  if (compareCalendarDays(record.heldOn, today) > 0) {
    errors.push(domainError('meeting-in-future', ['heldOn'], { today }))
  }
  // [DOR] "Book a review before closing the meeting to avoid drift"; rules.md PP-07. The only exception is a
  // meeting after which no PPM is needed because every child's permanence is achieved (and the reason is written).
  if (meeting.kind === 'permanence-planning-meeting' && record.nextMeetingOn === null) {
    const achieved = new Set(context.permanenceAchievedChildIds)
    const noneNeeded = record.childIds.every(childId => achieved.has(childId)) && !isBlank(record.noNextMeetingReason)
    if (!noneNeeded) {
      errors.push(domainError('next-ppm-not-booked', ['nextMeetingOn']))
    }
  }
  record.invitees.forEach((invitee, index) => {
    if (invitee.attendance === 'invited') {
      errors.push(domainError('attendance-not-recorded', ['invitees', index, 'attendance']))
    }
  })
  // A sibling-group meeting has an outcome for each child ([TAM] App 5 note).
  for (const childId of record.childIds) {
    const outcome = record.childOutcomes.find(candidate => candidate.childId === childId)
    if (outcome === undefined || isBlank(outcome.outcome)) {
      errors.push(domainError('child-outcome-missing', ['childOutcomes'], { childId }))
    }
  }
  // [TAM] App 5 "Review of actions set at last meeting".
  const reviewed = new Set(record.actionReviews.map(review => review.actionId))
  for (const tracked of context.previousActions) {
    if (tracked.status === 'open' && !reviewed.has(tracked.action.id)) {
      errors.push(domainError('previous-action-not-reviewed', ['actionReviews'], { actionId: tracked.action.id }))
    }
  }
  if (isBlank(record.minutes)) {
    errors.push(domainError('minutes-missing', ['minutes']))
  }
  return errors
}
