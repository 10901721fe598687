import { describe, expect, it } from 'vitest'
import { DORSET_PLAN_POLICY } from './plan-policy.ts'
import { planningFactsFor } from './planning-facts.ts'
import { CHILD_ID, adm, d, endorsableContent, meeting, newVersionOf, option, planIn } from './testing/fixtures.ts'
import type { AdmDecision } from '../panels/adm-decision.ts'
import { recordOptionChangeNotPracticable, recordPermanenceAchieved } from './plan-lifecycle.ts'
import { teamManager, unwrap, socialWorker } from './testing/fixtures.ts'

const today = d('2026-02-02')

describe('planning facts for the timescale engine (issue 3 case history)', () => {
  it('gives held PPMs with the next date booked, and each version sent to the manager in the engine’s words', () => {
    const facts = planningFactsFor(CHILD_ID, {
      planVersions: [planIn('ratified')],
      meetings: [
        meeting(
          'ppm-1',
          'permanence-planning-meeting',
          { heldOn: d('2026-01-05'), nextMeetingOn: d('2026-04-06') },
          'closed',
        ),
        meeting('ppm-2', 'permanence-planning-meeting', { heldOn: d('2026-04-06') }),
        meeting('ppm-0', 'permanence-planning-meeting', { heldOn: d('2025-12-01') }, 'cancelled'),
        meeting('lg-1', 'legal-gateway', { heldOn: d('2026-02-10') }),
      ],
      actionUpdates: [],
      admDecisions: [],
      policy: DORSET_PLAN_POLICY,
      today,
    })
    expect(facts.permanenceMeetings).toEqual([{ date: '2026-01-05', nextBookedOn: '2026-04-06' }])
    expect(facts.permanencePlans).toEqual([
      {
        sentToManagerOn: '2026-01-02',
        meetingOn: '2026-01-05',
        endorsedOn: '2026-01-06',
        ratifiedAtReviewOn: '2026-01-20',
        option: 'special-guardianship-order',
        notReasonablyPracticableToReviewFirst: false,
      },
    ])
    expect(facts.policyEvents).toEqual([{ kind: 'legal-gateway', date: '2026-02-10', bookedOn: '2025-01-01' }])
    expect(facts.permanenceAchieved).toBeNull()
    expect(facts.plan?.currentStatus).toBe('ratified')
    expect(facts.meetings.upcomingOnByKind['permanence-planning-meeting']).toBe('2026-04-06')
  })

  it('marks a change of option that could not wait for a review, and maps kinship care and the routes', () => {
    const ratified = planIn('ratified')
    const content = endorsableContent()
    const changed = newVersionOf(
      ratified,
      {
        options: [
          ...content.options!.filter(o => o.id !== 'opt-sgo'),
          option({ id: 'opt-ff', type: 'family-and-friends', isPrimary: true }),
        ].map(o =>
          o.id === 'opt-home'
            ? { ...o, status: 'ruled-out', ruledOutOn: d('2026-01-21'), ruledOutReason: 'Unsafe.' }
            : o,
        ),
      },
      d('2026-01-22'),
    )
    const withEvidence = unwrap(
      recordOptionChangeNotPracticable(changed, { reasons: 'Emergency move.' }, teamManager, d('2026-01-23')),
    ).plan
    const facts = planningFactsFor(CHILD_ID, {
      planVersions: [ratified, { ...withEvidence, submission: ratified.submission }],
      meetings: [],
      actionUpdates: [],
      admDecisions: [],
      policy: DORSET_PLAN_POLICY,
      today,
    })
    expect(facts.permanencePlans.map(p => [p.option, p.notReasonablyPracticableToReviewFirst])).toEqual([
      ['special-guardianship-order', false],
      ['kinship-care', true],
    ])
  })

  it('gives permanence achieved by long-term fostering and when its 12-monthly review is due (PP-05)', () => {
    const content = endorsableContent()
    const ltf = planIn('ratified', {
      ...content,
      options: content.options!.map(o =>
        o.id === 'opt-ltf'
          ? { ...o, isPrimary: true, status: 'being-explored' as const, viabilityEvidence: '' }
          : o.id === 'opt-sgo'
            ? { ...o, isPrimary: false, status: 'contingency' as const, viabilityEvidence: 'Gran assessed.' }
            : o,
      ),
    })
    const achieved = unwrap(
      recordPermanenceAchieved(
        ltf,
        { achievedOn: d('2026-01-25'), route: 'long-term-fostering', reasons: '' },
        socialWorker,
        today,
      ),
    ).plan
    const facts = planningFactsFor(CHILD_ID, {
      planVersions: [achieved],
      meetings: [],
      actionUpdates: [],
      admDecisions: [],
      policy: DORSET_PLAN_POLICY,
      today,
    })
    expect(facts.permanenceAchieved).toEqual({ on: '2026-01-25', route: 'long-term-fostering' })
    expect(facts.plan?.longTermFosteringReviewDueOn).toBe('2027-01-25')
  })

  it('gives the agency decision maker’s agreed decisions, earliest first, and ignores ones not agreed', () => {
    const decision = (kind: AdmDecision['kind'], decidedOn: string, outcome: AdmDecision['outcome']): AdmDecision => ({
      id: `${kind}-${decidedOn}`,
      childId: CHILD_ID,
      kind,
      outcome,
      reasons: 'Reasons.',
      decidedOn: d(decidedOn),
      panelMeetingId: null,
      panelRecommendation: '',
      decidedBy: adm,
      recordedOn: d(decidedOn),
    })
    const facts = planningFactsFor(CHILD_ID, {
      planVersions: [],
      meetings: [],
      actionUpdates: [],
      admDecisions: [
        decision('should-be-placed-for-adoption', '2025-11-01', 'not-agreed'),
        decision('should-be-placed-for-adoption', '2025-12-01', 'agreed'),
        decision('adoption-match', '2026-01-15', 'agreed'),
        decision('long-term-fostering-match', '2026-01-20', 'agreed'),
      ],
      policy: DORSET_PLAN_POLICY,
      today,
    })
    expect(facts.adoption).toEqual({ shouldBePlacedDecisionOn: '2025-12-01', matchedOn: '2026-01-15' })
    expect(facts.longTermFosteringMatchedOn).toBe('2026-01-20')
    expect(facts.plan).toBeNull()
    expect(facts.permanencePlans).toEqual([])
  })
})
