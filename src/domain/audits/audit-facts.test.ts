import { describe, expect, it } from 'vitest'
import type { CalendarDay } from '../shared/calendar-day.ts'
import { auditFactsFor, mergeFacts, notRecordedHere, type AuditFactInput } from './audit-facts.ts'

const day = (d: string) => d as CalendarDay

const base: AuditFactInput = {
  today: day('2026-03-02'),
  periodsOfCare: [{ startedOn: day('2025-06-02'), endedOn: null }],
  reviews: [
    { heldOn: day('2025-06-25'), participation: 'PN1' },
    { heldOn: day('2025-09-20'), participation: 'PN7' },
  ],
  placements: [
    { startedOn: day('2025-06-02'), endedOn: day('2025-08-01') },
    { startedOn: day('2025-08-01'), endedOn: null },
  ],
  siblingCount: 1,
  siblingsLivingApart: 1,
  plan: {
    firstEndorsedOn: day('2025-09-01'),
    firstRatifiedOn: day('2025-09-20'),
    primaryOptionLabel: 'Special guardianship',
    contingencies: 1,
    hasViableContingency: true,
    optionsConsidered: 3,
    optionsRuledOut: 1,
    optionsRuledOutWithReason: 1,
    assessments: 2,
    assessmentsCompleted: 1,
    areChildViewsRecorded: true,
    familyMembersConsideredAsCarers: 2,
    siblingAssessmentSummary: '',
    anticipatedPermanenceByOn: day('2026-06-01'),
    permanenceAchievedOn: null,
  },
  planningMeetings: [
    { heldOn: day('2025-08-20'), nextOn: day('2025-11-20') },
    { heldOn: day('2025-12-01'), nextOn: day('2026-03-01') },
  ],
  openActions: 2,
  overdueActions: 1,
}

const answers = (input: AuditFactInput) => Object.fromEntries(auditFactsFor(input).map(f => [f.id, f.answer]))

describe('the facts the system holds for the audit form', () => {
  it('answers each question from the record, the plan and the meetings', () => {
    expect(answers(base)).toEqual({
      'assessments-completed': 'partly',
      'plan-by-second-review': 'yes',
      'contingency-viable': 'yes',
      'planning-meetings-on-time': 'no',
      'actions-on-time': 'no',
      'child-participated-in-review': 'no',
      'child-views-recorded': 'yes',
      'family-network-considered': 'yes',
      'options-ruled-out-with-reasons': 'yes',
      'sibling-assessment-in-plan': 'no',
      'placement-stability': 'yes',
      'permanence-on-track': 'yes',
      'permanence-option': 'yes',
    })
  })

  it('says when the second review has not been held, and when there was no plan by it (PP-01)', () => {
    expect(answers({ ...base, reviews: base.reviews.slice(0, 1) })['plan-by-second-review']).toBe('not-applicable')
    expect(
      answers({ ...base, plan: { ...base.plan!, firstEndorsedOn: day('2025-10-01'), firstRatifiedOn: null } })[
        'plan-by-second-review'
      ],
    ).toBe('no')
  })

  it('answers "no plan" for plan facts when the child has none', () => {
    const facts = auditFactsFor({ ...base, plan: null, siblingCount: 0, planningMeetings: [] })
    expect(facts.find(f => f.id === 'contingency-viable')?.detail).toBe(
      'The child has no permanence plan in this system.',
    )
    expect(facts.find(f => f.id === 'sibling-assessment-in-plan')?.answer).toBe('not-applicable')
    expect(facts.find(f => f.id === 'planning-meetings-on-time')?.answer).toBe('no')
  })

  it('lets a pluggable source replace a fact or add one, and says honestly what is not recorded', () => {
    const extra = notRecordedHere('life-story-work', 'stability', 'Has life story work started?')
    expect(extra.answer).toBe('not-recorded')
    const replaced = { ...extra, id: 'placement-stability', answer: 'no' as const }
    const merged = mergeFacts(auditFactsFor(base), [extra, replaced])
    expect(merged.find(f => f.id === 'placement-stability')?.answer).toBe('no')
    expect(merged.at(-1)?.id).toBe('life-story-work')
  })
})
