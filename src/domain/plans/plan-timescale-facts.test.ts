import { describe, expect, it } from 'vitest'
import { DORSET_PLAN_POLICY, TAMESIDE_PLAN_POLICY } from './plan-policy.ts'
import { recordPermanenceAchieved } from './plan-lifecycle.ts'
import { planTimescaleFacts, versionInForce } from './plan-timescale-facts.ts'
import type { PermanencePlan } from './permanence-plan.ts'
import { d, newVersionOf, option, planIn, socialWorker, unwrap } from './testing/fixtures.ts'

describe('plan dates for the timescale engine (rules.md PP-01, PP-03, PP-05)', () => {
  const v1 = planIn('ratified')
  const v2 = newVersionOf(v1, { strengths: 'Settled.' }, d('2026-02-01'))

  it('reads first sent, endorsed and ratified dates across versions; the version in force is the ratified one', () => {
    const facts = planTimescaleFacts([v2, v1], DORSET_PLAN_POLICY, null)
    expect(facts).toMatchObject({
      planId: v1.id,
      currentVersion: 1,
      currentStatus: 'ratified',
      primaryOptionType: 'special-guardianship',
      trackingKind: 'twin',
      hasViableContingency: true,
      firstStartedOn: '2025-12-20',
      firstSentToManagerOn: '2026-01-02',
      firstEndorsedOn: '2026-01-06',
      firstRatifiedOn: '2026-01-20',
      lastRatifiedOn: '2026-01-20',
      submissions: [{ version: 1, sentOn: '2026-01-02', ppmOn: '2026-01-05', latestOn: '2026-01-02', isLate: false }],
      anticipatedPermanenceByOn: '2026-06-30',
      permanenceAchieved: null,
      longTermFosteringReviewDueOn: null,
    })
    expect(facts?.assessments.map(a => a.dueOn)).toEqual(['2026-02-01', '2026-01-20', null])
    expect(facts?.keyDates).toEqual([{ id: 'kd-1', kind: 'hearing', on: '2026-03-02' }])
  })

  it('a child without a plan has no facts', () => {
    expect(planTimescaleFacts([], DORSET_PLAN_POLICY, null)).toBeNull()
    expect(versionInForce([])).toBeUndefined()
  })

  it('before anything is endorsed, the latest draft is the version in force', () => {
    expect(versionInForce([planIn('draft')])?.status).toBe('draft')
  })

  describe('PP-05: long-term fostering reviewed on the policy’s cadence ([DOR] "every 12 months")', () => {
    const ltfPlan: PermanencePlan = (() => {
      const plan = planIn('ratified')
      const options = plan.content.options.map(o =>
        o.id === 'opt-ltf'
          ? option({ ...o, isPrimary: true, status: 'being-explored' })
          : o.id === 'opt-sgo'
            ? option({ ...o, isPrimary: false, status: 'contingency', viabilityEvidence: 'Gran assessed positively.' })
            : o,
      )
      const withLtf = { ...plan, content: { ...plan.content, options } }
      return unwrap(
        recordPermanenceAchieved(
          withLtf,
          { achievedOn: d('2026-01-21'), route: 'long-term-fostering', reasons: 'Matched.' },
          socialWorker,
          d('2026-01-21'),
        ),
      ).plan
    })()

    it.each([
      ['12 months after permanence when no PPM since', null, '2027-01-21'],
      ['12 months after the latest PPM when later', '2026-06-01', '2027-06-01'],
    ] as const)('%s', (_name, lastPpmOn, expected) => {
      expect(
        planTimescaleFacts([ltfPlan], DORSET_PLAN_POLICY, lastPpmOn === null ? null : d(lastPpmOn))
          ?.longTermFosteringReviewDueOn,
      ).toBe(expected)
    })

    it('an authority without the rule has no due date', () => {
      expect(planTimescaleFacts([ltfPlan], TAMESIDE_PLAN_POLICY, null)?.longTermFosteringReviewDueOn).toBeNull()
    })
  })
})
