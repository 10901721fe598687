/**
 * "My plan": the child's own account of their permanence plan, in plain words, composed from the same data as the
 * professional plan.
 *
 * The composed text is a starting draft. The social worker edits it (the result is stored as a {@link MyPlan} and
 * validated by {@link MyPlanSchema}) before it is shared, because only they know the child's words, age and
 * understanding ([TAM] §4 "We will think about your identity, needs, age and abilities when communicating with you";
 * §10.2 "Every child should have Words and Pictures"; [DOR] "Consider your audience be wary of jargon").
 *
 * Free text from the plan (the child's own words, the arrangements for seeing people) is quoted as written, so the
 * social worker can see what to soften; nothing in the draft uses an abbreviation.
 */
import { z } from 'zod'
import type { ChildDetails } from '../children/care-record.ts'
import type { CalendarDay } from '../shared/calendar-day.ts'
import type { OptionType } from './permanence-options.ts'
import type { PermanencePlan } from './permanence-plan.ts'
import { contingencies, parallelTracks, primaryOption } from './plan-queries.ts'
import type { PermanenceOption, PlanContent } from './plan-schemas.ts'
import { LongTextSchema, ShortTextSchema } from './schema-primitives.ts'

export const MyPlanSchema = z.object({
  sections: z.array(z.object({ heading: ShortTextSchema, text: LongTextSchema })),
})
export type MyPlan = z.output<typeof MyPlanSchema>

/** What "My plan" needs to know about the child. */
export type MyPlanChild = Pick<ChildDetails, 'givenNames' | 'preferredName'>

