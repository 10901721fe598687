import { describe, expect, it } from 'vitest'
import type { Meeting } from '../meetings/meeting.ts'
import type { MeetingRecord } from '../meetings/meeting-schemas.ts'
import { InviteeSchema, MeetingActionSchema } from '../meetings/meeting-schemas.ts'
import type { CalendarDay } from '../shared/calendar-day.ts'
import {
  checkPlanAgainstGuidance,
  type GuidanceContext,
  type GuidanceOutcome,
  type GuidancePolicyName,
} from './guidance-checks.ts'
import type { PermanencePlan } from './permanence-plan.ts'
import type { PlanContent } from './plan-schemas.ts'
import { SIBLING_ID, d, iro, meeting, option, planIn } from './testing/fixtures.ts'

const TODAY = d('2026-01-21')

const invitees = [
  InviteeSchema.parse({ id: 'i-qaro', name: 'Imran Rahman', role: 'iro', attendance: 'attended' }),
  InviteeSchema.parse({ id: 'i-sw', name: 'Sam Patel', role: 'social-worker', attendance: 'attended' }),
  InviteeSchema.parse({
    id: 'i-mum',
    name: 'Kelly Jones',
    personId: 'p-mum',
    role: 'parent',
    holdsParentalResponsibility: true,
    attendance: 'not-invited',
    notInvitedReason: 'Agreed with the TM: risk of confrontation with the carers.',
    notInvitedAgreedWith: 'Tess Morgan',
    tellHow: 'Home visit by the social worker',
    tellByOn: d('2026-01-09'),
  }),
]
const actions = [
  MeetingActionSchema.parse({
    id: 'a-1',
    description: 'Book the SGO assessment panel',
    owner: 'Sam Patel',
    dueOn: d('2026-02-01'),
  }),
]

function ppm(id: string, heldOn: string, record: Partial<MeetingRecord> = {}): Meeting {
  return meeting(
    id,
    'permanence-planning-meeting',
    { heldOn: d(heldOn), invitees, actions, nextMeetingOn: d('2026-04-01'), minutes: 'Minutes.', ...record },
    'closed',
  )
}

function review(id: string, heldOn: string): Meeting {
  return meeting(id, 'statutory-review', { heldOn: d(heldOn), minutes: 'Review.' }, 'closed')
}

const BASE_MEETINGS: readonly Meeting[] = [
  meeting('fgc-1', 'family-group-conference', { heldOn: d('2025-11-20') }, 'closed'),
  review('rev-1', '2025-12-15'),
  ppm('ppm-1', '2026-01-05'),
  review('rev-2', '2026-01-20'),
]

interface Scenario {
  plan?: PermanencePlan
  meetings?: readonly Meeting[]
  today?: CalendarDay
  context?: GuidanceContext
}

function outcomeOf(
  policy: GuidancePolicyName,
  rule: string,
  scenario: Scenario = {},
): { outcome: GuidanceOutcome; detail: string } {
  const checks = checkPlanAgainstGuidance(
    scenario.plan ?? planIn('ratified'),
    scenario.meetings ?? BASE_MEETINGS,
    policy,
    scenario.today ?? TODAY,
    scenario.context,
  )
  const found = checks.find(candidate => candidate.rule === rule)
  if (found === undefined) {
    throw new Error(`no rule ${rule}`)
  }
  expect(found.met).toBe(found.outcome !== 'not-met')
  return { outcome: found.outcome, detail: found.detail }
}

function planWith(mutate: (content: PlanContent) => void, plan: PermanencePlan = planIn('ratified')): PermanencePlan {
  const content = structuredClone<PlanContent>(plan.content)
  mutate(content)
  return { ...plan, content }
}

describe.each(['dorset', 'tameside', 'devon'] as const)(
  '%s guidance: a well-run case meets every rule that applies',
  policy => {
    it('has no unmet rule', () => {
      const unmet = checkPlanAgainstGuidance(planIn('ratified'), BASE_MEETINGS, policy, TODAY).filter(
        check => !check.met,
      )
      expect(unmet).toEqual([])
    })

    it('every check names its seed', () => {
      for (const check of checkPlanAgainstGuidance(planIn('ratified'), BASE_MEETINGS, policy, TODAY)) {
        expect(check.source).toMatch(/^\[(DOR|TAM|DEV)\]/)
      }
    })
  },
)

