import { describe, expect, it } from 'vitest'
import type { PermanencePlan } from './permanence-plan.ts'
import {
  optionChangeOf,
  validatePlanForEndorsement,
  validatePlanStructure,
  type SiblingPlanSummary,
} from './plan-rules.ts'
import type { PlanContent } from './plan-schemas.ts'
import { CHILD_ID, SIBLING_ID, assessment, d, iro, option, planIn, socialWorker } from './testing/fixtures.ts'

const TODAY = d('2026-01-21')

function withContent(mutate: (content: PlanContent) => void, plan: PermanencePlan = planIn('draft')): PermanencePlan {
  const content = structuredClone<PlanContent>(plan.content)
  mutate(content)
  return { ...plan, content }
}

function optionById(content: PlanContent, id: string): PlanContent['options'][number] {
  const found = content.options.find(candidate => candidate.id === id)
  if (found === undefined) {
    throw new Error(`no option ${id}`)
  }
  return found
}

describe('plan structure: rules every version meets on every edit', () => {
  it('a complete twin-tracked plan breaks none', () => {
    expect(validatePlanStructure(planIn('draft'), TODAY)).toEqual([])
  })

  it.each<[string, (content: PlanContent) => void, string, readonly (string | number)[]]>([
    [
      'ids are unique within a list',
      c => c.options.push({ ...c.options[0]!, isPrimary: false }),
      'duplicate-id',
      ['content', 'options', 4, 'id'],
    ],
    [
      'only one option is the primary plan ([DOR] Golden Rules "Only choose one Permanence option")',
      c => Object.assign(optionById(c, 'opt-home'), { isPrimary: true, status: 'being-explored' }),
      'more-than-one-primary-option',
      ['content', 'options', 1, 'isPrimary'],
    ],
    [
      'the primary plan is not also the contingency',
      c => (optionById(c, 'opt-sgo').status = 'contingency'),
      'primary-option-status-not-allowed',
      ['content', 'options', 0, 'status'],
    ],
    [
      'a ruled-out option needs a reason ([TAM] §5 "analysis of the options chosen and discounted")',
      c => (optionById(c, 'opt-adopt').ruledOutReason = '  '),
      'option-ruled-out-without-reason',
      ['content', 'options', 3, 'ruledOutReason'],
    ],
    [
      'a ruled-out option needs a date',
      c => (optionById(c, 'opt-adopt').ruledOutOn = null),
      'option-ruled-out-without-date',
      ['content', 'options', 3, 'ruledOutOn'],
    ],
    [
      'a ruled-out date is not in the future',
      c => (optionById(c, 'opt-adopt').ruledOutOn = d('2026-02-01')),
      'date-in-future',
      ['content', 'options', 3, 'ruledOutOn'],
    ],
    [
      'only the permanence-achieved command marks an option achieved',
      c => (optionById(c, 'opt-sgo').status = 'achieved'),
      'option-achieved-without-permanence-recorded',
      ['content', 'options', 0, 'status'],
    ],
    [
      'an option links only to this plan’s assessments',
      c => optionById(c, 'opt-sgo').assessmentIds.push('nope'),
      'unknown-assessment',
      ['content', 'options', 0, 'assessmentIds', 1],
    ],
    [
      'proposed carers are people important to the child',
      c => optionById(c, 'opt-sgo').proposedCarerIds.push('nobody'),
      'unknown-important-person',
      ['content', 'options', 0, 'proposedCarerIds', 1],
    ],
    [
      'an assessment is not due before it was requested',
      c => (c.assessments[0]!.dueOn = d('2025-10-01')),
      'assessment-due-before-requested',
      ['content', 'assessments', 0, 'dueOn'],
    ],
    [
      'an assessment is not completed before it was requested',
      c => (c.assessments[2]!.completedOn = d('2025-11-01')),
      'assessment-completed-before-requested',
      ['content', 'assessments', 2, 'completedOn'],
    ],
    [
      'an assessment with an outcome has a completion date ([DOR] "capture all key dates … assessments")',
      c => (c.assessments[0]!.outcome = 'positive'),
      'assessment-outcome-without-completion-date',
      ['content', 'assessments', 0, 'completedOn'],
    ],
    [
      'an important person has a name',
      c => (c.importantPeople[0]!.name = ''),
      'important-person-name-missing',
      ['content', 'importantPeople', 0, 'name'],
    ],
    [
      'a person ruled out as a carer has a reason ([TAM] App 5 "how they have been considered")',
      c => (c.importantPeople[1]!.asCarer = { outcome: 'ruled-out', notes: '' }),
      'important-person-ruled-out-without-reason',
      ['content', 'importantPeople', 1, 'asCarer', 'notes'],
    ],
    [
      'a sibling plan is not the child’s own',
      c => c.siblingPlans.push({ childId: CHILD_ID, planId: null, reasonPlansDiffer: '' }),
      'sibling-plan-is-own-plan',
      ['content', 'siblingPlans', 0, 'childId'],
    ],
  ])('%s', (_name, mutate, code, path) => {
    expect(validatePlanStructure(withContent(mutate), TODAY)).toEqual([expect.objectContaining({ code, path })])
  })
})

