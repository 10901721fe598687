/**
 * The one place every plan, meeting, panel and agency-decision write calls after it has written, in the same
 * transaction, so the timescale engine can recompute the children's due dates from what was just recorded
 * (issue 3 §7 "every change to a child's record recomputes that child's items in the same transaction").
 *
 * The recompute belongs to the timescale work (src/app/timescales). Until it lands this finds it by its agreed name,
 * `afterCareRecordChange(op, childId)` in src/app/timescales/after-care-record-change.ts, and calls it if it is there;
 * when it is merged, replace the lookup below with a plain import (docs/adr/0063).
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Operation } from '../shared/run-operation.ts'

type Recompute = (op: Operation, childId: string) => Promise<void>

let recompute: Promise<Recompute | null> | undefined

async function findRecompute(): Promise<Recompute | null> {
  const url = new URL('../timescales/after-care-record-change.ts', import.meta.url)
  if (!existsSync(fileURLToPath(url))) {
    return null
  }
  const module = (await import(url.href)) as Record<string, unknown>
  const candidate = module.afterCareRecordChange
  return typeof candidate === 'function' ? (candidate as Recompute) : null
}

/**
 * Tells the timescale engine that these children's planning facts changed (plans, meetings, actions, reviews held,
 * panel and agency decisions).
 * @param op - the operation, whose transaction the recompute joins
 * @param childIds - the children concerned
 */
export async function afterPlanningChange(op: Operation, childIds: readonly string[]): Promise<void> {
  recompute ??= findRecompute()
  const run = await recompute
  if (run === null) {
    return
  }
  for (const childId of new Set(childIds)) {
    await run(op, childId)
  }
}
