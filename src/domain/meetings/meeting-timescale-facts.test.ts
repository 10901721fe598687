import { describe, expect, it } from 'vitest'
import { CHILD_ID, d, meeting } from '../plans/testing/fixtures.ts'
import { meetingTimescaleFacts } from './meeting-timescale-facts.ts'
import { MeetingActionSchema } from './meeting-schemas.ts'

const TODAY = d('2026-02-10')

describe('meeting dates for the timescale engine (rules.md PP-01, PP-04, PP-07)', () => {
  const meetings = [
    meeting('rev-1', 'statutory-review', { heldOn: d('2025-12-15') }, 'closed'),
    meeting(
      'ppm-1',
      'permanence-planning-meeting',
      { heldOn: d('2026-01-05'), nextMeetingOn: d('2026-04-05') },
      'closed',
    ),
    meeting(
      'ppm-2',
      'permanence-planning-meeting',
      {
        heldOn: d('2026-02-01'),
        nextMeetingOn: d('2026-05-01'),
        actions: [MeetingActionSchema.parse({ id: 'a', description: 'x', owner: 'Sam', dueOn: d('2026-02-05') })],
      },
      'closed',
    ),
    meeting('ppm-3', 'permanence-planning-meeting', { heldOn: d('2026-05-01') }),
    meeting('ppm-x', 'permanence-planning-meeting', { heldOn: d('2026-03-01') }, 'cancelled'),
    {
      ...meeting('other', 'statutory-review', { heldOn: d('2026-01-01') }, 'closed'),
      record: { ...meeting('o', 'statutory-review', { heldOn: d('2026-01-01') }).record, childIds: ['someone-else'] },
    },
  ]
  const facts = meetingTimescaleFacts(CHILD_ID, meetings, [], TODAY)

  it('lists held meetings by kind, the latest next date booked, and upcoming bookings', () => {
    expect(facts.heldOnByKind).toEqual({
      'statutory-review': ['2025-12-15'],
      'permanence-planning-meeting': ['2026-01-05', '2026-02-01'],
    })
    expect(facts.nextBookedOnByKind).toEqual({ 'permanence-planning-meeting': '2026-05-01' })
    expect(facts.upcomingOnByKind).toEqual({ 'permanence-planning-meeting': '2026-05-01' })
  })

  it('keeps cancelled meetings visible but not held, and ignores other children', () => {
    expect(facts.meetings.map(fact => [fact.meetingId, fact.isHeld])).toEqual([
      ['rev-1', true],
      ['ppm-1', true],
      ['ppm-2', true],
      ['ppm-x', false],
      ['ppm-3', false],
    ])
  })

  it('gives each action’s due date and whether it is overdue', () => {
    expect(facts.actions).toEqual([
      { actionId: 'a', meetingId: 'ppm-2', owner: 'Sam', dueOn: '2026-02-05', status: 'open', isOverdue: true },
    ])
  })
})
