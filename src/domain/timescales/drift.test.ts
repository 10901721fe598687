import { describe, expect, test } from 'vitest'
import { calendarDay } from '../shared/calendar-day.ts'
import { type DriftMeasures, type DriftRow, aggregateDrift, median } from './drift.ts'
import { ISSUE_EXAMPLE, caseHistory, evaluate } from './test-support.ts'

describe('Drift measures per child (issue 3 §5; rules.md ADO-08)', () => {
  test('the issue example: 44 days looked after, 26 days since the last planning meeting, week 56 of proceedings', () => {
    const drift = evaluate(caseHistory(ISSUE_EXAMPLE), '2026-02-01').drift
    expect(drift).toMatchObject({
      isLookedAfter: true,
      periodOfCareStartedOn: '2025-12-19',
      daysLookedAfterInCurrentPeriod: 44,
      ageInYears: 13,
      planLateByDays: null,
      planStatus: 'upcoming',
      lastPlanningMeetingOn: '2026-01-06',
      daysSinceLastPlanningMeeting: 26,
      proceedings: [
        {
          issuedOn: '2025-01-06',
          week: 56,
          week26EndsOn: '2025-07-06',
          extendedEndsOn: '2025-08-31',
          isPast26Weeks: true,
          isPastExtendedTimetable: true,
          concludedOn: null,
        },
      ],
      a1: null,
      a2: null,
    })
    expect(drift.overdueRules).toEqual(['CP-01', 'CP-03', 'VIS-01', 'EDU-01', 'KIT-01', 'PRC-01', 'PRC-02'])
  })

  test('PP-01 plan late by 20 days when it is still missing 20 days after the second review', () => {
    const input = structuredClone(ISSUE_EXAMPLE)
    input.reviews = [{ date: '2026-01-15' }, { date: '2026-04-10' }]
    expect(evaluate(caseHistory(input), '2026-04-30').drift.planLateByDays).toBe(20)
  })

  test('A1, A2 and A10 against 426 and 121 days; A10 stops the clock when the foster carers adopt (national-returns §3.3)', () => {
    const history = caseHistory({
      child: { dateOfBirth: '2023-05-05' },
      periodsOfCare: [{ start: '2024-01-08', end: null, legalStatus: 'E1' }],
      placements: [
        { start: '2024-03-01', end: '2025-09-01', placementType: 'U6', carerId: 'AD' },
        { start: '2025-09-01', end: null, placementType: 'A5', carerId: 'AD' },
      ],
      adoption: {
        placementOrderOn: '2025-03-10',
        matchedOn: '2025-08-01',
        placedForAdoptionOn: '2025-09-01',
        adoptedByFosterCarers: true,
      },
    })
    const drift = evaluate(history, '2025-10-01').drift
    expect(drift.a1).toEqual({ days: 602, thresholdDays: 426, exceedsThreshold: true, isRunning: false })
    expect(drift.a10).toEqual({ days: 53, thresholdDays: 426, exceedsThreshold: false, isRunning: false })
    expect(drift.a2).toEqual({ days: 144, thresholdDays: 121, exceedsThreshold: true, isRunning: false })
  })
})

describe('Drift aggregation per team, worker and authority (issue 3 §5)', () => {
  const drift = (over: Partial<DriftMeasures>): DriftMeasures => ({
    isLookedAfter: true,
    periodOfCareStartedOn: calendarDay('2025-01-01'),
    daysLookedAfterInCurrentPeriod: 100,
    ageInYears: 10,
    planLateByDays: null,
    planStatus: 'upcoming',
    lastPlanningMeetingOn: null,
    daysSinceLastPlanningMeeting: null,
    proceedings: [],
    a1: null,
    a2: null,
    a10: null,
    overdueItems: 0,
    dueSoonItems: 0,
    overdueRules: [],
    ...over,
  })
  const rows: DriftRow[] = [
    {
      childId: 'a',
      teamId: 'north',
      workerId: 'w1',
      drift: drift({ daysLookedAfterInCurrentPeriod: 10, planLateByDays: 5, daysSinceLastPlanningMeeting: 30 }),
      items: [
        { rule: 'PP-01', status: 'overdue' },
        { rule: 'REV-01', status: 'overdue' },
        { rule: 'PP-04', status: 'overdue' },
      ],
    },
    {
      childId: 'b',
      teamId: 'north',
      workerId: 'w2',
      drift: drift({
        daysLookedAfterInCurrentPeriod: 30,
        daysSinceLastPlanningMeeting: 90,
        proceedings: [
          {
            issuedOn: calendarDay('2025-01-06'),
            week: 30,
            week26EndsOn: calendarDay('2025-07-06'),
            extendedEndsOn: calendarDay('2025-08-31'),
            isPast26Weeks: true,
            isPastExtendedTimetable: false,
            concludedOn: null,
          },
        ],
      }),
      items: [
        { rule: 'REV-01', status: 'overdue' },
        { rule: 'VIS-01', status: 'due-soon' },
      ],
    },
    {
      childId: 'c',
      teamId: 'south',
      workerId: 'w1',
      drift: drift({
        daysLookedAfterInCurrentPeriod: 50,
        a1: { days: 500, thresholdDays: 426, exceedsThreshold: true, isRunning: true },
      }),
      items: [{ rule: 'PP-01', status: 'met' }],
    },
  ]
  const report = aggregateDrift(rows)

  test('authority: counts by rule, children with no plan by the second review, meetings overdue, proceedings past 26 weeks, medians', () => {
    expect(report.authority).toMatchObject({
      children: 3,
      lookedAfter: 3,
      childrenWithOverdueItems: 2,
      overdueItems: 4,
      overdueItemsByRule: { 'PP-01': 1, 'REV-01': 2, 'PP-04': 1 },
      dueSoonItemsByRule: { 'VIS-01': 1 },
      childrenWithNoPlanBySecondReview: 1,
      childrenWithPlanningMeetingOverdue: 1,
      proceedingsPast26Weeks: 1,
      proceedingsPastExtendedTimetable: 0,
      adoptionsOverA1Threshold: 1,
      medianDaysLookedAfter: 30,
      medianPlanLateByDays: 5,
      medianDaysSinceLastPlanningMeeting: 60,
      medianWeekOfOpenProceedings: 30,
    })
  })

  test('by team and by worker', () => {
    expect(Object.keys(report.byTeam)).toEqual(['north', 'south'])
    expect(report.byTeam.north?.children).toBe(2)
    expect(report.byTeam.south?.overdueItems).toBe(0)
    expect(report.byWorker.w1?.children).toBe(2)
  })

  test.each([
    [[], null],
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('median of %o is %s', (values, expected) => {
    expect(median(values)).toBe(expected)
  })
})
