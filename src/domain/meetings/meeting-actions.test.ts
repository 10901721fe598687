import { describe, expect, it } from 'vitest'
import { CHILD_ID, SIBLING_ID, codes, d, meeting, socialWorker, unwrap } from '../plans/testing/fixtures.ts'
import { actionsForChild, isOverdue, trackAction, updateMeetingAction, type ActionUpdate } from './meeting-actions.ts'
import { MeetingActionSchema } from './meeting-schemas.ts'

const TODAY = d('2026-02-10')
const ACTIONS = [
  MeetingActionSchema.parse({ id: 'a-all', description: 'Book panel', owner: 'Sam Patel', dueOn: d('2026-02-01') }),
  MeetingActionSchema.parse({
    id: 'a-ben',
    childId: SIBLING_ID,
    description: 'Together or apart assessment',
    owner: 'Sam Patel',
    dueOn: d('2026-03-01'),
  }),
]
const closed = {
  ...meeting('ppm-1', 'permanence-planning-meeting', { heldOn: d('2026-01-20'), actions: ACTIONS }, 'closed'),
}
const sibling = { ...closed, record: { ...closed.record, childIds: [CHILD_ID, SIBLING_ID] } }

describe('overdue is computed from today, never stored', () => {
  it.each([
    ['open, due yesterday', 'open', '2026-02-09', true],
    ['open, due today', 'open', '2026-02-10', false],
    ['done, due yesterday', 'done', '2026-02-09', false],
    ['dropped, due long ago', 'dropped', '2025-01-01', false],
    ['open, no due date', 'open', null, false],
  ] as const)('%s: %s', (_name, status, dueOn, expected) => {
    expect(isOverdue(status, dueOn === null ? null : d(dueOn), TODAY)).toBe(expected)
  })
})

describe('action updates after the meeting closes', () => {
  it('the latest update is the action’s status', () => {
    const done = unwrap(
      updateMeetingAction(
        closed,
        'a-all',
        { status: 'done', on: d('2026-02-03'), note: 'Booked for 12 March.' },
        socialWorker,
        TODAY,
      ),
    )
    const reopened: ActionUpdate = { ...done.update, status: 'open', on: d('2026-02-05'), note: 'Panel cancelled.' }
    const tracked = trackAction(closed, ACTIONS[0]!, [reopened, done.update], TODAY)
    expect(tracked).toMatchObject({ status: 'open', statusOn: '2026-02-05', note: 'Panel cancelled.', isOverdue: true })
    expect(done.event).toMatchObject({
      kind: 'action-updated',
      childIds: [CHILD_ID],
      details: { status: 'done', meetingId: 'ppm-1' },
    })
  })

  it.each([
    [
      'a dropped action needs a reason',
      closed,
      'a-all',
      { status: 'dropped', on: d('2026-02-03'), note: '' },
      ['action-dropped-without-reason'],
    ],
    [
      'an unknown action is refused',
      closed,
      'nope',
      { status: 'done', on: d('2026-02-03'), note: '' },
      ['unknown-action'],
    ],
    [
      'a date in the future is refused',
      closed,
      'a-all',
      { status: 'done', on: d('2026-02-11'), note: '' },
      ['date-in-future'],
    ],
    [
      'actions of an open meeting are edited on its record instead',
      { ...closed, status: 'open' as const },
      'a-all',
      { status: 'done', on: d('2026-02-03'), note: '' },
      ['meeting-not-closed'],
    ],
  ] as const)('%s', (_name, target, actionId, input, expected) => {
    expect(codes(updateMeetingAction(target, actionId, input, socialWorker, TODAY))).toEqual(expected)
  })
})

describe('a child’s actions (sibling-group meetings count for each child)', () => {
  it('includes actions for the whole meeting and the child’s own, earliest due first', () => {
    expect(
      actionsForChild(SIBLING_ID, [sibling], [], TODAY).map(tracked => [tracked.action.id, tracked.isOverdue]),
    ).toEqual([
      ['a-all', true],
      ['a-ben', false],
    ])
    expect(actionsForChild(CHILD_ID, [sibling], [], TODAY).map(tracked => tracked.action.id)).toEqual(['a-all'])
  })

  it('ignores open meetings (their actions are still a draft)', () => {
    expect(actionsForChild(CHILD_ID, [{ ...sibling, status: 'open' }], [], TODAY)).toEqual([])
  })
})