const ADOPTION_PLAN = (c: PlanContent): void => {
  // Adoption is the plan; every other option ruled out with a reason, LTF kept as the contingency.
  c.options = [
    option({ id: 'a', type: 'adoption', isPrimary: true }),
    option({
      id: 'h',
      type: 'reunification',
      status: 'ruled-out',
      ruledOutOn: d('2025-12-01'),
      ruledOutReason: 'Parenting assessment negative.',
    }),
    option({
      id: 'f',
      type: 'special-guardianship',
      status: 'ruled-out',
      ruledOutOn: d('2025-12-01'),
      ruledOutReason: 'No relative able to care.',
    }),
    option({
      id: 'l',
      type: 'long-term-fostering',
      status: 'contingency',
      viabilityEvidence: 'Carers approved.',
      reasonNotPrimary: 'A baby needs a family for life; fostering would leave Amy in care until 18.',
    }),
  ]
}

describe('endorsement: what a plan needs before a team manager endorses it', () => {
  const endorse = (plan: PermanencePlan, siblings: readonly SiblingPlanSummary[] = []): string[] =>
    validatePlanForEndorsement(plan, siblings).map(error => error.code)

  it('a complete twin-tracked plan with a viable contingency can be endorsed', () => {
    expect(endorse(planIn('considered-at-ppm'))).toEqual([])
  })

  it.each<[string, (content: PlanContent) => void, string[]]>([
    [
      'exactly one primary plan: none chosen ([DOR] Golden Rules)',
      c => (optionById(c, 'opt-sgo').isPrimary = false),
      ['no-primary-option'],
    ],
    [
      'a contingency plan ([TAM] §3 "a viable contingency plan")',
      c => (optionById(c, 'opt-ltf').status = 'parallel-track'),
      ['no-contingency'],
    ],
    [
      'how we know the contingency is viable ([TAM] App 5)',
      c => (optionById(c, 'opt-ltf').viabilityEvidence = ''),
      ['contingency-without-viability-evidence'],
    ],
    [
      'a contingency an assessment found not viable is refused ([TAM] §10.3)',
      c => (c.assessments.find(a => a.id === 'as-ltf')!.outcome = 'negative'),
      ['contingency-assessed-not-viable'],
    ],
    [
      'the child’s views ([DOR] "the plan must set out their views and wishes")',
      c => (c.views.child.views = ''),
      ['child-views-not-recorded'],
    ],
    [
      'the anticipated timescale ([TAM] App 5)',
      c => (c.anticipatedTimescale = { permanenceByOn: null, explanation: '' }),
      ['anticipated-timescale-missing'],
    ],
    [
      'how and by whom the decision is shared with the child ([TAM] App 5)',
      c => (c.decisionSharing.byWhom = ''),
      ['decision-sharing-not-recorded'],
    ],
    [
      'adoption as the plan: a parallel track not ruled out is refused (Re B [2013] UKSC 33 "nothing else will do")',
      c => {
        ADOPTION_PLAN(c)
        c.options[1] = option({ id: 'h', type: 'reunification', status: 'parallel-track' })
      },
      ['adoption-primary-option-not-ruled-out'],
    ],
    [
      'adoption as the plan: the contingency says why it is not the plan',
      c => {
        ADOPTION_PLAN(c)
        c.options[3]!.reasonNotPrimary = ''
      },
      ['contingency-without-reason-not-primary'],
    ],
    [
      'adoption as the plan: a family-network option was considered ([TAM] §2.3, §8.7)',
      c => {
        ADOPTION_PLAN(c)
        c.options.splice(2, 1)
      },
      ['adoption-primary-alternative-not-considered'],
    ],
  ])('%s', (_name, mutate, expected) => {
    expect(endorse(withContent(mutate, planIn('considered-at-ppm')))).toEqual(expected)
  })

  it('adoption as the plan with every other option ruled out and a reasoned contingency can be endorsed', () => {
    expect(endorse(withContent(ADOPTION_PLAN, planIn('considered-at-ppm')))).toEqual([])
  })

  it('the child’s views may instead say why they could not be given (a baby)', () => {
    const plan = withContent(c => {
      c.views.child.views = ''
      c.views.child.notCapturedReason = 'Amy is 4 months old; observed with her carers.'
    }, planIn('considered-at-ppm'))
    expect(endorse(plan)).toEqual([])
  })

  it('more than one primary plan is refused at endorsement too', () => {
    const plan = withContent(c => (optionById(c, 'opt-home').isPrimary = true), planIn('considered-at-ppm'))
    expect(endorse(plan)).toContain('more-than-one-primary-option')
  })
})

