import { describe, expect, it } from 'vitest'
import { CHILD_ID, SIBLING_ID, codes, d, iro, socialWorker, teamManager, unwrap } from '../plans/testing/fixtures.ts'
import {
  cancelMeeting,
  closeMeeting,
  correctClosedMeeting,
  meetingReference,
  recordMeeting,
  scheduleMeeting,
  type Meeting,
} from './meeting.ts'
import { trackAction } from './meeting-actions.ts'
import type { MeetingKind } from './meeting-kinds.ts'
import { validateMeetingRecord, type CloseMeetingContext } from './meeting-rules.ts'
import { InviteeSchema, MeetingActionSchema, type MeetingRecordEdit } from './meeting-schemas.ts'

const TODAY = d('2026-01-21')
const NO_CONTEXT: CloseMeetingContext = { previousActions: [], permanenceAchievedChildIds: [] }

function booked(kind: MeetingKind = 'permanence-planning-meeting', childIds = [CHILD_ID, SIBLING_ID]): Meeting {
  return unwrap(
    scheduleMeeting(
      {
        id: 'm-1',
        kind,
        heldOn: d('2026-01-20'),
        chair: {
          name: kind === 'statutory-review' ? 'Imran Rahman' : 'Tess Morgan',
          userId: null,
          role: kind === 'statutory-review' ? 'iro' : 'team-manager',
        },
        childIds,
        previousMeetingId: null,
        purpose: 'Review the plans for Amy and Ben.',
        invitees: [],
      },
      socialWorker,
      d('2026-01-02'),
    ),
  )
}

/** A sibling-group PPM ready to close. */
const READY: MeetingRecordEdit = {
  invitees: [
    InviteeSchema.parse({ id: 'i-1', name: 'Imran Rahman', role: 'iro', attendance: 'attended' }),
    InviteeSchema.parse({
      id: 'i-2',
      name: 'Kelly Jones',
      role: 'parent',
      holdsParentalResponsibility: true,
      attendance: 'sent-apologies',
    }),
  ],
  childOutcomes: [
    {
      childId: CHILD_ID,
      outcome: 'Plan endorsed: SGO with grandmother.',
      planId: 'plan-amy',
      planVersion: 1,
      participation: null,
    },
    {
      childId: SIBLING_ID,
      outcome: 'Plan endorsed: long-term fostering.',
      planId: 'plan-ben',
      planVersion: 1,
      participation: null,
    },
  ],
  decisions: [
    {
      id: 'dec-1',
      childId: SIBLING_ID,
      decision: 'Ben’s plan differs from Amy’s.',
      reasons: 'Ben (15) wants to stay with his carers.',
    },
  ],
  actions: [
    MeetingActionSchema.parse({
      id: 'act-1',
      description: 'Refer to SGO assessment',
      owner: 'Sam Patel',
      dueOn: d('2026-02-01'),
    }),
  ],
  minutes: 'Discussed both plans.',
  nextMeetingOn: d('2026-04-20'),
}

function ready(edit: MeetingRecordEdit = {}, kind: MeetingKind = 'permanence-planning-meeting'): Meeting {
  return unwrap(recordMeeting(booked(kind), { ...READY, ...edit }, socialWorker, TODAY))
}

