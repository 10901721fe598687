/**
 * Helpers for the timescale engine's unit tests: a minimal valid case history to build on, evaluation with a
 * built-in pack and the built-in calendar, and item lookup. Test-only (imported by `*.test.ts` files).
 */
import { createCalendar } from '../deadlines/calendar.ts'
import type { CalendarDay } from '../shared/calendar-day.ts'
import { type CaseHistory, type CaseHistoryInput, parseCaseHistory } from './case-history.ts'
import { type Evaluation, evaluateCase } from './evaluate-case.ts'
import type { EligibilityResult } from './eligibility/eligibility-result.ts'
import type { TimescaleItem } from './item.ts'
import type { PolicyPack } from './policy-pack.ts'
import { type BuiltInPolicyPackId, loadBuiltInPolicyPack } from './policy-packs.ts'
import type { RuleId } from './rule-ids.ts'

const calendar = createCalendar()

const EMPTY: CaseHistoryInput = {
  child: { dateOfBirth: '2012-05-31' },
  periodsOfCare: [],
  placements: [],
  reviews: [],
  permanenceMeetings: [],
  permanencePlans: [],
  proceedings: [],
  adoption: null,
  healthAssessments: [],
  contactSuspensions: [],
  people: [],
  livingHistory: [],
}

/**
 * A parsed case history: an empty history with the given fields replaced.
 * @param fields - the fields to set
 * @returns the parsed history
 * @throws Error when the result does not satisfy the contract
 */
export function caseHistory(fields: Partial<CaseHistoryInput>): CaseHistory {
  const parsed = parseCaseHistory({ ...EMPTY, ...fields })
  if (!parsed.ok) {
    throw new Error(`Invalid test case history: ${JSON.stringify(parsed.errors)}`)
  }
  return parsed.value
}

/**
 * Evaluates a history with a built-in (or given) pack and the built-in calendar.
 * @param history - the history
 * @param asOf - the evaluation day
 * @param pack - a built-in pack id or a pack (default national)
 * @returns the evaluation
 */
export function evaluate(
  history: CaseHistory,
  asOf: string,
  pack: BuiltInPolicyPackId | PolicyPack = 'national',
): Evaluation {
  return evaluateCase(history, {
    policy: typeof pack === 'string' ? loadBuiltInPolicyPack(pack) : pack,
    calendar,
    asOf: asOf as CalendarDay,
  })
}

/**
 * The items for one rule.
 * @param evaluation - the evaluation
 * @param rule - the rule
 * @returns its items
 */
export function itemsFor(evaluation: Evaluation, rule: RuleId): TimescaleItem[] {
  return evaluation.items.filter(i => i.rule === rule)
}

/**
 * The one item for a rule.
 * @param evaluation - the evaluation
 * @param rule - the rule
 * @returns the item
 * @throws Error unless there is exactly one
 */
export function itemFor(evaluation: Evaluation, rule: RuleId): TimescaleItem {
  const found = itemsFor(evaluation, rule)
  if (found.length !== 1 || found[0] === undefined) {
    throw new Error(`Expected one ${rule} item, found ${found.length}`)
  }
  return found[0]
}

/**
 * The eligibility result for a predicate and person.
 * @param evaluation - the evaluation
 * @param predicate - e.g. `E-SGO`
 * @param personId - the person, or null for the child
 * @returns the result
 * @throws Error unless there is exactly one
 */
export function resultFor(
  evaluation: Evaluation,
  predicate: EligibilityResult['predicate'],
  personId: string | null,
): EligibilityResult {
  const found = evaluation.eligibility.filter(r => r.predicate === predicate && r.personId === personId)
  if (found.length !== 1 || found[0] === undefined) {
    throw new Error(`Expected one ${predicate} result for ${String(personId)}, found ${found.length}`)
  }
  return found[0]
}

/** The case history in issue 3, as written. */
export const ISSUE_EXAMPLE: CaseHistoryInput = {
  child: { dateOfBirth: '2012-05-31' },
  asOf: '2026-02-01',
  periodsOfCare: [{ start: '2025-12-19', end: null, legalStatus: 'C2' }],
  placements: [{ start: '2025-12-19', end: null, placementType: 'U4', carerId: 'P1', intendedUntil18: false }],
  reviews: [{ date: '2026-01-15' }],
  permanenceMeetings: [{ date: '2026-01-06' }],
  permanencePlans: [
    {
      sentToManagerOn: '2026-01-02',
      meetingOn: '2026-01-06',
      endorsedOn: null,
      ratifiedAtReviewOn: null,
      option: 'reunification',
    },
  ],
  proceedings: [
    {
      issuedOn: '2025-01-06',
      extensions: [{ grantedOn: '2025-07-01', weeks: 8 }],
      finalCarePlanFilingOn: '2025-05-30',
      concludedOn: null,
    },
  ],
  adoption: {
    shouldBePlacedDecisionOn: null,
    placementOrderOn: null,
    matchedOn: null,
    placedForAdoptionOn: null,
    adoptionOrderOn: null,
  },
  healthAssessments: [{ date: '2026-01-10', kind: 'initial' }],
  contactSuspensions: [{ start: '2026-01-20', end: null }],
  people: [
    { id: 'P1', relationship: 'grandparent', isLocalAuthorityFosterParent: true, holdsParentalResponsibility: false },
  ],
  livingHistory: [{ personId: 'P1', from: '2020-01-01', to: '2023-04-01' }],
}
