/**
 * Facts for the timescale engine that live outside the care record — plans and meetings, adoption decisions,
 * family time, notices — gathered for a set of children. Each area adds its loader here.
 */
import type { Tx } from '../../db/client.ts'
import { loadNetworkFactsForChildren } from '../../db/repositories/network-facts-repository.ts'
import { loadPlanningFactsForChildren } from '../../db/repositories/planning-facts-repository.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { CaseHistoryExtras } from '../../domain/timescales/case-history-from-record.ts'

/** The extra facts for some children, and what the stored drift measures add to the engine's. */
export interface LoadedExtras {
  /** The engine's extra inputs, by child id (children with none are absent). */
  readonly extras: Map<string, CaseHistoryExtras>
  /**
   * Actions from closed meetings that are open and past their due date, by child id (absent: none), stored with the
   * drift measures so that the team dashboard counts them without reading every meeting (docs/adr/0093).
   */
  readonly overdueActions: Map<string, number>
}

/**
 * Loads the extra facts for some children.
 * @param tx - the transaction
 * @param childIds - the children
 * @param today - the day being evaluated (for the planning facts' "overdue" and "upcoming")
 * @returns extras by child id, and each child's overdue actions
 */
export async function loadCaseHistoryExtras(
  tx: Tx,
  childIds: readonly string[],
  today: CalendarDay,
): Promise<LoadedExtras> {
  const extras = new Map<string, CaseHistoryExtras>()
  const overdueActions = new Map<string, number>()
  // Permanence plans, PPMs, legal gateways and panels, permanence achieved, agency decisions (issue 4;
  // docs/adr/0063-planning-facts-and-the-after-change-hook.md).
  const planning = await loadPlanningFactsForChildren(tx, childIds, today)
  // Family time suspensions, SGO notices and connected persons' temporary approvals (issue 7; docs/network.md).
  const network = await loadNetworkFactsForChildren(tx, childIds)
  for (const childId of childIds) {
    const facts = planning.get(childId)
    const networkFacts = network.get(childId)
    const fromNetwork = networkFacts
      ? {
          ...(networkFacts.contactSuspensions.length > 0
            ? { contactSuspensions: networkFacts.contactSuspensions.map(s => ({ ...s })) }
            : {}),
          ...(networkFacts.sgoNotices.length > 0 ? { sgoNotices: networkFacts.sgoNotices.map(n => ({ ...n })) } : {}),
          ...(networkFacts.connectedPersonApprovals.length > 0
            ? { connectedPersonApprovals: networkFacts.connectedPersonApprovals }
            : {}),
        }
      : {}
    if (!facts) {
      extras.set(childId, fromNetwork)
      continue
    }
    const overdue = facts.meetings.actions.filter(action => action.isOverdue).length
    if (overdue > 0) {
      overdueActions.set(childId, overdue)
    }
    const hasAdoptionDecision = facts.adoption.shouldBePlacedDecisionOn !== null || facts.adoption.matchedOn !== null
    extras.set(childId, {
      ...fromNetwork,
      permanenceMeetings: facts.permanenceMeetings.map(meeting => ({ ...meeting })),
      permanencePlans: facts.permanencePlans.map(plan => ({ ...plan })),
      ...(facts.policyEvents.length > 0 ? { policyEvents: facts.policyEvents.map(event => ({ ...event })) } : {}),
      ...(facts.permanenceAchieved ? { permanenceAchieved: { ...facts.permanenceAchieved } } : {}),
      ...(hasAdoptionDecision ? { adoption: { ...facts.adoption } } : {}),
      ...(facts.longTermFosteringMatchedOn
        ? { longTermFostering: { matchedOn: facts.longTermFosteringMatchedOn } }
        : {}),
    })
  }
  return { extras, overdueActions }
}