describe('booking a meeting', () => {
  it('books an open meeting with a plain reference for the plan rules', () => {
    const meeting = booked()
    expect(meeting).toMatchObject({ version: 1, status: 'open', kind: 'permanence-planning-meeting' })
    expect(meetingReference(meeting)).toEqual({
      id: 'm-1',
      kind: 'permanence-planning-meeting',
      heldOn: '2026-01-20',
      childIds: [CHILD_ID, SIBLING_ID],
    })
  })

  it.each([
    ['a PPM is chaired by a team manager ([DOR] Golden Rules; [TAM] App 4)', 'permanence-planning-meeting', 'iro'],
    ['a child in care review is chaired by an IRO (CPPCR 2010 Part 6)', 'statutory-review', 'team-manager'],
  ] as const)('%s', (_name, kind, role) => {
    const result = scheduleMeeting(
      {
        id: 'x',
        kind,
        heldOn: d('2026-02-01'),
        chair: { name: 'Someone', userId: null, role },
        childIds: [CHILD_ID],
        previousMeetingId: null,
        purpose: '',
        invitees: [],
      },
      socialWorker,
      TODAY,
    )
    expect(codes(result)).toEqual(['chair-role-not-allowed'])
  })

  it('a family group conference may be chaired by its coordinator', () => {
    const result = scheduleMeeting(
      {
        id: 'x',
        kind: 'family-group-conference',
        heldOn: d('2026-02-01'),
        chair: { name: 'Fay', userId: null, role: 'fgc-coordinator' },
        childIds: [CHILD_ID],
        previousMeetingId: null,
        purpose: '',
        invitees: [],
      },
      socialWorker,
      TODAY,
    )
    expect(result.ok).toBe(true)
  })
})

