import { describe, expect, it } from 'vitest'
import { calendarDay as d } from '../shared/calendar-day.ts'
import { plannedVersusActual, suspensionPath } from './family-time.ts'

describe('planned against actual family time', () => {
  const plan = { sessionsPerPeriod: 2, period: 'week' as const, startedOn: d('2026-01-05'), endedOn: null }

  it('splits at each review and counts what happened, was cancelled (and by whom) and did not happen', () => {
    const rows = plannedVersusActual(
      plan,
      [
        { occurredOn: d('2026-01-06'), outcome: 'attended', cancelledBy: null },
        { occurredOn: d('2026-01-08'), outcome: 'cancelled', cancelledBy: 'parent' },
        { occurredOn: d('2026-01-20'), outcome: 'did-not-attend', cancelledBy: null },
      ],
      [],
      [d('2026-01-19')],
      d('2026-02-01'),
    )
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({ from: '2026-01-05', to: '2026-01-19', planned: 4, happened: 1, cancelled: 1 })
    expect(rows[0]!.cancelledBy).toEqual({ parent: 1 })
    expect(rows[1]).toMatchObject({
      from: '2026-01-19',
      to: '2026-02-02',
      isCurrent: true,
      planned: 4,
      didNotAttend: 1,
    })
  })

  it('plans nothing for the days family time was suspended', () => {
    const rows = plannedVersusActual(
      plan,
      [],
      [{ suspendedOn: d('2026-01-12'), resumedOn: d('2026-01-19') }],
      [],
      d('2026-01-18'),
    )
    expect(rows[0]).toMatchObject({ suspendedDays: 7, planned: 2 })
  })
})

describe('the path a suspension follows (KIT-01, rules.md §5 T18)', () => {
  const suspension = { suspendedOn: d('2026-01-10'), resumedOn: null, section34OrderOn: null }

  it('gives a child under a care order or ICO 7 days, then escalation to legal advice', () => {
    expect(suspensionPath(suspension, 'interim-care-order', d('2026-01-12'))).toEqual({
      kind: 'section-34',
      limitOn: '2026-01-17',
      state: 'within-limit',
    })
    expect(suspensionPath(suspension, 'care-order', d('2026-01-17')).state).toBe('escalate')
    expect(suspensionPath({ ...suspension, resumedOn: d('2026-01-15') }, 'care-order', d('2026-01-20')).state).toBe(
      'resolved',
    )
    expect(
      suspensionPath({ ...suspension, section34OrderOn: d('2026-01-16') }, 'care-order', d('2026-01-20')).state,
    ).toBe('resolved')
    expect(suspensionPath({ ...suspension, resumedOn: d('2026-01-20') }, 'care-order', d('2026-01-25')).state).toBe(
      'escalate',
    )
  })

  it('sends a child accommodated under section 20 down a different path: agreement with those with PR', () => {
    expect(suspensionPath(suspension, 'section-20', d('2026-01-30'))).toEqual({
      kind: 'section-20',
      state: 'agree-with-parents',
    })
  })
})