/** Each option in a child's words: what the plan is, and a short phrase for "we are also looking at…". */
const PLAIN_WORDS: Readonly<Record<OptionType, { plan: (carers: string | null) => string; phrase: string }>> = {
  reunification: {
    plan: () =>
      'The plan is for you to live at home with your family. Grown-ups will help your family so that home is a safe and happy place for you.',
    phrase: 'living at home with your family',
  },
  'family-and-friends': {
    plan: carers =>
      `The plan is for you to live with ${carers ?? 'someone in your family or a family friend'}, who will look after you.`,
    phrase: 'living with someone in your family or a family friend',
  },
  'child-arrangements-order': {
    plan: carers =>
      `The plan is for you to live with ${carers ?? 'someone in your family'}. A judge will make a special order that says you live with them.`,
    phrase: 'living with someone in your family, with an order from a judge',
  },
  'special-guardianship': {
    plan: carers =>
      `The plan is for ${carers ?? 'someone who knows you well'} to look after you until you are grown up. A judge will make them your special guardian. That means they can make the everyday and the big decisions about your life.`,
    phrase: 'living with someone who would become your special guardian',
  },
  'long-term-fostering': {
    plan: carers =>
      `The plan is for you to grow up living with ${carers ?? 'foster carers'}. Your social worker will keep visiting you to check that things are going well.`,
    phrase: 'growing up with foster carers',
  },
  'residential-care': {
    plan: () =>
      'The plan is for you to live in a children’s home, where the staff look after you and help you with the things you need.',
    phrase: 'living in a children’s home',
  },
  adoption: {
    plan: () =>
      'The plan is for you to be adopted. That means you will have a new family who will be your family for always.',
    phrase: 'being adopted by a new family',
  },
  'early-permanence': {
    plan: carers =>
      `The plan is for you to live with ${carers ?? 'carers'} who can look after you now. If you cannot go home, they will adopt you, so you will not have to move again.`,
    phrase: 'living with carers who could adopt you',
  },
  'staying-put': {
    plan: carers =>
      `The plan is for you to keep living with ${carers ?? 'your foster carers'} after you turn 18, up to when you are 21 if you both want to.`,
    phrase: 'staying with your foster carers after you are 18',
  },
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

function monthAndYear(day: CalendarDay): string {
  return `${MONTHS[Number(day.slice(5, 7)) - 1] ?? ''} ${day.slice(0, 4)}`
}

function joinNames(names: readonly string[]): string | null {
  if (names.length === 0) {
    return null
  }
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`
}

function carersOf(content: PlanContent, option: PermanenceOption): string | null {
  return joinNames(
    option.proposedCarerIds
      .map(id => content.importantPeople.find(person => person.id === id)?.name ?? '')
      .filter(name => name.trim() !== ''),
  )
}

/**
 * Composes a first draft of the child's "My plan" from their permanence plan.
 * @param plan - the version of the plan in force
 * @param child - the child's names
 * @returns sections of plain text for the social worker to edit
 */
export function composeMyPlan(plan: PermanencePlan, child: MyPlanChild): MyPlan {
  const content = plan.content
  const name = child.preferredName?.trim() || child.givenNames.trim().split(/\s+/)[0] || 'you'
  const sections: { heading: string; text: string }[] = []

  sections.push({
    heading: 'About this plan',
    text:
      `This is your plan, ${name}. It says where you will grow up and who will look after you. ` +
      'The grown-ups who care about you made it together, and they listened to what you told them.',
  })

  const views = content.views.child
  sections.push({
    heading: 'What you told us',
    text:
      views.views.trim() !== ''
        ? `You told us: “${views.views.trim()}”`
        : 'We want to know what you think about your plan. Your social worker will ask you, and you can tell them at any time.',
  })

  const primary = primaryOption(content)
  if (primary !== undefined) {
    const words = PLAIN_WORDS[primary.type]
    sections.push({ heading: 'Where you will live', text: words.plan(carersOf(content, primary)) })
  } else {
    sections.push({
      heading: 'Where you will live',
      text: 'The grown-ups are still working out the best place for you to grow up. Your social worker will tell you as soon as they know.',
    })
  }

  const tracks = parallelTracks(content)
  if (tracks.length > 0) {
    sections.push({
      heading: 'Other plans we are looking at',
      text: `So that you do not have to wait, we are also looking at ${joinNames(tracks.map(track => PLAIN_WORDS[track.type].phrase))}.`,
    })
  }

  const fallback = contingencies(content)[0]
  if (fallback !== undefined) {
    sections.push({
      heading: 'If the plan cannot happen',
      text: `If the plan cannot happen, the back-up plan is ${PLAIN_WORDS[fallback.type].phrase}. This means you will always have somewhere safe to live.`,
    })
  }

  const people = content.importantPeople.filter(person => person.name.trim() !== '')
  if (people.length > 0) {
    const lines = people.map(person => {
      const how = person.arrangementsToPromoteRelationship.trim()
      return how === '' ? person.name.trim() : `${person.name.trim()}: ${how}`
    })
    sections.push({
      heading: 'People who are important to you',
      text: `These people are important to you, and we will help you stay close to them:\n${lines.join('\n')}`,
    })
  }

  const inTouch = content.keepingInTouch.currentArrangements.trim()
  if (inTouch !== '') {
    sections.push({ heading: 'Seeing your family', text: inTouch })
  }

  if (content.siblingPlans.length > 0) {
    sections.push({
      heading: 'Your brothers and sisters',
      text: 'Your brothers and sisters have their own plans too. Your social worker will tell you about them and how you will keep in touch.',
    })
  }

  const by = content.anticipatedTimescale.permanenceByOn
  if (by !== null) {
    sections.push({
      heading: 'When this will happen',
      text: `We hope everything will be settled by ${monthAndYear(by)}.`,
    })
  }

  const sharing = content.decisionSharing
  sections.push({
    heading: 'Who will talk to you about it',
    text:
      sharing.byWhom.trim() !== ''
        ? `${sharing.byWhom.trim()} will talk to you about your plan${sharing.byOn === null ? '' : ` by ${monthAndYear(sharing.byOn)}`}.`
        : 'Your social worker will talk to you about your plan.',
  })

  sections.push({
    heading: 'Your questions',
    text:
      'You can ask your social worker or your independent reviewing officer anything about your plan, at any time. ' +
      'Your independent reviewing officer is the person who checks that your plan is right for you.',
  })

  return { sections }
}
