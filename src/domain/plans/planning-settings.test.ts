import { describe, expect, it } from 'vitest'
import { mustGoToPanel } from '../panels/panel-request.ts'
import { defaultPlanningSettings, planningSettingsFromRecord, planningSettingsToRecord } from './planning-settings.ts'

describe('planning settings per authority (rules.md §3)', () => {
  it('defaults each seeded pack to its own rules, and the national pack to the one threshold the seeds give', () => {
    expect(defaultPlanningSettings('dorset')).toMatchObject({
      guidancePolicy: 'dorset',
      plan: { planToManagerBeforePpm: { days: 3, unit: 'calendar-days' }, ppmEveryMonths: 3 },
      panel: { costThresholdPence: null },
    })
    expect(defaultPlanningSettings('tameside').guidancePolicy).toBe('tameside')
    const national = defaultPlanningSettings('national')
    expect(national.guidancePolicy).toBeNull()
    // [DEV] "resources (that cost over £2000)": strictly greater (rules.md PP-09).
    expect(mustGoToPanel({ purpose: 'resources', costPence: 200_000 }, national.panel)).toBe(false)
    expect(mustGoToPanel({ purpose: 'resources', costPence: 200_001 }, national.panel)).toBe(true)
    expect(mustGoToPanel({ purpose: 'issue-proceedings', costPence: null }, national.panel)).toBe(true)
  })

  it('round-trips stored settings, and reads an unknown stored value as none', () => {
    const devon = defaultPlanningSettings('devon')
    expect(planningSettingsFromRecord(planningSettingsToRecord(devon), 'devon')).toEqual({
      ...devon,
      plan: { ...devon.plan, name: 'devon' },
    })
    const odd = planningSettingsFromRecord(
      {
        guidancePolicy: 'narnia',
        vocabulary: 'narnia',
        planToManagerDays: 5,
        planToManagerUnit: 'fortnights',
        planToManagerUnitConfirmed: false,
        ppmEveryMonths: null,
        ltfReviewMonths: 12,
        panelCostThresholdPence: 50_000,
        purposesAlwaysToPanel: ['match', 'nonsense'],
      },
      'national',
    )
    expect(odd).toMatchObject({
      guidancePolicy: null,
      plan: { vocabulary: 'national', planToManagerBeforePpm: null, reviewAfterLongTermFosteringMonths: 12 },
      panel: { costThresholdPence: 50_000, purposesAlwaysToPanel: ['match'] },
    })
  })
})