describe('sibling groups: each child has their own plan, the plans show each other ([TAM] App 5 note)', () => {
  const sibling = (primaryOptionType: SiblingPlanSummary['primaryOptionType']): SiblingPlanSummary => ({
    childId: SIBLING_ID,
    planId: 'plan-ben',
    primaryOptionType,
  })
  const referencing = (reason: string): PermanencePlan =>
    withContent(
      c => c.siblingPlans.push({ childId: SIBLING_ID, planId: 'plan-ben', reasonPlansDiffer: reason }),
      planIn('considered-at-ppm'),
    )

  it.each<[string, PermanencePlan, SiblingPlanSummary, string[]]>([
    [
      'a sibling’s plan that is not referenced is refused',
      planIn('considered-at-ppm'),
      sibling('special-guardianship'),
      ['sibling-plan-not-referenced'],
    ],
    ['plans with the same primary option need no reason', referencing(''), sibling('special-guardianship'), []],
    [
      'plans that differ need a reason',
      referencing(''),
      sibling('long-term-fostering'),
      ['sibling-plan-difference-without-reason'],
    ],
    [
      'plans that differ with a reason are accepted',
      referencing('Ben (15) wants to stay with his carers.'),
      sibling('long-term-fostering'),
      [],
    ],
  ])('%s', (_name, plan, summary, expected) => {
    expect(validatePlanForEndorsement(plan, [summary]).map(error => error.code)).toEqual(expected)
  })
})

describe('PP-08: a change of permanence option (CPPCR 2010 reg 32(2); docs/adr/0021)', () => {
  const ratified = planIn('ratified')
  const base: PermanencePlan = {
    ...ratified,
    version: 2,
    status: 'considered-at-ppm',
    basedOnVersion: 1,
    lastRatified: { version: 1, primaryOptionType: 'special-guardianship', ratifiedOn: d('2026-01-20') },
  }
  const toLtf = withContent(c => {
    optionById(c, 'opt-sgo').isPrimary = false
    optionById(c, 'opt-sgo').status = 'ruled-out'
    optionById(c, 'opt-sgo').ruledOutOn = d('2026-01-20')
    optionById(c, 'opt-sgo').ruledOutReason = 'Gran withdrew.'
    optionById(c, 'opt-ltf').isPrimary = true
    optionById(c, 'opt-ltf').status = 'being-explored'
    c.options.push(
      option({ id: 'opt-res', type: 'residential-care', status: 'contingency', viabilityEvidence: 'Home identified.' }),
    )
  }, base)
  const review = { on: d('2026-02-01'), by: iro, reasons: 'Considered; agreed.', reviewMeetingId: 'rev-3' }

  it('the same primary type (even with a different carer) is not a change', () => {
    expect(optionChangeOf(base)).toBeNull()
  })

  it('a different primary type is a change from the last ratified type', () => {
    expect(optionChangeOf(toLtf)).toEqual({ fromType: 'special-guardianship', toType: 'long-term-fostering' })
  })

  it('nothing ratified yet means no change to evidence', () => {
    expect(optionChangeOf({ ...toLtf, lastRatified: null })).toBeNull()
  })

  it.each<[string, PermanencePlan['optionChange'], string[]]>([
    ['without evidence, endorsement is refused', null, ['option-change-not-considered-at-review']],
    [
      'considered at a statutory review first: endorsement allowed',
      {
        fromType: 'special-guardianship',
        toType: 'long-term-fostering',
        consideredAtReview: review,
        notReasonablyPracticable: null,
      },
      [],
    ],
    [
      'not reasonably practicable, with reasons: endorsement allowed',
      {
        fromType: 'special-guardianship',
        toType: 'long-term-fostering',
        consideredAtReview: null,
        notReasonablyPracticable: { on: d('2026-02-01'), by: socialWorker, reasons: 'Emergency move.' },
      },
      [],
    ],
    [
      'evidence about a different change does not count',
      {
        fromType: 'special-guardianship',
        toType: 'adoption',
        consideredAtReview: review,
        notReasonablyPracticable: null,
      },
      ['option-change-not-considered-at-review'],
    ],
  ])('%s', (_name, optionChange, expected) => {
    expect(validatePlanForEndorsement({ ...toLtf, optionChange }, []).map(error => error.code)).toEqual(expected)
  })
})

describe('plan structure also checks assessments added later', () => {
  it('a negative assessment is accepted as a fact; only a contingency relying on it is refused at endorsement', () => {
    const plan = withContent(c =>
      c.assessments.push(assessment({ id: 'x', kind: 'viability', completedOn: d('2026-01-10'), outcome: 'negative' })),
    )
    expect(validatePlanStructure(plan, TODAY)).toEqual([])
  })
})
