/**
 * The meeting recorder's form: a meeting record in the form's shape (dates as day, month and year) and back. Field
 * names mirror the record's paths (`invitees[2][tellHow]`), so an error from the meeting rules lands on its field.
 */
import { randomUUID } from 'node:crypto'
import type { TrackedAction } from '../../domain/meetings/meeting-actions.ts'
import type { Meeting } from '../../domain/meetings/meeting.ts'
import type { PermanencePlan } from '../../domain/plans/permanence-plan.ts'
import {
  type ErrorList,
  group,
  readDate,
  rows,
  text,
  toFormDate,
  type FormObject,
  type FormValue,
} from '../plans/form-data.ts'

const blankDate = (): FormObject => ({ day: '', month: '', year: '' })

/** The blank row each "add another" list of the recorder adds. */
export const MEETING_LISTS: Readonly<Record<string, () => FormObject>> = {
  invitees: () => ({
    id: randomUUID(),
    name: '',
    role: '',
    organisation: '',
    holdsParentalResponsibility: '',
    attendance: 'attended',
    notInvitedReason: '',
    notInvitedAgreedWith: '',
    tellHow: '',
    tellByOn: blankDate(),
  }),
  decisions: () => ({ id: randomUUID(), childId: '', decision: '', reasons: '' }),
  actions: () => ({ id: randomUUID(), childId: '', description: '', owner: '', dueOn: blankDate() }),
}

function date(value: FormValue | undefined, id: string, label: string, errors: ErrorList): string | null {
  const reading = readDate(value, label)
  if (!reading.ok) {
    errors.add(`${id}-day`, reading.message)
    return null
  }
  return reading.value
}

/**
 * A meeting as the recorder's form shows it, with a row for each child's outcome and for each of the previous
 * meeting's open actions to review.
 * @param meeting - the meeting
 * @param previousActions - the previous meeting's actions
 * @param plans - each child's latest plan version (a PPM names the plan it considered)
 * @returns the form values
 */
export function meetingToForm(
  meeting: Meeting,
  previousActions: readonly TrackedAction[],
  plans: Readonly<Record<string, PermanencePlan>>,
): FormObject {
  const record = meeting.record
  return {
    heldOn: toFormDate(record.heldOn),
    chair: { name: record.chair.name, role: record.chair.role, userId: record.chair.userId ?? '' },
    purpose: record.purpose,
    invitees: record.invitees.map(invitee => ({
      id: invitee.id,
      name: invitee.name,
      personId: invitee.personId ?? '',
      userId: invitee.userId ?? '',
      role: invitee.role,
      organisation: invitee.organisation,
      holdsParentalResponsibility: invitee.holdsParentalResponsibility ? 'yes' : '',
      attendance: invitee.attendance,
      notInvitedReason: invitee.notInvitedReason,
      notInvitedAgreedWith: invitee.notInvitedAgreedWith,
      tellHow: invitee.tellHow,
      tellByOn: toFormDate(invitee.tellByOn),
    })),
    actionReviews: previousActions
      .filter(tracked => tracked.status === 'open' || record.actionReviews.some(r => r.actionId === tracked.action.id))
      .map(tracked => {
        const review = record.actionReviews.find(candidate => candidate.actionId === tracked.action.id)
        return {
          actionId: tracked.action.id,
          fromMeetingId: tracked.meetingId,
          status: review?.status ?? '',
          comment: review?.comment ?? '',
        }
      }),
    childOutcomes: record.childIds.map(childId => {
      const outcome = record.childOutcomes.find(candidate => candidate.childId === childId)
      const plan = plans[childId]
      const considers =
        outcome?.planId !== null && outcome?.planId !== undefined
          ? 'yes'
          : meeting.kind === 'permanence-planning-meeting' && plan?.status === 'sent-to-manager'
            ? 'yes'
            : ''
      return {
        childId,
        outcome: outcome?.outcome ?? '',
        participation: outcome?.participation ?? '',
        considersPlan: considers,
      }
    }),
    decisions: record.decisions.map(decision => ({ ...decision })),
    actions: record.actions.map(action => ({
      id: action.id,
      childId: action.childId ?? '',
      description: action.description,
      owner: action.owner,
      ownerUserId: action.ownerUserId ?? '',
      dueOn: toFormDate(action.dueOn),
      status: action.status,
      doneOn: toFormDate(action.doneOn),
      droppedReason: action.droppedReason,
    })),
    minutes: record.minutes,
    nextMeetingOn: toFormDate(record.nextMeetingOn),
    noNextMeetingReason: record.noNextMeetingReason,
  }
}