describe('Dorset Golden Rules ([DOR] Permanence Plan and PPM Guidance)', () => {
  it.each<[string, string, Scenario, GuidanceOutcome]>([
    [
      'PP and PPM before the second CIC review: none before it',
      'dor-pp-and-ppm-before-second-review',
      { meetings: [review('r1', '2025-12-15'), review('r2', '2026-01-03'), ppm('p', '2026-01-05')] },
      'not-met',
    ],
    [
      'PP and PPM before the second CIC review: second review not yet held',
      'dor-pp-and-ppm-before-second-review',
      { meetings: [review('r1', '2025-12-15')], plan: planIn('draft') },
      'not-yet-due',
    ],
    [
      'Team manager chairs the PPM: chaired by someone else',
      'dor-tm-chairs-ppm',
      { meetings: [ppm('p', '2026-01-05', { chair: { name: 'Sam', userId: null, role: 'social-worker' } })] },
      'not-met',
    ],
    [
      'PP sent to TM 3 days before the PPM: late',
      'dor-pp-sent-before-ppm',
      { plan: { ...planIn('ratified'), submission: { ...planIn('ratified').submission!, isLate: true, daysLate: 2 } } },
      'not-met',
    ],
    [
      'PP sent to TM 3 days before the PPM: not sent yet',
      'dor-pp-sent-before-ppm',
      { plan: planIn('draft') },
      'not-yet-due',
    ],
    [
      'PPM every 3 months: the last PPM was more than 3 months ago',
      'dor-ppm-every-3-months',
      { today: d('2026-04-06') },
      'not-met',
    ],
    [
      'QARO and PR holders invited or reason recorded: QARO not invited',
      'dor-qaro-and-pr-invited',
      { meetings: [ppm('p', '2026-01-05', { invitees: invitees.filter(invitee => invitee.role !== 'iro') })] },
      'not-met',
    ],
    [
      'QARO and PR holders invited or reason recorded: a PR holder missing from the list',
      'dor-qaro-and-pr-invited',
      { context: { parentalResponsibilityHolders: [{ personId: 'p-dad', name: 'Lee Smith' }] } },
      'not-met',
    ],
    [
      'QARO and PR holders invited or reason recorded: PR holders all accounted for',
      'dor-qaro-and-pr-invited',
      { context: { parentalResponsibilityHolders: [{ personId: 'p-mum', name: 'Kelly Jones' }] } },
      'met',
    ],
    [
      'Views of the child, parents and QARO recorded: no QARO view',
      'dor-views-recorded',
      { plan: planWith(c => (c.views.others = c.views.others.filter(v => v.role !== 'iro'))) },
      'not-met',
    ],
    [
      'All four permanence options considered: adoption never considered',
      'dor-all-options-considered',
      { plan: planWith(c => (c.options = c.options.filter(o => o.type !== 'adoption'))) },
      'not-met',
    ],
    [
      'Only one permanence option chosen: none',
      'dor-one-permanence-option',
      { plan: planWith(c => c.options.forEach(o => (o.isPrimary = false))) },
      'not-met',
    ],
    [
      'Contingency recorded: no viability evidence',
      'dor-contingency-recorded',
      { plan: planWith(c => c.options.forEach(o => (o.viabilityEvidence = ''))) },
      'not-met',
    ],
    [
      'Actions have timescales: an action without a due date',
      'dor-actions-have-timescales',
      { meetings: [ppm('p', '2026-01-05', { actions: [{ ...actions[0]!, dueOn: null }] })] },
      'not-met',
    ],
    [
      'Next meeting booked: none booked',
      'dor-next-meeting-booked',
      { meetings: [ppm('p', '2026-01-05', { nextMeetingOn: null })] },
      'not-met',
    ],
    ['Next meeting booked: no PPM yet', 'dor-next-meeting-booked', { meetings: [] }, 'not-yet-due'],
    [
      'Long-term fostering reviewed every 12 months: not achieved through LTF',
      'dor-ltf-review-12-months',
      {},
      'not-applicable',
    ],
    [
      'Long-term fostering reviewed every 12 months: overdue',
      'dor-ltf-review-12-months',
      {
        plan: {
          ...planIn('ratified'),
          permanenceAchieved: {
            on: d('2024-06-01'),
            route: 'long-term-fostering',
            optionId: 'x',
            recordedBy: iro,
            recordedOn: d('2024-06-01'),
            reasons: '',
          },
        },
        meetings: [ppm('p', '2024-12-01')],
      },
      'not-met',
    ],
    ['Change of option taken to a CIC review: no change', 'dor-option-change-at-review', {}, 'not-applicable'],
    [
      'Change of option taken to a CIC review: changed without a review',
      'dor-option-change-at-review',
      {
        plan: {
          ...planIn('ratified'),
          lastRatified: { version: 1, primaryOptionType: 'adoption', ratifiedOn: d('2025-06-01') },
        },
      },
      'not-met',
    ],
    [
      'Key dates for assessments captured: an undated assessment',
      'dor-key-dates-captured',
      { plan: planWith(c => (c.assessments[0]!.dueOn = null)) },
      'not-met',
    ],
  ])('%s', (_name, rule, scenario, expected) => {
    expect(outcomeOf('dorset', rule, scenario).outcome).toBe(expected)
  })

  it('explains a late plan in words', () => {
    const late = { ...planIn('ratified'), submission: { ...planIn('ratified').submission!, isLate: true, daysLate: 2 } }
    expect(outcomeOf('dorset', 'dor-pp-sent-before-ppm', { plan: late }).detail).toBe(
      'Sent on 2 January 2026 for the PPM on 5 January 2026: 2 day(s) late.',
    )
  })
})