describe('meeting record rules (every save)', () => {
  it.each<[string, MeetingRecordEdit, string, readonly (string | number)[]]>([
    ['a meeting is about at least one child', { childIds: [] }, 'no-child', ['childIds']],
    [
      'the chair is named',
      { chair: { name: ' ', userId: null, role: 'team-manager' } },
      'chair-name-missing',
      ['chair', 'name'],
    ],
    [
      'a person with parental responsibility not invited needs a reason ([DOR] Golden Rules)',
      {
        invitees: [
          InviteeSchema.parse({
            id: 'p',
            name: 'Kelly',
            role: 'parent',
            holdsParentalResponsibility: true,
            attendance: 'not-invited',
            tellHow: 'Visit',
            tellByOn: d('2026-01-25'),
          }),
        ],
      },
      'pr-holder-not-invited-without-reason',
      ['invitees', 0, 'notInvitedReason'],
    ],
    [
      '… and when and how they will be told ([DOR] Golden Rules)',
      {
        invitees: [
          InviteeSchema.parse({
            id: 'p',
            name: 'Kelly',
            role: 'parent',
            holdsParentalResponsibility: true,
            attendance: 'not-invited',
            notInvitedReason: 'Risk',
            tellHow: 'Visit',
          }),
        ],
      },
      'pr-holder-not-invited-without-plan-to-tell',
      ['invitees', 0, 'tellByOn'],
    ],
    [
      'an invitee is named',
      { invitees: [InviteeSchema.parse({ id: 'p', name: '', role: 'carer' })] },
      'invitee-name-missing',
      ['invitees', 0, 'name'],
    ],
    [
      'an action says what is to be done',
      { actions: [MeetingActionSchema.parse({ id: 'a', owner: 'Sam', dueOn: d('2026-02-01') })] },
      'action-description-missing',
      ['actions', 0, 'description'],
    ],
    [
      'an action has an owner ([DOR] "all participants are aware what is expected of them")',
      { actions: [MeetingActionSchema.parse({ id: 'a', description: 'x', dueOn: d('2026-02-01') })] },
      'action-owner-missing',
      ['actions', 0, 'owner'],
    ],
    [
      'an action has a due date ([DOR] "Ensure actions are given a timescale")',
      { actions: [MeetingActionSchema.parse({ id: 'a', description: 'x', owner: 'Sam' })] },
      'action-due-date-missing',
      ['actions', 0, 'dueOn'],
    ],
    [
      'an action is for a child the meeting covers',
      {
        actions: [
          MeetingActionSchema.parse({
            id: 'a',
            childId: 'other',
            description: 'x',
            owner: 'Sam',
            dueOn: d('2026-02-01'),
          }),
        ],
      },
      'action-child-not-in-meeting',
      ['actions', 0, 'childId'],
    ],
    [
      'a done action has a date',
      {
        actions: [
          MeetingActionSchema.parse({
            id: 'a',
            description: 'x',
            owner: 'Sam',
            dueOn: d('2026-02-01'),
            status: 'done',
          }),
        ],
      },
      'action-done-without-date',
      ['actions', 0, 'doneOn'],
    ],
    [
      'a dropped action has a reason',
      {
        actions: [
          MeetingActionSchema.parse({
            id: 'a',
            description: 'x',
            owner: 'Sam',
            dueOn: d('2026-02-01'),
            status: 'dropped',
          }),
        ],
      },
      'action-dropped-without-reason',
      ['actions', 0, 'droppedReason'],
    ],
    [
      'an action done in the future is refused',
      {
        actions: [
          MeetingActionSchema.parse({
            id: 'a',
            description: 'x',
            owner: 'Sam',
            dueOn: d('2026-02-01'),
            status: 'done',
            doneOn: d('2026-03-01'),
          }),
        ],
      },
      'date-in-future',
      ['actions', 0, 'doneOn'],
    ],
    [
      'a decision is written',
      { decisions: [{ id: 'x', childId: CHILD_ID, decision: '', reasons: 'r' }] },
      'decision-missing',
      ['decisions', 0, 'decision'],
    ],
    [
      'a decision has reasons (security §3.2; [TAM] §10.7)',
      { decisions: [{ id: 'x', childId: CHILD_ID, decision: 'd', reasons: ' ' }] },
      'decision-reasons-missing',
      ['decisions', 0, 'reasons'],
    ],
    [
      'a decision is about a child the meeting covers',
      { decisions: [{ id: 'x', childId: 'other', decision: 'd', reasons: 'r' }] },
      'decision-child-not-in-meeting',
      ['decisions', 0, 'childId'],
    ],
    [
      'an outcome is for a child the meeting covers',
      { childOutcomes: [{ childId: 'other', outcome: 'x', planId: null, planVersion: null, participation: null }] },
      'outcome-child-not-in-meeting',
      ['childOutcomes', 0, 'childId'],
    ],
    [
      'the next meeting is after this one',
      { nextMeetingOn: d('2026-01-20') },
      'next-meeting-not-after-this-one',
      ['nextMeetingOn'],
    ],
    [
      'a reviewed action marked dropped has a reason',
      { actionReviews: [{ actionId: 'a', fromMeetingId: 'm-0', status: 'dropped', comment: '' }] },
      'action-dropped-without-reason',
      ['actionReviews', 0, 'comment'],
    ],
    [
      'ids are unique',
      {
        decisions: [
          { id: 'x', childId: CHILD_ID, decision: 'd', reasons: 'r' },
          { id: 'x', childId: CHILD_ID, decision: 'd', reasons: 'r' },
        ],
      },
      'duplicate-id',
      ['decisions', 1],
    ],
  ])('%s', (_name, edit, code, path) => {
    const result = recordMeeting(booked(), edit, socialWorker, TODAY)
    expect(result.ok ? [] : result.errors).toEqual([expect.objectContaining({ code, path })])
  })

  it('a person with parental responsibility not invited, with a reason and a plan to tell them, is accepted', () => {
    const invitee = InviteeSchema.parse({
      id: 'p',
      name: 'Kelly',
      role: 'parent',
      holdsParentalResponsibility: true,
      attendance: 'not-invited',
      notInvitedReason: 'Agreed with TM: risk to carers.',
      tellHow: 'Home visit',
      tellByOn: d('2026-01-25'),
    })
    expect(recordMeeting(booked(), { invitees: [invitee] }, socialWorker, TODAY).ok).toBe(true)
  })
})

