/**
 * Pluggable sources of audit facts the core record does not hold. Each source is asked for a child's facts and may
 * answer a built-in question better (same id) or add its own. The child's network answers the Together-or-Apart
 * and life story questions from what is recorded there; another source (a case-management system's, say) can be
 * added with {@link registerAuditFactSource} and the form shows its facts without change.
 */
import type { Tx } from '../../db/client.ts'
import type { AuditFact } from '../../domain/audits/audit-facts.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { NETWORK_AUDIT_FACTS } from '../network/network-audit-facts.ts'

export interface AuditFactSource {
  /** A name for the source, unique among sources. */
  readonly name: string
  /** The facts this source holds about a child (read in the request's transaction, so within the authority). */
  readonly factsFor: (tx: Tx, childId: string, today: CalendarDay) => Promise<readonly AuditFact[]>
}

const sources: AuditFactSource[] = [NETWORK_AUDIT_FACTS]

/**
 * Adds a source (or replaces one of the same name). A source registered later wins for a fact id both answer.
 * @param source - the source
 */
export function registerAuditFactSource(source: AuditFactSource): void {
  const index = sources.findIndex(s => s.name === source.name)
  if (index >= 0) {
    sources.splice(index, 1, source)
  } else {
    sources.push(source)
  }
}

/**
 * Every source's facts about a child, later sources winning on the same fact id.
 * @param tx - the transaction
 * @param childId - the child
 * @param today - today
 * @returns the facts
 */
export async function extraAuditFacts(tx: Tx, childId: string, today: CalendarDay): Promise<AuditFact[]> {
  const byId = new Map<string, AuditFact>()
  for (const source of sources) {
    for (const fact of await source.factsFor(tx, childId, today)) {
      byId.set(fact.id, fact)
    }
  }
  return [...byId.values()]
}