describe('Tameside Appendix 5 template and Appendix 4 practice standard ([TAM])', () => {
  const withPrevious = [ppm('ppm-0', '2025-12-01', { nextMeetingOn: d('2026-01-05') }), ...BASE_MEETINGS]

  it.each<[string, string, Scenario, GuidanceOutcome]>([
    [
      'Date of meeting and attendees: nobody attended',
      'tam-meeting-date-and-attendees',
      { meetings: [ppm('p', '2026-01-05', { invitees: [] })] },
      'not-met',
    ],
    [
      'Review of actions set at the last meeting: not reviewed',
      'tam-review-of-last-actions',
      { meetings: withPrevious },
      'not-met',
    ],
    [
      'Review of actions set at the last meeting: reviewed',
      'tam-review-of-last-actions',
      {
        meetings: [
          ppm('ppm-0', '2025-12-01'),
          ppm('ppm-1', '2026-01-05', {
            actionReviews: [{ actionId: 'a-1', fromMeetingId: 'ppm-0', status: 'done', comment: '' }],
          }),
        ],
      },
      'met',
    ],
    [
      'Why the meeting is held: no intended outcomes',
      'tam-why-meeting-held',
      { plan: planWith(c => (c.intendedOutcomes = '')) },
      'not-met',
    ],
    [
      'Important people: one not yet considered',
      'tam-important-people',
      { plan: planWith(c => (c.importantPeople[0]!.asSupport.outcome = 'not-yet-considered')) },
      'not-met',
    ],
    ['Current strengths: blank', 'tam-strengths', { plan: planWith(c => (c.strengths = '')) }, 'not-met'],
    ['Barriers: blank', 'tam-barriers', { plan: planWith(c => (c.barriers = '')) }, 'not-met'],
    ['Views of the child: blank', 'tam-child-views', { plan: planWith(c => (c.views.child.views = '')) }, 'not-met'],
    [
      'Options: one without risks',
      'tam-options-strengths-risks',
      { plan: planWith(c => (c.options[1]!.risks = '')) },
      'not-met',
    ],
    ['Sibling assessment: no siblings', 'tam-sibling-assessment', {}, 'not-applicable'],
    [
      'Sibling assessment: siblings but no summary',
      'tam-sibling-assessment',
      { plan: planWith(c => c.siblingPlans.push({ childId: SIBLING_ID, planId: null, reasonPlansDiffer: '' })) },
      'not-met',
    ],
    [
      'Siblings’ plans: a difference not explained',
      'tam-sibling-plans-explained',
      { context: { siblingPlans: [{ childId: SIBLING_ID, planId: 'plan-ben', primaryOptionType: 'adoption' }] } },
      'not-met',
    ],
    [
      'Contingency plan viable: none',
      'tam-contingency-viable',
      { plan: planWith(c => (c.options = c.options.filter(o => o.status !== 'contingency'))) },
      'not-met',
    ],
    [
      'Anticipated timescale: none',
      'tam-anticipated-timescale',
      { plan: planWith(c => (c.anticipatedTimescale = { permanenceByOn: null, explanation: '' })) },
      'not-met',
    ],
    [
      'Actions with timescales: no owner',
      'tam-actions-with-timescales',
      { meetings: [ppm('p', '2026-01-05', { actions: [{ ...actions[0]!, owner: '' }] })] },
      'not-met',
    ],
    [
      'Decision shared with the child: by whom missing',
      'tam-decision-shared-with-child',
      { plan: planWith(c => (c.decisionSharing.byWhom = '')) },
      'not-met',
    ],
    [
      'Date of next meeting: none',
      'tam-date-of-next-meeting',
      { meetings: [ppm('p', '2026-01-05', { nextMeetingOn: null })] },
      'not-met',
    ],
    [
      'Plan ratified at the second review: ratified later',
      'tam-plan-ratified-at-second-review',
      { meetings: [review('r1', '2025-11-01'), review('r2', '2025-12-20'), ppm('p', '2025-12-01')] },
      'not-met',
    ],
    [
      'Plan ratified at the second review: not yet held and not ratified',
      'tam-plan-ratified-at-second-review',
      { plan: planIn('endorsed'), meetings: [review('r1', '2025-12-15')] },
      'not-yet-due',
    ],
    [
      'A PPM between each pair of reviews: none between them',
      'tam-ppm-between-reviews',
      { meetings: [review('r1', '2025-12-15'), review('r2', '2026-01-20')] },
      'not-met',
    ],
    [
      'A PPM between each pair of reviews: fewer than two reviews',
      'tam-ppm-between-reviews',
      { meetings: [review('r1', '2025-12-15')] },
      'not-yet-due',
    ],
  ])('%s', (_name, rule, scenario, expected) => {
    expect(outcomeOf('tameside', rule, scenario).outcome).toBe(expected)
  })
})