describe('closing a meeting', () => {
  it('a complete sibling-group PPM closes, with a decision event carrying each decision and its reasons', () => {
    const { meeting, event, actionUpdates } = unwrap(closeMeeting(ready(), teamManager, TODAY, NO_CONTEXT))
    expect(meeting).toMatchObject({ status: 'closed', closed: { on: TODAY, by: teamManager } })
    expect(event).toMatchObject({
      kind: 'meeting-closed',
      decidedOn: '2026-01-20',
      childIds: [CHILD_ID, SIBLING_ID],
      details: {
        nextMeetingOn: '2026-04-20',
        decisions: [{ childId: SIBLING_ID, reasons: 'Ben (15) wants to stay with his carers.' }],
      },
    })
    expect(actionUpdates).toEqual([])
  })

  it.each<[string, Meeting, CloseMeetingContext, string[]]>([
    [
      'a PPM cannot close without the next PPM booked ([DOR] "Book a review before closing the meeting"; PP-07)',
      ready({ nextMeetingOn: null }),
      NO_CONTEXT,
      ['next-ppm-not-booked'],
    ],
    [
      '… unless permanence is achieved for every child and the reason is written',
      ready({ nextMeetingOn: null, noNextMeetingReason: 'Both children adopted.' }),
      { previousActions: [], permanenceAchievedChildIds: [CHILD_ID, SIBLING_ID] },
      [],
    ],
    [
      '… which must be true of every child in the meeting',
      ready({ nextMeetingOn: null, noNextMeetingReason: 'Amy adopted.' }),
      { previousActions: [], permanenceAchievedChildIds: [CHILD_ID] },
      ['next-ppm-not-booked'],
    ],
    [
      'a child in care review may close without a next date (the timescale engine computes it)',
      ready({ nextMeetingOn: null }, 'statutory-review'),
      NO_CONTEXT,
      [],
    ],
    [
      'attendance is recorded for everyone invited',
      ready({ invitees: [InviteeSchema.parse({ id: 'i', name: 'Kelly', role: 'parent' })] }),
      NO_CONTEXT,
      ['attendance-not-recorded'],
    ],
    [
      'a sibling-group meeting has an outcome for each child ([TAM] App 5 note)',
      ready({
        childOutcomes: [{ childId: CHILD_ID, outcome: 'x', planId: null, planVersion: null, participation: null }],
      }),
      NO_CONTEXT,
      ['child-outcome-missing'],
    ],
    ['minutes are written', ready({ minutes: '' }), NO_CONTEXT, ['minutes-missing']],
    [
      'the last meeting’s open actions are reviewed ([TAM] App 5)',
      ready(),
      {
        previousActions: [
          trackAction(
            ready(),
            MeetingActionSchema.parse({ id: 'old', description: 'x', owner: 'Sam', dueOn: d('2026-01-10') }),
            [],
            TODAY,
          ),
        ],
        permanenceAchievedChildIds: [],
      },
      ['previous-action-not-reviewed'],
    ],
  ])('%s', (_name, meeting, context, expected) => {
    const role = meeting.kind === 'statutory-review' ? iro : teamManager
    expect(codes(closeMeeting(meeting, role, TODAY, context))).toEqual(expected)
  })

  it('a meeting cannot be closed before the day it is held', () => {
    expect(codes(closeMeeting(ready(), teamManager, d('2026-01-19'), NO_CONTEXT))).toEqual(['meeting-in-future'])
  })

  it('only the chair’s role closes a PPM', () => {
    expect(codes(closeMeeting(ready(), socialWorker, TODAY, NO_CONTEXT))).toEqual(['role-not-permitted'])
  })

  it('the statuses found for earlier actions become action updates', () => {
    const earlier = { ...ready(), id: 'm-0' }
    const old = trackAction(
      earlier,
      MeetingActionSchema.parse({ id: 'old', description: 'x', owner: 'Sam', dueOn: d('2026-01-10') }),
      [],
      TODAY,
    )
    const meeting = ready({
      actionReviews: [{ actionId: 'old', fromMeetingId: 'm-0', status: 'done', comment: 'Done on time.' }],
    })
    const { actionUpdates } = unwrap(
      closeMeeting(meeting, teamManager, TODAY, { previousActions: [old], permanenceAchievedChildIds: [] }),
    )
    expect(actionUpdates).toEqual([
      {
        actionId: 'old',
        meetingId: 'm-0',
        status: 'done',
        on: '2026-01-20',
        note: 'Done on time.',
        by: teamManager,
        recordedOn: TODAY,
      },
    ])
  })
})

