/**
 * The result of a legal-route predicate (rules.md §4): for one person (or the child) and one order or status,
 * whether it applies now, from which date, by which route, and why not otherwise.
 */
import type { CalendarDay } from '../../shared/calendar-day.ts'

/** The predicates of rules.md §4. */
export type EligibilityPredicate = 'E-CAO' | 'E-SGO' | 'E-ADO' | 'E-ELIG' | 'E-STAYPUT' | 'E-PF'

/**
 * - `eligible-now`: may apply now (or, for E-ELIG/E-STAYPUT/E-PF, the status applies now);
 * - `eligible-from`: will qualify on `from` if nothing changes (e.g. the child keeps living there);
 * - `needs-leave`: may apply only with the court's leave;
 * - `not-eligible`: no route (reasons say why).
 */
export type EligibilityStatus = 'eligible-now' | 'eligible-from' | 'needs-leave' | 'not-eligible'

/** One predicate's answer. */
export interface EligibilityResult {
  readonly predicate: EligibilityPredicate
  readonly personId: string | null
  readonly order: 'child-arrangements-order' | 'special-guardianship-order' | 'adoption-order' | null
  readonly status: EligibilityStatus
  /** The day the route opens (today when eligible now). */
  readonly from: CalendarDay | null
  /** The last day it lasts, when it ends (e.g. the day before the 18th birthday). */
  readonly until: CalendarDay | null
  /** The statutory route, e.g. `CA89 s.10(5B): relative with whom the child has lived for one year`. */
  readonly route: string | null
  readonly source: string
  /** One plain-English sentence. */
  readonly explanation: string
  /** Conditions and the reasons other routes do not apply. */
  readonly reasons: readonly string[]
  /** True when the answer assumes the present continues (e.g. the child keeps living with the carer). */
  readonly provisional: boolean
}

/**
 * Builds a result field by field (no object spread: this runs for every person around every child).
 * @param head - predicate, person, order and source
 * @param status - the answer
 * @param from - when the route opens
 * @param until - when it ends
 * @param route - the statutory route
 * @param explanation - one sentence
 * @param reasons - conditions and reasons
 * @param provisional - whether it assumes the present continues
 * @returns the result
 */
export function eligibilityResult(
  head: Pick<EligibilityResult, 'predicate' | 'personId' | 'order' | 'source'>,
  status: EligibilityStatus,
  from: CalendarDay | null,
  until: CalendarDay | null,
  route: string | null,
  explanation: string,
  reasons: readonly string[],
  provisional: boolean,
): EligibilityResult {
  return {
    predicate: head.predicate,
    personId: head.personId,
    order: head.order,
    source: head.source,
    status,
    from,
    until,
    route,
    explanation,
    reasons,
    provisional,
  }
}