describe('Devon One Minute Guide ([DEV])', () => {
  it.each<[string, string, Scenario, GuidanceOutcome]>([
    [
      'Family explored through a family group conference: none held',
      'dev-family-group-conference',
      { meetings: BASE_MEETINGS.filter(m => m.kind !== 'family-group-conference') },
      'not-met',
    ],
    [
      'Plan established at the second review: not ratified by then',
      'dev-plan-at-second-review',
      { plan: planIn('endorsed') },
      'not-met',
    ],
    [
      'One primary plan: two',
      'dev-one-primary-plan',
      { plan: planWith(c => c.options.push(option({ id: 'z', type: 'adoption', isPrimary: true }))) },
      'not-met',
    ],
    [
      'Contingency: none',
      'dev-contingency',
      { plan: planWith(c => (c.options = c.options.filter(o => o.status !== 'contingency'))) },
      'not-met',
    ],
    ['Voice: no views', 'dev-child-voice', { plan: planWith(c => (c.views.child.views = '')) }, 'not-met'],
  ])('%s', (_name, rule, scenario, expected) => {
    expect(outcomeOf('devon', rule, scenario).outcome).toBe(expected)
  })
})

describe('meetings that did not happen do not count', () => {
  it('a cancelled PPM is not a PPM held', () => {
    const cancelled = { ...ppm('p', '2026-01-05'), status: 'cancelled' as const }
    expect(outcomeOf('dorset', 'dor-tm-chairs-ppm', { meetings: [cancelled] }).outcome).toBe('not-yet-due')
  })

  it('a PPM booked for the future is not a PPM held', () => {
    expect(outcomeOf('dorset', 'dor-next-meeting-booked', { meetings: [ppm('p', '2026-02-05')] }).outcome).toBe(
      'not-yet-due',
    )
  })
})
