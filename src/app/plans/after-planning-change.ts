/**
 * The one place every plan, meeting, panel and agency-decision write calls after it has written, in the same
 * transaction, so the timescale engine recomputes the children's due dates from what was just recorded
 * (issue 3 §7 "every change to a child's record recomputes that child's items in the same transaction";
 * docs/adr/0063-planning-facts-and-the-after-change-hook.md).
 */
import { afterCareRecordChange } from '../timescales/after-care-record-change.ts'
import type { Operation } from '../shared/run-operation.ts'

/**
 * Tells the timescale engine that these children's planning facts changed (plans, meetings, actions, reviews held,
 * panel and agency decisions).
 * @param op - the operation, whose transaction the recompute joins
 * @param childIds - the children concerned
 */
export async function afterPlanningChange(op: Operation, childIds: readonly string[]): Promise<void> {
  const unique = [...new Set(childIds)]
  if (unique.length > 0) {
    await afterCareRecordChange(op, ...unique)
  }
}
