import { describe, expect, it } from 'vitest'
import { calendarDay as d } from '../shared/calendar-day.ts'
import { authorityMeasures, cameIntoCareBefore, lastQuarters, median, type PlanFact } from './authority-measures.ts'

const plan = (childId: string, overrides: Partial<PlanFact> = {}): PlanFact => ({
  childId,
  primaryOptionType: 'long-term-fostering',
  hasViableContingency: true,
  permanenceAchievedOn: null,
  achievedRoute: null,
  ...overrides,
})

describe('authority dashboard measures', () => {
  it('takes the median of odd and even lists', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 10])).toBe(4)
  })

  it('counts time to permanence from the period of care it happened in, by route, over three years', () => {
    const measures = authorityMeasures({
      today: d('2026-11-25'),
      periods: [
        // Came into care twice: the second period counts.
        { childId: 'a', startedOn: d('2019-01-01'), endedOn: d('2019-06-01') },
        { childId: 'a', startedOn: d('2025-01-01'), endedOn: d('2025-07-20') },
        { childId: 'b', startedOn: d('2025-03-01'), endedOn: d('2026-03-01') },
        { childId: 'c', startedOn: d('2024-01-01'), endedOn: d('2024-12-31') },
        // Achieved more than three years ago: not counted.
        { childId: 'old', startedOn: d('2020-01-01'), endedOn: d('2021-01-01') },
        { childId: 'here', startedOn: d('2026-01-10'), endedOn: null },
      ],
      plans: [
        plan('a', { permanenceAchievedOn: d('2025-07-20'), achievedRoute: 'special-guardianship' }),
        plan('b', { permanenceAchievedOn: d('2026-03-01'), achievedRoute: 'special-guardianship' }),
        plan('c', { permanenceAchievedOn: d('2024-12-31'), achievedRoute: 'adoption' }),
        plan('old', { permanenceAchievedOn: d('2021-01-01'), achievedRoute: 'adoption' }),
        plan('here', { primaryOptionType: 'reunification', hasViableContingency: false }),
      ],
    })
    expect(measures.timeToPermanence.children).toBe(3)
    expect(measures.timeToPermanence.byRoute).toEqual([
      {
        route: 'special-guardianship',
        label: 'Special guardianship',
        children: 2,
        medianDays: 283,
        shortestDays: 200,
        longestDays: 365,
      },
      { route: 'adoption', label: 'Adoption', children: 1, medianDays: 365, shortestDays: 365, longestDays: 365 },
    ])
    expect(measures.childrenInCare).toBe(1)
    expect(measures.childrenInCareWithoutViableContingency).toBe(1)
    expect(measures.optionsMix).toEqual([
      { option: 'reunification', label: 'Reunification or staying at home', children: 1, withoutViableContingency: 1 },
    ])
  })

  it('shows children in care without a plan as such in the mix', () => {
    const measures = authorityMeasures({
      today: d('2026-11-25'),
      periods: [{ childId: 'x', startedOn: d('2026-10-01'), endedOn: null }],
      plans: [],
    })
    expect(measures.optionsMix).toEqual([
      { option: 'no-plan', label: 'No permanence plan', children: 1, withoutViableContingency: 0 },
    ])
    expect(measures.timeToPermanence.medianDays).toBeNull()
  })

  it('builds quarterly trends ending with the last complete quarter', () => {
    expect(lastQuarters(d('2026-11-25'), 2)).toEqual([
      { startsOn: '2026-04-01', endsOn: '2026-06-30', label: 'Apr to Jun 2026' },
      { startsOn: '2026-07-01', endsOn: '2026-09-30', label: 'Jul to Sep 2026' },
    ])
    expect(lastQuarters(d('2026-02-01'), 1)[0]!.label).toBe('Oct to Dec 2025')
    const measures = authorityMeasures({
      today: d('2026-11-25'),
      quarters: 2,
      periods: [
        { childId: 'a', startedOn: d('2026-05-01'), endedOn: d('2026-08-01') },
        { childId: 'b', startedOn: d('2026-01-01'), endedOn: null },
      ],
      plans: [plan('a', { permanenceAchievedOn: d('2026-08-01'), achievedRoute: 'reunification' })],
    })
    expect(measures.trends.map(t => [t.lookedAfterAtEnd, t.cameIntoCare, t.permanenceAchieved])).toEqual([
      [2, 1, 0],
      [1, 0, 1],
    ])
  })

  it('finds the latest period that started by the day permanence was achieved', () => {
    const periods = [
      { childId: 'a', startedOn: d('2020-01-01'), endedOn: d('2020-02-01') },
      { childId: 'a', startedOn: d('2022-01-01'), endedOn: null },
    ]
    expect(cameIntoCareBefore(periods, d('2021-01-01'))).toBe('2020-01-01')
    expect(cameIntoCareBefore(periods, d('2019-01-01'))).toBeUndefined()
  })
})
