import { setChangeReason } from '../../db/client.ts'
import { updatePanelRequest } from '../../db/repositories/panels-repository.ts'
import { insertDecisionEvents } from '../../db/repositories/plans-repository.ts'
import { submitPanelRequest as submit } from '../../domain/panels/panel-request.ts'
import type { Operation } from '../shared/run-operation.ts'
import { authoriseMeetingChildren } from '../meetings/meeting-support.ts'
import { afterPlanningChange } from '../plans/after-planning-change.ts'
import { assertRowVersion, orRefuse, planActor, planningContextOf, rowVersionAfter } from '../plans/plan-support.ts'
import { planningSettingsFor } from '../plans/planning-settings.ts'
import { assignPanelToHear, loadChildPanelRequest } from './panel-request-support.ts'

/**
 * Submits a draft panel request for decision (the routing is checked again against the authority's threshold).
 * @param op - the operation
 * @param childId - the child the request is about
 * @param requestId - the request
 * @param expectedRowVersion - the row version the user saw
 * @returns the new row version
 */
export async function submitPanelRequest(
  op: Operation,
  childId: string,
  requestId: string,
  expectedRowVersion: number,
): Promise<{ rowVersion: number; status: string }> {
  const stored = await loadChildPanelRequest(op, childId, requestId, 'plan:edit')
  await authoriseMeetingChildren(op, childId, stored.request.childIds, 'plan:edit')
  assertRowVersion(stored.rowVersion, expectedRowVersion)
  const settings = await planningSettingsFor(op)
  const { request, event } = orRefuse(submit(stored.request, planActor(op), op.today, settings.panel))
  await setChangeReason(op.tx, 'Panel request submitted')
  const rowVersion = rowVersionAfter(
    await updatePanelRequest(op.tx, planningContextOf(op), request, expectedRowVersion),
    expectedRowVersion,
    'Panel request',
  )
  await insertDecisionEvents(op.tx, planningContextOf(op), [event])
  await assignPanelToHear(op, request)
  await afterPlanningChange(op, request.childIds)
  return { rowVersion, status: request.status }
}
