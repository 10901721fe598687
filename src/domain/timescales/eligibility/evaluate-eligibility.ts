/**
 * All legal-route predicates for one child (rules.md §4): E-CAO, E-SGO and E-ADO for every person in the child's
 * network (professionals excluded; E-ADO not for the child's own parents), then E-ELIG and E-STAYPUT for the child,
 * and E-PF for private-fostering arrangements.
 */
import { PARENT_RELATIONSHIPS } from '../../children/codes.ts'
import type { EvaluationContext } from '../context.ts'
import type { EligibilityResult } from './eligibility-result.ts'
import { type EligibleChildStatus, eligibleChildResult, stayingPutResult } from './eligible-child.ts'
import { type Spell, spellsByPerson, spellsOf } from './living-history.ts'

const NO_SPELLS: readonly Spell[] = []
import {
  adoptionRoute,
  childArrangementsOrderRoute,
  childFacts,
  personFacts,
  specialGuardianshipRoute,
} from './orders.ts'
import { evaluatePrivateFostering } from './private-fostering.ts'

/**
 * Evaluates every predicate.
 * @param ctx - the context
 * @param eligible - the eligible-child status (shared with CL-01)
 * @returns the results, people first in the order given, then the child
 */
export function evaluateEligibility(ctx: EvaluationContext, eligible: EligibleChildStatus): EligibilityResult[] {
  const out: EligibilityResult[] = []
  const spells = spellsByPerson(ctx)
  const child = childFacts(ctx)
  for (const person of ctx.history.people) {
    if (person.relationship === 'teacher' || person.relationship === 'professional') {
      continue
    }
    const facts = personFacts(ctx, person, spellsOf(spells, person.id) ?? NO_SPELLS, child)
    out.push(childArrangementsOrderRoute(ctx, person, facts))
    out.push(specialGuardianshipRoute(ctx, person, facts))
    if (!PARENT_RELATIONSHIPS.has(person.relationship)) {
      out.push(adoptionRoute(ctx, person, facts))
    }
  }
  out.push(eligibleChildResult(ctx, eligible))
  out.push(stayingPutResult(ctx, eligible))
  evaluatePrivateFostering(ctx, spells, out)
  return out
}
