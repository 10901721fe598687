/**
 * E-PF: is the child privately fostered (CA89 s.66; rules.md §4, §6 D15)? A child under 16 (18 if disabled), not
 * looked after, cared for by someone who is not a parent, a person with parental responsibility or a relative
 * (s.105, including a step-parent), for 28 days or more or intended to be.
 */
import { longDay as fmt, isoDay, dayNumberOf } from '../../deadlines/day-format.ts'
import { PARENT_RELATIONSHIPS, RELATIVE_RELATIONSHIPS } from '../../children/codes.ts'
import { type EvaluationContext, birthday, periodOn } from '../context.ts'
import { type EligibilityResult, eligibilityResult } from './eligibility-result.ts'
import type { Spell, SpellsByPerson } from './living-history.ts'

type Person = EvaluationContext['history']['people'][number]

const SOURCE = 'CA89 s.66, s.105'

/**
 * Whether a carer's relationship rules out private fostering, and why.
 * @param person - the carer
 * @returns the reason, or null when the carer could be a private foster carer
 */
export function privateFosteringExclusion(person: Person): string | null {
  if (PARENT_RELATIONSHIPS.has(person.relationship)) {
    return 'the carer is a parent'
  }
  if (person.holdsParentalResponsibility) {
    return 'the carer has parental responsibility'
  }
  if (RELATIVE_RELATIONSHIPS.has(person.relationship)) {
    return 'the carer is a relative within CA89 s.105 (grandparent, brother, sister, uncle, aunt or step-parent)'
  }
  return null
}

/**
 * E-PF for one arrangement or spell.
 * @param ctx - the context
 * @param person - the carer
 * @param startedOn - when the child started living with them
 * @param endedOn - first day away, or null
 * @param intendedDays - how long it was intended to last, if known
 * @returns the result
 */
export function privateFosteringResult(
  ctx: EvaluationContext,
  person: Person,
  startedOn: number,
  endedOn: number | null,
  intendedDays: number | null,
): EligibilityResult {
  const limit = birthday(ctx, ctx.history.child.isDisabled === true ? 18 : 16)
  const base = {
    predicate: 'E-PF' as const,
    personId: person.id,
    order: null,
    source: SOURCE,
    until: isoDay(limit - 1),
  }
  const reasons: string[] = []
  const exclusion = privateFosteringExclusion(person)
  if (exclusion !== null) {
    reasons.push(exclusion)
  }
  if (startedOn >= limit) {
    reasons.push(
      `the child was ${ctx.history.child.isDisabled === true ? '18' : '16'} or over when the arrangement began`,
    )
  }
  if (periodOn(ctx, startedOn) !== undefined) {
    reasons.push('the child was looked after by the local authority')
  }
  const end = endedOn ?? Infinity
  const nights = Math.min(end, ctx.asOf) - startedOn
  const intendedLong = intendedDays !== null && intendedDays >= 28
  const from = intendedLong ? startedOn : startedOn + 28
  if (!intendedLong && end < startedOn + 28) {
    reasons.push(`the arrangement lasted ${end - startedOn} days and was not intended to last 28 days or more`)
  }
  if (reasons.length > 0) {
    return eligibilityResult(
      base,
      'not-eligible',
      null,
      base.until,
      null,
      `Not private fostering: ${reasons.join('; ')}.`,
      reasons,
      false,
    )
  }
  const ongoing = endedOn === null || endedOn > ctx.asOf
  const applies = from <= ctx.asOf
  return eligibilityResult(
    base,
    applies ? (ongoing ? 'eligible-now' : 'not-eligible') : 'eligible-from',
    isoDay(from),
    base.until,
    'CA89 s.66(1): cared for and accommodated by someone other than a parent, a person with parental responsibility or a relative, for 28 days or more',
    applies
      ? ongoing
        ? `Privately fostered since ${fmt(from)} (${nights} nights so far${intendedLong ? ', intended to last 28 days or more' : ''}): the local authority must be notified and visit.`
        : `Was privately fostered from ${fmt(from)}; the arrangement has ended.`
      : `Will be privately fostered from ${fmt(from)} (28 days after the arrangement began) if it continues.`,
    [],
    !applies,
  )
}

/**
 * E-PF for every recorded arrangement, and for living-history spells with non-relatives while the child was not
 * looked after (these may be unreported private fostering).
 * @param ctx - the context
 * @param spells - spells by person
 * @param out - results are appended here
 */
export function evaluatePrivateFostering(
  ctx: EvaluationContext,
  spells: SpellsByPerson,
  out: EligibilityResult[],
): void {
  const people = ctx.history.people
  const recorded: string[] = []
  for (const arrangement of ctx.history.privateFostering ?? []) {
    const person = personById(people, arrangement.carerId)
    const startedOn = dayNumberOf(arrangement.arrangementStartedOn)
    if (person === undefined || startedOn > ctx.asOf) {
      continue
    }
    recorded.push(person.id)
    const ended =
      arrangement.endedOn === null || arrangement.endedOn === undefined ? null : dayNumberOf(arrangement.endedOn)
    out.push(privateFosteringResult(ctx, person, startedOn, ended, arrangement.intendedDays ?? null))
  }
  const limit = birthday(ctx, ctx.history.child.isDisabled === true ? 18 : 16)
  for (let i = 0; i < spells.personIds.length; i++) {
    const personId = spells.personIds[i] as string
    const list = spells.spells[i] as readonly Spell[]
    const person = personById(people, personId)
    if (person === undefined || recorded.includes(personId) || privateFosteringExclusion(person) !== null) {
      continue
    }
    for (const spell of list) {
      const end = spell.to ?? Infinity
      if (
        spell.from < limit &&
        periodOn(ctx, spell.from) === undefined &&
        Math.min(end, ctx.asOf + 1) - spell.from >= 28 &&
        (spell.to === null || spell.to > ctx.asOf - 365)
      ) {
        out.push(privateFosteringResult(ctx, person, spell.from, spell.to, null))
      }
    }
  }
}

// The person with an id (the last one, should the list repeat an id), by a scan: a child has a handful of people.
function personById(people: readonly Person[], id: string): Person | undefined {
  for (let i = people.length - 1; i >= 0; i--) {
    const person = people[i] as Person
    if (person.id === id) {
      return person
    }
  }
  return undefined
}
