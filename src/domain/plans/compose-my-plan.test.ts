import { describe, expect, it } from 'vitest'
import { composeMyPlan, MyPlanSchema } from './compose-my-plan.ts'
import type { PermanencePlan } from './permanence-plan.ts'
import { OPTION_TYPE_VALUES } from './permanence-options.ts'
import { option, planIn } from './testing/fixtures.ts'

const child = { givenNames: 'Amelia Rose', preferredName: 'Amy' }

function textOf(plan: PermanencePlan, heading: string): string | undefined {
  return composeMyPlan(plan, child).sections.find(section => section.heading === heading)?.text
}

describe('"My plan": the child’s plan in plain words, a draft for the social worker to edit ([TAM] §4, §10.2; [DOR] "be wary of jargon")', () => {
  const plan = planIn('ratified')

  it('speaks to the child by their preferred name', () => {
    expect(textOf(plan, 'About this plan')).toContain('This is your plan, Amy.')
    expect(composeMyPlan(plan, { givenNames: 'Amelia Rose', preferredName: null }).sections[0]!.text).toContain(
      'Amelia.',
    )
  })

  it('quotes the child’s own words', () => {
    expect(textOf(plan, 'What you told us')).toBe('You told us: “I want to live with Nanna and see Mummy.”')
  })

  it('says where the child will live, naming the carer, in words without legal jargon', () => {
    expect(textOf(plan, 'Where you will live')).toBe(
      'The plan is for Margaret Jones to look after you until you are grown up. A judge will make them your special guardian. That means they can make the everyday and the big decisions about your life.',
    )
  })

  it('explains the parallel track and the back-up plan', () => {
    expect(textOf(plan, 'Other plans we are looking at')).toBe(
      'So that you do not have to wait, we are also looking at living at home with your family.',
    )
    expect(textOf(plan, 'If the plan cannot happen')).toContain('the back-up plan is growing up with foster carers')
  })

  it('names the important people, when it will happen and who will tell them', () => {
    expect(textOf(plan, 'People who are important to you')).toContain(
      'Margaret Jones: Weekly visits; overnight stays from February.',
    )
    expect(textOf(plan, 'When this will happen')).toBe('We hope everything will be settled by June 2026.')
    expect(textOf(plan, 'Who will talk to you about it')).toBe(
      'Sam Patel (social worker) will talk to you about your plan by February 2026.',
    )
  })

  it('uses no abbreviations a child would not know', () => {
    const text = composeMyPlan(plan, child)
      .sections.map(section => `${section.heading} ${section.text}`)
      .join(' ')
    expect(text).not.toMatch(/\b(IRO|PPM|SGO|CAO|LTF|QARO|ADM|LAC|CiC|FfA)\b/)
  })

  it('says the plan is still being worked out when there is no primary option yet', () => {
    const undecided = { ...plan, content: { ...plan.content, options: [option({ id: 'a', type: 'adoption' })] } }
    expect(textOf(undecided, 'Where you will live')).toContain('still working out')
    expect(textOf(undecided, 'If the plan cannot happen')).toBeUndefined()
  })

  it('is valid input for the edit schema, so the social worker’s edited copy can be stored', () => {
    expect(MyPlanSchema.safeParse(composeMyPlan(plan, child)).success).toBe(true)
  })

  it.each(OPTION_TYPE_VALUES)('has plain words for %s as the plan, as another plan and as the back-up', type => {
    const content = {
      ...plan.content,
      options: [
        option({ id: 'p', type, isPrimary: true }),
        option({ id: 't', type, status: 'parallel-track' }),
        option({ id: 'c', type, status: 'contingency' }),
      ],
    }
    const sections = composeMyPlan({ ...plan, content }, child).sections
    const words = sections.map(section => section.text).join(' ')
    expect(sections.find(section => section.heading === 'Where you will live')?.text).toMatch(/^The plan is for /)
    expect(words).not.toMatch(/\b(SGO|CAO|LTF|FfA|null|undefined)\b/)
  })
})
