import { describe, expect, it } from 'vitest'
import { calendarDay as d } from '../shared/calendar-day.ts'
import { isFamilyTimePlanOpen, plannedVersusActual, suspensionPath } from './family-time.ts'

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

  it('stops at the day the plan ended: the last period closes with the plan, and later sessions do not count', () => {
    const rows = plannedVersusActual(
      { ...plan, endedOn: d('2026-01-26') },
      [
        { occurredOn: d('2026-01-21'), outcome: 'attended', cancelledBy: null },
        { occurredOn: d('2026-01-26'), outcome: 'attended', cancelledBy: null },
      ],
      [],
      [d('2026-01-19'), d('2026-02-02')],
      d('2026-02-10'),
    )
    expect(rows.map(r => [r.from, r.to, r.until, r.isCurrent])).toEqual([
      ['2026-01-05', '2026-01-19', 'review', false],
      ['2026-01-19', '2026-01-26', 'plan-ended', false],
    ])
    expect(rows[1]).toMatchObject({ planned: 2, happened: 1 })
  })

  it('runs a plan that ends after today to today, as a plan still running', () => {
    const rows = plannedVersusActual({ ...plan, endedOn: d('2026-03-01') }, [], [], [], d('2026-01-18'))
    expect(rows).toEqual([expect.objectContaining({ from: '2026-01-05', to: '2026-01-19', until: 'today' })])
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

describe('an open family time plan', () => {
  it.each([
    [null, true],
    ['2026-01-13', true],
    ['2026-01-12', false],
    ['2026-01-01', false],
  ] as const)('ended on %s is open on 12 January 2026: %s', (endedOn, isOpen) => {
    expect(isFamilyTimePlanOpen({ endedOn: endedOn === null ? null : d(endedOn) }, d('2026-01-12'))).toBe(isOpen)
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