/**
 * The recorder's form as a change to the meeting record, for the input schema and the meeting rules to check.
 * @param form - the posted form
 * @param meeting - the meeting (for its children)
 * @param plans - each child's latest plan version
 * @param errors - where date problems go
 * @returns the change
 */
export function formToMeetingEdit(
  form: FormObject,
  meeting: Meeting,
  plans: Readonly<Record<string, PermanencePlan>>,
  errors: ErrorList,
): Record<string, unknown> {
  const chair = group(form.chair)
  return {
    heldOn: date(form.heldOn, 'heldOn', 'the date of the meeting', errors),
    chair: {
      name: text(chair.name),
      role: text(chair.role),
      userId: text(chair.userId) === '' ? null : text(chair.userId),
    },
    purpose: text(form.purpose),
    invitees: rows(form.invitees).map((row, index) => ({
      id: text(row.id),
      name: text(row.name),
      personId: text(row.personId) === '' ? null : text(row.personId),
      userId: text(row.userId) === '' ? null : text(row.userId),
      role: text(row.role),
      organisation: text(row.organisation),
      holdsParentalResponsibility: text(row.holdsParentalResponsibility) === 'yes',
      attendance: text(row.attendance),
      notInvitedReason: text(row.notInvitedReason),
      notInvitedAgreedWith: text(row.notInvitedAgreedWith),
      tellHow: text(row.tellHow),
      tellByOn: date(row.tellByOn, `invitees-${index}-tellByOn`, 'the date they will be told', errors),
    })),
    actionReviews: rows(form.actionReviews)
      .filter(row => text(row.status) !== '')
      .map(row => ({
        actionId: text(row.actionId),
        fromMeetingId: text(row.fromMeetingId),
        status: text(row.status),
        comment: text(row.comment),
      })),
    childOutcomes: rows(form.childOutcomes)
      .filter(row => meeting.record.childIds.includes(text(row.childId)))
      .map(row => {
        const childId = text(row.childId)
        const plan = plans[childId]
        const considers = text(row.considersPlan) === 'yes' && plan !== undefined
        return {
          childId,
          outcome: text(row.outcome),
          planId: considers ? plan.id : null,
          planVersion: considers ? plan.version : null,
          participation: text(row.participation) === '' ? null : text(row.participation),
        }
      }),
    decisions: rows(form.decisions).map(row => ({
      id: text(row.id),
      childId: text(row.childId),
      decision: text(row.decision),
      reasons: text(row.reasons),
    })),
    actions: rows(form.actions).map((row, index) => ({
      id: text(row.id),
      childId: text(row.childId) === '' ? null : text(row.childId),
      description: text(row.description),
      owner: text(row.owner),
      ownerUserId: text(row.ownerUserId) === '' ? null : text(row.ownerUserId),
      dueOn: date(row.dueOn, `actions-${index}-dueOn`, 'the date it is due', errors),
      status: text(row.status) === '' ? 'open' : text(row.status),
      doneOn: date(row.doneOn, `actions-${index}-doneOn`, 'the date it was done', errors),
      droppedReason: text(row.droppedReason),
    })),
    minutes: text(form.minutes),
    nextMeetingOn: date(form.nextMeetingOn, 'nextMeetingOn', 'the date of the next meeting', errors),
    noNextMeetingReason: text(form.noNextMeetingReason),
  }
}

/**
 * Reads an amount typed in pounds (`2,150.50`, `£2000`) as whole pence, so money never meets floating point.
 * @param value - what was typed
 * @returns the pence, null when blank, or undefined when it is not an amount
 */
export function penceFromPounds(value: string): number | null | undefined {
  const cleaned = value.replace(/[£,\s]/g, '')
  if (cleaned === '') {
    return null
  }
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned)
  if (!match) {
    return undefined
  }
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}
