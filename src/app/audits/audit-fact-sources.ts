/**
 * Pluggable sources of audit facts the core record does not hold. Each source is asked for a child's facts and may
 * answer a built-in question better (same id) or add its own. Today the Together-or-Apart assessment and life story
 * work are not recorded in this system, so their sources say so honestly; the child's-network work (siblings,
 * Together-or-Apart, life story) registers real sources with {@link registerAuditFactSource} and the form shows them
 * without change.
 */
import type { Tx } from '../../db/client.ts'
import { notRecordedHere, type AuditFact } from '../../domain/audits/audit-facts.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'

export interface AuditFactSource {
  /** A name for the source, unique among sources. */
  readonly name: string
  /** The facts this source holds about a child (read in the request's transaction, so within the authority). */
  readonly factsFor: (tx: Tx, childId: string, today: CalendarDay) => Promise<readonly AuditFact[]>
}

const NOT_YET_RECORDED: AuditFactSource = {
  name: 'not-recorded-in-this-system',
  factsFor: () =>
    Promise.resolve([
      notRecordedHere(
        'together-or-apart-assessment',
        'siblings',
        'Where brothers or sisters live apart, was a Together-or-Apart assessment completed?',
      ),
      notRecordedHere('life-story-work', 'stability', 'Has life story work started?'),
    ]),
}

const sources: AuditFactSource[] = [NOT_YET_RECORDED]

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