describe('a closed meeting is immutable; corrections are new versions with a reason (security D4)', () => {
  const closed = unwrap(closeMeeting(ready(), teamManager, TODAY, NO_CONTEXT)).meeting

  it('cannot be edited', () => {
    expect(codes(recordMeeting(closed, { minutes: 'Changed.' }, teamManager, TODAY))).toEqual(['meeting-closed'])
  })

  it('cannot be closed again', () => {
    expect(codes(closeMeeting(closed, teamManager, TODAY, NO_CONTEXT))).toEqual(['meeting-closed'])
  })

  it('is corrected by a new version that says why, leaving the closed version as it was', () => {
    const { meeting, event } = unwrap(
      correctClosedMeeting(
        closed,
        { edit: { minutes: 'Discussed both plans. Ben attended.' }, reason: 'Ben’s attendance was left out.' },
        teamManager,
        d('2026-01-22'),
        NO_CONTEXT,
      ),
    )
    expect(meeting).toMatchObject({
      version: 2,
      status: 'closed',
      correction: { correctsVersion: 1, reason: 'Ben’s attendance was left out.' },
    })
    expect(meeting.record.minutes).toBe('Discussed both plans. Ben attended.')
    expect(closed.record.minutes).toBe('Discussed both plans.')
    expect(event).toMatchObject({
      kind: 'meeting-corrected',
      subject: { version: 1 },
      details: { correctedVersion: 2, changedFields: ['minutes'] },
    })
  })

  it.each<[string, Meeting, string, MeetingRecordEdit, string[]]>([
    ['a correction needs a reason', closed, ' ', { minutes: 'x' }, ['reasons-required']],
    ['a correction still meets the closing rules', closed, 'Typo.', { nextMeetingOn: null }, ['next-ppm-not-booked']],
    ['only closed meetings are corrected', ready(), 'Typo.', { minutes: 'x' }, ['meeting-not-closed']],
  ])('%s', (_name, meeting, reason, edit, expected) => {
    expect(codes(correctClosedMeeting(meeting, { edit, reason }, teamManager, TODAY, NO_CONTEXT))).toEqual(expected)
  })
})

describe('cancelling a meeting', () => {
  it('keeps the reason, so a cancelled PPM shows as not held', () => {
    const { meeting, event } = unwrap(
      cancelMeeting(booked(), { reasons: 'Chair ill; rebooked for 27 January.' }, teamManager, TODAY),
    )
    expect(meeting.status).toBe('cancelled')
    expect(event).toMatchObject({
      kind: 'meeting-cancelled',
      reasons: 'Chair ill; rebooked for 27 January.',
      details: { plannedFor: '2026-01-20' },
    })
    expect(codes(recordMeeting(meeting, { minutes: 'x' }, teamManager, TODAY))).toEqual(['meeting-cancelled'])
  })

  it('needs a reason', () => {
    expect(codes(cancelMeeting(booked(), { reasons: '' }, teamManager, TODAY))).toEqual(['reasons-required'])
  })
})

describe('validateMeetingRecord reports every broken rule at once', () => {
  it('returns all of them, not the first', () => {
    const meeting: Meeting = {
      ...booked(),
      record: {
        ...booked().record,
        childIds: [],
        chair: { name: '', userId: null, role: 'team-manager' },
      },
    }
    expect(validateMeetingRecord(meeting, TODAY).map(error => error.code)).toEqual(['no-child', 'chair-name-missing'])
  })
})
