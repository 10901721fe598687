/**
 * Facts for the timescale engine that live outside the care record — plans and meetings, adoption decisions,
 * family time, notices — gathered for a set of children. Each area adds its loader here.
 */
import type { Tx } from '../../db/client.ts'
import { loadNetworkFactsForChildren } from '../../db/repositories/network-facts-repository.ts'
import { loadPlanningFactsForChildren } from '../../db/repositories/planning-facts-repository.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { CaseHistoryExtras } from '../../domain/timescales/case-history-from-record.ts'

/**
 * Loads the extra facts for some children.
 * @param tx - the transaction
 * @param childIds - the children
 * @param today - the day being evaluated (for the planning facts' "overdue" and "upcoming")
 * @returns extras by child id (children with none are absent)
 */
export async function loadCaseHistoryExtras(
  tx: Tx,
  childIds: readonly string[],
  today: CalendarDay,
): Promise<Map<string, CaseHistoryExtras>> {
  const extras = new Map<string, CaseHistoryExtras>()
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
  return extras
}
